"""Benchmark: kg's RDF export of a ~1,000,000-triple graph against rdflib's serializer.

Issue: "export of a 1,000,000-triple graph to Turtle, N-Triples and N-Quads, measured
side by side with rdflib's own serializer on the same graph in the same run; target
>= 20x faster than rdflib's Turtle serializer and peak memory <= 1 GB".

Each measurement runs in a fresh Python process, which first builds the same
synthetic graph (deterministic, not timed) and then times one export; peak memory is
that process's peak resident set size (``ru_maxrss``), reported with the RSS it had
before the export started. rdflib is given a ``Graph`` built from the same triples
(``kg.rdf.union``; building it is not timed) and timed on ``serialize(format="turtle")``
only; kg's times include the whole path from the KnowledgeGraph to the file.

rdflib's Turtle serializer is far slower on kg's graphs than on simple ones: for every
IRI it looks for the longest namespace among all it has seen, and kg's claim and
evidence IRIs (one path per article) give it thousands, so its time grows about
quadratically: 49 s at 100k triples, 45 minutes at 1M here. ``--rdflib-timeout`` caps it
(the ratio is then a lower bound).

    python benchmarks/bench_rdf_export.py                   # ~1M triples; rdflib takes most of an hour
    python benchmarks/bench_rdf_export.py --triples 50000   # a quick run
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.graph import Claim, KnowledgeGraph, Link, Node  # noqa: E402
from kg.model import Article, Evidence, Extraction  # noqa: E402
from kg.schema import ORG_TYPES, RELATION_TYPES, STATUSES, link_id, link_key  # noqa: E402

# Triples one link gives on average with this generator (measured; used to size it).
_TRIPLES_PER_LINK = 15.0
_WORDS = ("coal", "nickel", "bank", "energi", "listrik", "kemitraan", "deal", "stake", "ekspor", "tambang")


def synthetic_graph(triples: int, *, seed: int = 7) -> KnowledgeGraph:
    """A deterministic graph of about ``triples`` triples: every relation type and status."""
    rng = random.Random(seed)
    n_links = max(1, int(triples / _TRIPLES_PER_LINK))
    n_entities = max(20, n_links // 3)
    n_articles = max(1, n_links // 25)
    kinds = (
        "Company",
        "Company",
        "Company",
        "Organization",
        "Person",
        "Country",
        "Place",
        "Sector",
        "Product",
    )
    by_type: dict[str, list[str]] = {}
    nodes = []
    for i in range(n_entities):
        t = kinds[i % len(kinds)]
        eid = f"{t.lower()}-{i}"
        by_type.setdefault(t, []).append(eid)
        aliases = (f"PT {t} {i} Tbk",) if i % 3 == 0 else ()
        wikidata = f"Q{1000 + i}" if i % 5 == 0 else None
        nodes.append(
            Node(eid, f'{t} {i} "{rng.choice(_WORDS)}"', t, aliases, wikidata, (f"a/{i % n_articles}",))
        )
    sentences: dict[str, list[str]] = {f"a/{i}": [] for i in range(n_articles)}
    links: dict[str, Link] = {}
    types = sorted(RELATION_TYPES)
    for i in range(n_links):
        rt = RELATION_TYPES[types[i % len(types)]]
        s_type = rng.choice(sorted(rt.subject_types & set(by_type)))
        o_type = rng.choice(sorted(rt.object_types & set(by_type)))
        s, o = rng.choice(by_type[s_type]), rng.choice(by_type[o_type])
        if s == o:
            continue
        lid = link_id(rt.name, s, o)
        _, s, o = link_key(rt.name, s, o)
        claims = list(links[lid].claims) if lid in links else []
        art = f"a/{rng.randrange(n_articles)}"
        if any(c.article == art for c in claims):
            continue
        text = f'{s} and {o}: {rng.choice(_WORDS)} <{i}> "{rng.choice(_WORDS)}".'
        start = sum(len(x) + 1 for x in sentences[art])
        sentences[art].append(text)
        status = STATUSES[rng.randrange(len(STATUSES))]
        speaker = s if rng.random() < 0.3 and s_type in ORG_TYPES | {"Person"} else None
        sector = rng.choice(by_type["Sector"]) if rt.node_class and rng.random() < 0.3 else None
        ev = (Evidence(start, start + len(text), text),)
        claims.append(Claim(art, status, speaker, sector, round(rng.random(), 3), ev))
        links[lid] = Link(lid, rt.name, s, o, tuple(claims))
    extractions = tuple(
        Extraction(
            Article(
                a,
                " ".join(sentences[a]),
                title=f"Title {a}",
                source="Synthetic Wire",
                url=f"https://example.org/{a}",
                published="2025-01-01",
                language="id",
            )
        )
        for a in sorted(sentences)
    )
    return KnowledgeGraph(
        extractions,
        tuple(sorted(nodes, key=lambda n: n.id)),
        tuple(sorted(links.values(), key=lambda link: link.id)),
    )


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _current_rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def measure(what: str, triples: int, out: Path) -> dict[str, float | str | int]:
    """One measurement (run in a child process): ``what`` is a kg format name or ``rdflib-turtle``."""
    import kg.rdf

    graph = synthetic_graph(triples)
    result: dict[str, float | str | int] = {"what": what}
    if what == "rdflib-turtle":
        import rdflib

        g = rdflib.Graph()
        for prefix, namespace in kg.rdf.PREFIXES.items():  # the prefixes kg's Turtle uses
            g.bind(prefix, namespace, override=True, replace=True)
        statements = kg.rdf.union(kg.rdf.statements_by_graph(graph))
        data = "".join(s + " .\n" for s in statements)
        del statements
        g.parse(data=data, format="nt")
        del data
        result["triples"] = len(g)
        before = _current_rss_mb()
        t0 = time.perf_counter()
        g.serialize(destination=str(out), format="turtle")
    else:
        from kg.formats import FORMATS

        before = _current_rss_mb()
        t0 = time.perf_counter()
        FORMATS[what].load_writer()(graph, out)
    result["seconds"] = time.perf_counter() - t0
    result["rss_before_mb"] = before
    result["peak_rss_mb"] = _rss_mb()
    result["bytes"] = out.stat().st_size
    return result


def _child(
    what: str, triples: int, out: Path, *, timeout: float | None = None
) -> dict[str, float | str | int] | None:
    """Run one measurement in a fresh process; None if it did not finish in ``timeout`` s."""
    cmd = [sys.executable, __file__, "--child", what, "--triples", str(triples), "--out", str(out)]
    try:
        done = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--triples", type=int, default=1_000_000, help="size of the synthetic graph (default 1e6)"
    )
    ap.add_argument("--skip-rdflib", action="store_true", help="time kg only")
    ap.add_argument(
        "--rdflib-timeout",
        type=float,
        help="stop rdflib after this many seconds and report the ratio as a lower bound",
    )
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child, args.triples, args.out)))
        return 0

    import kg.rdf

    t0 = time.perf_counter()
    graph = synthetic_graph(args.triples)
    parts = kg.rdf.statements_by_graph(graph)
    n_triples, n_quads = len(kg.rdf.union(parts)), sum(len(s) for _, s in parts)
    print(
        f"graph: {len(graph.entities)} entities, {len(graph.links)} links, "
        f"{len(graph.extractions)} articles; "
        f"{n_triples} triples, {n_quads} quads (built in {time.perf_counter() - t0:.1f} s)"
    )
    del graph, parts
    rows: list[dict[str, float | str | int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        runs = [("turtle", "graph.ttl"), ("ntriples", "graph.nt"), ("nquads", "graph.nq")]
        if not args.skip_rdflib:
            runs.append(("rdflib-turtle", "rdflib.ttl"))
        for what, name in runs:
            timeout = args.rdflib_timeout if what == "rdflib-turtle" else None
            r = _child(what, args.triples, Path(tmp) / name, timeout=timeout)
            if r is None:
                print(f"{what:>14}: > {timeout:.0f} s (stopped)", flush=True)
                rows.append({"what": what, "seconds": float(timeout or 0), "stopped": 1})
                continue
            rows.append(r)
            print(
                f"{r['what']:>14}: {r['seconds']:7.2f} s  {int(r['bytes']) / 2**20:7.1f} MiB written  "
                f"peak RSS {r['peak_rss_mb']:6.0f} MB (before export {r['rss_before_mb']:4.0f} MB)",
                flush=True,
            )
    by = {r["what"]: r for r in rows}
    if "rdflib-turtle" in by:
        ratio = float(by["rdflib-turtle"]["seconds"]) / float(by["turtle"]["seconds"])
        at_least = "at least " if "stopped" in by["rdflib-turtle"] else ""
        print(f"Turtle: kg is {at_least}{ratio:.1f}x faster than rdflib (target >= 20x)")
    peak = max(float(by[w]["peak_rss_mb"]) for w in ("turtle", "ntriples", "nquads"))
    print(f"kg peak RSS: {peak:.0f} MB (target <= 1024 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
