"""``kg annotate``: an engine's reading of articles as stand-off annotations, and a page to review them.

    kg annotate news/ --engine llm -o annotations.jsonl --review review.html

One record per sentence (``kg.annotate``), in input order (files as given,
folders in path order, JSONL lines in order) and by offset within an article.
Inputs that cannot be read are reported and the other articles written (exit 1),
as in ``kg build``; when no article at all could be read nothing is written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.cli_common import _add_input_options, _nothing_built, _report, finish, progress, scale_options
from kg.errors import InputError, OutputError, UsageError, plural

if TYPE_CHECKING:
    from kg.annotations import Example, Unit

__all__ = ["cmd_annotate", "register"]


def register(sub: Any) -> None:
    """Add ``annotate`` to ``kg``'s sub-commands."""

    p = sub.add_parser(
        "annotate",
        help="write an engine's reading as stand-off annotations (training data for kg train)",
        description="Extract with ENGINE and write one stand-off annotation record per sentence "
        "(offsets, labels, a hash of the text; no text), the format of annotations/ plus the source file "
        "(docs/annotations.md). With --review, also a page to accept or reject each unit.",
    )
    _add_input_options(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the annotations file (JSONL) to write")
    p.add_argument("--review", metavar="HTML",
                   help="also write a review page: each unit with its labels and a box to accept or reject it; "
                   "its Save accepted button downloads the accepted records for kg train")
    p.add_argument("--skip-empty", action="store_true",
                   help="leave out the sentences with no entity (by default written, as negatives)")
    p.set_defaults(func=cmd_annotate)


def _check_output(path: Path, what: str) -> None:
    from kg.io import check_writable

    if path.is_dir():
        raise OutputError(f"cannot write {what} {path}: it is a folder (name a file)")
    check_writable(path.parent)


def cmd_annotate(args: argparse.Namespace) -> int:
    from kg.annotate import annotate, source_of
    from kg.annotations import materialise
    from kg.build import extract_all
    from kg.engine_cli import engine_from_args
    from kg.io import all_or_nothing, atomic_write, output_error
    from kg.review import review_page

    if "-" in args.inputs:
        raise UsageError("kg annotate reads files, not stdin: a record names the file its text is found in again")
    out = Path(args.output)
    review = Path(args.review) if args.review else None
    if review is not None and review.resolve() == out.resolve():
        raise UsageError("--review and -o name the same file")
    _check_output(out, "annotations")
    if review is not None:
        _check_output(review, "the review page")
    engine = engine_from_args(args)
    units: list[Unit] = []
    examples: list[Example] = []
    errors: list[InputError] = []
    articles = left_out = skipped = 0
    with progress(args) as bar:
        for item in extract_all(args.inputs, engine=engine, max_article_bytes=args.max_article_bytes,
                                min_confidence=args.min_confidence, **scale_options(args)):
            bar.update(item)
            if isinstance(item, InputError):
                _report([item])
                errors.append(item)
                continue
            articles += 1
            done = annotate(item, source=source_of(item.article), skip_empty=args.skip_empty)
            left_out += done.left_out
            skipped += done.skipped
            units.extend(done.units)
            if review is not None:  # only the units' texts are kept, not the articles
                examples.extend(materialise(done.units, {item.article.id: item.article.text}))
    if not articles:
        return _nothing_built(errors, out)
    try:
        with all_or_nothing():
            atomic_write(out, (u.to_line() + "\n" for u in units))
            if review is not None:
                atomic_write(review, [review_page(examples, title=out.name,
                                                  download=f"{out.stem}.accepted.jsonl")])
    except OSError as exc:
        raise output_error(exc, out.parent) from None
    _summary = (f"kg: wrote {plural(len(units), 'unit')} of {plural(articles, 'article')} to {out} "
                f"({sum(not u.negative for u in units)} with relations, "
                f"{sum(not u.entities for u in units)} without entities)")
    if left_out:
        _summary += f"; {plural(left_out, 'sentence')} left out (a relation read there has a party not named in it)"
    if skipped:
        _summary += f"; {skipped} without entities skipped"
    if review is not None:
        _summary += f"; review page {review}"
    return finish(args, not errors, _summary)
