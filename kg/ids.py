"""Stable identifiers and IRIs derived from names (same input, same ids).

>>> slug("Ford Motor Company")
'ford-motor-company'
>>> slug("PT Bank Rakyat Indonesia (Persero) Tbk")
'pt-bank-rakyat-indonesia-persero-tbk'
>>> slug("小米")  # no Latin letters left: a short hash keeps it unique
'x-1941078b8c'
>>> entity_iri("xiaomi")
'https://w3id.org/kg/resource/entity/xiaomi'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

BASE = "https://w3id.org/kg/"
ONTOLOGY = BASE + "ontology#"
RESOURCE = BASE + "resource/"

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def _digest(text: str, n: int = 10) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def slug(name: str, *, max_len: int = 80) -> str:
    """A lowercase ASCII id for a name; names that fold to nothing get a hash.

    Long names are cut and given a hash suffix, so ids stay short and distinct.

    >>> slug("Électricité de France")
    'electricite-de-france'
    >>> len(slug("x" * 500)) <= 80
    True
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    s = _NON_ALNUM.sub("-", folded.lower()).strip("-")
    if not s:
        return "x-" + _digest(name)
    if len(s) > max_len:
        s = s[: max_len - 11].rstrip("-") + "-" + _digest(name)
    return s


def content_hash(text: str) -> str:
    """A short content hash of an article text (to spot re-ingested articles).

    >>> content_hash("abc")
    'a9993e364706816a'
    """
    return _digest(text, 16)


def _iri(kind: str, ident: str) -> str:
    """An IRI under ``RESOURCE/kind/``; ids are slugs already, but article ids come from users.

    Percent-encoded, and "." / ".." path segments are encoded too, because RFC 3986
    resolution would otherwise turn the article "../entity/xiaomi" into an entity.

    >>> _iri("article", "../entity/x y")
    'https://w3id.org/kg/resource/article/%2E%2E/entity/x%20y'
    """
    path = quote(ident, safe="-._~/")
    segments = ["%2E" * len(seg) if seg in (".", "..") else seg for seg in path.split("/")]
    return f"{RESOURCE}{kind}/{'/'.join(segments)}"


def entity_iri(entity_id: str) -> str:
    return _iri("entity", entity_id)


def link_iri(link_id: str) -> str:
    return _iri("relation", link_id)


def article_iri(article_id: str) -> str:
    return _iri("article", article_id)


def graph_iri(article_id: str) -> str:
    """The named graph that holds one article's claims."""
    return _iri("graph", article_id)


def claim_iri(article_id: str, link_id: str) -> str:
    return _iri("claim", f"{article_id}/{link_id}")
