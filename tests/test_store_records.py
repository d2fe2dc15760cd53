"""Store records give back exactly the extraction that was saved."""

from __future__ import annotations

import json

from kg.model import Article, Entity, Evidence, Extraction, Relation, Span
from kg.store_records import article_hash, extraction_from_record, record, record_name


def test_records_round_trip_exactly() -> None:
    x = Extraction(
        Article(
            "a/1",
            'Ünïcode "quotes"\n<script>x</script>',
            title="T",
            source="S",
            url="https://e.org/a",
            published="2026-01-01",
            language="id",
            origin="/tmp/a.txt",
            regions=((0, 7), (8, 20)),
        ),
        (Entity("e", "E", "Company", ("Alias",), "Q1", ()),),
        (
            Relation(
                "operates_in/e--f",
                "operates_in",
                "e",
                "f",
                "rumored",
                None,
                None,
                0.123456789,
                (Evidence(0, 7, "Ünïcode"),),
            ),
        ),
        ("a warning",),
    )
    back = extraction_from_record(json.loads(json.dumps(record(x, engine="rules"))))
    assert back == x and back.warnings == x.warnings and back.relations[0].confidence == 0.123456789


def test_record_hashes_tell_metadata_and_text_changes_apart() -> None:
    a = Article("a", "Xiaomi membantah.", title="T", language="id")
    x = Extraction(a, (Entity("xiaomi", "Xiaomi", "Company", (), None, (Span(0, 6, "Xiaomi"),)),))
    r = record(x)
    assert r["article_hash"] == article_hash(a)
    retitled = Article("a", "Xiaomi membantah.", title="T2", language="id")
    assert article_hash(retitled) != r["article_hash"]
    assert record(Extraction(retitled))["content_hash"] == r["content_hash"]  # same text
    # The article as read, when the extractor filled in something, is what is hashed.
    read = Article("a", "Xiaomi membantah.", title="T")
    assert record(x, source=read)["article_hash"] == article_hash(read) != r["article_hash"]


def test_record_names_are_distinct_and_safe() -> None:
    names = {record_name(i) for i in ("a/b", "a-b", "A B", "../../etc/passwd", "小米")}
    assert len(names) == 5
    assert all("/" not in n and not n.startswith(".") and n.endswith(".json") for n in names)
