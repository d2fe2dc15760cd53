"""The pair classifier over a sentence's pairs at once (kg.extract.pairscore): the same answers, and
the same floats, as one pair at a time."""

from __future__ import annotations

import itertools
import math

import pytest

from kg.extract import pairscore, relmodel, relweights
from kg.extract.text import tokenize

# Hand-written (no text from any training or evaluation set): names of several types, near and far.
TEXT = ("Maria Lopez, a spokeswoman for Tenvar Industries of Oslo, said the Nordvik Institute and "
        "Lumeo Corp, a unit of Kestrel Analytics based in Bergen, will buy a stake in Vexo Holdings.")
NAMES = [("Maria Lopez", "Person"), ("Tenvar Industries", "Company"), ("Oslo", "Place"),
         ("Nordvik Institute", "Organization"), ("Lumeo Corp", "Company"), ("Kestrel Analytics", "Company"),
         ("Bergen", "Place"), ("Vexo Holdings", "Company")]


def _spans(tokens, names):
    out = []
    for phrase, etype in names:
        words = [t.text for t in tokenize(phrase)]
        i = next(i for i in range(len(tokens)) if [t.text for t in tokens[i : i + len(words)]] == words)
        out.append((i, i + len(words), etype))
    return out


def _one_at_a_time(model, rows):
    """The softmax of the weight rows summed one after the other in plain Python floats (what the
    model's scores were before batching)."""
    z = []
    for j in range(len(model.labels)):
        s = 0.0
        for r in rows:
            s += float(model.weights[r, j])
        z.append(s + float(model.bias[j]))
    top = max(z)
    e = [math.exp(v - top) for v in z]
    return [v / sum(e) for v in e]


def test_a_batch_gives_each_pair_what_it_gets_alone():
    toks = tokenize(TEXT)
    spans = _spans(toks, NAMES)
    pairs = list(itertools.permutations(spans, 2))
    together = pairscore.classify_pairs(toks, pairs, language="en")
    alone = [pairscore.classify(toks, a, b, language="en") for a, b in pairs]
    assert together == alone
    assert {label for label, _ in together} - {None}  # the sentence has links the model finds


def test_probabilities_are_the_sums_in_feature_order():
    toks = tokenize(TEXT)
    spans = _spans(toks, NAMES)
    m = relmodel.load()
    rows = [relweights.rows(m, relmodel.features(toks, a, b, language="en", model=m))
            for a, b in itertools.permutations(spans, 2)]
    assert len({len(r) for r in rows}) > 3  # pairs of many lengths share one padded batch
    assert pairscore.probabilities(m, rows) == [_one_at_a_time(m, r) for r in rows]
    assert pairscore.probabilities(m, []) == []


def test_shared_feature_rows_are_the_rows_of_the_pairs_features():
    # classify_pairs looks up the features a pair shares with its sentence's other pairs once per
    # sentence; each pair must still get exactly the rows of its own features, also when sentences
    # (and the same spans in other sentences) alternate
    m = relmodel.load()
    first = tokenize(TEXT)
    other = tokenize("Vexo Holdings sued Maria Lopez and Kestrel Analytics in Oslo over the Nordvik Institute.")
    sentences = [(toks, _spans(toks, NAMES if toks is first else [n for n in NAMES if n[0] not in
                                                                  ("Tenvar Industries", "Lumeo Corp", "Bergen")]))
                 for toks in (first, other)]
    for _ in range(2):
        for toks, spans in sentences:
            pairs = list(itertools.permutations(spans, 2))
            assert len(pairs) >= 20
            for a, b in pairs:
                want = relweights.rows(m, relmodel.features(toks, a, b, language="en", model=m))
                assert pairscore._pair_rows(m, toks, a, b, "en") == want


def test_tagger_emissions_are_the_weights_of_the_trainers_features():
    # Model.emissions adds the sentence features (kg.extract.nerfeat.Resources.context) without listing
    # them per token; the scores must still be the weights of exactly the features the trainer sees.
    from kg.extract.ner import tagger
    from kg.extract.nerfeat import features

    m = tagger("en")
    for text in (TEXT, TEXT.upper(), "Tenvar Industries", "Lumeo Corp moved to New York from Hong Kong."):
        toks = tokenize(text)
        assert m.res.context_marks([t.text for t in toks]) or "New York" not in text  # names of two tokens
        want = []
        for feats in features(toks, m.res):
            row = [0.0] * len(m.labels)
            for f in feats:
                for k, w in m.weights.get(f, ()):
                    row[k] += w
            want.append(row)
        got = m.emissions(toks)
        assert len(got) == len(want)
        for g, w in zip(got, want, strict=True):
            assert g == [pytest.approx(x, abs=1e-9) for x in w]


def test_an_articles_sentences_together_get_each_sentences_answers():
    # classify_many: one probabilities call for several sentences (the pipeline's article), the same
    # answers as sentence by sentence, with a sentence without pairs and one asked twice
    first = tokenize(TEXT)
    other = tokenize("Vexo Holdings sued Maria Lopez and Kestrel Analytics in Oslo.")
    asks = [(first, list(itertools.permutations(_spans(first, NAMES), 2))),
            (tokenize("Nothing here."), []),
            (other, list(itertools.permutations(_spans(other, [("Vexo Holdings", "Company"),
                                                               ("Maria Lopez", "Person"),
                                                               ("Kestrel Analytics", "Company"),
                                                               ("Oslo", "Place")]), 2))),
            (other, [((3, 5, "Person"), (3, 5, "Person"))])]
    alone = [pairscore.classify_pairs(t, p, language="en") for t, p in asks]
    assert pairscore.classify_many(asks, language="en") == alone
    assert [len(a) for a in alone] == [56, 0, 12, 1]
    assert pairscore.classify_many([], language="en") == []


def test_classified_relations_read_ahead_are_those_read_in_place():
    # the pipeline asks an article's pairs before reading its relations (asked_pairs, classify_many);
    # classified_relations given those answers finds what it finds asking itself
    from kg.extract.classified import asked_pairs, classified_relations
    from kg.extract.lexicon import load_lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import split_sentences

    lex = load_lexicon("en")
    s = split_sentences(TEXT, [(0, len(TEXT))], lex)[0]
    spans = _spans(s.tokens, NAMES)
    ms = [Mention(0, i, j, s.tokens[i].start, s.tokens[j - 1].end,
                  TEXT[s.tokens[i].start : s.tokens[j - 1].end], t, f"e{k}", f"e{k}", "gazetteer", "", "")
          for k, (i, j, t) in enumerate(spans)]
    ask = asked_pairs(s, ms, language="en")
    assert len(ask.pairs) > 10
    read = (ask, pairscore.classify_many([(s.tokens, ask.spans())], language="en")[0])
    here = classified_relations(s, ms, set(), language="en")
    assert here and classified_relations(s, ms, set(), language="en", read=read) == here


def test_rows_made_from_remembered_parts_are_the_rows_of_the_features():
    # _pair_rows remembers the rows of a pair's own features by what they are made of (the kind of pair,
    # the gap, the words between or their shape, the end words, the cues) across sentences: every pair,
    # near and far (up to 4, up to 10 and more words apart), overlapping, in both languages and asked
    # twice, must still get exactly the rows of its features
    m = relmodel.load()
    texts = [(TEXT, "en", NAMES),
             ("Maria Lopez bergabung dengan Tenvar Industries di Oslo , kata Kestrel Analytics yang "
              "menggugat Vexo Holdings dan Lumeo Corp .", "id",
              [n for n in NAMES if n[0] not in ("Nordvik Institute", "Bergen")])]
    pairscore._OWN.clear()
    for _ in range(2):
        for text, language, names in texts:
            toks = tokenize(text)
            spans = _spans(toks, names)
            pairs = [*itertools.permutations(spans, 2), (spans[0], (spans[0][0], spans[0][1], "Company"))]
            assert {max(0, max(a[0], b[0]) - min(a[1], b[1])) // 5 for a, b in pairs} >= {0, 1, 2}
            for a, b in pairs:
                want = relweights.rows(m, relmodel.features(toks, a, b, language=language, model=m))
                assert pairscore._pair_rows(m, toks, a, b, language) == want
    assert len(pairscore._OWN["last"][1]) >= 8  # kinds of both languages, orders and types were remembered
