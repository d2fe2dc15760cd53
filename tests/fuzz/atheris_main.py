"""Coverage-guided fuzzing of the readers and the extractor with atheris (optional, local only).

atheris is not a dependency of kg (``pip install atheris``; wheels for CPython
3.11 on Linux). Run one target for a while, e.g. five minutes::

    python tests/fuzz/atheris_main.py decode -max_total_time=300
    python tests/fuzz/atheris_main.py jsonl -max_total_time=300
    python tests/fuzz/atheris_main.py extract -max_total_time=300

Targets: ``decode`` (bytes to text), ``text`` (.txt reader), ``html`` (.html
reader), ``jsonl`` (JSONL reader), ``extract`` (UTF-8 text through the rule
engine). A crash writes ``crash-<sha1>`` with the input; replay it with
``python tests/fuzz/atheris_main.py TARGET crash-<sha1>``. The checks are those of
:mod:`tests.fuzz.targets`.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

__all__ = ["TARGETS", "main"]


def _decode(data: bytes) -> None:
    from tests.fuzz.targets import fuzz_decode

    fuzz_decode(data)


def _text(data: bytes) -> None:
    from tests.fuzz.targets import fuzz_read

    fuzz_read(data, ".txt")


def _html(data: bytes) -> None:
    from tests.fuzz.targets import fuzz_read

    fuzz_read(data, ".html")


def _jsonl(data: bytes) -> None:
    from tests.fuzz.targets import fuzz_jsonl

    fuzz_jsonl(data)


def _extract(data: bytes) -> None:
    from kg.extract import ENGINES, LLM_ENGINES
    from tests.fuzz.targets import fuzz_extract

    text = data.decode("utf-8", "replace")
    if text.strip():
        engines = sorted(set(ENGINES) - LLM_ENGINES)  # the LLM engines need a server
        fuzz_extract(text[:20_000], language=("id", "en", None)[len(data) % 3],
                     engine=engines[len(data) // 3 % len(engines)])


TARGETS: dict[str, Callable[[bytes], None]] = {
    "decode": _decode, "text": _text, "html": _html, "jsonl": _jsonl, "extract": _extract,
}


def main(argv: list[str]) -> None:
    """``atheris_main.py TARGET [libFuzzer options and corpus/crash files]``."""
    import atheris

    root = str(Path(__file__).resolve().parents[2])  # run as a script: kg and tests from this checkout
    if root not in sys.path:
        sys.path.insert(0, root)
    if len(argv) < 2 or argv[1] not in TARGETS:
        sys.exit(f"usage: {argv[0]} {{{','.join(TARGETS)}}} [libFuzzer options]")
    logging.disable(logging.CRITICAL)  # trafilatura logs every page it cannot parse
    target = TARGETS[argv[1]]
    with atheris.instrument_imports():
        import kg.extract
        import kg.readers  # noqa: F401
    target(b"warm up: Garuda Nikel menggandeng Sinar Logistik.")  # load lexicons before timing starts
    atheris.Setup([argv[0], *argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
