"""The review page of ``kg annotate --review``: every unit, its labels, and a box to accept or reject it.

One self-contained HTML file (styles and script inline, nothing fetched; a
Content-Security-Policy forbids any request). Each unit shows its sentence with
the entity mentions highlighted (type and index), and its relations with their
status and who said so; the sentence text comes from the articles and is escaped.
Every unit starts accepted. "Save accepted" downloads the accepted units' records,
the very lines of the annotation file, unchanged and in order: a file of the same
format that ``kg train --annotations`` reads.

>>> from kg.annotations import Example, Unit
>>> u = Unit("a", 0, 9, "en", "0" * 16, (), (), True, "a.txt")
>>> page = review_page([Example(u, "<b>hi</b>", ())], title="t", download="t.accepted.jsonl")
>>> "&lt;b&gt;hi&lt;/b&gt;" in page and "<b>hi" not in page
True
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence

from kg.annotations import Example
from kg.exporters._style import NODE_STYLE, STATUS_STYLE, UNKNOWN_NODE, relation_label

__all__ = ["review_page"]

_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #222; background: #fafafa; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; padding: .5em 1em; z-index: 1; }
h1 { font-size: 1.2em; margin: 0 0 .3em; }
header p { margin: .2em 0; color: #555; font-size: .9em; }
button { font: inherit; margin-right: .4em; }
main { padding: .5em 1em 3em; max-width: 70em; }
section.unit { background: #fff; border: 1px solid #ddd; border-radius: 4px; margin: .6em 0; padding: .4em .8em; }
section.unit.rejected { opacity: .45; background: #f1f1f1; }
section.unit.hidden { display: none; }
.where { color: #666; font-size: .85em; margin-left: .6em; overflow-wrap: anywhere; }
p.text { white-space: pre-wrap; margin: .3em 0; }
mark { background: color-mix(in srgb, var(--c) 28%, white); border-bottom: 2px solid var(--c); padding: 0 .1em; }
mark::after { content: attr(data-label); font-size: .7em; color: #444; margin-left: .2em; vertical-align: super; }
ul.rels { margin: .2em 0; padding-left: 1.2em; }
.status { font-weight: 600; color: var(--c); }
.by { color: #666; }
p.none { margin: .2em 0; }
"""

_SCRIPT = """
(function () {
  "use strict";
  var lines = JSON.parse(document.getElementById("kg-lines").textContent);
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input.accept"));
  var counts = document.getElementById("kg-counts");
  function unitOf(box) { return box.closest("section.unit"); }
  function update() {
    var n = 0;
    boxes.forEach(function (b) { if (b.checked) { n += 1; } unitOf(b).classList.toggle("rejected", !b.checked); });
    counts.textContent = n + " of " + boxes.length + " units accepted";
  }
  function accepted() {
    return boxes.filter(function (b) { return b.checked; })
      .map(function (b) { return lines[Number(unitOf(b).dataset.i)]; });
  }
  function save() {
    var text = accepted().map(function (l) { return l + "\\n"; }).join("");
    var url = URL.createObjectURL(new Blob([text], {type: "application/x-ndjson"}));
    var a = document.createElement("a");
    a.href = url;
    a.download = document.body.dataset.download;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }
  function setAll(value) { boxes.forEach(function (b) { b.checked = value; }); update(); }
  boxes.forEach(function (b) { b.addEventListener("change", update); });
  document.getElementById("kg-accept-all").addEventListener("click", function () { setAll(true); });
  document.getElementById("kg-reject-all").addEventListener("click", function () { setAll(false); });
  document.getElementById("kg-save").addEventListener("click", save);
  document.getElementById("kg-only-relations").addEventListener("change", function (e) {
    document.querySelectorAll("section.unit").forEach(function (s) {
      s.classList.toggle("hidden", e.target.checked && s.dataset.relations === "0");
    });
  });
  update();
  window.kg = {ready: true, accepted: accepted, save: save};
})();
"""


def _lines_json(lines: Sequence[str]) -> str:
    """The records as a JSON array that cannot end the ``<script>`` it sits in (no raw ``<``, ``>``, ``&``)."""
    text = json.dumps(list(lines), ensure_ascii=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _text(example: Example) -> str:
    """The unit's text, escaped, with each entity mention in a ``<mark>``."""
    out, at = [], 0
    for i, (start, end, etype, covered) in enumerate(example.entities):
        color = NODE_STYLE.get(etype, UNKNOWN_NODE).color
        out.append(html.escape(example.text[at:start]))
        out.append(f'<mark style="--c:{color}" data-e="{i}" data-label="{html.escape(etype)} {i}">'
                   f"{html.escape(covered)}</mark>")
        at = end
    out.append(html.escape(example.text[at:]))
    return "".join(out)


def _relations(example: Example) -> str:
    if not example.unit.relations:
        return '<p class="by none">no relation (a negative)</p>'
    names = [html.escape(" ".join(covered.split())) for _, _, _, covered in example.entities]
    items = []
    for r in example.unit.relations:
        style = STATUS_STYLE[r.status]
        said = "" if r.attributed_to is None else f' <span class="by">said by {names[r.attributed_to]}</span>'
        items.append(f'<li><span class="status" style="--c:{style.color}">{html.escape(style.mark)} {r.status}'
                     f'</span> <b>{names[r.subject]}</b> {relation_label(r.type)} <b>{names[r.object]}</b>{said}</li>')
    return '<ul class="rels">' + "".join(items) + "</ul>"


def _section(i: int, example: Example) -> str:
    u = example.unit
    where = " · ".join(html.escape(str(x)) for x in (u.source or "", u.doc_id, f"{u.start}–{u.end}", u.language))
    return (f'<section class="unit" id="u{i}" data-i="{i}" data-relations="{len(u.relations)}">\n'
            f'<div><label><input type="checkbox" class="accept" checked> accept</label>'
            f'<span class="where">{where}</span></div>\n'
            f'<p class="text">{_text(example)}</p>\n{_relations(example)}\n</section>\n')


def review_page(examples: Sequence[Example], *, title: str, download: str) -> str:
    """The page for these units (``Example``: a unit with its text); ``download`` names the saved file."""
    lines = [x.unit.to_line() for x in examples]
    relations = sum(bool(x.unit.relations) for x in examples)
    head = (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>Review: {html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f'<body data-download="{html.escape(download)}">\n<header>\n<h1>Review: {html.escape(title)}</h1>\n'
        f"<p>{len(examples)} units, {relations} with relations. Untick the units whose labels are wrong, then "
        f"<b>Save accepted</b>: it downloads <code>{html.escape(download)}</code>, the accepted units' lines "
        "unchanged, for <code>kg train --annotations</code>.</p>\n"
        '<p><span id="kg-counts"></span> <button id="kg-accept-all">Accept all</button>'
        '<button id="kg-reject-all">Reject all</button><button id="kg-save">Save accepted</button>'
        '<label><input type="checkbox" id="kg-only-relations"> only units with relations</label></p>\n'
        "</header>\n<main>\n"
    )
    body = "".join(_section(i, x) for i, x in enumerate(examples))
    tail = (f'</main>\n<script type="application/json" id="kg-lines">{_lines_json(lines)}</script>\n'
            f"<script>{_SCRIPT}</script>\n</body>\n</html>\n")
    return head + body + tail
