"""Packaging: the wheel ships the ontology and language data; one source for the version."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import kg
from kg.resources import languages, ontology_dir

ROOT = Path(__file__).resolve().parent.parent


def test_public_api_is_explicit_and_importable() -> None:
    for name in kg.__all__:
        assert getattr(kg, name) is not None


def test_version_has_one_source() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" in meta["project"]["dynamic"]
    assert meta["tool"]["hatch"]["version"]["path"] == "kg/__init__.py"


@pytest.mark.slow
def test_wheel_contains_ontology_and_every_language(tmp_path: Path) -> None:
    hatchling = pytest.importorskip("hatchling")
    assert hatchling
    r = subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    (wheel,) = tmp_path.glob("kg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for p in ontology_dir().rglob("*"):
        if p.is_file() and "__pycache__" not in p.parts:
            rel = p.relative_to(ontology_dir()).as_posix()
            assert f"kg/ontology/{rel}" in names, f"{rel} is not in the wheel"
    for code in languages():
        assert f"kg/ontology/lang/{code}/language.toml" in names
