"""The learned relation classifier (kg.extract.relmodel) and its training script."""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path
from unittest import mock

import pytest

from kg.errors import ChoiceError, DataError
from kg.extract import pairscore, relmodel
from kg.extract.text import Token, tokenize
from kg.train.relations import OFF, choose_threshold
from kg.train.relfolds import mean_rows

ROOT = Path(__file__).resolve().parents[2]


def span(tokens: list[Token], phrase: str, etype: str) -> tuple[int, int, str]:
    """The token span of the first occurrence of ``phrase``."""
    words = [t.text for t in tokenize(phrase)]
    for i in range(len(tokens)):
        if [t.text for t in tokens[i : i + len(words)]] == words:
            return i, i + len(words), etype
    raise AssertionError(f"{phrase!r} not in the tokens")


def test_shipped_model_loads_and_is_small() -> None:
    path = relmodel.model_path()
    assert path.stat().st_size < 10_000_000
    data = json.loads(path.read_text(encoding="utf-8"))  # plain JSON, no pickle
    assert data["format"] == relmodel.FORMAT and data["kind"] == "relation"
    rel = relmodel.load()
    assert len(rel.vocab) == len(data["features"]) > 1000
    assert rel.weights.shape == (len(rel.vocab), len(rel.labels))
    assert set(rel.cues) == {"en", "id"}
    assert {"none", "based_in", "works_for"} <= set(rel.labels) <= {"none", *relmodel.RELATION_TYPES}
    assert 0.0 < rel.threshold < 1.0
    assert relmodel.load() is relmodel.load()  # read once per process


# Hand-written sentences (no text from any training or evaluation set).
CASES = [
    ("en", "Maria Lopez, a spokeswoman for Tenvar Industries, declined to comment.",
     ("Maria Lopez", "Person"), ("Tenvar Industries", "Company"), "works_for"),
    ("en", "Ingrid Holm at the Nordvik Institute has made progress on the vaccine.",
     ("Ingrid Holm", "Person"), ("Nordvik Institute", "Organization"), "works_for"),
    ("en", "Tenvar Industries chief executive Paul Werner resigned on Friday.",
     ("Paul Werner", "Person"), ("Tenvar Industries", "Company"), "works_for"),
    ("en", "Kestrel Analytics, a software firm based in Oslo, said profits rose.",
     ("Kestrel Analytics", "Company"), ("Oslo", "Place"), "based_in"),
    ("en", "Lumeo Corp, a unit of Tenvar Industries, makes sensors.",
     ("Lumeo Corp", "Company"), ("Tenvar Industries", "Company"), "subsidiary_of"),
    ("en", "Kestrel Analytics shipped its first product to customers in Oslo and Bergen.",
     ("Kestrel Analytics", "Company"), ("Oslo", "Place"), None),
    ("id", "Direktur Utama PT Sinar Jaya, Budi Santoso, mengatakan laba naik.",
     ("Budi Santoso", "Person"), ("PT Sinar Jaya", "Company"), "works_for"),
    ("id", "PT Sinar Jaya Jalin Kerja Sama dengan PT Mega Tirta",
     ("PT Sinar Jaya", "Company"), ("PT Mega Tirta", "Company"), "partnership"),
]


@pytest.mark.parametrize(("language", "text", "a", "b", "expected"), CASES)
def test_hand_written_sentences(language: str, text: str, a: tuple[str, str], b: tuple[str, str],
                                expected: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    # What the classifier reads, before the per-language trust decision (tested below) filters it.
    monkeypatch.setattr(relmodel.load(), "trusted", None)
    toks = tokenize(text)
    sa, sb = span(toks, *a), span(toks, *b)
    label, p = pairscore.classify(toks, sa, sb, language=language)
    assert label == expected
    assert 0.5 <= p <= 1.0
    back, p_back = pairscore.classify(toks, sb, sa, language=language)
    # A directed relation holds the other way less surely (the pipeline keeps one direction per link
    # and article, kg.extract.assemble.one_direction); a symmetric one holds both ways.
    symmetric = expected is not None and relmodel.RELATION_TYPES[expected].symmetric
    if symmetric or expected is None:
        assert back == expected
    else:
        assert back != expected or p_back < p


def test_a_purchase_in_another_clause_is_no_sure_link(monkeypatch: pytest.MonkeyPatch) -> None:
    # The model is not sure that a purchase in another clause is no link: the retrain with trimmed trailing
    # periods reads an investment at 0.31 (its cross-validated threshold is 0.25), earlier retrains went
    # either way. No relation may come out at 0.5 or more, in either direction.
    monkeypatch.setattr(relmodel.load(), "trusted", None)
    toks = tokenize("Tenvar Industries sold steel to a shipyard last year, while Maria Lopez bought a house.")
    maria, tenvar = span(toks, "Maria Lopez", "Person"), span(toks, "Tenvar Industries", "Company")
    for a, b in ((maria, tenvar), (tenvar, maria)):
        label, p = pairscore.classify(toks, a, b, language="en")
        assert label is None or p < 0.5, (label, p)


def test_the_model_answers_only_for_the_types_it_is_trusted_with(monkeypatch: pytest.MonkeyPatch) -> None:
    m = relmodel.load()
    assert m.trusted is not None, "the training script stores the per-language trust decision"
    assert set(m.trusted) == {"en", "id"}
    table = m.meta["cross_validation"]["pipeline"]
    parts = m.meta["cross_validation"].get("partitions", 1)  # models trained before December 2026: one
    bars = {"id": 0.70, "en": 0.50}  # kg.train.relations.TRUST_PRECISION: issue 11 asks 0.70 for id
    for lang, types in table.items():
        for rtype, rows in types.items():
            # each decision is the stored out-of-fold table's: the best F1 of the default engine above the
            # rules' own ("off"), with the links the classifier adds precise enough there and at every higher
            # threshold, within one link (reltrust.steady: a model trained before that rule fails here until
            # retrained; the December 2026 slack moves Indonesian works_for from 0.8 to 0.6)
            # (the counts are summed over the partitions into folds, and the choice reads their mean)
            counts = {OFF if t == "off" else float(t): (r["tp"], r["fp"], r["fn"]) for t, r in rows.items()}
            threshold = m.trusted.get(lang, {}).get(rtype)
            assert choose_threshold(mean_rows(counts, parts), bars[lang]) == threshold, (lang, rtype)
            if threshold is not None:
                row, off = rows[str(threshold)], rows["off"]
                added = row["tp"] + row["fp"] - off["tp"] - off["fp"]
                assert row["f1"] > off["f1"]
                assert row["tp"] - off["tp"] >= bars[lang] * added >= bars[lang] * 5 * parts
                assert threshold >= m.threshold
    toks = tokenize("Maria Lopez, a spokeswoman for Tenvar Industries, declined to comment.")
    a, b = (0, 2, "Person"), span(toks, "Tenvar Industries", "Company")
    monkeypatch.setattr(m, "trusted", None)  # a model without the table answers for every type
    label, p = pairscore.classify(toks, a, b, language="en")
    assert label == "works_for"
    monkeypatch.setattr(m, "trusted", {"en": {"based_in": 0.3}, "id": {}})
    assert pairscore.classify(toks, a, b, language="en")[0] is None  # not trusted in English
    monkeypatch.setattr(m, "trusted", {"en": {"works_for": min(1.0, p + 0.01)}, "id": {}})
    assert pairscore.classify(toks, a, b, language="en")[0] is None  # trusted only when more probable
    monkeypatch.setattr(m, "trusted", {"en": {"works_for": p}, "id": {}})
    assert pairscore.classify(toks, a, b, language="en")[0] == "works_for"


def test_types_no_relation_can_join_are_not_scored() -> None:
    toks = tokenize("Maria Lopez flew to Oslo.")
    assert pairscore.classify(toks, (0, 2, "Person"), (4, 5, "Place"), language="en") == (None, 1.0)


def test_same_input_same_answer_and_features() -> None:
    toks = tokenize("Ingrid Holm at the Nordvik Institute has made progress.")
    a, b = (0, 2, "Person"), (4, 6, "Organization")
    m = relmodel.load()
    first = relmodel.features(toks, a, b, language="en", model=m)
    assert first == relmodel.features(list(toks), a, b, language="en", model=m)
    assert len(first) == len(set(first))
    answers = {pairscore.classify(toks, a, b, language="en") for _ in range(3)}
    assert len(answers) == 1


def test_bad_input_is_refused() -> None:
    toks = tokenize("Maria Lopez joined Tenvar.")
    with pytest.raises(ChoiceError, match="Firm"):
        pairscore.classify(toks, (0, 2, "Firm"), (3, 4, "Company"), language="en")
    with pytest.raises(ValueError, match="not within"):
        pairscore.classify(toks, (0, 2, "Person"), (3, 9, "Company"), language="en")


def test_missing_or_malformed_model_is_a_data_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(relmodel, "model_path", lambda name=relmodel.MODEL_FILE: tmp_path / name)
    relmodel.load.cache_clear()
    try:
        with pytest.raises(DataError, match=r"missing: rebuild it with scripts/train_relations\.py"):
            pairscore.classify(tokenize("Maria Lopez of Tenvar"), (0, 2, "Person"), (3, 4, "Company"), language="en")
        (tmp_path / relmodel.MODEL_FILE).write_text('{"format": "kg-relmodel/1", "kind": "relation"}')
        with pytest.raises(DataError, match="malformed"):
            relmodel.load()
        (tmp_path / relmodel.MODEL_FILE).write_text("{not json")
        with pytest.raises(DataError, match="not JSON"):
            relmodel.load()
    finally:
        relmodel.load.cache_clear()


def _read_dev(shared: Path, limit: int) -> list[dict]:
    lines = (shared / "eval" / "conll04" / "dev.gold.jsonl").read_text(encoding="utf-8").split("\n")
    return [json.loads(x) for x in lines if x.strip()][:limit]


def test_dev_slice_sanity_floor(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """CoNLL04 dev, gold entity spans, first 100 sentences: relation F1 well above the rules' 0.03
    (what the classifier reads; the trust decision, tested above, then trades recall for precision)."""
    monkeypatch.setattr(relmodel.load(), "trusted", None)
    pred, gold = set(), set()
    for k, doc in enumerate(_read_dev(shared, 100)):
        toks = tokenize(doc["text"])
        ments = []
        for e in doc["entities"]:
            if e["type"] in ("Person", "Organization", "Place"):
                for m in e["mentions"]:
                    idx = [n for n, t in enumerate(toks) if t.end > m["start"] and t.start < m["end"]]
                    ments.append((e["label"], (idx[0], idx[-1] + 1, e["type"])))
        for la, a in ments:
            for lb, b in ments:
                if la != lb and (a[1] <= b[0] or b[1] <= a[0]):
                    label, _ = pairscore.classify(toks, a, b, language="en")
                    if label in ("based_in", "works_for"):
                        pred.add((k, la, label, lb))
        gold |= {(k, r["subject"], r["type"], r["object"]) for r in doc["relations"]}
    tp = len(pred & gold)
    precision, recall = tp / len(pred), tp / len(gold)
    assert len(gold) > 40
    f1 = 2 * precision * recall / (precision + recall)
    assert precision > 0.6 and recall > 0.5 and f1 > 0.6, (precision, recall)


def test_training_is_deterministic(shared: Path) -> None:
    """Two fits on the same small slice give byte-identical model files."""
    pytest.importorskip("sklearn")
    with mock.patch.dict(os.environ):  # the script pins BLAS threads in the environment
        sys.path.insert(0, str(ROOT / "scripts"))
        try:
            train = importlib.import_module("train_relations")
        finally:
            sys.path.remove(str(ROOT / "scripts"))
    docs = train.read_gold(shared / "eval" / "conll04" / "train.gold.jsonl")[:150]
    pairs = [p for p in train.pairs_of(docs) if p.train]
    cues = train.cue_table()
    texts = []
    for _ in range(2):
        feats = train.feature_lists(docs, pairs, train.untrained("relation", cues))
        classes, vocab, w, b = train.fit(feats, [p.label for p in pairs], 0.3)
        texts.append(train.model_json("relation", classes, vocab, w, b, cues, 0.5, {})[0])
    assert texts[0] == texts[1]
    m = relmodel.Model(json.loads(texts[0]), source="slice")
    assert m.labels == ("based_in", "none", "works_for")


def test_folds_in_worker_processes_give_the_same_choice(shared: Path) -> None:
    """Cross-validation with its folds in forked processes chooses exactly what one process does."""
    pytest.importorskip("sklearn")
    from kg.train.relations import cv_relations

    train = _train_module()
    docs = train.read_gold(shared / "eval" / "conll04" / "train.gold.jsonl")[:120]
    pairs = train.pairs_of(docs)
    feats = train.feature_lists(docs, pairs, train.untrained("relation", train.cue_table()))
    one = cv_relations(docs, pairs, feats, 1)
    assert one[3]["cv_f1"] > 0.3
    assert cv_relations(docs, pairs, feats, 3) == one


def _train_module():  # type: ignore[no-untyped-def]
    with mock.patch.dict(os.environ):  # the script pins BLAS threads in the environment
        sys.path.insert(0, str(ROOT / "scripts"))
        try:
            return importlib.import_module("train_relations")
        finally:
            sys.path.remove(str(ROOT / "scripts"))


def test_documents_train_sentence_by_sentence(tmp_path: Path) -> None:
    """A multi-sentence gold document (Re-DocRED style) becomes one example per sentence naming two of
    its entities; a relation goes with the sentences naming both parties; one document, one fold."""
    train = _train_module()
    text = ("Lumeo Corp is a maker of sensors based in Bergen. Its parent is Tenvar Industries. "
            "Maria Lopez runs Lumeo Corp.")

    def at(name: str, k: int = 0) -> dict:
        start = -1
        for _ in range(k + 1):
            start = text.index(name, start + 1)
        return {"start": start, "end": start + len(name)}

    doc = {"doc_id": "d1", "language": "en", "text": text, "relations": [
        {"subject": "Lumeo Corp", "type": "based_in", "object": "Bergen", "status": "asserted"},
        {"subject": "Lumeo Corp", "type": "subsidiary_of", "object": "Tenvar Industries", "status": "asserted"},
        {"subject": "Maria Lopez", "type": "works_for", "object": "Lumeo Corp", "status": "asserted"}],
        "entities": [
            {"label": "Lumeo Corp", "type": "Organization", "mentions": [at("Lumeo Corp"), at("Lumeo Corp", 1)]},
            {"label": "Bergen", "type": "Place", "mentions": [at("Bergen")]},
            {"label": "Tenvar Industries", "type": "Organization", "mentions": [at("Tenvar Industries")]},
            {"label": "Maria Lopez", "type": "Person", "mentions": [at("Maria Lopez")]}]}
    path = tmp_path / "docs.gold.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    docs = train.read_sentences(path)
    # the middle sentence names only Tenvar Industries: nothing to learn from it
    assert [d.id for d in docs] == ["d1#0", "d1#2"]
    assert [[r[1] for r in d.relations] for d in docs] == [["based_in"], ["works_for"]]
    assert all(d.source == "relations-en" and d.only == train.EXTRA_TYPES for d in docs)
    assert len(set(train.folds_of(docs))) == 1
    labels = sorted(p.label for p in train.pairs_of(docs) if p.train)
    assert labels.count("based_in") == 1 and labels.count("works_for") == 1


def test_role_features_are_the_pairs_own_across_sentences() -> None:
    # A span's role features are kept for the sentence being read: the same spans in another
    # sentence, or a pair read again after it, get their own words.
    features = relmodel.features
    one = tuple(tokenize("Ana Diaz of Lumeo said"))
    two = tuple(tokenize("Budi Santoso joined Vexo today"))
    first = features(one, (0, 2, "Person"), (3, 4, "Company"), language="en")
    other = features(two, (0, 2, "Person"), (3, 4, "Company"), language="en")
    again = features(one, (0, 2, "Person"), (3, 4, "Company"), language="en")
    assert "ah=diaz" in first and "bh=lumeo" in first
    assert "ah=santoso" in other and "bh=vexo" in other and "ah=diaz" not in other
    assert again == first == features(list(one), (0, 2, "Person"), (3, 4, "Company"), language="en")
    swapped = features(one, (3, 4, "Company"), (0, 2, "Person"), language="en")
    assert "ah=lumeo" in swapped and "bh=diaz" in swapped


def test_sentence_level_pair_features_follow_the_sentence() -> None:
    # The words, "based" tokens and capitalised runs are read once per sentence and shared by its pairs:
    # each pair still gets the features of its own span of words, and another sentence its own.
    features = relmodel.features
    one = tuple(tokenize("Vexo-based Lumeo Corp of Oslo Tenvar Bank said Ana Diaz runs Oslo-based Kora"))
    vexo_lumeo = features(one, (0, 3, "Company"), (4, 5, "Place"), language="en")
    assert "left-based" in vexo_lumeo and "based" not in vexo_lumeo and "caps=0" in vexo_lumeo
    ana_kora = features(one, (8, 10, "Person"), (12, 13, "Company"), language="en")
    assert "based" in ana_kora and "left-based" not in ana_kora  # "Oslo-based" is between them
    assert "based" not in features(one, (8, 10, "Person"), (11, 13, "Company"), language="en")
    lumeo_ana = features(one, (1, 3, "Company"), (8, 10, "Person"), language="en")
    assert "caps=1" in lumeo_ana and "based" not in lumeo_ana  # "Oslo Tenvar Bank"
    assert "caps=2" in features(one, (1, 3, "Company"), (11, 13, "Company"), language="en")  # and "Ana Diaz"
    two = tuple(tokenize("Lumeo Corp of Oslo said Ana Diaz runs it"))
    plain = features(two, (0, 2, "Company"), (5, 7, "Person"), language="en")
    assert "based" not in plain and "left-based" not in plain and "caps=1" in plain
    assert features(one, (0, 3, "Company"), (4, 5, "Place"), language="en") == vexo_lumeo
    # both directions of a pair share what lies between them; cue features come only with a model
    three = tuple(tokenize("Lumeo Corp agreed to acquire Vexo Ltd"))
    lumeo, vexo = (0, 2, "Company"), (5, 7, "Company")
    bare = features(three, lumeo, vexo, language="en")
    cued = features(three, lumeo, vexo, language="en", model=relmodel.load())
    back = features(three, vexo, lumeo, language="en", model=relmodel.load())
    assert not any(x.startswith("cue_") for x in bare) and "cue_b=acquisition" in cued
    shared = ("cue_b=", "cue_n=")
    assert [x for x in back if x.startswith(shared)] == [x for x in cued if x.startswith(shared)]
    # the cue with the pair's types goes with the pair's direction (kg.extract.pairextra)
    assert "cue_bt=ORG>ORG|ab|acquisition" in cued and "cue_bt=ORG>ORG|ba|acquisition" in back
    assert features(three, vexo, lumeo, language="en") == [x for x in back if not x.startswith("cue_")]


def test_a_names_trailing_period_does_not_change_its_features() -> None:
    # Gold spans include an abbreviation's or a sentence's last period ("Vexo Corp.", "Oslo."),
    # kg's own names mostly do not ("Vexo Corp"): a pair is read the same either way, so what the
    # classifier learnt from gold spans applies to kg's names.
    toks = tokenize("The parts were made by Vexo Corp. of Oslo.")
    assert [t.text for t in toks[5:10]] == ["Vexo", "Corp", ".", "of", "Oslo"]
    m = relmodel.load()
    kg_spans = relmodel.features(toks, (5, 7, "Company"), (9, 10, "Place"), language="en", model=m)
    gold_spans = relmodel.features(toks, (5, 8, "Company"), (9, 11, "Place"), language="en", model=m)
    assert kg_spans == gold_spans
    assert "bh=oslo" in kg_spans and "ah=corp" in kg_spans
    # a period that is the whole name stays: nothing is left to trim to
    assert "bh=." in relmodel.features(toks, (5, 7, "Company"), (10, 11, "Place"), language="en")


@pytest.mark.parametrize("text", [
    "Tenvar Inc, a Oslo-based maker, is based in Oslo.",
    "The U.S.-Based firm said BASED on sales.",
    "Tenvar Inc sold its unit to Lumeo.",  # no "based" at all: the quick look reads nothing
    "Debased coins and embased words",  # "based" inside a word is no "based" token
])
def test_reading_finds_the_based_tokens_one_by_one_would(text):
    toks = tokenize(text)
    relmodel._LAST.clear()
    got = relmodel._read(toks)
    words = [relmodel._word(t.text) for t in toks]
    assert got.based == tuple(k for k, w in enumerate(words) if w[0] == "based" or w[0].endswith("-based"))
    assert got.based_text == tuple(k for k, t in enumerate(toks) if t.text.endswith("-based"))
    assert ("based" in text.lower()) or got.based == got.based_text == ()
