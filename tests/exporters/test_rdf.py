"""RDF exports: every format parses back to exactly kg.rdf's quads, validates, and is stable."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg import ids
from kg.exporters import rdf as exporter
from kg.formats import FORMATS, export
from kg.rdf import quads
from kg.resources import ontology_file
from tests.conftest import ROOT
from tests.test_rdf import HOSTILE, asserted_twice, hostile_graph, with_asserted_partnership

RDF_FORMATS = [f for f in FORMATS.values() if f.rdf]
IDS = [f.name for f in RDF_FORMATS]
RAPPER = shutil.which("rapper")
# rapper's parser names; it has no JSON-LD parser.
RAPPER_SYNTAX = {
    "turtle": "turtle",
    "ntriples": "ntriples",
    "rdfxml": "rdfxml",
    "trig": "trig",
    "nquads": "nquads",
}
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _key(q: Any, *, keep_graph: bool) -> tuple[str, str, str, str | None, str | None]:
    """A quad as strings: (s, p, o, datatype or None for IRIs, graph or None)."""
    o = q.object
    extra = o.datatype.value if isinstance(o, ox.Literal) else None
    g = q.graph_name.value if keep_graph and not isinstance(q.graph_name, ox.DefaultGraph) else None
    return q.subject.value, q.predicate.value, o.value, extra, g


def expected(graph, fmt, *, xml_safe: bool = False) -> list[tuple]:
    """What an export in ``fmt`` must hold: kg.rdf.quads, or their triples (each once)."""
    keys = [_key(q, keep_graph=fmt.quads) for q in quads(graph)]
    if xml_safe:
        keys = [(s, p, _XML_FORBIDDEN.sub("\ufffd", o) if dt else o, dt, g) for s, p, o, dt, g in keys]
    return sorted(set(keys))


def parsed(data: bytes, fmt) -> list[tuple]:
    got = [_key(q, keep_graph=fmt.quads) for q in ox.parse(data, format=getattr(ox.RdfFormat, fmt.rdf))]
    return sorted(got)


def export_bytes(graph, fmt, tmp_path: Path) -> bytes:
    path = fmt.load_writer()(graph, tmp_path / fmt.filename)
    assert path == tmp_path / fmt.filename
    return path.read_bytes()


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=IDS)
def test_export_parses_to_the_same_rdf(graph, fmt, tmp_path):
    data = export_bytes(graph, fmt, tmp_path)
    got = parsed(data, fmt)
    # same statements, and each exactly once (triple formats merge the article graphs)
    assert got == expected(graph, fmt)
    if fmt.quads:
        assert len(got) == len(quads(graph))


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=IDS)
def test_triple_formats_merge_what_two_articles_say(graph, fmt, tmp_path):
    g = asserted_twice(graph)
    got = parsed(export_bytes(g, fmt, tmp_path), fmt)
    assert got == expected(g, fmt)
    shortcut = [r for r in got if r[1] == ids.ONTOLOGY + "partnerOf"]
    assert len(shortcut) == (2 if fmt.quads else 1)
    assert len(got) == len(set(got))


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=IDS)
def test_hostile_literals_round_trip(fmt, tmp_path):
    g = hostile_graph()
    data = export_bytes(g, fmt, tmp_path)
    got = parsed(data, fmt)
    if fmt.name == "rdfxml":
        # XML 1.0 cannot hold these characters at all: they become U+FFFD, the rest is kept
        assert got == expected(g, fmt, xml_safe=True)
        assert b"&#13;" in data and not _XML_FORBIDDEN.search(data.decode("utf-8"))
    else:
        assert got == expected(g, fmt)
        assert HOSTILE in {o for _, _, o, _, _ in got}


@pytest.mark.skipif(RAPPER is None, reason="Debian's raptor2-utils (rapper) is not installed")
@pytest.mark.parametrize("fmt", [f for f in RDF_FORMATS if f.name in RAPPER_SYNTAX], ids=lambda f: f.name)
@pytest.mark.parametrize("which", ["sample", "hostile"])
def test_rapper_accepts_the_export(graph, fmt, which, tmp_path):
    # raptor refuses the noncharacter U+FFFF in a string, which RDF 1.1 allows: leave it out
    g = graph if which == "sample" else hostile_graph(HOSTILE.replace("\uffff", ""))
    path = fmt.load_writer()(g, tmp_path / fmt.filename)
    assert RAPPER is not None
    done = subprocess.run(
        [RAPPER, "-i", RAPPER_SYNTAX[fmt.name], "-o", "nquads" if fmt.quads else "ntriples", str(path)],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert b"Error" not in done.stderr, done.stderr.decode()
    n = len(expected(g, fmt))
    assert f"returned {n} triples".encode() in done.stderr
    if which == "sample":  # rapper's own output, read back, is the same RDF
        back = parsed(done.stdout, FORMATS["nquads" if fmt.quads else "ntriples"])
        assert back == expected(g, fmt)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # raised inside rdflib's JSON-LD parser
def test_jsonld_reads_the_same_in_rdflib(graph, tmp_path):
    import rdflib

    path = exporter.write_jsonld(graph, tmp_path / "g.jsonld")
    json.loads(path.read_text(encoding="utf-8"))
    ds = rdflib.Dataset()
    ds.parse(path, format="json-ld")
    assert len(ds) == len(expected(graph, FORMATS["jsonld"]))


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=IDS)
def test_same_graph_same_bytes(graph, fmt, tmp_path):
    first = export_bytes(graph, fmt, tmp_path)
    assert b"".join(exporter.generate(graph, fmt.name)) == first
    again = tmp_path / "again"
    assert export_bytes(graph, fmt, again) == first


def test_same_bytes_in_another_process(graph):
    """Nothing depends on hash seeds or process state (prefix order, dict order)."""
    code = (
        "import hashlib, json; from tests.sample import sample_graph; from kg.exporters.rdf import generate; "
        "from kg.formats import FORMATS; g = sample_graph(); "
        "print(json.dumps({f.name: hashlib.sha256(b''.join(generate(g, f.name))).hexdigest() "
        "for f in FORMATS.values() if f.rdf}))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    theirs = json.loads(done.stdout)
    ours = {
        f.name: hashlib.sha256(b"".join(exporter.generate(graph, f.name))).hexdigest() for f in RDF_FORMATS
    }
    assert theirs == ours


@pytest.mark.parametrize("name", ["turtle", "ntriples", "nquads", "trig"])
def test_batches_do_not_change_the_output(graph, name, monkeypatch):
    whole = b"".join(exporter.generate(graph, name))
    monkeypatch.setattr(exporter, "BATCH", 3)
    chunks = list(exporter.generate(graph, name))
    assert len(chunks) > 5
    if name == "trig":  # a graph split across batches is reopened: same quads, valid TriG
        fmt = FORMATS[name]
        assert parsed(b"".join(chunks), fmt) == parsed(whole, fmt)
    else:
        assert b"".join(chunks) == whole
    if name in ("turtle", "trig"):  # the prefixes are declared once, at the top
        assert b"".join(chunks).count(b"@prefix kg: ") == 1
        assert b"".join(chunks).startswith(b"@prefix ")


def test_turtle_uses_prefixes(graph):
    ttl = b"".join(exporter.generate_turtle(graph)).decode()
    assert "@prefix kg: <https://w3id.org/kg/ontology#> ." in ttl
    assert "entity:xiaomi a kg:Company" in ttl
    assert "kg:denies <https://w3id.org/kg/resource/relation/partnership/ford-motor-company--xiaomi>" in ttl
    assert "kg:partnerOf" not in ttl


def test_trig_keeps_one_graph_per_article(graph):
    trig = b"".join(exporter.generate_trig(graph)).decode()
    for a in graph.articles:
        assert trig.count(f"<{ids.graph_iri(a.id)}> {{") == 1


def test_writers_are_reached_through_the_format_table(graph, tmp_path):
    for fmt in RDF_FORMATS:
        assert fmt.load_writer() is getattr(exporter, f"write_{fmt.name}")
        assert callable(getattr(exporter, f"generate_{fmt.name}"))
    path = export(graph, tmp_path / "out" / "g.nq")
    assert parsed(path.read_bytes(), FORMATS["nquads"]) == expected(graph, FORMATS["nquads"])


def test_unknown_format_is_refused(graph):
    from kg.errors import ChoiceError

    with pytest.raises(ChoiceError, match="unknown RDF format 'graphml'"):
        list(exporter.generate(graph, "graphml"))


def test_empty_graph_exports(tmp_path):
    from kg.graph import KnowledgeGraph

    for fmt in RDF_FORMATS:
        data = export_bytes(KnowledgeGraph(), fmt, tmp_path)
        assert parsed(data, fmt) == []


# --- SHACL --------------------------------------------------------------------------------------------


def _shacl(data: bytes) -> tuple[bool, str]:
    import pyshacl
    import rdflib

    shapes = rdflib.Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    ontology = rdflib.Graph().parse(ontology_file("kg.ttl"), format="turtle")
    g = rdflib.Graph().parse(data=data, format="turtle")
    conforms, _, text = pyshacl.validate(g, shacl_graph=shapes, ont_graph=ontology, inference="none")
    return bool(conforms), str(text)


@pytest.mark.parametrize("variant", ["sample", "asserted", "twice", "hostile"])
def test_export_conforms_to_the_shapes(graph, variant):
    variants = {
        "sample": lambda: graph,
        "asserted": lambda: with_asserted_partnership(graph),
        "twice": lambda: asserted_twice(graph),
        "hostile": hostile_graph,
    }
    g = variants[variant]()
    conforms, report = _shacl(b"".join(exporter.generate_turtle(g)))
    assert conforms, report


def _drop(data: bytes, pattern: str) -> bytes:
    """Remove N-Triples lines matching ``pattern`` (from an N-Triples export)."""
    lines = data.decode().splitlines(keepends=True)
    kept = [line for line in lines if not re.search(pattern, line)]
    assert len(kept) < len(lines)
    return "".join(kept).encode()


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("no status", "kg:status"),
        ("two statuses", "kg:status"),
        ("no evidence offsets", "oa:start"),
        ("no article", "prov:wasDerivedFrom"),
        ("untyped entity", "rdf:type"),
    ],
)
def test_broken_exports_do_not_conform(graph, broken, message):
    nt = b"".join(exporter.generate_ntriples(graph))
    claim = ids.claim_iri("id/xiaomi-ford", "partnership/ford-motor-company--xiaomi")
    if broken == "no status":
        nt = _drop(nt, re.escape(f"<{claim}> <{ids.ONTOLOGY}status>"))
    elif broken == "two statuses":
        nt += f"<{claim}> <{ids.ONTOLOGY}status> <{ids.ONTOLOGY}asserted> .\n".encode()
    elif broken == "no evidence offsets":
        nt = _drop(nt, re.escape("<http://www.w3.org/ns/oa#start>"))
    elif broken == "no article":
        nt = _drop(nt, re.escape(f"<{claim}> <http://www.w3.org/ns/prov#wasDerivedFrom>"))
    elif broken == "untyped entity":
        nt = _drop(
            nt,
            re.escape(f"<{ids.entity_iri('danantara')}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"),
        )
    conforms, report = _shacl(nt)
    assert not conforms
    assert message in report


def test_a_graph_that_breaks_the_schema_does_not_conform(graph):
    """A works_for link from a company, and evidence whose end is before its start."""
    import dataclasses

    from kg.graph import Claim, Link
    from kg.model import Evidence

    bad = Link(
        "works_for/xiaomi--ford-motor-company",
        "works_for",
        "xiaomi",
        "ford-motor-company",
        (Claim("id/xiaomi-ford", "asserted", evidence=(Evidence(50, 40, "x"),)),),
    )
    g = dataclasses.replace(graph, links=(*graph.links, bad))
    conforms, report = _shacl(b"".join(exporter.generate_turtle(g)))
    assert not conforms
    assert "kg:Person" in report and "oa:end" in report
