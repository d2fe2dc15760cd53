"""kg: news articles in, a stance-aware industry knowledge graph out.

The public API is small and imported lazily so that ``import kg`` stays cheap
(the extraction engine loads its lexicons only when first used).

>>> import kg
>>> sorted(kg.__all__)[:3]
['Article', 'Entity', 'Evidence']
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# name -> module that defines it; one table so __all__ and the lazy loader agree.
_EXPORTS = {
    "Article": "kg.model",
    "Entity": "kg.model",
    "Evidence": "kg.model",
    "Extraction": "kg.model",
    "Relation": "kg.model",
    "Span": "kg.model",
    "KnowledgeGraph": "kg.graph",
    "KgError": "kg.errors",
    "InputError": "kg.errors",
    "read": "kg.readers",
    "extract": "kg.extract",
    "resolve": "kg.resolve",
    "build": "kg.build",
    "FORMATS": "kg.formats",
    "export": "kg.formats",
}

__all__ = [*sorted(_EXPORTS), "__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return __all__
