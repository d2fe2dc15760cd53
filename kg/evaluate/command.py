"""``kg eval``: the command-line face of the scorer.

Exit codes: 0 every document scored (and, with ``--check``, the verdict is PASS);
1 some documents could not be read or extracted, or ``--check`` and FAIL;
2 the gold file is missing or malformed, or a bad option.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.evaluate.gold import GoldDoc
    from kg.evaluate.report import PairReader
    from kg.extract.engine import Engine
    from kg.model import Article, Extraction

__all__ = ["add_arguments", "pair_reader", "run"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``kg eval`` arguments to a (sub)parser.

    >>> p = argparse.ArgumentParser(prog="kg eval")
    >>> add_arguments(p)
    >>> args = p.parse_args(["gold.jsonl", "--json"])
    >>> args.gold, args.json, args.engine, args.worst, args.check
    ('gold.jsonl', True, 'hybrid', 5, False)
    """
    from kg.engine_cli import add_engine_options

    parser.add_argument("gold", metavar="GOLD",
                        help="gold annotations: .json (one document) or .jsonl (format: docs/eval.md)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON instead of a table")
    add_engine_options(parser)
    parser.add_argument("--worst", type=int, default=5, metavar="N",
                        help="list the N worst documents with their errors (default: 5)")
    parser.add_argument("--min-confidence", type=float, default=0.0, metavar="P",
                        help="score only entities and relations with calibrated confidence >= P (default: 0)")
    parser.add_argument("--check", action="store_true",
                        help="exit with code 1 unless the verdict is PASS (every required entity and "
                             "relation found with its status, nothing forbidden)")


def pair_reader(engine: Engine) -> PairReader | None:
    """The status reader of ``engine`` on gold pairs (:mod:`kg.evaluate.goldstatus`): the rules' cues,
    and the status model unless it is the rules engine; None for the LLM engines (they read status
    their own way, relation by relation)."""
    from kg.extract.engine import LLM_ENGINES

    if engine.name in LLM_ENGINES:
        return None

    def read(doc: GoldDoc, article: Article) -> tuple[tuple[str, str], ...]:
        from kg.evaluate.goldstatus import gold_pair_statuses
        from kg.extract import language_of

        return gold_pair_statuses(doc, article.text, language_of(article), learned=engine.name != "rules",
                                  models=engine.models)

    return read


def run(args: argparse.Namespace) -> int:
    """Run ``kg eval`` with parsed arguments; print the report on stdout and return the exit code."""
    from kg.engine_cli import engine_from_args
    from kg.errors import InputError, say
    from kg.evaluate.gold import load_gold
    from kg.evaluate.report import evaluate
    from kg.extract import extract

    try:
        docs = load_gold(args.gold)
    except InputError as exc:
        say(f"kg: error: {exc}")
        return EXIT_USAGE
    from kg.extract.confidence import above

    engine = engine_from_args(args)

    def extractor(article: Article) -> Extraction:
        return above(extract(article, engine=engine), args.min_confidence)

    system = f"engine {engine.key}" + (f", min confidence {args.min_confidence:g}" if args.min_confidence else "")
    report = evaluate(docs, extractor, gold=args.gold, system=system, worst=max(0, args.worst),
                      pairs=pair_reader(engine))
    sys.stdout.write(report.dumps() if args.json else report.format())
    for d in report.failed:
        say(f"kg: error: {d.error}")
    if report.failed or (args.check and not report.passed):
        return EXIT_FAILED
    return EXIT_OK
