"""Shared checks for the reader tests."""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError
from kg.model import Article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "readers"
NEWS = FIXTURES / "news"


def region_texts(article: Article) -> list[str]:
    return [article.text[s:e] for s, e in article.regions]


def assert_regions_valid(article: Article) -> None:
    """Regions are non-empty, trimmed, in order, non-overlapping spans inside the text."""
    assert article.regions, article.id
    end = 0
    for s, e in article.regions:
        assert end <= s < e <= len(article.text), (article.id, s, e)
        piece = article.text[s:e]
        assert piece == piece.strip(), (article.id, piece)
        end = e


def split(items: list[Article | InputError]) -> tuple[list[Article], list[InputError]]:
    arts = [x for x in items if isinstance(x, Article)]
    errs = [x for x in items if isinstance(x, InputError)]
    assert len(arts) + len(errs) == len(items)
    return arts, errs
