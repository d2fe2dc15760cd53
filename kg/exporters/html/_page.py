"""The page around the data: skeleton, styles, vis-network and the page script, all inline.

vis-network 9.1.2 comes from the files pyvis ships (``pyvis/templates/lib``);
pyvis's own template is not used, as it links bootstrap from a CDN and turns
tooltips into ``innerHTML`` as soon as a title contains "href" (STACK.md).

>>> chunks = list(page_chunks("{}"))
>>> chunks[0].startswith("<!DOCTYPE html>")
True
>>> any("https://" in c for c in chunks[:3])
False
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

__all__ = ["VIS_VERSION", "page_chunks", "vis_assets"]

VIS_VERSION = "9.1.2"

# No fetch, no external script, style, font or image: the page is complete in itself.
_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
)

_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="kg (vis-network {vis})">
<title>{title}</title>
"""

_BODY = """</head>
<body>
<header id="kg-header"><h1>{title}</h1></header>
<aside id="kg-controls" aria-label="Filters and legend"></aside>
<main id="kg-network" aria-label="Graph"></main>
<aside id="kg-panel" aria-label="Details" aria-live="polite"></aside>
<noscript><p>This page needs JavaScript to draw the graph.</p></noscript>
"""

_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@cache
def vis_assets() -> tuple[str, str]:
    """The vis-network (JavaScript, CSS) that pyvis ships, made safe to inline."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis is needed for the HTML page (it ships vis-network)")
    lib = Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib" / f"vis-{VIS_VERSION}"
    js, css = _read(lib / "vis-network.min.js"), _read(lib / "vis-network.css")
    # Only matters if a future vis build held the text: it would end the inline <script> early.
    js = _SCRIPT_END.sub(r"<\\/\1", js)
    if "</style" in css.lower():
        raise ValueError(f"{lib / 'vis-network.css'} contains '</style'")
    return js, css


@cache
def _own(name: str) -> str:
    return _read(Path(__file__).with_name(name))


def page_chunks(data_json: str, *, title: str = "kg knowledge graph") -> Iterator[str]:
    """The page, in pieces, around ``data_json`` (already made safe by ``script_json``)."""
    import html

    vis_js, vis_css = vis_assets()
    safe_title = html.escape(title)
    yield _HEAD.format(csp=_CSP, vis=VIS_VERSION, title=safe_title)
    yield f"<style>\n{_own('page.css')}</style>\n"
    yield f"<style>\n{vis_css}\n</style>\n"
    yield _BODY.format(title=safe_title)
    yield f'<script type="application/json" id="kg-data">{data_json}</script>\n'
    yield f"<script>\n{vis_js}\n</script>\n"
    # The page script is two files sharing one function scope (each stays a readable size).
    script = _own("page.js") + _own("panel.js")
    yield f'<script>\n"use strict";\n(function () {{\n{script}}})();\n</script>\n'
    yield "</body>\n</html>\n"
