"""What a first try of kg tripped over (issue 13, part 3): each one as a user meets it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.graph import KnowledgeGraph
from kg.store import add_extractions

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, graph: KnowledgeGraph) -> Path:
    path = tmp_path_factory.mktemp("first") / "store"
    add_extractions(path, graph.extractions)
    return path


def _meta(page: Path) -> dict[str, object]:
    text = page.read_text(encoding="utf-8")
    data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
    assert data is not None
    return dict(json.loads(data.group(1))["meta"])


def test_kg_extract_stays_callable_once_the_subpackage_is_imported() -> None:
    # In a fresh interpreter: importing kg.build imports the kg.extract subpackage, which the import
    # system then sets as the attribute kg.extract (it used to hide the lazy function).
    code = (
        "import kg, kg.build, kg.extract, kg.resolve\n"
        "x = kg.extract(kg.Article('a', 'Xiaomi and Ford Motor Company signed a partnership.'))\n"
        "g = kg.resolve([x])\n"
        "print(sorted(e.id for e in x.entities), len(g.links), kg.extract.DEFAULT_ENGINE)\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert p.returncode == 0, p.stderr
    from kg.extract import DEFAULT_ENGINE

    assert p.stdout.split() == ["['ford-motor-company',", "'xiaomi']", "1", DEFAULT_ENGINE]


def test_store_export_draws_with_focus_and_max_nodes(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "fig.html"
    assert main(["export", "--store", str(store), "-o", str(page), "--max-nodes", "3"]) == 0
    assert _meta(page)["nodes"] == 3
    assert "the drawing shows 3 of 19 nodes" in capsys.readouterr().err
    assert main(["export", "--store", str(store), "-o", str(page), "--focus", "Adaro"]) == 0
    meta = _meta(page)
    assert meta["focus"] == "adaro" and meta["nodes"] == 7


def test_eval_help_names_the_real_default_engine(capsys: pytest.CaptureFixture[str]) -> None:
    from kg.extract import DEFAULT_ENGINE

    with pytest.raises(SystemExit):
        main(["eval", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert f"extraction engine (default: {DEFAULT_ENGINE})" in out


def test_query_binds_a_company_by_name_or_says_which_ids_are_close(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    by_id = main(["query", "--store", str(store), "company-links", "--bind", "company=entity:xiaomi",
                  "--format", "csv"])
    rows_by_id = capsys.readouterr().out
    assert by_id == 0 and len(rows_by_id.splitlines()) > 1
    for name in ("xiaomi", "XIAOMI", "Xiaomi Corporation"):  # name, any case, alias
        assert main(["query", "--store", str(store), "company-links", "--bind", f"company={name}",
                     "--format", "csv"]) == 0
        out = capsys.readouterr()
        assert out.out == rows_by_id
        assert "bound to entity:xiaomi" in out.err
    assert main(["query", "--store", str(store), "company-links", "--bind", "company=Xiaomy",
                 "--format", "csv"]) == 0
    err = capsys.readouterr().err
    assert "no entity has the id, name or alias 'Xiaomy'" in err and "close: entity:xiaomi" in err


def test_cli_summary_and_page_say_the_same(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Xiaomi denied a partnership with Ford Motor Company.\n\nAdaro bought Indika.\n",
                   encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "--format", "html"]) == 0
    line = capsys.readouterr().err.strip().splitlines()[-1]
    summary = _meta(out / "graph.html")["summary"]
    assert isinstance(summary, str) and "relationship node" in summary
    assert line.startswith(f"kg: built 1 article -> {summary} in ")
    assert "1 link (1 relationship node; 1 speaker edge)" in summary
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert '"Graph: " + D.meta.summary' in page


def test_messages_name_flags_not_parameters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "x.html"
    src = tmp_path / "a.txt"
    src.write_text("Xiaomi partners with Ford Motor Company.\n", encoding="utf-8")
    assert main(["export", str(src), "-o", str(page), "--depth", "2"]) == 2
    err = capsys.readouterr().err
    assert "--depth 2 needs --focus" in err and "depth=" not in err
    assert main(["export", str(src), "-o", str(page), "--max-nodes", "-1"]) == 2
    err = capsys.readouterr().err
    assert "--max-nodes must be 0 or more" in err and "max_nodes" not in err


def test_an_unknown_option_shows_the_subcommand_usage_and_a_near_miss(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["export", "in.txt", "-o", "x.html", "--maxnodes", "3"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: kg export ")
    assert "did you mean --max-nodes?" in err
    with pytest.raises(SystemExit):
        main(["build", "in.txt", "--zzz"])
    err = capsys.readouterr().err
    assert err.startswith("usage: kg build ") and "unrecognized arguments: --zzz" in err and "did you" not in err
