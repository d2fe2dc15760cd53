"""Build ``ontology/models/clusters-<language>.tsv``: word clusters learnt from unlabelled training text.

The named-entity taggers (``kg/extract/nerfeat.py``) read a word's cluster and its neighbours' as
features, so that a name never seen in the labelled sentences still looks like the names of its
cluster (``docs/ner.md``). The clusters come from word vectors (gensim Word2Vec, skip-gram) trained on
every text kg may train on, never a dev or test text:

* ``id``: the sentences of the Indonesian training sets of the tagger (``kg.train.ner_data.SOURCES``:
  idner-news-2k train, NER-UI, NERGRIT, NERP), kg's annotated units of the train split, and the CNBC
  Indonesia headlines of ``../shared/corpus/id`` on the train side of the split;
* ``en``: CoNLL04 train, KnowledgeNet and Re-DocRED texts, kg's English train units and the
  Reuters-21578 documents of ``../shared/corpus/en`` on the train side of the split.

A text is left out when its document is on the test side (``split_of``) or its folded text equals a
test unit's or a dev sentence's (``held_out_key``); the seed article (``../shared/eval/seed.gold.json``
reads it) is an evaluation text and is not read. The lower-cased words seen at least ``--min-count``
times are clustered twice with k-means (scikit-learn): ``--fine`` clusters of the unit vectors, then
``--coarse`` clusters of those clusters' centres, so a word's cluster ``"c/f"`` has a coarse prefix.

Everything is seeded and single-threaded, so the same data gives the same bytes (the hash seed is
fixed by re-running the script under ``PYTHONHASHSEED=0``). Needs gensim (the ``train`` extra); kg's
tagger only reads the file.

    python scripts/build_clusters.py                 # writes clusters-id.tsv and clusters-en.tsv
    python scripts/build_clusters.py --languages id --check   # rebuild in memory and compare bytes
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

# Settings of the vectors and the clusters (the file's header repeats them).
SETTINGS = {"vector_size": 100, "window": 2, "sg": 1, "negative": 5, "epochs": 10, "seed": 1}
CORPUS = {"id": "corpus/id/cnbc-indonesia-headlines.jsonl", "en": "corpus/en/reuters-21578-acq.jsonl"}
LICENCE = {
    "id": ("Derived from: idner-news-2k train (MIT), IndoLEM NER-UI (CC BY 4.0), NERGRIT (free use crediting its "
           "contributors), NERP (CC BY-SA 4.0), CNBC Indonesia headlines and kg's annotations (MIT). "
           "Licence: CC BY-SA 4.0 (NERP), as ner-id.tsv.gz."),
    "en": ("Derived from: CoNLL04 train (research data, no explicit licence), KnowledgeNet (CC BY-SA 4.0), "
           "Re-DocRED (MIT; English Wikipedia, CC BY-SA), Reuters-21578 (research use) and kg's annotations (MIT). "
           "Research use only, as ner-en.tsv.gz."),
}


def texts(language: str, shared: Path) -> Iterator[str]:
    """Every unlabelled text of ``language`` the clusters are learnt from, in a fixed order."""
    from eval_annotations import annotations_module

    from kg.annotations import split_of
    from kg.train.ner_data import DEV, SOURCES

    ann = annotations_module()
    _, held = ann.held_out(shared=shared)
    for rel in sorted({DEV["id"], DEV["en"], "eval/idner/test.gold.jsonl", "eval/conll04/test.gold.jsonl"}):
        if (shared / rel).is_file():
            held |= {ann.held_out_key(json.loads(x)["text"]) for x in (shared / rel).read_text("utf-8").splitlines()}
    test_ids = {u.doc_id for u in ann.read_units() if u.split == "test"}

    def keep(doc_id: str, text: str) -> bool:
        return doc_id not in test_ids and ann.held_out_key(text) not in held

    for ex in ann.examples("train", shared=shared):
        if ex.unit.language == language and keep(ex.unit.doc_id, ex.text):
            yield ex.text
    for rel, _, _ in SOURCES[language]:
        for line in (shared / rel).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if keep(rec["doc_id"], rec["text"]):
                yield rec["text"]
    for line in (shared / CORPUS[language]).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if split_of(rec["id"]) == "train" and keep(rec["id"], rec["text"]):
            yield rec["text"]


def sentences(language: str, shared: Path) -> list[list[str]]:
    """The texts as lists of lower-cased tokens (kg's tokenizer), one list per line of text."""
    from kg.extract.text import tokenize

    out = []
    for text in texts(language, shared):
        for line in text.split("\n"):
            toks = [t.text.lower() for t in tokenize(line)]
            if toks:
                out.append(toks)
    return out


def clusters(sents: Sequence[Sequence[str]], min_count: int, fine: int, coarse: int) -> dict[str, str]:
    """Each word with a letter seen at least ``min_count`` times -> ``"coarse/fine"`` cluster."""
    import numpy as np
    from gensim.models import Word2Vec
    from sklearn.cluster import KMeans

    model = Word2Vec(sentences=[list(s) for s in sents], min_count=min_count, workers=1, **SETTINGS)
    words = sorted(w for w in model.wv.index_to_key if any(c.isalpha() for c in w))
    vecs = np.array([model.wv[w] for w in words], dtype=np.float64)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)  # cosine geometry
    km = KMeans(n_clusters=fine, n_init=3, random_state=SETTINGS["seed"]).fit(vecs)
    top = KMeans(n_clusters=coarse, n_init=10, random_state=SETTINGS["seed"]).fit(km.cluster_centers_)
    return {w: f"{top.labels_[f]}/{f}" for w, f in zip(words, km.labels_.tolist(), strict=True)}


def lines(language: str, found: dict[str, str], n_sents: int, n_tokens: int, args: argparse.Namespace) -> list[str]:
    import gensim
    import sklearn

    header = [
        f"# Word clusters for kg's {language!r} named-entity tagger (kg/extract/nerfeat.py): word<TAB>coarse/fine.",
        f"# {len(found)} lower-cased words seen at least {args.min_count} times in {n_sents} lines "
        f"({n_tokens} tokens) of unlabelled training text",
        "#   (scripts/build_clusters.py names the sets; no dev or test text).",
        f"# Word2Vec (gensim {gensim.__version__}) {json.dumps(SETTINGS, sort_keys=True)}, workers 1; k-means "
        f"(scikit-learn {sklearn.__version__}) {args.fine} fine clusters, their centres in {args.coarse} coarse.",
        f"# {LICENCE[language]}",
        f"# Regenerate: python scripts/build_clusters.py --languages {language}",
    ]
    return [*(h + "\n" for h in header), *(f"{w}\t{c}\n" for w, c in sorted(found.items()))]


def main(argv: Sequence[str] | None = None) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0" or os.environ.get("OMP_NUM_THREADS") != "1":
        env = {**os.environ, "PYTHONHASHSEED": "0", "OMP_NUM_THREADS": "1"}
        os.execve(sys.executable, [sys.executable, __file__, *(sys.argv[1:] if argv is None else argv)], env)
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "ontology" / "models")
    ap.add_argument("--languages", default="id")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--fine", type=int, default=400)
    ap.add_argument("--coarse", type=int, default=40)
    ap.add_argument("--check", action="store_true", help="compare with the files in --out; write nothing")
    args = ap.parse_args(argv)
    from kg.io import atomic_write

    status = 0
    for lang in [x for x in args.languages.split(",") if x]:
        sents = sentences(lang, args.shared)
        found = clusters(sents, args.min_count, args.fine, args.coarse)
        rows = lines(lang, found, len(sents), sum(map(len, sents)), args)
        path = args.out / f"clusters-{lang}.tsv"
        if args.check:
            same = path.is_file() and path.read_text(encoding="utf-8") == "".join(rows)
            print(f"{path}: {'identical' if same else 'DIFFERS'}")
            status |= not same
        else:
            atomic_write(path, rows)
            print(f"{path}: {len(found)} words, {len(sents)} lines of text")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
