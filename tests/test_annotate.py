"""kg annotate: an engine's reading as stand-off annotation records (kg/annotate.py, kg/annotate_cli.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.annotate import annotate, source_of
from kg.annotations import AnnotationError, materialise_sources, read_units, unit_hash
from kg.cli import main
from kg.extract import extract
from kg.model import Article, Entity, Evidence, Extraction, Relation, Span
from kg.readers import read

# Written for these tests (invented companies).
ID_TEXT = ("Nusa Baja Tbk membantah kabar akuisisi PT Timur Kawat.\n\n"
           "Harga baja naik tipis pekan ini.\n\n"
           "PT Timur Kawat menggandeng Sinar Logam Corp untuk proyek di Surabaya.")
FEED = [
    {"id": "w-1", "text": "Harbor Robotics Inc sued Delta Sensors Corp on Monday. Shares fell.", "language": "en"},
    {"id": "w-2", "text": "Delta Sensors Corp agreed to buy Kestrel Optics Ltd.", "language": "en"},
]


@pytest.fixture()
def news(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of inputs (a text file and a JSONL feed), the working folder of the test."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "baja.txt").write_text(ID_TEXT, encoding="utf-8")
    (tmp_path / "news" / "wire.jsonl").write_text("".join(json.dumps(x) + "\n" for x in FEED), encoding="utf-8")
    return tmp_path


def _extraction(text: str) -> Extraction:
    """A hand-made reading of ``text``: a denial in the first sentence, a works_for through a description
    ("perseroan") in the last, and a Sector name hidden inside a company name."""
    def spans(s: str) -> tuple[Span, ...]:
        starts = [i for i in range(len(text)) if text.startswith(s, i)]
        return tuple(Span(i, i + len(s), s) for i in starts)

    first_end, last = text.index(".") + 1, text.rindex(". ") + 2
    entities = (
        Entity("nusa-baja", "Nusa Baja", "Company", ("Nusa",), mentions=spans("Nusa Baja") + spans("Nusa")),
        Entity("timur-kawat", "Timur Kawat", "Company", (), mentions=spans("Timur Kawat") + spans("perseroan")),
        Entity("baja", "baja", "Sector", (), mentions=spans("Baja")),
        Entity("budi", "Budi", "Person", (), mentions=spans("Budi")),
    )
    relations = (
        Relation("r1", "acquisition", "nusa-baja", "timur-kawat", "denied", "nusa-baja",
                 evidence=(Evidence(0, first_end, text[:first_end]),)),
        Relation("r2", "works_for", "budi", "timur-kawat", "asserted",
                 evidence=(Evidence(last, len(text), text[last:]),)),
    )
    return Extraction(Article("doc", text, language="id"), entities, relations)


def test_units_hold_name_mentions_and_the_relations_read_in_their_sentence() -> None:
    text = "Nusa Baja membantah akuisisi Timur Kawat. Budi memimpin perseroan sejak Nusa masuk."
    done = annotate(_extraction(text), source="doc.txt")
    # the second sentence's relation runs through a description ("perseroan"): the sentence is left out
    assert done.left_out == 1 and len(done.units) == 1
    [unit] = done.units
    assert (unit.start, unit.end, unit.unit_sha256) == (0, 41, unit_hash(text[:41]))
    assert [(text[e.start:e.end], e.type) for e in unit.entities] == [("Nusa Baja", "Company"),
                                                                       ("Timur Kawat", "Company")]
    [rel] = unit.relations
    assert (rel.subject, rel.object, rel.type, rel.status, rel.attributed_to) == (0, 1, "acquisition", "denied", 0)
    assert unit.to_json()["source"] == "doc.txt" and "text" not in unit.to_json()


def test_a_relation_is_written_only_where_it_was_read() -> None:
    text = "Nusa Baja membantah akuisisi Timur Kawat. Nusa Baja dan Timur Kawat naik. Budi memimpin perseroan."
    done = annotate(_extraction(text), source="doc.txt")
    assert [len(u.relations) for u in done.units] == [1, 0] and done.left_out == 1
    assert done.units[1].negative and len(done.units[1].entities) == 2


def test_an_engine_that_leaves_the_language_unset_gets_it_detected() -> None:
    text = "Nusa Baja membantah akuisisi Timur Kawat yang dikabarkan sejak pekan lalu. Budi memimpin perseroan."
    x = _extraction(text)
    done = annotate(Extraction(Article("doc", text), x.entities, x.relations), source="doc.txt")
    assert [u.language for u in done.units] == ["id"]


def test_source_is_the_input_file() -> None:
    assert source_of(Article("w-2", "x", origin="news/wire.jsonl:2")) == "news/wire.jsonl"
    assert source_of(Article("a", "x", origin="odd:12.txt")) == "odd:12.txt"


def test_round_trip_offsets_hashes_and_same_bytes(news: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["annotate", "news", "--engine", "rules", "-o", "ann.jsonl", "--workers", "1"]) == 0
    assert "kg: wrote" in capsys.readouterr().err
    raw = (news / "ann.jsonl").read_bytes()
    units = read_units(news / "ann.jsonl")
    examples = materialise_sources(units)
    articles = {a.id: a for a in read(["news"])}
    assert {u.source for u in units} == {"news/baja.txt", "news/wire.jsonl"}
    assert [u.doc_id for u in units][:1] == ["baja"] and {"w-1", "w-2"} <= {u.doc_id for u in units}
    # one unit per sentence, in text order, each offset pointing at its string in the article
    assert [x.text for x in examples if x.unit.doc_id == "baja"] == [
        "Nusa Baja Tbk membantah kabar akuisisi PT Timur Kawat.", "Harga baja naik tipis pekan ini.",
        "PT Timur Kawat menggandeng Sinar Logam Corp untuk proyek di Surabaya."]
    for x in examples:
        text = articles[x.unit.doc_id].text
        assert text[x.unit.start:x.unit.end] == x.text
        for (s, e, _, covered), ent in zip(x.entities, x.unit.entities, strict=True):
            assert text[ent.start:ent.end] == covered == x.text[s:e]
    # the engine's reading, unchanged: its names and its denied acquisition
    reading = {a: extract(articles[a], engine="rules") for a in articles}
    for x in examples:
        names = {m.text for e in reading[x.unit.doc_id].entities for m in e.mentions}
        assert {c for *_, c in x.entities} <= names
    found = {(x.unit.doc_id, r.type, r.status) for x in examples for r in x.unit.relations}
    want = {(a, r.type, r.status) for a, x in reading.items() for r in x.relations}
    assert ("baja", "acquisition", "denied") in found and found <= want
    assert main(["annotate", "news", "--engine", "rules", "-o", "again.jsonl", "--workers", "2", "-q"]) == 0
    assert (news / "again.jsonl").read_bytes() == raw
    # relative sources are also found from the annotation file's folder, whatever the working folder
    (news / "elsewhere").mkdir()
    monkeypatch.chdir(news / "elsewhere")
    assert materialise_sources(read_units(news / "ann.jsonl")) == examples


def test_a_changed_source_file_is_detected(news: Path) -> None:
    assert main(["annotate", "news/baja.txt", "news/wire.jsonl", "--engine", "rules", "-o", "ann.jsonl", "-q"]) == 0
    assert {u.doc_id for u in read_units("ann.jsonl")} == {"baja", "w-1", "w-2"}
    feed = news / "news" / "wire.jsonl"
    feed.write_text(feed.read_text(encoding="utf-8").replace("Monday", "Sunday"), encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"ann\.jsonl:\d+: unit w-1 \[0, \d+\]: unit text does not match"):
        materialise_sources(read_units("ann.jsonl"))


def test_sentences_without_entities_are_negatives_unless_skipped(news: Path) -> None:
    assert main(["annotate", "news/baja.txt", "--engine", "rules", "-o", "all.jsonl", "-q"]) == 0
    assert main(["annotate", "news/baja.txt", "--engine", "rules", "-o", "some.jsonl", "-q", "--skip-empty"]) == 0
    everything, some = read_units("all.jsonl"), read_units("some.jsonl")
    empty = [u for u in everything if not u.entities]
    assert empty and all(u.negative for u in empty)
    assert some == [u for u in everything if u.entities]


def test_bad_inputs_are_named_and_the_rest_written(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (news / "news" / "wire.jsonl").open("a", encoding="utf-8") as f:
        f.write("{not json\n")
    code = main(["annotate", "news", "missing.txt", "--engine", "rules", "-o", "ann.jsonl", "-q"])
    err = capsys.readouterr().err
    assert code == 1
    assert "kg: error: news/wire.jsonl:3:" in err and "kg: error: missing.txt: no such file" in err
    assert {u.doc_id for u in read_units("ann.jsonl")} == {"baja", "w-1", "w-2"}


def test_nothing_read_writes_nothing_and_stdin_is_refused(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (news / "ann.jsonl").write_text("previous\n", encoding="utf-8")
    assert main(["annotate", "missing.txt", "--engine", "rules", "-o", "ann.jsonl"]) == 1
    assert "nothing written" in capsys.readouterr().err
    assert (news / "ann.jsonl").read_text(encoding="utf-8") == "previous\n"
    assert main(["annotate", "-", "-o", "ann.jsonl"]) == 2
    assert "not stdin" in capsys.readouterr().err
    assert main(["annotate", "news", "-o", "news"]) == 4
    assert "is a folder" in capsys.readouterr().err
