/* kg graph page, part 2 of 2: the evidence panel, the controls and the header.
 * Joined after page.js inside the same function (see _page.py); text only, never innerHTML. */
  // ---------------------------------------------------------------- the side panel
  const panel = document.getElementById("kg-panel");
  let pinned = false;
  function hint() {
    panel.replaceChildren(el("h2", { text: "Evidence" }),
      el("p", { class: "muted", text: "Hover or click a link to see every claim behind it: who said it, " +
        "the sentence, the article. Click a node for its type, names and links." }));
  }
  function marked(text, marks) {
    const q = el("blockquote", { class: "evidence" });
    let at = 0;
    for (const [s, e] of marks) {
      if (s < at) continue;
      q.append(text.slice(at, s), el("mark", { text: text.slice(s, e) }));
      at = e;
    }
    q.append(text.slice(at));
    return q;
  }
  function claimBlock(c, flags) {
    const head = el("div", { class: "head" },
      el("span", { class: "when", text: dayOf(c) || "undated" }), badge(c.status));
    if (flags.reversal) head.append(el("span", { class: "flag", text: "↺ reversal" }));
    if (c.by) head.append(el("span", { text: "said by " + c.by }));
    if (c.sector) head.append(el("span", { class: "muted", text: "sector: " + c.sector }));
    if (typeof c.confidence === "number") {
      head.append(el("span", { class: "muted", text: "confidence " + c.confidence.toFixed(2) }));
    }
    const box = el("li", { class: "claim" + (flags.later ? " later" : ""),
      "data-status": c.status, "data-date": dayOf(c) || null, "data-reversal": flags.reversal ? "1" : null }, head);
    if (flags.later) box.append(el("div", { class: "muted", text: "not yet reported at the slider's date" }));
    if (!dayOf(c)) box.append(el("div", { class: "muted", text: "no date: shown at every date of the slider" }));
    for (const ev of c.evidence) box.append(marked(ev.text, ev.marks));
    const meta = [c.source, c.published].filter(Boolean).join(" · ");
    box.append(el("div", { class: "article" }, el("strong", { text: c.title || c.article || "(untitled)" })));
    if (meta) box.append(el("div", { class: "muted", text: meta }));
    const a = extLink(c.url, "open article");
    if (a) box.append(el("div", null, a));
    return box;
  }
  // A link's claims as a timeline, in the order of Claim.order (kg.graph): by date, within a date the
  // winning status last, undated last. A date whose winning status turns the story round is flagged.
  function timelineOrder(idx) {
    const key = (i) => {
      const c = D.claims[i];
      return [dayOf(c) ? 0 : 1, dayOf(c), -PREC.get(c.status), c.article || ""];
    };
    return idx.slice().sort((a, b) => {
      const x = key(a), y = key(b);
      for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k] < y[k] ? -1 : 1;
      return a - b;
    });
  }
  function reversalsAt(idx) {
    const byDate = new Map();
    for (const i of idx) {
      const c = D.claims[i], d = dayOf(c);
      if (!d) continue;
      const s = byDate.get(d);
      if (s === undefined || PREC.get(c.status) < PREC.get(s)) byDate.set(d, c.status);
    }
    const seen = new Set(), turned = new Set();
    for (const d of Array.from(byDate.keys()).sort()) {
      const st = byDate.get(d);
      for (const s of seen) if (REVERSALS.has(s + ">" + st)) turned.add(d + ">" + st);
      seen.add(st);
    }
    return turned;
  }
  function claimList(idx, item) {
    const frag = document.createDocumentFragment();
    frag.append(el("h3", { text: idx.length + (idx.length === 1 ? " claim" : " claims") +
      (idx.length > 1 ? ", in date order" : "") }));
    if (item && item.reversal) {
      frag.append(el("p", { class: "flag reversal-note",
        text: "↺ Reversal: the story turned round (denied or ended, later asserted; or asserted, later denied)." }));
    }
    const turned = reversalsAt(idx);
    const ol = el("ol", { class: "timeline" });
    for (const i of timelineOrder(idx)) {
      const c = D.claims[i], d = dayOf(c);
      ol.append(claimBlock(c, { reversal: Boolean(d) && turned.has(d + ">" + c.status),
        later: Boolean(d && F.asOf && d > F.asOf) }));
    }
    frag.append(ol);
    return frag;
  }
  function showEdge(id) {
    const e = edgeById.get(id);
    if (!e) {  // a folded deal of the companies view: show the relationship node it stands for
      if (String(id).startsWith("fold:")) showNode(String(id).slice(5));
      return;
    }
    const from = nodeById.get(e.from), to = nodeById.get(e.to);
    const st = edgeCur.get(id).st || e.status;
    panel.replaceChildren(
      el("h2", { class: "edge-title", text: from.label + " —" + e.label + "→ " + to.label }),
      el("p", null, badge(st), " ", el("span", { class: "muted", text: statusStyle(st).meaning })));
    const rel = from.kind === "relation" ? from : to.kind === "relation" ? to : null;
    if (rel) panel.append(el("p", { class: "muted", text: rel.label + " of " + rel.parties.join(" and ") }));
    panel.append(claimList(e.claims, rel || e));
    panel.setAttribute("data-showing", "edge:" + id);
  }
  function selectEdge(id) {
    pinned = true;
    network.selectEdges([id]);
    showEdge(id);
  }
  function showNode(id) {
    const n = nodeById.get(id);
    if (!n) return;
    const facts = el("dl", { class: "facts" });
    const fact = (k, v) => { if (v !== null && v !== undefined && v !== "") facts.append(el("dt", { text: k }), el("dd", null, v)); };
    const typeLine = el("span", null, shapeSwatch(nodeStyle(n.type)), " " + nodeStyle(n.type).label);
    fact("type", typeLine);
    if (n.kind === "relation") {
      fact("status", badge(nodeCur.get(id).st || n.status));
      fact("parties", n.parties.join(", "));
    } else {
      fact("also", n.aliases.join(", "));
      fact("Wikidata", extLink(n.wikidata, (n.wikidata || "").split("/").pop()));
      fact("articles", String(n.articles));
    }
    panel.replaceChildren(el("h2", { class: "node-title", text: n.label }), facts);
    // Each link under its status as drawn now (the slider's date and the filters), else its own.
    const now = (l) => { const cur = edgeCur.get(l[2]); return cur && cur.show ? cur.st : l[0]; };
    for (const status of STY.statuses) {
      const rows = n.links.filter((l) => now(l) === status);
      if (!rows.length) continue;
      panel.append(el("h3", null, lineSwatch(status), status + " (" + rows.length + ")"));
      const ul = el("ul", { class: "links" });
      for (const [, text, eid] of rows) {
        ul.append(el("li", null, el("button", { type: "button", text: text, on: { click: () => selectEdge(eid) } })));
      }
      panel.append(ul);
    }
    if (n.kind === "relation") panel.append(claimList(n.claims, n));
    panel.setAttribute("data-showing", "node:" + id);
  }
  // After the slider moves, what the panel shows is redrawn: statuses that day, later claims greyed.
  function refreshPanel() {
    const showing = panel.getAttribute("data-showing") || "";
    const at = showing.indexOf(":");
    if (at < 0) return;
    const kind = showing.slice(0, at), id = showing.slice(at + 1);
    if (kind === "edge") showEdge(id); else if (kind === "node") showNode(id);
  }
  network.on("click", (p) => {
    if (p.nodes.length) { pinned = true; showNode(p.nodes[0]); }
    else if (p.edges.length) { pinned = true; showEdge(p.edges[0]); }
    else { pinned = false; hint(); }
  });
  network.on("hoverEdge", (p) => { if (!pinned) showEdge(p.edge); });
  network.on("hoverNode", (p) => { if (!pinned) showNode(p.node); });

  // ---------------------------------------------------------------- controls
  const controls = document.getElementById("kg-controls");
  const message = el("div", { id: "kg-message", role: "status" });
  const counts = el("div", { id: "kg-counts" });
  function showCounts() {
    counts.textContent = "Graph: " + D.meta.summary + ". Showing " + shown.nodes + " of " + D.nodes.length + " nodes, " +
      shown.edges + " of " + D.edges.length + " links";
  }
  function findNode(q) {
    q = q.trim();
    if (!q) return null;
    if (nodeById.has(q)) return q;
    const k = q.toLowerCase();
    let best = null, bestKey = null;
    for (const n of D.nodes) {
      if (n.kind !== "entity") continue;
      const label = n.label.toLowerCase();
      const score = label === k ? 0 : n.aliases.some((a) => a.toLowerCase() === k) ? 1
        : label.startsWith(k) ? 2 : label.includes(k) ? 3 : -1;
      if (score < 0) continue;
      const key = [score, -incident.get(n.id).length, n.id];
      if (best === null || key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] < bestKey[1] ||
          (key[1] === bestKey[1] && key[2] < bestKey[2])))) { best = n.id; bestKey = key; }
    }
    return best;
  }
  function focusOn(query, depth) {
    const id = findNode(String(query));
    if (id === null) { message.textContent = "No node matches “" + query + "”."; return null; }
    message.textContent = "";
    if (search.value !== String(query)) search.value = String(query);
    depthInput.value = String(Math.max(0, Math.min(6, Number(depth) || 0)));
    F.focus = id;
    F.depth = Math.max(0, Math.min(6, Number(depth) || 0));
    apply();
    const visible = nodes.getIds({ filter: (x) => !x.hidden });
    relayout(id, visible);
    network.fit({ nodes: visible, animation: false });
    placeLabels();
    network.selectNodes([id]);
    pinned = true;
    showNode(id);
    return id;
  }
  function clearFocus() {
    F.focus = null;
    message.textContent = "";
    apply();
    restoreLayout();
    network.fit({ nodes: nodes.getIds({ filter: (x) => !x.hidden }), animation: false });
    placeLabels();
  }
  // In-page focus lays the neighbourhood out again: the focus in the middle, each hop one ring further
  // (a relationship node half a ring, between its parties), each node next to the one it was reached from.
  // "Show all" puts every node back where the whole layout had it.
  let home = null;
  function relayout(centre, visible) {
    if (home === null) home = network.getPositions();
    else restoreLayout(true);
    const shown = new Set(visible);
    const angle = new Map([[centre, 0]]);
    const ring = new Map([[centre, 0]]);
    let level = [centre];
    const RING = 160;
    const pos = [{ id: centre, x: 0, y: 0 }];
    for (let k = 1; level.length; k++) {
      const next = [];
      for (const id of level) {
        for (const e of incident.get(id)) {
          const o = e.from === id ? e.to : e.from;
          if (!shown.has(o) || ring.has(o)) continue;
          ring.set(o, k);
          angle.set(o, angle.get(id));
          next.push(o);
        }
      }
      next.sort((a, b) => angle.get(a) - angle.get(b) || (a < b ? -1 : 1));
      const radius = Math.max(k * RING, next.length * 60 / (2 * Math.PI));
      next.forEach((id, i) => {
        const a = 2 * Math.PI * i / next.length;
        angle.set(id, a);
        pos.push({ id: id, x: Math.round(radius * Math.cos(a)), y: Math.round(radius * Math.sin(a)) });
      });
      level = next;
    }
    nodes.update(pos);
  }
  function restoreLayout(keep) {
    if (home === null) return;
    nodes.update(Object.entries(home).map(([id, p]) => ({ id: id, x: p.x, y: p.y })));
    if (!keep) home = null;
  }

  const search = el("input", { type: "search", id: "kg-search", list: "kg-names", placeholder: "Company or person…",
    "aria-label": "Focus on a node" });
  const depthInput = el("input", { type: "number", id: "kg-depth", min: 0, max: 6, value: 1,
    "aria-label": "Depth", title: "Depth: hops from the node" });
  const names = el("datalist", { id: "kg-names" });
  const seen = new Set();
  for (const n of D.nodes.filter((x) => x.kind === "entity").sort((a, b) => a.label < b.label ? -1 : 1)) {
    if (!seen.has(n.label)) { seen.add(n.label); names.append(el("option", { value: n.label })); }
  }
  search.addEventListener("keydown", (ev) => { if (ev.key === "Enter") focusOn(search.value, depthInput.value); });
  controls.append(
    el("div", { class: "search" }, search, depthInput,
      el("button", { type: "button", id: "kg-focus", text: "Focus",
        on: { click: () => focusOn(search.value, depthInput.value) } })),
    names,
    el("div", { class: "search" },
      el("button", { type: "button", id: "kg-clear", text: "Show all", on: { click: clearFocus } }),
      el("button", { type: "button", id: "kg-reset", text: "Reset filters", on: { click: resetFilters } })),
    message, counts);
  const comp = el("input", { type: "checkbox", id: "kg-companies" });
  comp.addEventListener("change", () => {
    showCompanies(comp.checked);
    network.fit({ nodes: nodes.getIds({ filter: (x) => !x.hidden }), animation: false });
    placeLabels();
  });
  controls.append(el("label", { class: "row", for: "kg-companies" }, comp,
    el("span", { text: "companies only (deals drawn as labelled links)" })));
  const communities = new Set(D.nodes.filter((n) => n.community !== undefined).map((n) => n.community));
  if (communities.size) {
    const com = el("input", { type: "checkbox", id: "kg-community" });
    com.addEventListener("change", () => showCommunities(com.checked));
    controls.append(el("label", { class: "row", for: "kg-community" }, com,
      el("span", { text: "colour by community (" + communities.size + " found by kg.analysis)" })));
  }
  if (D.meta.isolated) {
    const iso = el("input", { type: "checkbox", id: "kg-isolated" });
    iso.addEventListener("change", () => {
      showIsolated(iso.checked);
      network.fit({ nodes: nodes.getIds({ filter: (x) => !x.hidden }), animation: false });
    });
    controls.append(el("label", { class: "row", for: "kg-isolated" }, iso,
      el("span", { text: "show the " + D.meta.isolated + " entities in no link (in a grid beside the graph)" })));
  }

  // The story over time: step through the days claims were published; the last step is every claim.
  const slider = el("input", { type: "range", id: "kg-asof", min: 0, max: DATES.length, step: 1,
    value: DATES.length, "aria-label": "Show the graph as known on this date", disabled: DATES.length ? null : true });
  const sliderLabel = el("output", { id: "kg-asof-label", for: "kg-asof" });
  function syncSlider() {
    const pos = F.asOf ? DATES.filter((d) => d <= F.asOf).length : DATES.length;
    slider.value = String(pos);
    sliderLabel.textContent = !F.asOf ? "every date: the latest word"
      : pos === 0 ? "before " + (DATES[0] || "any date") : "as known on " + F.asOf;
  }
  let pending = false;
  slider.addEventListener("input", () => {
    if (pending) return;  // one apply per frame while dragging
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const pos = Number(slider.value);
      setAsOf(pos >= DATES.length ? "" : pos === 0 ? "0000-00-00" : DATES[pos - 1]);
    });
  });
  const story = el("fieldset", { id: "filter-asof" }, el("legend", { text: "Story over time" }), slider, sliderLabel,
    el("span", { class: "meaning", text: "Links not yet reported are hidden; each is drawn with its status that day " +
      "(its latest claim on or before it)." }));
  if (UNDATED) {
    story.append(el("span", { class: "meaning", id: "kg-undated",
      text: UNDATED + (UNDATED === 1 ? " claim has" : " claims have") + " no date: shown at every date." }));
  }
  controls.append(story);
  syncSlider();

  const boxes = [];
  function group(title, key, rows, extraClass) {
    const fs = el("fieldset", { id: "filter-" + key });
    const setAll = (on) => {
      for (const b of boxes) if (b.dataset.group === key) { b.checked = on; toggle(b); }
      apply();
    };
    fs.append(el("legend", null, title,
      el("button", { type: "button", text: "all", on: { click: () => setAll(true) } }),
      el("button", { type: "button", text: "none", on: { click: () => setAll(false) } })));
    const body = el("div", { class: extraClass || null });
    rows.forEach((r, i) => {
      const box = el("input", { type: "checkbox", id: "filter-" + key + "-" + (r.idSuffix || i),
        "data-group": key, value: r.value, checked: true });
      box.addEventListener("change", () => { toggle(box); apply(); });
      boxes.push(box);
      const label = el("label", { class: "row" + (r.count ? "" : " empty"), for: box.id },
        box, r.swatch || null, el("span", { text: r.label }), el("span", { class: "count", text: String(r.count) }));
      body.append(label);
      if (r.meaning) body.append(el("span", { class: "meaning", text: r.meaning }));
    });
    fs.append(body);
    controls.append(fs);
  }
  function toggle(box) {
    const set = F[box.dataset.group];
    if (box.checked) set.add(box.value); else set.delete(box.value);
  }
  function countBy(items, key) {
    const m = new Map();
    for (const x of items) m.set(key(x), (m.get(key(x)) || 0) + 1);
    return m;
  }
  const edgeStatus = countBy(D.edges, (e) => e.status);
  group("Status", "status", STY.statuses.map((s) => ({ value: s, idSuffix: s, label: s,
    count: edgeStatus.get(s) || 0, swatch: lineSwatch(s), meaning: statusStyle(s).meaning })));
  const typeCount = countBy(D.nodes.filter((n) => n.kind === "entity"), (n) => n.type);
  const types = Array.from(F.type);
  group("Entity type", "type", types.map((t) => ({ value: t, idSuffix: t, label: nodeStyle(t).label,
    count: typeCount.get(t) || 0, swatch: shapeSwatch(nodeStyle(t)) })));
  const linkCount = countBy(Array.from(new Set(D.edges.map((e) => e.relation + "\u0000" + e.rtype))),
    (k) => k.split("\u0000")[1]);
  const rtypes = Array.from(F.rtype);
  const rtInfo = new Map(STY.relationTypes.map((r) => [r.name, r]));
  group("Relation type", "rtype", rtypes.map((r) => {
    const info = rtInfo.get(r);
    return { value: r, idSuffix: r, label: info ? info.label : r, count: linkCount.get(r) || 0,
      swatch: info && info.nodeClass ? shapeSwatch(nodeStyle(info.nodeClass)) : null };
  }));
  const claimSource = countBy(D.claims, (c) => c.source || "");
  group("Source", "source", D.meta.sources.map((s) => ({ value: s, label: s || "(no source)",
    count: claimSource.get(s) || 0 })), "sources");

  const from = el("input", { type: "date", id: "kg-from" });
  const to = el("input", { type: "date", id: "kg-to" });
  if (D.meta.dates) {
    for (const x of [from, to]) { x.min = D.meta.dates[0]; x.max = D.meta.dates[1]; }
  }
  from.addEventListener("change", () => { F.from = from.value; apply(); });
  to.addEventListener("change", () => { F.to = to.value; apply(); });
  controls.append(el("fieldset", { id: "filter-date" }, el("legend", { text: "Published" }),
    el("div", { class: "dates" }, el("label", { for: "kg-from", text: "from" }), from,
      el("label", { for: "kg-to", text: "to" }), to)));

  function resetFilters() {
    for (const b of boxes) { b.checked = true; }
    for (const k of ["type", "rtype", "status", "source"]) F[k] = new Set(initial[k]);
    from.value = ""; to.value = ""; F.from = ""; F.to = "";
    setAsOf("");
  }

  // ---------------------------------------------------------------- header
  const header = document.getElementById("kg-header");
  const m = D.meta;
  header.append(el("span", { class: "note", text: m.summary +
    (m.dates ? ", published " + m.dates[0] + " to " + m.dates[1] : "") }));
  if (m.focus && nodeById.has(m.focus)) {
    header.append(el("span", { class: "note", text: "around " + nodeById.get(m.focus).label +
      " (depth " + m.depth + ")" }));
  }
  if (m.dropped) {
    header.append(el("span", { class: "note", id: "kg-dropped", text: "showing the " + m.nodes +
      " most connected of " + m.totalNodes + " nodes (" + m.dropped + " left out)" }));
  }
  showCounts();
  hint();
