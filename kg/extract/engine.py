"""Which engine extracts, and with what: an engine's name and settings as one value.

An :class:`Engine` goes from the command line to every worker process (it pickles),
and its :attr:`Engine.key` is what a store records, so that an article is extracted
again when, and only when, something that decides its extraction changed (the
engine, its model folder, the language model and prompt behind it).

>>> Engine().name
'hybrid'
>>> as_engine("rules")
Engine(name='rules', models=None, llm=None)
>>> as_engine("nothing")
Traceback (most recent call last):
...
kg.errors.ChoiceError: unknown engine 'nothing' (allowed: hybrid, llm, llm+hybrid, model, rules)
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["DEFAULT_ENGINE", "LLM_ENGINES", "Engine", "LLMSettings", "as_engine", "folder_digest"]

DEFAULT_ENGINE = "hybrid"
#: The engines that ask a language model (``kg.extract.ENGINES``): they run in threads of the
#: calling process (kg.parallel), and their store key names the model behind them.
LLM_ENGINES = frozenset({"llm", "llm+hybrid"})


@dataclass(frozen=True)
class LLMSettings:
    """How to reach an OpenAI-compatible chat-completions server (``--engine llm``), and what to ask.

    The API key is never part of the settings: it is read from the environment
    (``KG_LLM_API_KEY``) where the request is made, so it is never pickled,
    stored or printed. ``max_tokens`` bounds each answer, ``chunk_chars`` the text
    sent in one request (docs/llm.md); ``extra`` are further request parameters
    (name, JSON value).
    """

    url: str
    model: str = ""
    concurrency: int = 4
    timeout: float = 120.0
    cache: str | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())
    max_tokens: int = 2048
    chunk_chars: int = 6000

    @property
    def key(self) -> str:
        """What in these settings decides an extraction (not the concurrency, timeout or cache place):
        the model and server, the prompt and schema versions, the chunk size and token limit."""
        from kg.extract.llm.prompt import prompt_version, schema_version

        extra = "".join(f"+{k}={v}" for k, v in self.extra)
        return (f"{self.model or '?'}@{self.url}+prompt:{prompt_version()}+schema:{schema_version()}"
                f"+chunk:{self.chunk_chars}+max:{self.max_tokens}{extra}")


@dataclass(frozen=True)
class Engine:
    """An extraction engine: its name (``kg.extract.ENGINES``) and its settings.

    Parameters
    ----------
    name : str
        One of ``kg.extract.ENGINES``.
    models : str, optional
        A model folder (``kg train`` writes one) whose files replace those of
        ``ontology/models/``; the shipped models otherwise.
    llm : LLMSettings, optional
        The server of the LLM engines.
    """

    name: str = DEFAULT_ENGINE
    models: str | None = None
    llm: LLMSettings | None = None

    @property
    def key(self) -> str:
        """What a store records: the name, plus the digest of a model folder and the LLM behind it.

        >>> Engine("rules").key
        'rules'
        """
        key = self.name
        if self.models is not None:
            key += f"+models:{folder_digest(self.models)}"
        if self.llm is not None and self.name in LLM_ENGINES:
            key += f"+llm:{self.llm.key}"
        return key


def as_engine(engine: str | Engine) -> Engine:
    """``engine`` as an :class:`Engine`, its name checked against ``kg.extract.ENGINES``."""
    from kg.errors import ChoiceError
    from kg.extract import ENGINES

    value = engine if isinstance(engine, Engine) else Engine(name=engine)
    if value.name not in ENGINES:
        raise ChoiceError("engine", value.name, ENGINES)
    return value


@functools.cache
def _digest(folder: Path, stamp: tuple[tuple[str, int, int], ...]) -> str:
    h = hashlib.sha256()
    for name, _, _ in stamp:
        h.update(name.encode() + b"\0" + (folder / name).read_bytes())
    return h.hexdigest()[:12]


def folder_digest(folder: str | Path) -> str:
    """The first 12 hex digits of the SHA-256 of a folder's files (names and bytes), recomputed when one changes.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.json").write_text("{}")
    >>> len(folder_digest(d))
    12
    """
    root = Path(folder)
    files = sorted(p for p in root.rglob("*") if p.is_file())
    stamp = tuple((p.relative_to(root).as_posix(), p.stat().st_size, p.stat().st_mtime_ns) for p in files)
    return _digest(root, stamp)
