"""kg train: annotations in kg annotate's format teach the name tagger a company no shipped list or
model knows; kg build --models DIR then finds it, reproducibly. The sentences and the company name
("Kalvora") are invented for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.annotations import unit_hash
from kg.cli import main

# (sentence with {org}, {person}, {place}; its relations as (subject, type, object, status)): invented
# Indonesian business news.
_TEMPLATES = [
    ("Saham {org} naik tajam setelah laporan laba kuartal ketiga diumumkan di {place}.", []),
    ("{person}, direktur keuangan {org}, mengatakan laba bersih naik 12 persen.",
     [("person", "works_for", "org", "asserted")]),
    ("{org} menaikkan harga jual semen sebesar lima persen mulai bulan depan.", []),
    ("{org}, perusahaan yang berkantor pusat di {place}, menargetkan pendapatan tumbuh dua digit.",
     [("org", "based_in", "place", "asserted")]),
    ("{person} ditunjuk sebagai direktur utama {org} dalam rapat umum pemegang saham.",
     [("person", "works_for", "org", "asserted")]),
    ("Pabrik baru {org} di {place} mulai beroperasi pada akhir tahun.", []),
    ("{person} membantah kabar bahwa dirinya akan bergabung dengan {org}.",
     [("person", "works_for", "org", "denied")]),
    ("{org} membuka kantor cabang di {place} untuk melayani pelanggan korporasi.", []),
]
_PEOPLE = ["Budi Hartono", "Siti Rahmawati", "Agus Salim", "Dewi Lestari"]
_PLACES = ["Surabaya", "Medan", "Makassar", "Balikpapan"]
_ORGS = ["Kalvora", "Kalvora", "Kalvora", "Sinar Pagi"]  # the new name, and another invented one
_TYPES = {"org": "Company", "person": "Person", "place": "Place"}


def _articles() -> list[dict[str, object]]:
    """Invented articles with their annotation: names over the article text and relations between them."""
    out = []
    for k, (tpl, rels) in enumerate(_TEMPLATES * 2):
        fill = {"org": _ORGS[k % 4], "person": _PEOPLE[k % 4], "place": _PLACES[(k + 1) % 4]}
        text = tpl.format(**fill)
        roles = sorted((r for r in ("org", "person", "place") if "{" + r + "}" in tpl),
                       key=lambda r: text.index(fill[r]))
        ents = [{"start": text.index(fill[r]), "end": text.index(fill[r]) + len(fill[r]), "type": _TYPES[r]}
                for r in roles]
        relations = [{"subject": roles.index(a), "object": roles.index(b), "type": t, "status": st,
                      "attributed_to": None} for a, t, b, st in rels]
        out.append({"id": f"berita-{k}", "text": text, "entities": ents, "relations": relations})
    return out


def _write_annotations(tmp: Path) -> Path:
    """The articles as an input file and their units as kg annotate writes them (with ``source``)."""
    arts = _articles()
    src = tmp / "berita.jsonl"
    src.write_text("".join(json.dumps({"id": a["id"], "text": a["text"], "language": "id"}) + "\n" for a in arts),
                   encoding="utf-8")
    ann = tmp / "annotations.jsonl"
    rows = []
    for a in arts:
        text = str(a["text"])
        rows.append({"doc_id": a["id"], "unit": [0, len(text)], "language": "id", "unit_sha256": unit_hash(text),
                     "entities": a["entities"], "relations": a["relations"], "negative": not a["relations"],
                     "source": str(src)})
    ann.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return ann


def _companies(tmp: Path, name: str, *extra: str) -> set[str]:
    news = tmp / f"{name}.txt"
    news.write_text("Kalvora membangun gudang baru di Pontianak untuk memperluas distribusi.\n", encoding="utf-8")
    out = tmp / f"out-{name}"
    assert main(["build", str(news), "-o", str(out), "--format", "extractions", "-q", *extra]) == 0
    rows = [json.loads(x) for x in (out / "extractions.jsonl").read_text(encoding="utf-8").splitlines()]
    return {e["label"] for r in rows for e in r["entities"] if e["type"] == "Company"}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_train_learns_a_new_company_reproducibly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pycrfsuite")
    ann = _write_annotations(tmp_path)
    empty = tmp_path / "no-data"
    empty.mkdir()
    folders = []
    for k in range(2):
        out = tmp_path / f"models-{k}"
        args = ["train", "--annotations", str(ann), "-o", str(out), "--base", "none", "--data", str(empty),
                "--max-iterations", "60"]
        assert main(args) == 0
        folders.append(out)
    printed = capsys.readouterr().out
    assert "before" in printed and "after" in printed and "held-out" in printed
    # Same annotations, same bytes; the retrained models differ from the shipped ones, the rest is copied.
    assert _files(folders[0]) == _files(folders[1])
    from kg.resources import ontology_dir

    shipped = ontology_dir() / "models"
    for name in ("ner-id.tsv.gz", "relations.json"):
        assert (folders[0] / name).read_bytes() != (shipped / name).read_bytes(), name
    # one denied relation is too few to retrain the status model: kept, as the others
    for name in ("ner-en.tsv.gz", "status.json"):
        assert (folders[0] / name).read_bytes() == (shipped / name).read_bytes(), name
    rel = json.loads((folders[0] / "relations.json").read_text(encoding="utf-8"))
    assert set(rel["labels"]) == {"based_in", "none", "works_for"}
    assert "annotations.jsonl (16 units" in (folders[0] / "README.md").read_text(encoding="utf-8")
    # The shipped engine misses the name in an unseen sentence; the retrained models find it.
    assert "Kalvora" not in _companies(tmp_path, "shipped")
    assert "Kalvora" in _companies(tmp_path, "trained", "--models", str(folders[0]))


def test_base_full_reads_the_data_folder_and_names_what_it_lacks(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pycrfsuite")
    from kg.extract.ner import Model

    ann = _write_annotations(tmp_path)
    # A data folder holding only an idner-style train and dev set (invented sentences, gold format).
    data = tmp_path / "data"
    (data / "eval" / "idner").mkdir(parents=True)
    for split, people in (("train", _PEOPLE[:2]), ("dev", _PEOPLE[2:])):
        rows = []
        for k, (tpl, _) in enumerate(_TEMPLATES):
            if "{person}" in tpl:
                fill = {"org": "Sinar Pagi", "person": people[k % 2], "place": _PLACES[k % 4]}
                text = tpl.format(**fill)
                ents = [{"label": fill[r], "type": _TYPES[r],
                         "mentions": [{"start": text.index(fill[r]), "end": text.index(fill[r]) + len(fill[r])}]}
                        for r in ("org", "person", "place") if "{" + r + "}" in tpl]
                rows.append({"doc_id": f"{split}-{k}", "language": "id", "text": text, "entities": ents,
                             "relations": []})
        (data / "eval" / "idner" / f"{split}.gold.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "full"
    assert main(["train", "--annotations", str(ann), "-o", str(out), "--data", str(data),
                 "--max-iterations", "60"]) == 0
    printed = capsys.readouterr().out
    assert "eval/idner/dev.gold.jsonl of the data folder" in printed  # the dev set, not held-out annotations
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "idner-news-2k train" in readme and "absent from the data folder (train/ner-id/nerp.gold.jsonl)" in readme
    names = dict.fromkeys(n for k, n in Model.read(out / "ner-id.tsv.gz").res.names if k == "eOrganization")
    assert "Kalvora" in names and "Sinar Pagi" in names  # from the annotations and from the data folder


def test_train_errors_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pycrfsuite")
    import kg.train_cli

    ann = _write_annotations(tmp_path)
    # --base full without training data (no --data, no KG_TRAIN_DATA, no ../shared) names the ways to give it.
    monkeypatch.delenv("KG_TRAIN_DATA", raising=False)
    monkeypatch.setattr(kg.train_cli, "_ROOT", tmp_path / "installed")
    assert main(["train", "--annotations", str(ann), "-o", str(tmp_path / "m")]) == 2
    err = capsys.readouterr().err
    assert "--data DIR or KG_TRAIN_DATA" in err and "--base none" in err
    assert main(["train", "--annotations", str(ann), "-o", str(tmp_path / "m"), "--data", str(tmp_path / "x")]) == 2
    assert "--data" in capsys.readouterr().err
    # An article whose text changed since it was annotated is named, and nothing is trained.
    src = tmp_path / "berita.jsonl"
    src.write_text(src.read_text(encoding="utf-8").replace("Kalvora", "Kalvorra", 1), encoding="utf-8")
    assert main(["train", "--annotations", str(ann), "-o", str(tmp_path / "m"), "--base", "none"]) == 2
    err = capsys.readouterr().err
    assert "annotations.jsonl" in err and "berita-0" in err
    assert not (tmp_path / "m" / "ner-id.tsv.gz").exists()


def test_without_the_training_extras_the_error_names_them(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pycrfsuite", None)  # import pycrfsuite now raises ImportError
    ann = _write_annotations(tmp_path)
    assert main(["train", "--annotations", str(ann), "-o", str(tmp_path / "m"), "--base", "none"]) == 2
    assert "pip install 'kg[train]'" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()
