// argmap's interactive map: pan and zoom, search, the side panel, semantics, focus, paths, the thread.
// Everything the document says is put on the page as text (textContent), never as markup.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const mapBox = $("map");
  let data = JSON.parse($("data").textContent);
  let svg, nodeOf, propOf, edges, view, full;
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
  let props, posts, relationsTo, relationsFrom, supports, theses;
  function index() {
    props = new Map(data.propositions.map((p) => [p.id, p]));
    posts = new Map(data.posts.map((p) => [p.id, p]));
    supports = new Map(data.relations.filter((r) => r.kind === "support").map((r) => [r.id, r]));
    relationsTo = new Map(); relationsFrom = new Map();
    const add = (m, k, r) => { if (!m.has(k)) m.set(k, []); m.get(k).push(r); };
    for (const r of data.relations) {
      add(relationsTo, r.to, r);
      for (const f of r.from) add(relationsFrom, f, r);
    }
    theses = data.propositions.filter((p) => p.kind === "thesis").map((p) => p.id);
  }

  // -- the SVG and its nodes ---------------------------------------------------------------------
  function adopt() {
    svg = mapBox.querySelector("svg");
    svg.removeAttribute("width"); svg.removeAttribute("height");
    nodeOf = new Map(); propOf = new Map(); edges = [];
    const idOfNode = new Map(Object.entries(data.nodes).map(([id, name]) => [name, id]));
    for (const g of svg.querySelectorAll("g.node")) {
      const name = g.querySelector("title").textContent;
      if (idOfNode.has(name)) { nodeOf.set(idOfNode.get(name), g); propOf.set(g, idOfNode.get(name)); }
      g.dataset.name = name;
    }
    for (const g of svg.querySelectorAll("g.edge")) {
      const [a, b] = g.querySelector("title").textContent.split("->");
      edges.push({ g, a, b });
    }
    const vb = svg.viewBox.baseVal;
    full = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    view = view || { ...full };
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
    overview();
  }

  // -- pan and zoom: the viewBox ----------------------------------------------------------------
  function setView(v) {
    const minW = full.w / 200, maxW = full.w * 4;
    const w = Math.min(maxW, Math.max(minW, v.w)), h = v.h * (w / v.w);
    view = { x: v.x + (v.w - w) / 2, y: v.y + (v.h - h) / 2, w, h };
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
    drawViewRect();
  }
  function toSvg(clientX, clientY) {
    const p = new DOMPoint(clientX, clientY).matrixTransform(svg.getScreenCTM().inverse());
    return { x: p.x, y: p.y };
  }
  function zoomAt(factor, clientX, clientY) {
    const r = mapBox.getBoundingClientRect();
    const c = toSvg(clientX ?? r.left + r.width / 2, clientY ?? r.top + r.height / 2);
    const w = view.w / factor, h = view.h / factor;
    const minW = full.w / 200, maxW = full.w * 4;
    if (w < minW || w > maxW) return;
    view = { x: c.x - (c.x - view.x) / factor, y: c.y - (c.y - view.y) / factor, w, h };
    setView(view);
  }
  function panBy(dxPixels, dyPixels) {
    const a = toSvg(0, 0), b = toSvg(dxPixels, dyPixels);
    setView({ ...view, x: view.x - (b.x - a.x), y: view.y - (b.y - a.y) });
  }
  function fit() { view = { ...full }; setView(view); }
  function centerOn(g) {
    const r = g.getBoundingClientRect();  // on screen, whatever transforms lie between: back to the viewBox
    const a = toSvg(r.left, r.top), b = toSvg(r.right, r.bottom);
    const box = { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
    const w = Math.min(view.w, Math.max(box.width * 4, full.w / 12)), h = view.h * (w / view.w);  // near enough to read
    setView({ x: box.x + box.width / 2 - w / 2, y: box.y + box.height / 2 - h / 2, w, h });
  }

  const pointers = new Map();
  let dragged = false, pinch = null;
  mapBox.addEventListener("pointerdown", (ev) => {
    pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
    dragged = false;
    if (pointers.size === 2) {
      const [p, q] = [...pointers.values()];
      pinch = Math.hypot(p.x - q.x, p.y - q.y);
    }
  });
  mapBox.addEventListener("pointermove", (ev) => {
    const last = pointers.get(ev.pointerId);
    if (!last) return;
    if (pointers.size === 2 && pinch) {
      pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
      const [p, q] = [...pointers.values()];
      const d = Math.hypot(p.x - q.x, p.y - q.y);
      zoomAt(d / pinch, (p.x + q.x) / 2, (p.y + q.y) / 2);
      pinch = d; dragged = true;
      return;
    }
    const dx = ev.clientX - last.x, dy = ev.clientY - last.y;
    if (!dragged && Math.abs(dx) + Math.abs(dy) > 3) {
      dragged = true;
      mapBox.setPointerCapture(ev.pointerId);  // only now: a capture from the start would retarget clicks
    }
    if (dragged) { mapBox.classList.add("dragging"); panBy(dx, dy); }
    pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
  });
  const release = (ev) => {
    pointers.delete(ev.pointerId);
    if (pointers.size < 2) pinch = null;
    mapBox.classList.remove("dragging");
  };
  mapBox.addEventListener("pointerup", release);
  mapBox.addEventListener("pointercancel", release);
  mapBox.addEventListener("wheel", (ev) => { ev.preventDefault(); zoomAt(Math.exp(-ev.deltaY * 0.0015), ev.clientX, ev.clientY); }, { passive: false });
  mapBox.addEventListener("keydown", (ev) => {
    const step = 60;
    const keys = {
      "+": () => zoomAt(1.25), "=": () => zoomAt(1.25), "-": () => zoomAt(0.8), "0": fit,
      ArrowLeft: () => panBy(step, 0), ArrowRight: () => panBy(-step, 0),
      ArrowUp: () => panBy(0, step), ArrowDown: () => panBy(0, -step),
      Escape: () => select(null),
    };
    if (keys[ev.key]) { keys[ev.key](); ev.preventDefault(); }
  });
  mapBox.addEventListener("click", (ev) => {
    if (dragged) return;
    const g = ev.target.closest("g.node");
    if (g && propOf.has(g)) select(propOf.get(g));
  });
  $("fit").addEventListener("click", fit);
  $("zoom-in").addEventListener("click", () => zoomAt(1.25));
  $("zoom-out").addEventListener("click", () => zoomAt(0.8));

  // -- the overview (minimap) --------------------------------------------------------------------
  let viewRect = null;
  function overview() {
    const box = $("overview");
    box.replaceChildren();
    const NS = "http://www.w3.org/2000/svg";
    const small = document.createElementNS(NS, "svg");
    small.setAttribute("viewBox", `${full.x} ${full.y} ${full.w} ${full.h}`);
    const root = svg.querySelector("g.graph");
    const use = document.createElementNS(NS, "use");
    use.setAttribute("href", "#" + root.id);
    viewRect = document.createElementNS(NS, "rect");
    viewRect.setAttribute("class", "view");
    small.append(use, viewRect);
    box.append(small);
    box.onclick = (ev) => {
      const p = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(small.getScreenCTM().inverse());
      setView({ ...view, x: p.x - view.w / 2, y: p.y - view.h / 2 });
    };
    drawViewRect();
  }
  function drawViewRect() {
    if (!viewRect) return;
    viewRect.setAttribute("x", view.x); viewRect.setAttribute("y", view.y);
    viewRect.setAttribute("width", view.w); viewRect.setAttribute("height", view.h);
  }

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
    for (const g of svg.querySelectorAll("g.node.selected")) g.classList.remove("selected");
    if (id && nodeOf.has(id)) {
      nodeOf.get(id).classList.add("selected");
      if (center) centerOn(nodeOf.get(id));
    }
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
    for (const g of svg.querySelectorAll("g.node")) g.classList.remove("label-IN", "label-OUT", "label-UNDEC");
    const ev = data.evaluations[state.semantics];
    svg.classList.toggle("labelled", Boolean(ev));
    if (!ev) return;
    for (const [id, label] of Object.entries(ev.labels)) {
      if (nodeOf.has(id) && typeof label === "string") nodeOf.get(id).classList.add(`label-${label}`);
    }
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
    svg.classList.remove("focused");
    for (const g of svg.querySelectorAll(".near")) g.classList.remove("near");
    if (!state.depth || !state.selected) return;
    const limit = state.depth === "all" ? Infinity : Number(state.depth);
    const near = new Set([state.selected]);
    let frontier = [state.selected];
    for (let level = 0; level < limit && frontier.length; level++) {
      const next = [];
      for (const id of frontier) for (const n of neighbours(id)) if (!near.has(n)) { near.add(n); next.push(n); }
      frontier = next;
    }
    const names = new Set([...near].filter((id) => nodeOf.has(id)).map((id) => nodeOf.get(id).dataset.name));
    for (const e of edges) if (names.has(e.a) && !names.has(e.b) && e.b.startsWith("j")) names.add(e.b);
    for (const e of edges) if (names.has(e.b) && !names.has(e.a) && e.a.startsWith("j")) names.add(e.a);
    for (const g of svg.querySelectorAll("g.node")) if (names.has(g.dataset.name)) g.classList.add("near");
    for (const e of edges) if (names.has(e.a) && names.has(e.b)) e.g.classList.add("near");
    svg.classList.add("focused");
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
    for (const g of svg.querySelectorAll(".on-path")) g.classList.remove("on-path");
    $("paths").setAttribute("aria-pressed", String(state.paths));
    if (!state.paths || !state.selected) return;
    const reach = new Set([state.selected]), queue = [state.selected];
    while (queue.length) for (const n of forward(queue.pop())) if (!reach.has(n)) { reach.add(n); queue.push(n); }
    const back = new Map();
    for (const id of props.keys()) for (const n of forward(id)) { if (!back.has(n)) back.set(n, []); back.get(n).push(id); }
    const co = new Set(theses), q2 = [...theses];
    while (q2.length) for (const n of back.get(q2.pop()) || []) if (!co.has(n)) { co.add(n); q2.push(n); }
    const on = [...reach].filter((id) => co.has(id) && nodeOf.has(id));
    const names = new Set(on.map((id) => nodeOf.get(id).dataset.name));
    on.forEach((id) => nodeOf.get(id).classList.add("on-path"));
    for (const e of edges) if ((names.has(e.a) || e.a.startsWith("j")) && (names.has(e.b) || e.b.startsWith("j")) && (names.has(e.a) || names.has(e.b))) e.g.classList.add("on-path");
  }
  $("paths").addEventListener("click", () => { state.paths = !state.paths; paths(); remember(); });

  // -- search ----------------------------------------------------------------------------------
  let hits = [], hitAt = -1;
  function search() {
    const q = state.query.trim().toLowerCase();
    for (const g of svg.querySelectorAll("g.node.hit")) g.classList.remove("hit");
    hits = [];
    if (q) {
      for (const p of data.propositions) {
        const post = p.post ? posts.get(p.post) : null;
        const hay = [p.id, p.text, p.anchor || "", post ? post.author : ""].join("\n").toLowerCase();
        if (hay.includes(q) && nodeOf.has(p.id)) hits.push(p.id);
      }
      hits.forEach((id) => nodeOf.get(id).classList.add("hit"));
    }
    hitAt = -1;
    $("hits").textContent = q ? `${hits.length} found${hits.length ? " (Enter: next)" : ""}` : "";
  }
  $("search").addEventListener("input", (ev) => { state.query = ev.target.value; search(); });
  $("search").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && hits.length) { hitAt = (hitAt + 1) % hits.length; select(hits[hitAt], true); }
  });

  // -- the thread -------------------------------------------------------------------------------
  function thread() {
    const list = $("posts");
    list.replaceChildren();
    for (const post of data.posts) {
      const li = el("li", "", el("span", "who", `#${post.id} ${post.author}`), post.reply_to ? el("span", "hint", ` → #${post.reply_to}`) : null);
      for (const q of post.quotes) li.append(el("div", "quote", q.text));
      const own = data.propositions.filter((p) => p.post === post.id);
      if (own.length) {
        const ul = el("ul");
        for (const p of own) ul.append(el("li", "", propLink(p.id)));
        li.append(ul);
      }
      li.dataset.post = post.id;
      li.addEventListener("click", (ev) => { if (ev.target.tagName !== "A") showPost(post.id); });
      list.append(li);
    }
  }
  function showPost(id) {
    state.post = state.post === id ? null : id;
    for (const g of svg.querySelectorAll("g.node.in-post")) g.classList.remove("in-post");
    for (const li of $("posts").children) li.classList.toggle("current", li.dataset.post === state.post);
    const own = data.propositions.filter((p) => p.post === state.post && nodeOf.has(p.id));
    own.forEach((p) => nodeOf.get(p.id).classList.add("in-post"));
    if (own.length) centerOn(nodeOf.get(own[0].id));
  }
  $("thread-toggle").addEventListener("click", (ev) => {
    const nav = $("thread");
    nav.hidden = !nav.hidden;
    ev.target.setAttribute("aria-pressed", String(!nav.hidden));
  });

  // -- remembering the view (a live preview reloads the page) ----------------------------------------
  function remember() {
    try { sessionStorage.setItem("argmap-view", JSON.stringify({ view, ...state })); } catch (e) { /* file:// */ }
  }
  function recall() {
    try {
      const saved = JSON.parse(sessionStorage.getItem("argmap-view") || "null");
      if (!saved) return false;
      view = saved.view; Object.assign(state, saved); delete state.view;
      return true;
    } catch (e) { return false; }  // file:// pages may have no storage
  }

  // -- errors (a live preview of a file that does not read) --------------------------------------------
  function errors() {
    const box = $("errors");
    box.hidden = !data.errors.length;
    box.textContent = data.errors.join("\n");
  }

  function show() {
    index(); adopt(); fillSemantics(); labels(); thread(); errors();
    $("title").textContent = data.title || "argmap";
    $("search").value = state.query; search();
    $("depth").value = state.depth;
    select(state.selected && props.has(state.selected) ? state.selected : null);
  }

  const recalled = data.live ? recall() : false;  // a live preview keeps its view across reloads
  if (!recalled) state.semantics = Object.keys(data.evaluations)[0] || "";
  show();
  if (recalled && view) setView(view);
  if (data.live) new EventSource(data.live).addEventListener("update", () => { remember(); location.reload(); });
  window.argmap = { select, fit, state: () => ({ ...state, view }) };  // for tests and the curious
})();
