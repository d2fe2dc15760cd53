"""Word-cluster features of the named-entity tagger (kg.extract.nerfeat; kept in the model file: kg.extract.nerfile)."""

import gzip
import re
from pathlib import Path

from kg.extract.ner import Model
from kg.extract.nerfeat import Resources, features, read_clusters
from kg.extract.text import tokenize
from tests.extract.tiny import train_twice

LABELS = ["O", "B-Person", "I-Person"]


def _model(res: Resources) -> Model:
    # Only the fine cluster 2/7 says Person; everything else leans to O.
    weights = {("bias", "O"): 1.0, ("cf=2/7", "B-Person"): 3.0}
    return Model("id", LABELS, {}, weights, res)


def test_a_word_gets_its_cluster_and_its_neighbours_theirs() -> None:
    res = Resources(clusters={"wiranto": "2/7", "kata": "0/1"})
    f = features(tokenize("Kata Wiranto di Bogor"), res)
    assert "cl=2" in f[1] and "cf=2/7" in f[1]  # looked up lower-cased
    assert {"-1cl=0", "-1cf=0/1", "+1cl=2", "+1cf=2/7"} <= set(f[0] + f[1] + f[2])
    assert "-2cf=2/7" in f[3] and "-2cl=2" not in f[3]  # two places away: the fine cluster only
    assert not [x for x in f[3] if x.startswith(("cl=", "cf="))]  # Bogor has no cluster: no feature
    assert not [x for t in features(tokenize("Kata Wiranto"), Resources()) for x in t if "cl=" in x or "cf=" in x]


def test_an_unseen_name_is_tagged_through_its_cluster() -> None:
    model = _model(Resources(clusters={"wiranto": "2/7", "prabowo": "2/7"}))
    assert model.tag(tokenize("Kata Prabowo hari ini")) == [(1, 2, "Person")]
    assert model.tag(tokenize("Kata Sutiyoso hari ini")) == []  # no cluster, no name


def test_clusters_survive_the_model_file_and_an_older_file_loads_without_them(tmp_path: Path) -> None:
    res = Resources(stop=["di"], clusters={"wiranto": "2/7", "prabowo": "2/7", "kata": "0/1"})
    path = _model(res).write(tmp_path / "m.tsv.gz", ["test"])
    back = Model.read(path)
    assert back.res.clusters == res.clusters
    assert back.tag(tokenize("Kata Prabowo")) == [(1, 2, "Person")]
    rows = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
    assert [r for r in rows if r.startswith("cluster\t")] == ["cluster\t0/1\tkata", "cluster\t2/7\tprabowo\twiranto"]
    old = tmp_path / "old.tsv.gz"  # a model written before clusters: no cluster rows
    old.write_bytes(gzip.compress("\n".join(r for r in rows if not r.startswith("cluster\t")).encode("utf-8")))
    model = Model.read(old)
    assert model.res.clusters == {} and model.tag(tokenize("Kata Prabowo")) == []


def test_shipped_indonesian_clusters_are_lowercase_words_with_a_coarse_prefix() -> None:
    got = read_clusters("id")
    assert len(got) > 5000
    assert all(w == w.lower() and "\t" not in w and re.fullmatch(r"\d+/\d+", c) for w, c in got.items())
    assert got["jakarta"] == got["surabaya"]  # learnt, not listed: two cities share a cluster


_TINY = [
    ("Bank Sentosa membuka kantor di Jakarta.", [("Bank Sentosa", "Organization"), ("Jakarta", "Place")]),
    ("Direktur Budi Santoso mengatakan laba naik.", [("Budi Santoso", "Person")]),
]


def test_training_uses_the_clusters_only_when_asked(tmp_path: Path) -> None:
    (tmp_path / "plain").mkdir()
    (tmp_path / "clusters").mkdir()
    plain = train_twice(tmp_path / "plain", _TINY, [])
    assert plain.res.clusters == {} and not [a for a in plain.weights if "cf=" in a or "cl=" in a]
    with_clusters = train_twice(tmp_path / "clusters", _TINY, [], clusters=True)
    assert with_clusters.res.clusters == read_clusters("id")
    assert "cf=" + read_clusters("id")["jakarta"] in with_clusters.weights
