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
