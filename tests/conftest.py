from __future__ import annotations

from pathlib import Path

import pytest

from tests.sample import sample_graph

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def graph():
    """The hand-made sample KnowledgeGraph (tests/sample.py)."""
    return sample_graph()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture
def pair_classifier(monkeypatch: pytest.MonkeyPatch):
    """Install a stub in place of kg's pair classifier: ``pair_classifier(stub)``, where
    ``stub(tokens, a, b, language=..., models=...)`` answers one pair as ``pairscore.classify`` does;
    the pipeline asks for a sentence's pairs at once (``pairscore.classify_pairs``) or an article's
    (``pairscore.classify_many``)."""
    from kg.extract import pairscore

    def install(stub):  # type: ignore[no-untyped-def]
        def classify_pairs(tokens, pairs, *, language, models=None):  # type: ignore[no-untyped-def]
            return [stub(tokens, a, b, language=language, models=models) for a, b in pairs]

        def classify_many(sentences, *, language, models=None):  # type: ignore[no-untyped-def]
            return [classify_pairs(t, p, language=language, models=models) for t, p in sentences]

        monkeypatch.setattr(pairscore, "classify_pairs", classify_pairs)
        monkeypatch.setattr(pairscore, "classify_many", classify_many)

    return install
