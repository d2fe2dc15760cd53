"""The command-line options that choose an engine and its settings, for every command that extracts.

One place for ``--engine`` and the options of the engines (``--models``, the
``--llm-*`` options of the LLM engines: docs/llm.md), so
``kg build``, ``kg extract``, ``kg export``, ``kg eval`` and ``kg annotate`` offer
the same choices, and :func:`engine_from_args` turns them into one
:class:`~kg.extract.engine.Engine`.

>>> import argparse
>>> p = argparse.ArgumentParser(prog="kg")
>>> add_engine_options(p)
>>> engine_from_args(p.parse_args(["--engine", "rules"]))
Engine(name='rules', models=None, llm=None)
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import UsageError

if TYPE_CHECKING:
    from kg.extract.engine import Engine, LLMSettings

__all__ = ["LLM_CACHE_ENV", "LLM_URL_ENV", "add_engine_options", "default_llm_cache", "engine_from_args",
           "report_llm"]

#: The environment's server URL and cache folder of the LLM engines (the key: kg.extract.llm.client.KEY_ENV).
LLM_URL_ENV = "KG_LLM_URL"
LLM_MODEL_ENV = "KG_LLM_MODEL"
LLM_CACHE_ENV = "KG_LLM_CACHE"
_LLM_OPTIONS = ("llm_url", "llm_model", "llm_concurrency", "llm_timeout", "llm_cache", "llm_max_tokens",
                "llm_chunk_chars")


def default_llm_cache() -> str:
    """Where the LLM engines cache answers: ``$KG_LLM_CACHE``, else ``kg/llm`` in the user's cache folder.

    >>> default_llm_cache().endswith("llm") or "KG_LLM_CACHE" in os.environ
    True
    """
    if os.environ.get(LLM_CACHE_ENV):
        return os.environ[LLM_CACHE_ENV]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "kg", "llm")


def add_engine_options(p: argparse.ArgumentParser) -> None:
    """Add ``--engine`` and the engines' options to a (sub)parser."""
    from kg.extract import DEFAULT_ENGINE, ENGINES

    p.add_argument("--engine", default=DEFAULT_ENGINE, choices=sorted(ENGINES),
                   help=f"extraction engine (default: {DEFAULT_ENGINE})")
    p.add_argument("--models", metavar="DIR",
                   help="a model folder written by kg train, used instead of the shipped models")
    g = p.add_argument_group("LLM engines (--engine llm, llm+hybrid; docs/llm.md)")
    g.add_argument("--llm-url", metavar="URL",
                   help=f"base URL of an OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1 (or ${LLM_URL_ENV}); "
                        "the API key, if any, only from $KG_LLM_API_KEY")
    g.add_argument("--llm-model", metavar="NAME", help=f"the model to ask (or ${LLM_MODEL_ENV})")
    g.add_argument("--llm-concurrency", metavar="N", type=int, help="requests at once (default: 4)")
    g.add_argument("--llm-timeout", metavar="SECONDS", type=float,
                   help="total deadline of one request, retries aside (default: 120)")
    g.add_argument("--llm-cache", metavar="DIR",
                   help=f"answers cached here, so a rebuild asks nothing again (default: ${LLM_CACHE_ENV} or "
                        "~/.cache/kg/llm)")
    g.add_argument("--llm-max-tokens", metavar="N", type=int, help="longest answer per request (default: 2048)")
    g.add_argument("--llm-chunk-chars", metavar="N", type=int,
                   help="longest text per request, cut at sentence ends (default: 6000)")


def engine_from_args(args: argparse.Namespace) -> Engine:
    """The :class:`~kg.extract.engine.Engine` the parsed options ask for (a bad ``--models`` is a usage error)."""
    from kg.extract import LLM_ENGINES
    from kg.extract.engine import DEFAULT_ENGINE, Engine, as_engine

    models = getattr(args, "models", None)
    if models is not None and not Path(models).is_dir():
        raise UsageError(f"--models {models}: not a folder (kg train writes one)")
    name = getattr(args, "engine", None) or DEFAULT_ENGINE
    given = [k for k in _LLM_OPTIONS if getattr(args, k, None) is not None]
    if name not in LLM_ENGINES:
        if given:
            raise UsageError(f"--{given[0].replace('_', '-')} is an option of --engine llm or llm+hybrid, "
                             f"not of --engine {name}")
        return as_engine(Engine(name=name, models=models))
    return as_engine(Engine(name=name, models=models, llm=_llm_settings(args, name)))


def _llm_settings(args: argparse.Namespace, engine: str) -> LLMSettings:
    from kg.extract.engine import LLMSettings
    from kg.http_client import check_endpoint

    url = getattr(args, "llm_url", None) or os.environ.get(LLM_URL_ENV)
    if not url:
        raise UsageError(f"--engine {engine} needs a server: --llm-url URL or {LLM_URL_ENV} "
                         "(an OpenAI-compatible API such as llama.cpp's server, Ollama, vLLM; docs/llm.md)")
    check_endpoint(url, "--llm-url", "KG_LLM_API_KEY (a bearer token)")
    numbers = {
        "concurrency": getattr(args, "llm_concurrency", None), "timeout": getattr(args, "llm_timeout", None),
        "max_tokens": getattr(args, "llm_max_tokens", None), "chunk_chars": getattr(args, "llm_chunk_chars", None),
    }
    for key, value in numbers.items():
        if value is not None and not value > 0:
            raise UsageError(f"--llm-{key.replace('_', '-')} must be more than 0, not {value:g}")
    return LLMSettings(
        url=url,
        model=getattr(args, "llm_model", None) or os.environ.get(LLM_MODEL_ENV, ""),
        cache=getattr(args, "llm_cache", None) or default_llm_cache(),
        **{k: v for k, v in numbers.items() if v is not None},
    )


def report_llm(args: argparse.Namespace) -> None:
    """Print what the LLM engines cost in this command (requests, cache hits, tokens, time, grounding
    drops) on stderr, unless ``--quiet`` or no LLM engine ran."""
    from kg.extract import LLM_ENGINES

    if getattr(args, "engine", None) not in LLM_ENGINES:
        return
    from kg.errors import say
    from kg.extract.llm.client import report

    line = report()
    if line is not None and not getattr(args, "quiet", False):
        say(f"kg: {line}")
