"""Training kg's named-entity taggers (CRF, python-crfsuite) and scoring them.

One CRF per language (L-BFGS, fixed settings, nothing random) over the sentences
:mod:`kg.train.ner_data` reads, plus title-cased copies of the sentences that carry
capitals, so that casing is learnt rather than trusted; and a caseless model per language
(``caseless=True``) for text without capitals, trained on lowercased copies of the same
sentences, with word lists that do not depend on case (:func:`caseless_resources`). Used by ``kg train``
(:mod:`kg.train_cli`) and ``scripts/train_ner.py`` (which writes the shipped
``ontology/models/ner-<language>.tsv.gz``; same data, same bytes).

Word lists learnt from training sentences (lowercase vocabulary, entity names,
the usual type of a name token) are computed jackknife-style for training: each
tenth of the sentences sees lists built from the other nine tenths, so the CRF
learns how far to trust them on unseen text. The model gets the lists of all
training sentences.

>>> prf(3, 4, 6)
(0.75, 0.5, 0.6)
>>> norm("PT. Astra  International!")
'pt astra international'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kg.extract.bio import align, spans_to_bio
from kg.extract.casing import CASINGS
from kg.extract.lexicon import load_lexicon
from kg.extract.ner import TYPES, Model, Resources, features
from kg.extract.nerfeat import names_path, read_clusters, read_names
from kg.resources import ontology_dir, read_lines
from kg.train.ner_data import DEV, Doc, recased, title_copies

__all__ = ["JACKKNIFE", "PARAMS", "Counts", "by_casing", "caseless_resources", "labels", "names_path", "norm",
           "predictor", "prf", "read_names", "report", "resources", "score", "train",
           "without_unmarked_organisations"]

PARAMS: dict[str, object] = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}
JACKKNIFE = 10
Span = tuple[int, int, str]  # character offsets and type


# -- word lists -------------------------------------------------------------------------------------------

def resources(docs: Sequence[Doc], names: Sequence[tuple[str, str]], language: str, *,
              clusters: bool = False) -> Resources:
    """Word lists learnt from ``docs`` plus the fixed ones (names, stop words, headline verbs, affix rules;
    with ``clusters`` the language's word clusters, :func:`kg.extract.nerfeat.read_clusters`: opt-in, as on
    the full training data they did not help, docs/ner.md)."""
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
                     suffixes=[a + ">" + r for a, r in lex.suffixes],
                     clusters=read_clusters(language) if clusters else None)


def caseless_resources(docs: Sequence[Doc], names: Sequence[tuple[str, str]], language: str, *,
                       clusters: bool = False) -> Resources:
    """:func:`resources` for the caseless model: the vocabulary of words seen in lower case comes from
    the sentences that carry capitals only (in lowercased text every word is seen in lower case), and
    names and name tokens are lowercased, as the text the model reads."""
    has_caps = [any(c.isupper() for c in d.text) for d in docs]
    res = resources([d for d, c in zip(docs, has_caps, strict=True) if c], names, language, clusters=clusters)
    # the names of the lowercase sentences (NERP), which resources() left out with their vocabulary
    entity = {("e" + typ, " ".join(d.text[a:b].split())) for d, c in zip(docs, has_caps, strict=True) if not c
              for a, b, typ in d.gold if typ in TYPES}
    token_type: dict[str, str] = {}
    for w, typ in sorted(res.token_type.items()):  # sorted: the same winner on every run
        token_type.setdefault(w.lower(), typ)
    return Resources(vocab=res.vocab, stop=res.stop, common=res.common, token_type=token_type,
                     names={(k, n.lower()) for k, n in (*res.names, *entity)}, verbs=res.verbs,
                     prefixes=res.prefixes, suffixes=res.suffixes, caseless=True, clusters=res.clusters)


def without_unmarked_organisations(docs: Sequence[Doc], language: str) -> list[Doc]:
    """``docs`` less the sentences of a source whose scheme has no Organization (NERP: persons, places and
    "product or brand") that hold a known organisation name unmarked: "kementerian keuangan", "kpk" and
    "badan pusat statistik" are O there, and lowercased they teach the caseless model that organisations
    are no names. Known: a name the other sources tag Organization at least twice that is no ordinary
    word of the language (:func:`kg.extract.edges.is_ordinary_word`: "antara", "who")."""
    from kg.extract.edges import is_ordinary_word

    lex = load_lexicon(language)
    typed: dict[str, set[str]] = {}
    for d in docs:
        typed.setdefault(d.source, set()).update(typ for _, _, typ in d.gold)
    seen: Counter[str] = Counter(" ".join(d.text[a:b].lower().split()) for d in docs
                                 if "Organization" in typed[d.source] for a, b, typ in d.gold if typ == "Organization")
    known = {n for n, k in seen.items() if k >= 2 and len(n) > 2 and (" " in n or not is_ordinary_word(n, lex))}
    out = []
    for d in docs:
        if "Organization" in typed[d.source] or not typed[d.source]:
            out.append(d)
            continue
        marked = {k for a, b, _ in d.gold for k in range(a, b)}
        words = [t.text.lower() if t.start not in marked else "\t" for t in d.tokens]
        grams = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(i + 7, len(words) + 1))}
        if not grams & known:
            out.append(d)
    return out


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
          tmp: Path, *, augment: bool = True, company: dict[str, float] | None = None,
          caseless: bool = False, clusters: bool = False) -> tuple[Model, Path]:
    """A model of ``language`` from ``docs`` (and their title-cased copies); also returns the crfsuite
    file (for the agreement check). A copy goes with its sentence into the same jackknife part.
    ``caseless``: the model for text without capitals, trained on the lowercased sentences only;
    ``clusters``: with word-cluster features (``ontology/models/clusters-<language>.tsv``)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(params)
    def lists(ds: Sequence[Doc], names: Sequence[tuple[str, str]], language: str) -> Resources:
        return (caseless_resources if caseless else resources)(ds, names, language, clusters=clusters)

    if caseless:
        docs = without_unmarked_organisations(docs, language)
    for part in range(JACKKNIFE):
        res = lists([d for n, d in enumerate(docs) if n % JACKKNIFE != part], names, language)
        for n, d in enumerate(docs):
            if n % JACKKNIFE == part and d.tokens:
                copies = recased([d], "lower") if caseless else [d, *(title_copies([d]) if augment else [])]
                for x in copies:
                    trainer.append(features(x.tokens, res), labels(x))
    path = tmp / f"ner-{language}{'-lower' if caseless else ''}.crfsuite"
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    info = tagger.info()
    labs = sorted(info.labels, key=lambda lab: int(info.labels[lab]))
    model = Model(language, labs, info.transitions, info.state_features, lists(docs, names, language), company)
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
    """Precision, recall and F1 from true positives, predictions and gold items."""
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
    """Print P/R/F1 per type, by span and by name."""
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
