/* kg graph page, part 1 of 2: data, drawing rules, filters and the vis network.
 * _page.py joins page.js and panel.js inside one strict-mode function, so they share names.
 * All data is put on screen with textContent / createElement: never innerHTML. */
  const D = JSON.parse(document.getElementById("kg-data").textContent);
  const STY = D.style;
  const PREC = new Map(STY.precedence.map((s, i) => [s, i]));
  const nodeById = new Map(D.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(D.edges.map((e) => [e.id, e]));
  const incident = new Map(D.nodes.map((n) => [n.id, []]));
  for (const e of D.edges) {
    incident.get(e.from).push(e);
    if (e.to !== e.from) incident.get(e.to).push(e);
  }
  const SVGNS = "http://www.w3.org/2000/svg";

  // ---------------------------------------------------------------- DOM helpers (text only)
  function el(tag, props, ...kids) {
    const x = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") x.textContent = String(v);
      else if (k === "class") x.className = v;
      else if (k === "on") for (const [ev, f] of Object.entries(v)) x.addEventListener(ev, f);
      else x.setAttribute(k, v === true ? "" : String(v));
    }
    for (const kid of kids) if (kid !== null && kid !== undefined) x.append(kid);
    return x;
  }
  function svgEl(tag, attrs) {
    const x = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs)) x.setAttribute(k, String(v));
    return x;
  }
  function safeUrl(u) {
    return typeof u === "string" && /^https?:\/\/[^\s]+$/i.test(u) ? u : null;
  }
  function extLink(href, text) {
    const u = safeUrl(href);
    return u ? el("a", { href: u, target: "_blank", rel: "noopener noreferrer", text: text }) : null;
  }
  function nodeStyle(type) { return STY.nodes[type] || STY.unknown; }
  function statusStyle(s) { return STY.status[s] || STY.status.asserted; }

  function shapeSwatch(style) {
    const s = svgEl("svg", { width: 16, height: 16, viewBox: "0 0 16 16", class: "swatch" });
    const fill = { fill: style.color, stroke: "#333", "stroke-width": 1 };
    const poly = (pts) => svgEl("polygon", Object.assign({ points: pts }, fill));
    const shapes = {
      dot: () => svgEl("circle", Object.assign({ cx: 8, cy: 8, r: 6 }, fill)),
      square: () => svgEl("rect", Object.assign({ x: 2, y: 2, width: 12, height: 12 }, fill)),
      box: () => svgEl("rect", Object.assign({ x: 1, y: 4, width: 14, height: 8, rx: 2 }, fill)),
      triangle: () => poly("8,1.5 14.5,14 1.5,14"),
      triangleDown: () => poly("1.5,2 14.5,2 8,14.5"),
      diamond: () => poly("8,1 15,8 8,15 1,8"),
      hexagon: () => poly("4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8"),
      star: () => poly("8,1 9.8,6 15,6 10.8,9.2 12.4,14.5 8,11.3 3.6,14.5 5.2,9.2 1,6 6.2,6"),
    };
    s.append((shapes[style.shape] || shapes.dot)());
    return s;
  }
  function lineSwatch(status) {
    const st = statusStyle(status);
    const s = svgEl("svg", { width: 30, height: 12, viewBox: "0 0 30 12", class: "swatch" });
    const line = svgEl("line", { x1: 1, y1: 6, x2: 29, y2: 6, stroke: st.color, "stroke-width": st.width + 0.5 });
    if (st.dashes) line.setAttribute("stroke-dasharray", st.dashes.join(" "));
    s.append(line);
    return s;
  }
  function badge(status) {
    return el("span", { class: "badge", style: "background:" + statusStyle(status).color,
      text: (statusStyle(status).mark ? statusStyle(status).mark + " " : "") + status });
  }

  // ---------------------------------------------------------------- drawing rules
  function nodeVisual(n, status) {
    const s = nodeStyle(n.type);
    const v = { id: n.id, shape: s.shape, kgStatus: status || null };
    if (n.kind === "relation") {
      const st = statusStyle(status);
      const tail = status === "asserted" ? "" : " " + (st.mark ? st.mark + " " : "") + status;
      v.label = n.short + tail;
      v.color = { background: s.color, border: st.color,
        highlight: { background: s.color, border: "#000" }, hover: { background: s.color, border: "#000" } };
      v.borderWidth = 2;
      v.shapeProperties = { borderDashes: st.dashes || false, borderRadius: 3 };
      v.font = { size: 11, color: "#222", strokeWidth: 0 };
      v.margin = 4;
    } else {
      v.label = n.short;
      v.size = n.size;
      v.color = { background: s.color, border: "#333",
        highlight: { background: s.color, border: "#000" }, hover: { background: s.color, border: "#000" } };
    }
    return v;
  }
  function edgeVisual(e, status) {
    const st = statusStyle(status);
    return {
      id: e.id, kgStatus: status,
      label: (st.mark ? st.mark + " " : "") + e.label,
      color: { color: st.color, highlight: st.color, hover: st.color, inherit: false, opacity: 1 },
      dashes: st.dashes || false, width: st.width, font: { color: st.color },
    };
  }
  function edgeItem(e) {
    const item = Object.assign({ from: e.from, to: e.to, arrows: { to: { enabled: e.arrow } } },
      edgeVisual(e, e.status));
    if (e.curve) {
      item.smooth = { enabled: true, type: e.curve % 2 ? "curvedCW" : "curvedCCW",
        roundness: 0.2 * Math.ceil(e.curve / 2) };
    }
    return item;
  }

  // ---------------------------------------------------------------- filters
  const F = {
    type: new Set(STY.entityTypes.concat(D.nodes.filter((n) => n.kind === "entity").map((n) => n.type))),
    rtype: new Set(STY.relationTypes.map((r) => r.name).concat(D.edges.map((e) => e.rtype))),
    status: new Set(STY.statuses),
    source: new Set(D.meta.sources),
    from: "", to: "", focus: null, depth: 1,
    isolated: false,  // entities in no link: hidden unless asked for (they sit in a grid beside the graph)
    companies: false,  // the company network: relationship nodes folded into labelled edges
    community: false,  // entities coloured by their community (kg.analysis) instead of their type
    asOf: "",  // the date slider: the graph as known on that day ("" = every claim, the latest word)
  };
  // Companies view: each relationship node between two organisations becomes one edge between them.
  const ORG = new Set(STY.orgTypes);
  const FOLD = [];
  for (const n of D.nodes) {
    if (n.kind !== "relation") continue;
    const ends = incident.get(n.id).filter((e) => e.from === n.id && e.type !== "sector").map((e) => e.to);
    if (ends.length === 2 && ends.every((id) => ORG.has(nodeById.get(id).type))) {
      FOLD.push({ id: "fold:" + n.id, from: ends[0], to: ends[1], label: n.short, rel: n, arrow: false });
    }
  }
  // Community colours: none of them is an entity type's colour, so a community never reads as a type.
  const PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#17becf",
    "#8c564b", "#bcbd22", "#9467bd", "#666666"];
  const initial = { type: new Set(F.type), rtype: new Set(F.rtype), status: new Set(F.status),
    source: new Set(F.source) };

  function claimOK(c) {
    if (!F.status.has(c.status) || !F.source.has(c.source || "")) return false;
    if (F.from || F.to) {
      const d = String(c.published || "").slice(0, 10);
      if (!d || (F.from && d < F.from) || (F.to && d > F.to)) return false;
    }
    return true;
  }
  // The status an item is drawn with, from the claims that pass the filters: that of its latest dated
  // claim on or before the slider's date (ties by kg.schema.STATUS_PRECEDENCE), as Link.status does.
  // Undated claims cannot be placed in the story: they count at every date, when no dated claim does.
  function effective(item) {
    if (!item.claims.length) return F.status.has(item.status) ? item.status : null;
    let last = null, best = null, undated = null;
    for (const i of item.claims) {
      const c = D.claims[i];
      if (!claimOK(c)) continue;
      const d = dayOf(c);
      if (!d) {
        if (undated === null || PREC.get(c.status) < PREC.get(undated)) undated = c.status;
      } else if (F.asOf && d > F.asOf) {
        continue;
      } else if (last === null || d > last) {
        last = d; best = c.status;
      } else if (d === last && PREC.get(c.status) < PREC.get(best)) {
        best = c.status;
      }
    }
    return best !== null ? best : undated;
  }
  function dayOf(c) { return c.date ? String(c.date).slice(0, 10) : ""; }
  // The dates the slider steps through: every day some claim was published.
  const DATES = Array.from(new Set(D.claims.map(dayOf).filter(Boolean))).sort();
  const UNDATED = D.claims.filter((c) => !dayOf(c)).length;
  // Status changes that make a story a reversal (kg.graph.REVERSALS), as "from>to".
  const REVERSALS = new Set((STY.reversals || []).map((p) => p[0] + ">" + p[1]));
  // Hops from a node; stepping onto a relationship node is free (as in kg.view.neighbourhood).
  function neighbourhood(start, depth) {
    const dist = new Map([[start, 0]]);
    let level = [start];
    for (let d = 0; d <= depth && level.length; d++) {
      const next = [];
      for (let i = 0; i < level.length; i++) {
        const id = level[i];
        if (dist.get(id) !== d) continue;
        for (const e of incident.get(id)) {
          const o = e.from === id ? e.to : e.from;
          const cost = nodeById.get(o).kind === "relation" ? 0 : 1;
          const nd = d + cost;
          if (nd > depth || (dist.has(o) && dist.get(o) <= nd)) continue;
          dist.set(o, nd);
          (cost ? next : level).push(o);
        }
      }
      level = next;
    }
    return dist;
  }

  const nodeCur = new Map(D.nodes.map((n) => [n.id, { show: true, st: n.status || null }]));
  const edgeCur = new Map(D.edges.map((e) => [e.id, { show: true, st: e.status }]));
  let shown = { nodes: D.nodes.length, edges: D.edges.length };

  function apply() {
    const near = F.focus === null ? null : neighbourhood(F.focus, F.depth);
    const want = new Map();
    for (const n of D.nodes) {
      let show = near === null || near.has(n.id);
      let st = null;
      if (n.kind === "relation") {
        show = show && !F.companies && F.rtype.has(n.rtype);
        st = show ? effective(n) : null;
        show = show && st !== null;
      } else {
        show = show && F.type.has(n.type) && (!n.alone || F.isolated || n.id === F.focus) &&
          (!F.companies || ORG.has(n.type));
      }
      want.set(n.id, { show: show, st: st });
    }
    const est = new Map();
    for (const e of D.edges) {
      const ok = want.get(e.from).show && want.get(e.to).show && F.rtype.has(e.rtype);
      est.set(e.id, ok ? effective(e) : null);
    }
    // A relationship node left with one neighbour says nothing (as in kg.view): hide it and its edges.
    for (const n of D.nodes) {
      if (n.kind !== "relation" || !want.get(n.id).show) continue;
      const near = new Set();
      for (const e of incident.get(n.id)) if (est.get(e.id) !== null) near.add(e.from === n.id ? e.to : e.from);
      if (near.size < 2) {
        want.get(n.id).show = false;
        for (const e of incident.get(n.id)) est.set(e.id, null);
      }
    }
    const degree = new Map();
    const edgeUpdates = [];
    let edgeCount = 0;
    for (const e of D.edges) {
      const st = est.get(e.id);
      const show = st !== null;
      if (show) {
        edgeCount++;
        degree.set(e.from, (degree.get(e.from) || 0) + 1);
        degree.set(e.to, (degree.get(e.to) || 0) + 1);
      }
      const cur = edgeCur.get(e.id);
      if (cur.show !== show || (show && cur.st !== st)) {
        const u = show && cur.st !== st ? edgeVisual(e, st) : { id: e.id };
        u.hidden = !show;
        edgeUpdates.push(u);
        edgeCur.set(e.id, { show: show, st: show ? st : cur.st });
      }
    }
    for (const f of FOLD) {
      const st = F.companies && want.get(f.from).show && want.get(f.to).show && F.rtype.has(f.rel.rtype)
        ? effective(f.rel) : null;
      const show = st !== null;
      if (show) {
        edgeCount++;
        degree.set(f.from, (degree.get(f.from) || 0) + 1);
        degree.set(f.to, (degree.get(f.to) || 0) + 1);
      }
      const cur = edgeCur.get(f.id);
      if (cur.show !== show || (show && cur.st !== st)) {
        const u = show ? edgeVisual(f, st) : { id: f.id };
        u.hidden = !show;
        edgeUpdates.push(u);
        edgeCur.set(f.id, { show: show, st: show ? st : cur.st });
      }
    }
    const nodeUpdates = [];
    let nodeCount = 0;
    for (const n of D.nodes) {
      const w = want.get(n.id);
      // A node whose every link was filtered away goes too, unless it never had links or is the focus.
      const show = w.show && (degree.has(n.id) || !incident.get(n.id).length || n.id === F.focus);
      if (show) nodeCount++;
      const cur = nodeCur.get(n.id);
      const restyle = n.kind === "relation" && show && cur.st !== w.st;
      if (cur.show !== show || restyle) {
        const u = restyle ? nodeVisual(n, w.st) : { id: n.id };
        u.hidden = !show;
        nodeUpdates.push(u);
        nodeCur.set(n.id, { show: show, st: restyle ? w.st : cur.st });
      }
    }
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    shown = { nodes: nodeCount, edges: edgeCount };
    showCounts();
  }

  // ---------------------------------------------------------------- the network
  // Positions from kg.view.layout (packed components); without them vis starts from a ring.
  const nodes = new vis.DataSet(D.nodes.map((n) => Object.assign(nodeVisual(n, n.status),
    { x: n.x, y: n.y }, n.alone ? { hidden: true } : {})));
  for (const n of D.nodes) if (n.alone) nodeCur.get(n.id).show = false;
  const edges = new vis.DataSet(D.edges.map(edgeItem));
  // The folded edges of the companies view join the DataSet the first time that view is asked for.
  for (const f of FOLD) edgeCur.set(f.id, { show: false, st: f.rel.status });
  let folded = false;
  const container = document.getElementById("kg-network");
  const network = new vis.Network(container, {}, D.options);
  const kg = {
    network: network, nodes: nodes, edges: edges, data: D, filters: F, ready: false,
    firstDraw: null, readyAt: null, apply: apply, showNode: showNode, showEdge: showEdge,
    focus: focusOn, clearFocus: clearFocus, labelled: [], labelsDrawn: labelsDrawn, layoutMeasure: layoutMeasure,
    showIsolated: showIsolated, showCompanies: showCompanies, showCommunities: showCommunities,
    setAsOf: setAsOf, dates: DATES,
  };
  window.kg = kg;
  let drawn = false;
  let settled = !D.meta.physics;
  function maybeReady() {
    if (drawn && settled && !kg.ready) {
      kg.ready = true;
      kg.readyAt = performance.now();
      document.documentElement.setAttribute("data-kg-ready", "1");
    }
  }
  network.once("afterDrawing", () => {
    kg.firstDraw = performance.now();
    drawn = true;
    if (settled) placeLabels();
    maybeReady();
  });
  network.once("stabilizationIterationsDone", () => {
    // Frozen after settling: a 300-node graph does not keep wobbling while one reads it.
    network.setOptions({ physics: { enabled: false } });
    settled = true;
    placeLabels();
    maybeReady();
  });
  network.setData({ nodes: nodes, edges: edges });
  network.fit({ nodes: nodes.getIds({ filter: (x) => !x.hidden }), animation: false });

  // ---------------------------------------------------------------- labels at the first view
  // The most connected nodes keep a readable label at any zoom: their font is set in screen pixels
  // (LABEL_PX / scale) and a label is given only where it does not overlap one already placed.
  // The other labels follow vis's drawThreshold: they appear as one zooms in.
  const LABEL_PX = 13, BASE_FONT = 14;
  function labelBox(id, px) {
    const p = network.canvasToDOM(network.getPositions([id])[id]);
    const lines = nodeById.get(id).short.split("\n");
    const w = 0.62 * px * Math.max(...lines.map((l) => l.length)) + 8, h = 1.25 * px * lines.length + 4;
    return [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2];
  }
  function placeLabels() {
    const scale = network.getScale();
    const boxes = [];
    const chosen = [];
    for (const id of D.meta.labels) {
      if (!nodeCur.get(id).show) continue;
      const b = labelBox(id, LABEL_PX);
      if (boxes.some((o) => b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3])) continue;
      boxes.push(b);
      chosen.push(id);
    }
    const old = new Set(kg.labelled);
    const updates = chosen.map((id) => ({ id: id, font: labelFont(scale) }));
    for (const id of old) if (!chosen.includes(id)) updates.push({ id: id, font: { size: fontOf(id), strokeWidth: 3 } });
    kg.labelled = chosen;
    nodes.update(updates);
  }
  // The white halo scales with the text, so a label stays readable over a dense part of the graph.
  function labelFont(scale) {
    return { size: Math.max(BASE_FONT, LABEL_PX / scale), strokeWidth: Math.max(3, 3.5 / scale) };
  }
  function fontOf(id) { return nodeById.get(id).kind === "relation" ? 11 : BASE_FONT; }
  network.on("zoom", () => {
    const font = labelFont(network.getScale());
    nodes.update(kg.labelled.map((id) => ({ id: id, font: font })));
  });
  // Labels vis draws now: shown nodes inside the view whose font is at least drawThreshold on screen.
  function labelsDrawn() {
    const scale = network.getScale();
    const threshold = D.options.nodes.scaling.label.drawThreshold;
    const c = container.getBoundingClientRect();
    let n = 0;
    for (const item of nodes.get({ filter: (x) => !x.hidden })) {
      const size = (item.font && item.font.size) || fontOf(item.id);
      if (size * scale < threshold) continue;
      const p = network.canvasToDOM(network.getPositions([item.id])[item.id]);
      if (p.x >= 0 && p.y >= 0 && p.x <= c.width && p.y <= c.height) n++;
    }
    return n;
  }
  // Mean drawn edge length / mean distance between pairs of drawn nodes (near 1 for a ring, low when
  // linked nodes sit together); pairs are all pairs up to 400 nodes, else a fixed sample.
  function layoutMeasure() {
    const ids = nodes.getIds({ filter: (x) => !x.hidden });
    const pos = network.getPositions(ids);
    const d = (a, b) => Math.hypot(pos[a].x - pos[b].x, pos[a].y - pos[b].y);
    let el = 0, ne = 0;
    for (const e of edges.get({ filter: (x) => !x.hidden })) {
      if (e.from !== e.to && pos[e.from] && pos[e.to]) { el += d(e.from, e.to); ne++; }
    }
    let pd = 0, np = 0;
    let seed = 12345;
    const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const pairs = ids.length <= 400 ? null : 20000;
    if (pairs === null) {
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) { pd += d(ids[i], ids[j]); np++; }
    } else {
      for (let k = 0; k < pairs; k++) { pd += d(ids[Math.floor(rnd() * ids.length)], ids[Math.floor(rnd() * ids.length)]); np++; }
    }
    return { edges: ne, nodes: ids.length, ratio: ne && pd ? (el / ne) / (pd / np) : null };
  }
  // The companies toggle: organisations only, deals as labelled edges.
  function showCompanies(on) {
    F.companies = Boolean(on);
    if (F.companies && !folded) {
      edges.add(FOLD.map((f) => Object.assign(edgeItem(Object.assign({}, f, { status: f.rel.status })),
        { hidden: true })));
      folded = true;
    }
    apply();
  }
  // Colour by community (kg.analysis): a restyle of the entities that have one, no new layout.
  function showCommunities(on) {
    F.community = Boolean(on);
    const recolour = [];
    for (const n of D.nodes) {
      if (n.kind !== "entity" || n.community === undefined) continue;
      const c = F.community ? PALETTE[n.community % PALETTE.length] : nodeStyle(n.type).color;
      recolour.push({ id: n.id, color: { background: c, border: "#333",
        highlight: { background: c, border: "#000" }, hover: { background: c, border: "#000" } } });
    }
    if (recolour.length) nodes.update(recolour);
    document.documentElement.setAttribute("data-kg-community", F.community ? "1" : "0");
  }
  // The date slider: hides links not yet reported and restyles the rest by their status that day.
  // Only visibility and style change (apply), never positions, so it stays fast on large graphs.
  function setAsOf(date) {
    F.asOf = date ? String(date).slice(0, 10) : "";
    syncSlider();
    apply();
    refreshPanel();
    document.documentElement.setAttribute("data-kg-as-of", F.asOf || "all");
  }
  function showIsolated(on) {
    F.isolated = Boolean(on);
    apply();
  }
