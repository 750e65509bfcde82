// argmap's interactive map, part 4 of 4: search, the side panel, semantics, focus, paths, the
// thread, the URL's #select=…, and a live preview's reloads.  The drawing is a layer (layers.js
// for a small map, lod.js for a big one) and the view is view.js's.
// Everything the document says is put on the page as text (textContent), never as markup.
"use strict";
(() => {
  const parts = window.argmapViewer;
  const $ = (id) => document.getElementById(id);
  const mapBox = $("map");
  const data = JSON.parse($("data").textContent);
  const state = { selected: null, semantics: "", depth: "", paths: false, post: null, query: "" };

  // -- building elements: text only ------------------------------------------------------------
  function el(tag, className, ...children) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.append(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return e;
  }
  function link(text, onClick) {
    const a = el("a", "", text);
    a.tabIndex = 0;
    a.addEventListener("click", onClick);
    a.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onClick(ev); });
    return a;
  }

  // -- the document's indexes --------------------------------------------------------------------
  const props = new Map(data.propositions.map((p) => [p.id, p]));
  const posts = new Map(data.posts.map((p) => [p.id, p]));
  const supports = new Map(data.relations.filter((r) => r.kind === "support").map((r) => [r.id, r]));
  const relationsTo = new Map(), relationsFrom = new Map(), ownBy = new Map();
  const add = (m, k, v) => { if (!m.has(k)) m.set(k, []); m.get(k).push(v); };
  for (const r of data.relations) {
    add(relationsTo, r.to, r);
    for (const f of r.from) add(relationsFrom, f, r);
  }
  for (const p of data.propositions) if (p.post) add(ownBy, p.post, p.id);
  const theses = data.propositions.filter((p) => p.kind === "thesis").map((p) => p.id);

  // -- the map: Graphviz's whole SVG (a small map) or a level of detail (a big one, lod.js) --------
  const svg = mapBox.querySelector("svg");
  svg.removeAttribute("width"); svg.removeAttribute("height");
  const layer = data.drawing ? parts.lodLayer(svg, data.drawing, mapBox) : parts.fullLayer(svg);
  delete data.drawing;  // the layer has it now
  const nodeOf = new Map(), idOf = new Map();  // proposition id ↔ its node
  for (const [id, name] of Object.entries(data.nodes)) {
    const item = layer.node.get(name);
    if (item) { nodeOf.set(id, item); idOf.set(name, id); }
  }
  const map = parts.view(mapBox, svg, layer, { select: (id) => select(id), idOf: (name) => idOf.get(name) });
  const marks = new Map();
  function mark(cls, list) { marks.set(cls, list); layer.mark(cls, list); }

  // -- selection and the side panel ---------------------------------------------------------------
  function who(postId) {
    const post = posts.get(postId);
    return post ? `${post.author}, post #${post.id}` : null;
  }
  function propLink(id) {
    const p = props.get(id);
    return link(p ? `${id}: ${p.text}` : id, () => select(id, true));
  }
  function relationLine(r, side) {
    const li = el("li");
    if (side === "in") {
      li.append(el("span", "", `${r.kind} from `));
      r.from.forEach((f, i) => { if (i) li.append(" & "); li.append(propLink(f)); });
    } else if (r.kind === "undercut" && supports.has(r.to)) {
      const s = supports.get(r.to);
      li.append(el("span", "", `undercuts the support ${s.id} of `), propLink(s.to));
    } else {
      li.append(el("span", "", `${r.kind} of `), propLink(r.to));
    }
    if (r.post) li.append(el("span", "hint", ` (post #${r.post})`));
    return li;
  }
  function panel() {
    const box = $("panel");
    box.replaceChildren();
    const id = state.selected;
    if (!id) { box.append(el("p", "hint", "Click a proposition to see it here.")); return; }
    const p = props.get(id);
    box.append(el("div", "kind", `${p.kind} · ${p.id}`), el("div", "text", p.text));
    const dl = el("dl");
    const item = (title, ...value) => dl.append(el("dt", "", title), el("dd", "", ...value));
    if (p.post) item("Said by", who(p.post) || `post #${p.post}`);
    if (p.voice && p.voice !== "own") item("Voice", `${p.voice}${p.reported_by ? ` by ${p.reported_by}` : ""} (not the author's own assertion)`);
    if (p.anchor) item("In the post's words", el("div", "quote", p.anchor));
    if (p.tags.length) item("Tags", p.tags.join(", "));
    const post = p.post ? posts.get(p.post) : null;
    if (post && post.quotes.length) {
      const ul = el("ul");
      for (const q of post.quotes) ul.append(el("li", "", el("span", "hint", `from #${q.source}: `), el("span", "quote", q.text)));
      item("The post quotes", ul);
    }
    const into = (relationsTo.get(id) || []).concat(...(relationsFrom.get(id) || []).filter((r) => r.kind === "support").map((s) => relationsTo.get(s.id) || []));
    const out = relationsFrom.get(id) || [];
    if (into.length) { const ul = el("ul"); into.forEach((r) => ul.append(relationLine(r, "in"))); item("Relations in", ul); }
    if (out.length) { const ul = el("ul"); out.forEach((r) => ul.append(relationLine(r, "out"))); item("Relations out", ul); }
    const names = Object.keys(data.evaluations);
    if (names.length) {
      const ul = el("ul");
      for (const name of names) {
        const ev = data.evaluations[name];
        const label = ev.labels[id];
        if (label === undefined) continue;
        ul.append(el("li", "", el("span", "", `${name}: `), el("span", `label label-${label}`, String(label)), el("div", "hint", ev.reasons[id] || "")));
      }
      item("Does it stand?", ul);
    }
    box.append(dl);
  }
  function select(id, center) {
    state.selected = id;
    const node = id ? nodeOf.get(id) : null;
    mark("selected", node ? [node] : []);
    if (node && center) map.centerOn(node);
    panel(); focus(); paths(); remember();
  }

  // -- semantics: labels on the map ---------------------------------------------------------------
  function fillSemantics() {
    const box = $("semantics");
    box.replaceChildren(el("option", "", "none"));
    box.firstChild.value = "";
    for (const name of Object.keys(data.evaluations)) { const o = el("option", "", name); o.value = name; box.append(o); }
    if (state.semantics && !(state.semantics in data.evaluations)) state.semantics = "";
    box.value = state.semantics;
  }
  function labels() {
    const ev = data.evaluations[state.semantics];
    const by = { IN: [], OUT: [], UNDEC: [] };
    if (ev) for (const [id, label] of Object.entries(ev.labels)) if (by[label] && nodeOf.has(id)) by[label].push(nodeOf.get(id));
    for (const [label, list] of Object.entries(by)) mark(`label-${label}`, list);
    layer.flag("labelled", Boolean(ev));
  }
  $("semantics").addEventListener("change", (ev) => { state.semantics = ev.target.value; labels(); panel(); remember(); });

  // -- focus: the neighbourhood of the selection ---------------------------------------------------
  function neighbours(id) {
    const out = new Set();
    for (const r of (relationsTo.get(id) || []).concat(relationsFrom.get(id) || [])) {
      for (const x of r.from.concat([r.to])) {
        if (props.has(x)) out.add(x);
        else if (supports.has(x)) { const s = supports.get(x); s.from.forEach((f) => out.add(f)); out.add(s.to); }
      }
      if (r.kind === "support") for (const u of relationsTo.get(r.id) || []) u.from.forEach((f) => out.add(f));
    }
    out.delete(id);
    return out;
  }
  function focus() {
    if (!state.depth || !state.selected) { mark("near", []); layer.flag("focused", false); return; }
    const limit = state.depth === "all" ? Infinity : Number(state.depth);
    const near = new Set([state.selected]);
    let frontier = [state.selected];
    for (let level = 0; level < limit && frontier.length; level++) {
      const next = [];
      for (const id of frontier) for (const n of neighbours(id)) if (!near.has(n)) { near.add(n); next.push(n); }
      frontier = next;
    }
    const names = new Set([...near].filter((id) => nodeOf.has(id)).map((id) => nodeOf.get(id).name));
    for (const e of layer.edges) if (names.has(e.a) && !names.has(e.b) && e.b.startsWith("j")) names.add(e.b);
    for (const e of layer.edges) if (names.has(e.b) && !names.has(e.a) && e.a.startsWith("j")) names.add(e.a);
    const list = [...names].map((n) => layer.node.get(n)).filter(Boolean);
    for (const e of layer.edges) if (names.has(e.a) && names.has(e.b)) list.push(e);
    mark("near", list);
    layer.flag("focused", true);
  }
  $("depth").addEventListener("change", (ev) => { state.depth = ev.target.value; focus(); remember(); });

  // -- paths from the selection to the theses -------------------------------------------------------
  function forward(id) {
    const out = [];
    for (const r of relationsFrom.get(id) || []) {
      if (props.has(r.to)) out.push(r.to);
      else if (supports.has(r.to)) out.push(supports.get(r.to).to);
    }
    return out;
  }
  function paths() {
    $("paths").setAttribute("aria-pressed", String(state.paths));
    if (!state.paths || !state.selected) { mark("on-path", []); return; }
    const reach = new Set([state.selected]), queue = [state.selected];
    while (queue.length) for (const n of forward(queue.pop())) if (!reach.has(n)) { reach.add(n); queue.push(n); }
    const back = new Map();
    for (const id of props.keys()) for (const n of forward(id)) add(back, n, id);
    const co = new Set(theses), q2 = [...theses];
    while (q2.length) for (const n of back.get(q2.pop()) || []) if (!co.has(n)) { co.add(n); q2.push(n); }
    const on = [...reach].filter((id) => co.has(id) && nodeOf.has(id)).map((id) => nodeOf.get(id));
    const names = new Set(on.map((node) => node.name));
    const junction = (n) => n.startsWith("j");
    for (const e of layer.edges) if ((names.has(e.a) || junction(e.a)) && (names.has(e.b) || junction(e.b)) && (names.has(e.a) || names.has(e.b))) on.push(e);
    mark("on-path", on);
  }
  $("paths").addEventListener("click", () => { state.paths = !state.paths; paths(); remember(); });

  // -- search ----------------------------------------------------------------------------------
  let hits = [], hitAt = -1, hay = null;
  function search() {
    const q = state.query.trim().toLowerCase();
    hits = [];
    if (q) {
      hay = hay || data.propositions.map((p) => {
        const post = p.post ? posts.get(p.post) : null;
        return [p.id, p.text, p.anchor || "", post ? post.author : ""].join("\n").toLowerCase();
      });
      data.propositions.forEach((p, i) => { if (hay[i].includes(q) && nodeOf.has(p.id)) hits.push(p.id); });
    }
    mark("hit", hits.map((id) => nodeOf.get(id)));
    hitAt = -1;
    $("hits").textContent = q ? `${hits.length} found${hits.length ? " (Enter: next)" : ""}` : "";
  }
  $("search").addEventListener("input", (ev) => { state.query = ev.target.value; search(); });
  $("search").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && hits.length) { hitAt = (hitAt + 1) % hits.length; select(hits[hitAt], true); }
  });

  // -- the thread (its list is made when first shown: a big map's has thousands of posts) ----------
  let listed = false;
  function thread() {
    const list = $("posts");
    list.replaceChildren();
    for (const post of data.posts) {
      const li = el("li", "", el("span", "who", `#${post.id} ${post.author}`), post.reply_to ? el("span", "hint", ` → #${post.reply_to}`) : null);
      for (const q of post.quotes) li.append(el("div", "quote", q.text));
      const own = ownBy.get(post.id) || [];
      if (own.length) {
        const ul = el("ul");
        for (const id of own) ul.append(el("li", "", propLink(id)));
        li.append(ul);
      }
      li.dataset.post = post.id;
      li.addEventListener("click", (ev) => { if (ev.target.tagName !== "A") showPost(post.id); });
      list.append(li);
    }
    listed = true;
  }
  function showPost(id) {
    state.post = state.post === id ? null : id;
    for (const li of $("posts").children) li.classList.toggle("current", li.dataset.post === state.post);
    const own = (state.post && ownBy.get(state.post) || []).filter((p) => nodeOf.has(p)).map((p) => nodeOf.get(p));
    mark("in-post", own);
    if (own.length) map.centerOn(own[0]);
  }
  $("thread-toggle").addEventListener("click", (ev) => {
    const nav = $("thread");
    if (!listed) thread();
    nav.hidden = !nav.hidden;
    ev.target.setAttribute("aria-pressed", String(!nav.hidden));
  });

  // -- remembering the view (a live preview reloads the page) ----------------------------------------
  function remember() {
    try { sessionStorage.setItem("argmap-view", JSON.stringify({ view: map.get(), ...state })); } catch (e) { /* file:// */ }
  }
  function recall() {
    try {
      const saved = JSON.parse(sessionStorage.getItem("argmap-view") || "null");
      if (!saved) return null;
      const view = saved.view;
      delete saved.view;
      Object.assign(state, saved);
      return view || null;
    } catch (e) { return null; }  // file:// pages may have no storage
  }

  // -- errors (a live preview of a file that does not read) --------------------------------------------
  function errors() {
    const box = $("errors");
    box.hidden = !data.errors.length;
    box.textContent = data.errors.join("\n");
  }

  const recalled = data.live ? recall() : null;  // a live preview keeps its view across reloads
  if (!recalled) state.semantics = Object.keys(data.evaluations)[0] || "";
  map.overview([...nodeOf.values()]);
  fillSemantics(); labels(); errors();
  $("title").textContent = data.title || "argmap";
  $("search").value = state.query; search();
  $("depth").value = state.depth;
  select(state.selected && props.has(state.selected) ? state.selected : null);
  if (recalled) map.setView(recalled);
  // a link can open the map at a proposition: map.html#select=c0.1&thread&semantics=preferred&depth=1
  const wanted = new URLSearchParams(location.hash.slice(1));
  if (wanted.has("semantics") && wanted.get("semantics") in data.evaluations) {
    state.semantics = wanted.get("semantics"); $("semantics").value = state.semantics; labels();
  }
  if (wanted.has("depth")) { state.depth = wanted.get("depth"); $("depth").value = state.depth; }
  if (wanted.has("thread")) $("thread-toggle").click();
  if (wanted.has("select") && props.has(wanted.get("select"))) select(wanted.get("select"), true);
  if (data.live) new EventSource(data.live).addEventListener("update", () => { remember(); location.reload(); });
  // for tests, benchmarks/bench_render.py and the curious
  window.argmap = {
    select, fit: map.fit, state: () => ({ ...state, view: map.get() }),
    drawn: layer.drawn, level: layer.level,
    marked: (cls) => (marks.get(cls) || []).map((item) => item.name),
    where(id) {  // a proposition's node: the centre of its box on the screen
      const box = map.boxOf(nodeOf.get(id));
      if (!box) return null;
      const p = new DOMPoint(box.x + box.width / 2, box.y + box.height / 2).matrixTransform(svg.getScreenCTM());
      return { x: p.x, y: p.y };
    },
  };
})();
