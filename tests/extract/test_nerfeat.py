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
