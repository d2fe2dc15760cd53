"""The relation model file: the cue table it carries and its JSON (weights rounded, byte-stable).

Written by :func:`kg.train.relations.train_model`; read by :mod:`kg.extract.relmodel`.

>>> sorted(cue_table()) == sorted(languages())
True
"""

from __future__ import annotations

import json
from typing import Any

from kg.extract import relmodel
from kg.resources import languages

DIGITS = 4  # weights are rounded so that the JSON is small and byte-stable


def cue_table() -> dict[str, dict[str, Any]]:
    """Cue phrases (with their exact flag) and affix rules of every language lexicon, for the model file."""
    from kg.extract.lexicon import load_lexicon

    out: dict[str, dict[str, Any]] = {}
    for lang in languages():
        lex = load_lexicon(lang)
        rows = {(c.words, str(c.relation or c.status), c.exact) for c in (*lex.relation_cues, *lex.status_cues)}
        rows |= {(tuple(w.split()), "negation", True) for w in lex.negations if w.split()}
        out[lang] = {"entries": [[list(w), c, e] for w, c, e in sorted(rows)],
                     "prefixes": [list(p) for p in lex.prefixes], "suffixes": [list(p) for p in lex.suffixes]}
    return out


def untrained(kind: str, cues: dict[str, Any]) -> relmodel.Model:
    """A model with no weights, for computing features (its kind and cue table matter)."""
    return relmodel.Model({"format": relmodel.FORMAT, "kind": kind, "labels": ["none"], "features": [],
                           "weights": [], "bias": [0.0], "cues": cues}, source="cues")


def model_json(kind: str, classes: list[str], vocab: list[str], w: Any, b: Any, cues: dict[str, Any],
               threshold: float, meta: dict[str, Any],
               trusted: dict[str, dict[str, float]] | None = None) -> tuple[str, relmodel.Model]:
    """The model file's text (one JSON line) and the model it loads as; features whose weights all round
    to zero are left out."""
    keep = [k for k in range(len(vocab)) if abs(w[k]).max() >= 10 ** -DIGITS]
    data = {
        "format": relmodel.FORMAT,
        "kind": kind,
        "labels": classes,
        "threshold": threshold,
        **({"trusted": trusted} if trusted is not None else {}),
        "training": meta,
        "cues": cues,
        "bias": [round(float(v), DIGITS) for v in b],
        "features": [vocab[k] for k in keep],
        "weights": [[round(float(v), DIGITS) for v in w[k]] for k in keep],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return text, relmodel.Model(json.loads(text), source=kind)
