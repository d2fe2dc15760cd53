"""A tiny tagger trained twice on hand-written sentences: what the training tests share."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from kg.extract.ner import Model
from tests.scripts import load_script


def train_twice(tmp_path: Path, sentences: Sequence[tuple[str, Sequence[tuple[str, str]]]],
                lists: Sequence[tuple[str, str]], *, caseless: bool = False, clusters: bool = False) -> Model:
    """Train ``scripts/train_ner.py``'s tagger twice on ``sentences`` (each four times, with its names),
    assert both runs write the same bytes, and return the model read back from the file."""
    pytest.importorskip("pycrfsuite")
    mod = load_script("scripts/train_ner.py")
    from ner_data import make_doc

    docs = []
    for n, (text, names) in enumerate(list(sentences) * 4):
        ments = [(text.index(x), text.index(x) + len(x), t) for x, t in names]
        docs.append(make_doc(f"t-{n}", "id", text, ments, "test"))
    params = {**mod.PARAMS, "max_iterations": 30}
    outs = []
    for k in range(2):
        (tmp_path / str(k)).mkdir()
        kw = {**({"caseless": True} if caseless else {}), **({"clusters": True} if clusters else {})}
        model, _ = mod.train(docs, "id", list(lists), params, tmp_path / str(k), **kw)
        outs.append(model.write(tmp_path / str(k) / "m.tsv.gz", ["tiny"]).read_bytes())
    assert outs[0] == outs[1]
    return Model.read(tmp_path / "0" / "m.tsv.gz")
