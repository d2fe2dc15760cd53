"""The named-entity model file (``ner-<language>[-lower].tsv.gz``): its lines and how they are read.

A gzip-compressed text file, one row per line, tab-separated; sorted, so the same model gives the same
bytes. :class:`kg.extract.ner.Model` writes and reads itself through these functions.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from kg.errors import DataError
from kg.extract.nerfeat import Resources

FORMAT = "kg-ner 1"


def model_lines(language: str, labels: Sequence[str], transitions: Mapping[tuple[str, str], float],
                weights: Mapping[str, Sequence[tuple[int, float]]], company: Mapping[str, float],
                res: Resources, header: Sequence[str] = ()) -> Iterator[str]:
    """The model file's lines (sorted, so the same model gives the same bytes); ``weights``: per
    attribute, (label index, weight) pairs.

    Word lists take one row each (tab-separated), which keeps loading fast.
    """
    yield f"#{FORMAT}\tlanguage={language}\n"
    for h in header:
        yield f"# {h}\n"
    if res.caseless:
        yield "caseless\t1\n"
    yield "label\t" + "\t".join(labels) + "\n"
    for (p, c), w in sorted(transitions.items()):
        yield f"trans\t{p}\t{c}\t{w!r}\n"
    for attr, vec in sorted(weights.items()):
        yield f"state\t{attr}\t" + "\t".join(f"{k}:{w!r}" for k, w in vec) + "\n"
    for feat, w in sorted(company.items()):
        yield f"company\t{feat}\t{w!r}\n"
    yield "vocab\t" + "\t".join(sorted(res.vocab)) + "\n"
    yield "stop\t" + "\t".join(sorted(res.stop)) + "\n"
    yield "common\t" + "\t".join(sorted(res.common)) + "\n"
    yield "verbs\t" + "\t".join(sorted(res.verbs)) + "\n"
    yield "prefix\t" + "\t".join(res.prefixes) + "\n"
    yield "suffix\t" + "\t".join(res.suffixes) + "\n"
    by_type: dict[str, list[str]] = {}
    for word, typ in res.token_type.items():
        by_type.setdefault(typ, []).append(word)
    for typ, words in sorted(by_type.items()):
        yield f"token\t{typ}\t" + "\t".join(sorted(words)) + "\n"
    by_kind: dict[str, list[str]] = {}
    for k, surface in res.names:
        by_kind.setdefault(k, []).append(surface)
    for k, ss in sorted(by_kind.items()):
        yield f"name\t{k}\t" + "\t".join(sorted(ss)) + "\n"
    by_cluster: dict[str, list[str]] = {}
    for word, cluster in res.clusters.items():
        by_cluster.setdefault(cluster, []).append(word)
    for cluster, words in sorted(by_cluster.items()):
        yield f"cluster\t{cluster}\t" + "\t".join(sorted(words)) + "\n"


def read_parts(path: Path) -> tuple[str, list[str], dict[tuple[str, str], float], dict[tuple[str, str], float],
                                    Resources, dict[str, float]]:
    """The language, labels, transitions, (attribute, label) weights, word resources and Company-or-
    Organization weights of the model file at ``path``; a :class:`kg.errors.DataError` naming the file
    (and line) when it is missing or malformed."""
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except FileNotFoundError:
        raise DataError(f"the named-entity model {path} is missing; rebuild it with "
                        "`python scripts/train_ner.py` (see ontology/models/README.md)") from None
    except (OSError, EOFError, UnicodeDecodeError, zlib.error) as e:
        raise DataError(f"the named-entity model {path} cannot be read: {e}") from e
    rows = text.split("\n")
    if not rows[0].startswith("#" + FORMAT + "\t"):
        raise DataError(f"{path} is not a kg named-entity model (first line {rows[0][:40]!r})")
    language = rows[0].partition("language=")[2]
    labels: list[str] = []
    trans: dict[tuple[str, str], float] = {}
    weights: dict[tuple[str, str], float] = {}
    lists: dict[str, list[str]] = {k: [] for k in ("vocab", "stop", "common", "verbs", "prefix", "suffix")}
    token_type: dict[str, str] = {}
    names: list[tuple[str, str]] = []
    clusters: dict[str, str] = {}  # none in a model file written before word clusters
    company: dict[str, float] = {}
    caseless = False
    for n, row in enumerate(rows[1:], 2):
        if not row or row.startswith("#"):
            continue
        f = row.split("\t")
        kind = f[0]
        try:
            if kind == "state":
                for kw in f[2:]:
                    k, _, w = kw.partition(":")
                    weights[(f[1], labels[int(k)])] = float(w)
            elif kind == "company":
                company[f[1]] = float(f[2])
            elif kind == "caseless":
                caseless = f[1] == "1"
            elif kind == "label":
                labels = f[1:]
            elif kind == "trans":
                trans[(f[1], f[2])] = float(f[3])
            elif kind in lists:
                lists[kind] += [x for x in f[1:] if x]
            elif kind == "token":
                token_type.update(dict.fromkeys(f[2:], f[1]))
            elif kind == "name":
                names += [(f[1], s) for s in f[2:]]
            elif kind == "cluster":
                clusters.update(dict.fromkeys(f[2:], f[1]))
            else:
                raise ValueError(f"unknown row kind {kind!r}")
        except (IndexError, ValueError) as e:
            raise DataError(f"{path}:{n}: bad model row ({e})") from e
    res = Resources(vocab=lists["vocab"], stop=lists["stop"], common=lists["common"], token_type=token_type,
                    names=names, verbs=lists["verbs"], prefixes=lists["prefix"], suffixes=lists["suffix"],
                    caseless=caseless, clusters=clusters)
    return language, labels, trans, weights, res, company
