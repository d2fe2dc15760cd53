"""kg.train.typer: the context typer's examples, weights and decision."""

from __future__ import annotations

from types import SimpleNamespace as NS

from kg.extract.gazindex import gaz_index
from kg.extract.text import tokenize
from kg.extract.typer import NONE, parse
from kg.train.relations import folds_of
from kg.train.typer import (
    Candidate,
    Example,
    choose,
    fit,
    fold_of,
    mapped_type,
    mention_examples,
    with_decision,
)


def _examples() -> list[Example]:
    rows = [("pengguna", "iphone", "Product"), ("pengguna", "ipad", "Product"), ("saham", "astra", "Company"),
            ("saham", "indofood", "Company"), ("pengguna", "galaxy", "Product"), ("saham", "unilever", "Company")]
    return [Example(f"d{k}", (f"L1={left}", f"h={head}"), label) for k, (left, head, label) in enumerate(rows)]


def test_same_data_same_bytes() -> None:
    a = with_decision(fit(_examples(), 1.0), {"pairs": [["Company", "Product", "caseless", 0.2]], "drop": {}})
    b = with_decision(fit(_examples(), 1.0), {"pairs": [["Company", "Product", "caseless", 0.2]], "drop": {}})
    assert a == b
    model = parse(__import__("json").loads(a))
    # the neighbour seen with products pulls an unseen head towards Product
    probs = model.probabilities(["L1=pengguna", "h=xperia"])
    assert probs["Product"] > probs["Company"]


def test_folds_are_the_relation_classifiers() -> None:
    ids = [f"nerp-train-{n}@0" for n in range(50)] + ["cnbc-7@0", "cnbc-7@40"]
    assert [fold_of(i) for i in ids] == folds_of([NS(id=i) for i in ids])


def test_coarse_types_of_the_ner_sets_are_mapped_by_the_gazetteer() -> None:
    assert mapped_type("Organization", "Company") == "Company"
    assert mapped_type("Organization", None) is None  # a company or another body: the set does not say
    assert mapped_type("Place", "Country") == "Country"
    assert mapped_type("Place", None) == "Place"
    assert mapped_type("Product", None) == "Product"


def test_unmarked_sector_words_are_negatives() -> None:
    toks = tokenize("Saham Perbankan Melonjak, Investor Senang")
    gaz = gaz_index("id")
    got = mention_examples("d", toks, [], gaz, negatives=True)
    assert got and all(e.label == NONE for e in got)
    assert mention_examples("d", toks, [(1, 2, "Sector")], gaz, negatives=True)[0].label == "Sector"
    assert len(mention_examples("d", toks, [(1, 2, "Sector")], gaz, negatives=True)) == 1


def _cands(right: int, wrong: int, p: float) -> list[Candidate]:
    probs = {"Company": 1 - p, "Product": p, NONE: 0.0}
    return ([Candidate("Company", "Product", "caseless", probs)] * right
            + [Candidate("Company", "Company", "caseless", probs)] * wrong)


def test_a_pair_is_allowed_only_where_it_fixes_more_than_it_breaks() -> None:
    # sure and mostly right: allowed; unsure and mostly wrong: not
    d = choose(_cands(5, 1, 0.95) + _cands(1, 6, 0.6))
    # the largest margin that keeps the sure ones (P(Product) - P(Company) = 0.9) and leaves the unsure (0.2)
    assert d["pairs"] == [["Company", "Product", "caseless", 0.8]]
    assert choose(_cands(1, 6, 0.6))["pairs"] == []
    assert choose(_cands(5, 1, 0.95))["drop"] == {}


def test_folds_are_those_of_the_cross_validated_taggers() -> None:
    # scripts/train_typer.py --taggers reads fold k's units with scripts/cv_hybrid.py's fold-k taggers: the
    # typer's fold k must hold the units those taggers left out (cv_hybrid names a unit <document>:<offset>)
    from tests.scripts import load_script

    cv = load_script("scripts/cv_hybrid.py")
    docs = [f"nerp-train-{n}" for n in range(40)] + ["cnbc-7", "cnbc-1203", "reuters-19"]
    for k in (3, 5):
        assert [fold_of(f"{d}@0", k) for d in docs] == [cv.fold_of(f"{d}:40", k) for d in docs]
        assert len({fold_of(d, k) for d in docs}) == k


def test_no_pair_retypes_into_sector() -> None:
    # a sector word is output only when a link names it: a retyping into Sector cannot be scored on candidates
    probs = {"Company": 0.05, "Sector": 0.95, NONE: 0.0}
    cands = [Candidate("Company", "Sector", "cased", probs)] * 5
    assert choose(cands)["pairs"] == []
    assert choose([Candidate("Sector", "Company", "cased", {"Company": 0.95, "Sector": 0.05, NONE: 0.0})] * 5
                  )["pairs"] == [["Sector", "Company", "cased", 0.8]]
