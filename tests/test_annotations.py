"""The stand-off annotations under annotations/ and their loader, scripts/annotations.py."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

import pytest

from kg.schema import ENTITY_TYPES, RELATION_TYPES, STATUSES
from tests.scripts import load_script

ROOT = Path(__file__).resolve().parent.parent


A = load_script("scripts/annotations.py")
FILES = sorted((ROOT / "annotations").glob("*.jsonl"))


@pytest.fixture(scope="module")
def units():
    return A.read_units(A.ANNOTATION_DIR)


@pytest.fixture(scope="module")
def corpus(shared):
    return A.load_corpus(shared)


def _record(**changes):
    base = {
        "doc_id": "cnbc-1",
        "unit": [0, 30],
        "language": "id",
        "unit_sha256": "0123456789abcdef",
        "entities": [{"start": 0, "end": 4, "type": "Company"}, {"start": 10, "end": 14, "type": "Company"}],
        "relations": [{"subject": 0, "object": 1, "type": "partnership", "status": "denied", "attributed_to": 0}],
        "negative": False,
    }
    base.update(changes)
    return base


def test_files_hold_enough_units_in_both_languages(units):
    assert [p.name for p in FILES] == ["en-reuters-acq.jsonl", "en-train-sentences.jsonl",
                                       "id-cnbc-headlines.jsonl", "id-news-sentences.jsonl"]
    by_lang = Counter(u.language for u in units)
    assert len(units) >= 4600
    assert by_lang["id"] >= 2500 and by_lang["en"] >= 2000
    for lang in ("id", "en"):
        assert sum(u.negative for u in units if u.language == lang) >= 100, lang
        assert sum(not u.negative for u in units if u.language == lang) >= 150, lang


def test_every_relation_type_and_status_is_represented(units):
    rels = [r for u in units for r in u.relations]
    by_type = Counter(r.type for r in rels)
    by_status = Counter(r.status for r in rels)
    assert set(by_type) == set(RELATION_TYPES)
    assert set(by_status) == set(STATUSES)
    assert min(by_type.values()) >= 12, by_type
    assert min(by_status.values()) >= 15, by_status
    assert set(Counter(e.type for u in units for e in u.entities)) == set(ENTITY_TYPES)
    # the status signal must exist in Indonesian too, not only in the Reuters sentences
    assert {r.status for u in units if u.language == "id" for r in u.relations} == set(STATUSES)


def test_records_are_stand_off_only():
    """Every string in the files comes from a closed set: no corpus text can be in them."""
    allowed = set(ENTITY_TYPES) | set(RELATION_TYPES) | set(STATUSES) | {"id", "en"}
    allowed_keys = {"doc_id", "unit", "language", "unit_sha256", "entities", "relations", "negative",
                    "start", "end", "type", "subject", "object", "status", "attributed_to"}
    for path in FILES:
        raw = path.read_text(encoding="utf-8")
        for literal in re.findall(r'"((?:[^"\\]|\\.)*)"', raw):
            assert len(literal) <= 40, (path.name, literal)
            assert (literal in allowed or literal in allowed_keys or A._DOC_ID.fullmatch(literal)
                    or re.fullmatch(r"[0-9a-f]{16}", literal)), (path.name, literal)


def _natural(doc_id: str) -> tuple[object, ...]:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", doc_id))


def test_lines_are_sorted_and_unique():
    for path in FILES:
        keys = []
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line:
                rec = json.loads(line)
                keys.append((_natural(rec["doc_id"]), rec["unit"][0]))
        assert keys == sorted(keys) and len(set(keys)) == len(keys), path.name


def test_every_offset_fits_the_corpus(units, corpus):
    examples = list(A.materialise(units, corpus))
    assert len(examples) == len(units)
    for ex in examples:
        assert ex.text == ex.text.strip() and ex.text
        for start, end, etype, span in ex.entities:
            assert ex.text[start:end] == span and etype in ENTITY_TYPES
        for rel in ex.unit.relations:
            assert ex.entities[rel.subject][3] != "" and ex.entities[rel.object][3] != ""
    # the seed dev document is never annotated
    assert not any(u.doc_id.startswith("selular") for u in units)


def test_no_field_copies_corpus_text(shared, corpus):
    """No stored string but the closed-set labels occurs in the text it annotates; none is over 40 characters."""
    labels = set(ENTITY_TYPES) | set(RELATION_TYPES) | set(STATUSES)
    for path in FILES:
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line:
                continue
            rec = json.loads(line)
            text = corpus[rec["doc_id"]]
            strings = [v for v in rec.values() if isinstance(v, str)]
            strings += [v for item in rec["entities"] + rec["relations"] for v in item.values() if isinstance(v, str)]
            assert all(len(s) <= 40 for s in strings), rec["doc_id"]
            assert not [s for s in strings if s not in labels and len(s) > 2 and s in text], rec["doc_id"]


def test_split_is_deterministic_by_document(units):
    assert A.split_of("reuters-10") == "train" and A.split_of("cnbc-3") == "test"
    docs = sorted({u.doc_id for u in units})
    shuffled = docs[:]
    random.Random(7).shuffle(shuffled)
    assert {d: A.split_of(d) for d in shuffled} == {d: A.split_of(d) for d in docs}
    share = sum(A.split_of(d) == "test" for d in docs) / len(docs)
    assert 0.15 < share < 0.25
    test_units = [u for u in units if u.split == "test"]
    assert {u.language for u in test_units} == {"id", "en"} and len(test_units) >= 200
    # a held-out test worth having: most relation types and every status occur in it
    assert len({r.type for u in test_units for r in u.relations}) >= 9
    assert {r.status for u in test_units for r in u.relations} == set(STATUSES)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"entities": [{"start": 0, "end": 4, "type": "Firm"}], "relations": [], "negative": True},
         "unknown entity type 'Firm'"),
        ({"relations": [{"subject": 0, "object": 1, "type": "based_in", "status": "asserted",
                         "attributed_to": None}]}, "based_in does not join Company -> Company"),
        ({"relations": [{"subject": 0, "object": 1, "type": "partnership", "status": "alleged",
                         "attributed_to": None}]}, "unknown status 'alleged'"),
        ({"relations": [{"subject": 0, "object": 5, "type": "partnership", "status": "asserted",
                         "attributed_to": None}]}, "relation index 5"),
        ({"negative": True}, "negative must be False"),
        ({"entities": [{"start": 0, "end": 12, "type": "Company"}, {"start": 10, "end": 14, "type": "Company"}]},
         "overlap"),
        ({"entities": [{"start": 0, "end": 40, "type": "Company"}], "relations": [], "negative": True},
         "not inside the unit"),
        ({"language": "en"}, "language 'en' does not match cnbc-1"),
        ({"text": "copied headline"}, "exactly the keys"),
    ],
)
def test_reader_rejects_bad_records(tmp_path, changes, message):
    path = tmp_path / "bad.jsonl"
    good = json.dumps(_record())
    path.write_text(good + "\n" + json.dumps(_record(**changes)) + "\n", encoding="utf-8")
    with pytest.raises(A.AnnotationError) as err:
        A.read_units(path)
    assert str(err.value).startswith(f"{path}:2: ") and message in str(err.value)


def test_reader_rejects_a_unit_stored_twice(tmp_path):
    path = tmp_path / "twice.jsonl"
    path.write_text((json.dumps(_record()) + "\n") * 2, encoding="utf-8")
    with pytest.raises(A.AnnotationError, match="stored twice"):
        A.read_units(path)


def test_materialise_checks_text_against_the_corpus():
    text = "Xiaomi Bantah Gandeng Ford, Ini Kata Bos"
    unit = A.parse_unit(_record(unit=[0, 26], unit_sha256=A.unit_hash(text[:26]),
                                entities=[{"start": 0, "end": 6, "type": "Company"},
                                          {"start": 22, "end": 26, "type": "Company"}]))
    [ex] = A.materialise([unit], {"cnbc-1": text})
    assert [e[3] for e in ex.entities] == ["Xiaomi", "Ford"]
    assert ex.to_json()["relations"][0]["status"] == "denied"
    with pytest.raises(A.AnnotationError, match="different corpus version"):
        list(A.materialise([unit], {"cnbc-1": "x" + text}))
    with pytest.raises(A.AnnotationError, match="past the text"):
        list(A.materialise([unit], {"cnbc-1": text[:20]}))
    with pytest.raises(A.AnnotationError, match="not in the corpus"):
        list(A.materialise([unit], {}))
    padded = A.parse_unit(_record(unit=[0, 26], unit_sha256=A.unit_hash(text[:26]),
                                  entities=[{"start": 0, "end": 7, "type": "Company"},
                                            {"start": 22, "end": 26, "type": "Company"}]))
    with pytest.raises(A.AnnotationError, match="empty or padded"):
        list(A.materialise([padded], {"cnbc-1": text}))
    slipped = A.parse_unit(_record(unit=[0, 26], unit_sha256=A.unit_hash(text[:26]),
                                   entities=[{"start": 0, "end": 5, "type": "Company"},
                                             {"start": 22, "end": 26, "type": "Company"}]))
    with pytest.raises(A.AnnotationError, match="cuts a word: 'Xiaom'"):
        list(A.materialise([slipped], {"cnbc-1": text}))


def test_command_line_checks_and_counts(shared, capsys):
    assert A.main(["--shared", str(shared), "--check"]) == 0
    assert capsys.readouterr().out.startswith("ok: ")
    assert A.main(["--stats", "--split", "test"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["split_units"].keys() == {"test"} and data["units"] == data["split_units"]["test"]
    assert A.main(["--shared", str(shared), "--split", "test"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.split("\n") if x]
    assert len(rows) == data["units"] and all(r["split"] == "test" for r in rows)
    assert all(r["entities"][i]["text"] == r["text"][r["entities"][i]["start"]:r["entities"][i]["end"]]
               for r in rows for i in range(len(r["entities"])))


def test_hand_records_become_stand_off_records_with_offsets():
    H = load_script("scripts/hand_annotations.py")
    text = "Sinar Baja Bantah Akuisisi Timur Kawat, Sinar Baja Fokus Ekspor"
    hand = {"doc": "cnbc-1", "unit": None,
            "e": [["Timur Kawat", "Company"], ["Sinar Baja", "Company"], ["Sinar Baja", "Company", 2]],
            "r": [[1, "acquisition", 0, "denied", 1]]}
    record = H.to_record(hand, text, "id", A)
    assert record["unit"] == [0, len(text)] and record["unit_sha256"] == A.unit_hash(text)
    assert [(e["start"], e["end"]) for e in record["entities"]] == [(0, 10), (27, 38), (40, 50)]
    # relation indices follow the sorted entities: subject "Sinar Baja" (0), object "Timur Kawat" (1)
    assert record["relations"] == [{"subject": 0, "object": 1, "type": "acquisition", "status": "denied",
                                    "attributed_to": 0}]
    with pytest.raises(ValueError, match="does not occur 3 time"):
        H.to_record({**hand, "e": [["Sinar Baja", "Company", 3]], "r": []}, text, "id", A)
    # an occurrence inside a longer word is not the word: "Baja" is not the letters inside "Bajaj"
    inside = H.to_record({"doc": "cnbc-2", "unit": None, "e": [["Baja", "Company"]], "r": []},
                         "Bajaj Masuk, Baja Keluar", "id", A)
    assert [(e["start"], e["end"]) for e in inside["entities"]] == [(13, 17)]
    with pytest.raises(ValueError, match="acquisition does not join"):
        H.to_record({**hand, "e": [["Sinar Baja", "Person"], ["Timur Kawat", "Company"]],
                     "r": [[0, "acquisition", 1, "asserted", None]]}, text, "id", A)


def test_a_text_on_the_test_side_never_trains(units):
    train, test = A.examples("train"), A.examples("test")
    held = {A.held_out_key(x.text) for x in test}
    assert test and not [x for x in train if A.held_out_key(x.text) in held]
    ids, keys = A.held_out()
    assert ids == {x.unit.doc_id for x in test} and keys == held


# --- the format in the package (kg/annotations.py): kg annotate's records, with a source file ---

def _sourced(text: str, doc_id: str, source: str, **changes):
    """A kg annotate record for the first sentence of ``text`` (two Company mentions, one partnership)."""
    end = text.index(".") + 1
    first, second = text.index("Nusa Baja"), text.index("Timur Kawat")
    record = _record(doc_id=doc_id, unit=[0, end], unit_sha256=A.unit_hash(text[:end]), source=source,
                     entities=[{"start": first, "end": first + 9, "type": "Company"},
                               {"start": second, "end": second + 11, "type": "Company"}],
                     relations=[{"subject": 0, "object": 1, "type": "partnership", "status": "planned",
                                 "attributed_to": None}])
    record.update(changes)
    return record


def test_package_reader_takes_any_document_id_with_a_source_and_the_script_refuses_it(tmp_path):
    from kg import annotations as K

    path = tmp_path / "mine.jsonl"
    record = _sourced("Nusa Baja akan menggandeng Timur Kawat.", "berita/satu", "news/satu.txt")
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [unit] = K.read_units(path)
    assert (unit.doc_id, unit.source, unit.origin) == ("berita/satu", "news/satu.txt", f"{path}:1")
    assert unit.to_json() == record
    with pytest.raises(A.AnnotationError, match="exactly the keys"):
        A.read_units(path)  # the shipped files stay strict: corpus ids, no source
    path.write_text(json.dumps({**record, "language": "fr"}) + "\n", encoding="utf-8")
    with pytest.raises(K.AnnotationError, match=f"^{re.escape(str(path))}:1: unknown language 'fr'"):
        K.read_units(path)


def test_materialise_sources_reads_the_articles_again_and_detects_a_change(tmp_path, monkeypatch):
    from kg import annotations as K

    monkeypatch.chdir(tmp_path)
    text = "Nusa Baja akan menggandeng Timur Kawat. Lain kali."
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "satu.txt").write_text(text, encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "b7", "text": text}) + "\n", encoding="utf-8")
    path = tmp_path / "mine.jsonl"
    records = [_sourced(text, "satu", "news/satu.txt"), _sourced(text, "b7", str(feed)),
               _sourced(text, "news/satu", "news/satu.txt")]  # the id a folder read gives
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    examples = K.materialise_sources(K.read_units(path))
    assert [x.text for x in examples] == [text[:39]] * 3
    assert examples[0].entities == ((0, 9, "Company", "Nusa Baja"), (27, 38, "Company", "Timur Kawat"))
    assert examples[1].unit.relations[0].status == "planned" and examples[1].unit.language == "id"
    (tmp_path / "news" / "satu.txt").write_text(text.replace("akan", "bakal"), encoding="utf-8")
    with pytest.raises(K.AnnotationError, match=f"^{re.escape(str(path))}:1: unit satu .*unit_sha256"):
        K.materialise_sources(K.read_units(path))
    path.write_text(json.dumps(_sourced(text, "b8", str(feed), unit=[0, 5],
                                        unit_sha256=A.unit_hash("Nusa "), entities=[], relations=[],
                                        negative=True)) + "\n", encoding="utf-8")
    feed.write_text(json.dumps({"id": "b7", "text": "Lain."}) + "\n", encoding="utf-8")
    with pytest.raises(K.AnnotationError, match="article 'b8' is not in"):
        K.materialise_sources(K.read_units(path))
    path.write_text(json.dumps(_sourced(text, "x", "gone.txt")) + "\n", encoding="utf-8")
    with pytest.raises(K.AnnotationError, match=r"mine.jsonl:1: unit x \[0, 39\]: source gone.txt: no such file"):
        K.materialise_sources(K.read_units(path))
