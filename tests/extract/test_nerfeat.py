"""kg.extract.nerfeat.Resources.context: a title-case sentence's per-token features (cached per word)."""

from kg.extract.nerfeat import _TC_FLAGS, Resources


def test_title_case_features_are_the_word_lists_flags_again_however_often_read():
    res = Resources(vocab=["bank"], common=["siap"], stop=["dan"], token_type={"BRI": "org"},
                    names=[("place", "Bali")])
    texts = ["Bank", "BRI", "Dan", "Bali", "Siap", "Bank"]
    want = [["titlecase", *("tc|" + f for f in res.own(t)[9:] if f in _TC_FLAGS or f[:3] == "te=")]
            for t in texts]
    assert any(len(w) > 1 for w in want)  # some flag is repeated
    for _ in range(2):  # the second time from the cache
        got = res.context(texts, "title")
        assert [g[: len(w)] for g, w in zip(got, want, strict=True)] == want
    assert res.context(["Bank", "rose"], "as written")[0][0] == "BOS"


def _old_shape(text: str) -> str:
    return "".join("X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in text)


def test_shapes_and_neighbour_features_are_those_made_one_by_one():
    """own()'s shape (ASCII by one translate, other text character by character) and neighbours() (the
    four neighbour sets of a new word at once) give what the per-character and per-place code gave."""
    from kg.extract.nerfeat import _NEAR, _shape

    res = Resources(vocab=["bank"], common=["siap"], stop=["dan"], token_type={"BRI": "org"},
                    names=[("place", "Bali"), ("first", "Ana")])
    texts = ["Bank", "BRI", "dan", "Bali", "Ana", "Rp1.670", "Élan-2", "ÇAĞ", "x_y", "3M", "Ünver's", "٣", "ǅ", "--"]
    for t in texts:
        assert _shape(t) == _old_shape(t)
        assert res.own(t)[2] == "s=" + _old_shape(t)[:8]
        sets = res.neighbours(t)
        own = res.own(t)
        for d, got in zip(_NEAR, sets, strict=True):
            p = f"{d:+d}"
            want = [p + own[0], p + own[1]]
            if d in (-1, 1):
                flags = {"stop", "seenlow", "common", "hv", "mo=aff"}
                want += [p + f for f in own[9:] if f in flags or f.startswith("lx=")]
            assert got == tuple(want)
            assert res.neighbour(d, t) == got
    assert any(len(s) > 2 for t in texts for s in res.neighbours(t))  # some flag is repeated
