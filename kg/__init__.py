"""kg: news articles in, a stance-aware industry knowledge graph out.

The public API is small and imported lazily so that ``import kg`` stays cheap
(the extraction engine loads its lexicons only when first used).

>>> import kg
>>> sorted(kg.__all__)[:3]
['Article', 'Entity', 'Evidence']
"""

from __future__ import annotations

import importlib
import sys
import types
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


# The functions whose module has their name: once ``kg.extract`` (the subpackage) is imported,
# the import system sets it as the attribute ``kg.extract`` and __getattr__ is never asked again.
# So that ``kg.extract(article)`` works either way, these modules are made callable: calling one
# calls its function of the same name (looked up at each call, so a patched function is used).
_CALLABLE = frozenset(name for name, module in _EXPORTS.items() if module == f"kg.{name}")


class _CallableModule(types.ModuleType):
    """A module that, called, calls its function named like the module (``kg.build(...)``)."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(self, self.__name__.rpartition(".")[2])(*args, **kwargs)


class _Package(types.ModuleType):
    """The ``kg`` package: a callable module is set in place of ``extract``, ``resolve``, ``build``."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _CALLABLE and type(value) is types.ModuleType:
            value.__class__ = _CallableModule
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    if name in _CALLABLE:
        # Importing a submodule sets it (made callable) as the package's attribute.
        importlib.import_module(module)
        return globals()[name]
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return __all__
