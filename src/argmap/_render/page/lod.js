// argmap's interactive map, part 2 of 4: the layer of a big map, drawn at a level of detail.
//
// Why it exists: a 20,000-proposition map is ~40,000 Graphviz elements (~250,000 SVG
// elements).  Put in the page whole, Chromium takes 20-40 s to parse, style, lay out and paint
// it, and every pan repaints it all; benchmarks/bench_render.py guards the 5 s such a map may
// take to show.  So html.py gives a big map (more than its BIG_MAP nodes) as one record per
// element (kind, name, box, shapes, texts) in the page's data, with an empty SVG, and this
// layer draws the whole map on a <canvas>, without text, while many elements are in view;
// once few are, it makes SVG elements of those only (texts set as text: nothing is parsed).
"use strict";
(() => {
  const parts = window.argmapViewer;
  const NS = "http://www.w3.org/2000/svg", XLINK = "http://www.w3.org/1999/xlink";
  const CACHE = 6000;  // SVG elements kept for panning back
  const KINDS = ["node", "edge", "cluster"], PASS = { cluster: 0, edge: 1, node: 2 };
  // the marks on the canvas, as viewer.css draws them on the SVG: [class, colour, width (pt), dash]
  const STROKES = [["selected", "#000", 4, []], ["on-path", "#6a3d9a", 4, []], ["hit", "#0072b2", 4, []]];
  const LABELS = [["label-IN", "#009e73", 3, []], ["label-OUT", "#d55e00", 3, [6, 3]], ["label-UNDEC", "#e69f00", 3, [2, 3]]];
  const UP = new Set(["selected", "on-path", "hit", "in-post"]);  // drawn last, over the rest
  const NONE = new Set();  // the marks of an element never marked (shared: it is never added to)

  parts.lodLayer = (svg, drawing, mapBox) => {
    // SVG of the elements in view once there are at most svgAtMost (html.py's SVG_AT_MOST); back
    // to the canvas only past a quarter more, lest a view at the edge flip at every step
    const SVG_AT_MOST = drawing.svgAtMost || 800, CANVAS_ABOVE = SVG_AT_MOST * 1.25;
    const styles = drawing.styles;
    const dashes = styles.map((s) => (/^[\d.,\s]+$/.test(s) ? s.split(/[\s,]+/).filter(Boolean).map(Number) : []));
    const items = drawing.items.map(([kind, name, x0, y0, x1, y1, shapes, texts, tip], i) => ({
      i, kind: KINDS[kind], name, box: [x0, y0, x1, y1], shapes, texts, tip, marks: NONE, g: null, paths: null,
      fill: shapes.length && shapes[1] >= 0 ? styles[shapes[1]] : null,
    }));
    const node = new Map(), edges = [];
    for (const it of items) {
      if (it.kind === "node") node.set(it.name, it);
      if (it.kind === "edge") { [it.a, it.b] = it.name.split("->"); edges.push(it); }
    }
    const host = document.createElementNS(NS, "g");  // the elements in view, in the map's order
    host.setAttribute("class", "lod");
    svg.append(host);  // over the graph groups' backgrounds; the records are in the SVG's coordinates
    const canvas = document.createElement("canvas");
    canvas.className = "lod";
    mapBox.append(canvas);

    // -- a grid of the elements' boxes: what is in a rectangle, quickly ---------------------------
    const N = 64;
    let X0 = Infinity, Y0 = Infinity, X1 = -Infinity, Y1 = -Infinity;
    for (const { box } of items) {
      X0 = Math.min(X0, box[0]); Y0 = Math.min(Y0, box[1]); X1 = Math.max(X1, box[2]); Y1 = Math.max(Y1, box[3]);
    }
    const cw = (X1 - X0) / N || 1, ch = (Y1 - Y0) / N || 1;
    const cell = (v, v0, size) => Math.min(N - 1, Math.max(0, Math.floor((v - v0) / size)));
    const cells = Array.from({ length: N * N }, () => []);
    for (const it of items) {
      for (let cy = cell(it.box[1], Y0, ch); cy <= cell(it.box[3], Y0, ch); cy++)
        for (let cx = cell(it.box[0], X0, cw); cx <= cell(it.box[2], X0, cw); cx++) cells[cy * N + cx].push(it.i);
    }
    const seen = new Int32Array(items.length);
    let stamp = 0;
    function query(x0, y0, x1, y1) {
      const out = [];
      if (!items.length || x1 < X0 || y1 < Y0 || x0 > X1 || y0 > Y1) return out;
      stamp++;
      for (let cy = cell(y0, Y0, ch); cy <= cell(y1, Y0, ch); cy++)
        for (let cx = cell(x0, X0, cw); cx <= cell(x1, X0, cw); cx++)
          for (const i of cells[cy * N + cx]) {
            if (seen[i] === stamp) continue;
            seen[i] = stamp;
            const b = items[i].box;
            if (b[2] >= x0 && b[0] <= x1 && b[3] >= y0 && b[1] <= y1) out.push(i);
          }
      return out.sort((a, b) => a - b);
    }

    // -- where the map is on the screen: the SVG's coordinates → pixels of the map's box ------------
    function screen() {
      const r = mapBox.getBoundingClientRect();
      return new DOMMatrix().translate(-r.left, -r.top).multiply(svg.getScreenCTM());
    }
    function inView(m, margin) {
      const inv = m.inverse(), w = mapBox.clientWidth, h = mapBox.clientHeight;
      const a = inv.transformPoint({ x: -margin, y: -margin }), b = inv.transformPoint({ x: w + margin, y: h + margin });
      return query(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y));
    }

    // -- the canvas: every element in view, no text --------------------------------------------------
    const flags = new Set();
    let level = "canvas", drawnCount = 0;
    function paint(visible, m) {
      const dpr = window.devicePixelRatio || 1;
      const w = Math.max(1, Math.round(mapBox.clientWidth * dpr)), h = Math.max(1, Math.round(mapBox.clientHeight * dpr));
      if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
      const ctx = canvas.getContext("2d");
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, w, h);
      if (!visible) return;
      ctx.setTransform(new DOMMatrix().scale(dpr).multiply(m));
      const px = dpr * Math.hypot(m.a, m.b);  // device pixels per unit of the SVG
      // one path per look (colour, width, dash, opacity): a few dozen fills and strokes, not 100,000
      const batches = new Map();
      const batch = (pass, stroke, colour, width, dash, alpha) => {
        const key = `${pass} ${stroke} ${colour} ${width} ${dash} ${alpha}`;
        let b = batches.get(key);
        if (!b) batches.set(key, (b = { pass, stroke, colour, width, dash, alpha, path: new Path2D() }));
        return b.path;
      };
      for (const i of visible) look(items[i], px, batch);
      const order = [...batches.values()].sort((a, b) => a.pass - b.pass || a.stroke - b.stroke);
      for (const b of order) {
        ctx.globalAlpha = b.alpha;
        if (b.stroke) { ctx.strokeStyle = b.colour; ctx.lineWidth = b.width; ctx.setLineDash(b.dash); ctx.stroke(b.path); }
        else { ctx.fillStyle = b.colour; ctx.fill(b.path); }
      }
      ctx.globalAlpha = 1;
      ctx.setLineDash([]);
    }
    // An element's shapes, each into the batch of the look its marks give it.  Passes: clusters'
    // outlines, edges, nodes, then marked nodes over all.  Far out, a node is its box and an edge
    // has no arrowhead (smaller than a pixel).
    const NODASH = [];
    function look(it, px, batch) {
      const s = it.shapes, b = it.box, node = it.kind === "node", flagged = node && it.marks.size > 0;
      const pass = flagged && [...it.marks].some((c) => UP.has(c)) ? 3 : PASS[it.kind];
      const alpha = flags.has("focused") && !it.marks.has("near") ? 0.08 : 1;
      const mark = flagged ? STROKES.find(([c]) => it.marks.has(c)) || (flags.has("labelled") && LABELS.find(([c]) => it.marks.has(c))) : null;
      const fill = flagged && it.marks.has("in-post") ? "#fff3b0" : null;
      const wide = it.kind === "edge" && it.marks.has("on-path") ? 3 : 0;
      const tiny = node && Math.max(b[2] - b[0], b[3] - b[1]) * px < 6;
      const count = tiny || (it.kind === "edge" && px < 0.1) ? Math.min(5, s.length) : s.length;
      for (let k = 0; k < count; k += 5) {
        const path = tiny ? null : (it.paths || (it.paths = []))[k / 5] || (it.paths[k / 5] = new Path2D(s[k]));
        const put = (p) => (tiny ? p.rect(b[0], b[1], b[2] - b[0], b[3] - b[1]) : p.addPath(path));
        const f = fill || (s[k + 1] >= 0 ? styles[s[k + 1]] : null);
        if (f) put(batch(pass, 0, f, 0, NODASH, alpha));
        if (mark) {  // a mark stays visible however far out: at least 2.5 pixels wide (a label 1)
          put(batch(pass, 1, mark[1], Math.max(mark[2], (mark[0].startsWith("label") ? 1 : 2.5) / px), mark[3], alpha));
        } else if (s[k + 2] >= 0) {
          const width = Math.max(wide && s[k + 1] < 0 ? wide : s[k + 3], 0.5 / px);
          put(batch(pass, 1, styles[s[k + 2]], width, s[k + 4] >= 0 ? dashes[s[k + 4]] : NODASH, alpha));
        }
      }
    }

    // -- SVG of the elements in view, made from their records: texts as text, never parsed ---------
    const FONT = new Set(["text-anchor", "font-family", "font-size", "font-weight", "font-style", "fill", "text-decoration"]);
    function make(tag, attrs, parent) {
      const e = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) if (v !== null) e.setAttribute(k, v);
      parent.append(e);
      return e;
    }
    function build(it) {
      const g = document.createElementNS(NS, "g");
      make("title", {}, g).textContent = it.name;
      let into = g;
      if (it.tip !== null) { into = make("a", {}, make("g", {}, g)); into.setAttributeNS(XLINK, "xlink:title", it.tip); }
      const s = it.shapes, t = it.texts, style = (k) => (k >= 0 ? styles[k] : "none");
      for (let k = 0; k < s.length; k += 5) {
        make("path", { fill: style(s[k + 1]), stroke: style(s[k + 2]), "stroke-width": s[k + 3] === 1 ? null : s[k + 3],
          "stroke-dasharray": s[k + 4] >= 0 ? styles[s[k + 4]] : null, d: s[k] }, into);
      }
      for (let k = 0; k < t.length; k += 4) {
        const font = t[k + 2] >= 0 ? styles[t[k + 2]] : {};
        const attrs = { x: t[k], y: t[k + 1] };
        for (const [name, value] of Object.entries(font)) if (FONT.has(name)) attrs[name] = value;
        make("text", attrs, into).textContent = t[k + 3];
      }
      return g;
    }
    const live = new Map(), made = new Map();  // index → its SVG element: in the page; made, kept for panning back
    function materialise(visible) {
      const want = new Set(visible);
      for (const [i, g] of live) if (!want.has(i)) { g.remove(); live.delete(i); items[i].g = null; }
      if (made.size > CACHE) for (const i of made.keys()) if (!live.has(i)) made.delete(i);
      let cursor = host.firstChild;
      for (const i of visible) {
        if (live.has(i)) { cursor = live.get(i).nextSibling; continue; }
        const it = items[i];
        const g = made.get(i) || build(it);
        made.set(i, g);
        g.setAttribute("class", [it.kind, ...it.marks].join(" "));
        g.dataset.name = it.name;
        host.insertBefore(g, cursor);
        live.set(i, g); it.g = g;
      }
    }

    // -- drawing what the view shows: now (a click, a mark), or at the next frame (a drag, the wheel).
    // While a drag or the wheel goes on over the canvas, the last picture is only moved and scaled
    // (a CSS transform, no repaint) until the view settles or is zoomed in 1.5 times past it.
    let dirty = false, glide = false, frame = 0, settle = 0, size = "", painted = null;
    function update() {
      dirty = false;
      const m = screen();
      if (glide && level === "canvas" && painted && Math.hypot(m.a, m.b) < 1.5 * Math.hypot(painted.a, painted.b)) {
        const t = m.multiply(painted.inverse());  // the painted pixels → where they belong now
        canvas.style.transform = `matrix(${t.a}, ${t.b}, ${t.c}, ${t.d}, ${t.e}, ${t.f})`;
        clearTimeout(settle);
        settle = setTimeout(() => schedule(true), 150);
        return;
      }
      glide = false;
      size = `${mapBox.clientWidth}x${mapBox.clientHeight}`;
      const visible = inView(m, 40);
      const few = visible.length <= (level === "svg" ? CANVAS_ABOVE : SVG_AT_MOST);
      level = few ? "svg" : "canvas";
      materialise(few ? visible : []);
      paint(few ? null : visible, m);
      canvas.style.transform = "";
      canvas.hidden = few;
      painted = few ? null : m;
      drawnCount = visible.length;
    }
    function schedule(now, gliding = false) {
      glide = gliding && (dirty ? glide : true);  // any other change pending: a full update
      dirty = true;
      if (now) queueMicrotask(() => { if (dirty) update(); });
      else if (!frame) frame = requestAnimationFrame(() => { frame = 0; if (dirty) update(); });
    }
    new ResizeObserver(() => { if (size !== (size = `${mapBox.clientWidth}x${mapBox.clientHeight}`)) schedule(false); }).observe(mapBox);

    const marked = new Map();
    return {
      items, node, edges,
      mark(cls, list) {
        for (const it of marked.get(cls) || []) { it.marks.delete(cls); if (it.g) it.g.classList.remove(cls); }
        const now = new Set(list);
        for (const it of now) {
          if (it.marks === NONE) it.marks = new Set();
          it.marks.add(cls);
          if (it.g) it.g.classList.add(cls);
        }
        marked.set(cls, now);
        schedule(true);
      },
      flag(cls, on) {
        svg.classList.toggle(cls, on);
        if (on) flags.add(cls); else flags.delete(cls);
        schedule(true);
      },
      pick(ev) {
        const g = ev.target.closest && ev.target.closest("g.node");
        if (g) return node.get(g.dataset.name) || null;
        if (level !== "canvas") return null;
        const m = screen(), r = mapBox.getBoundingClientRect();
        const p = m.inverse().transformPoint({ x: ev.clientX - r.left, y: ev.clientY - r.top });
        const slack = 3 / Math.hypot(m.a, m.b);  // three pixels, in the SVG's units
        const under = query(p.x - slack, p.y - slack, p.x + slack, p.y + slack).filter((i) => items[i].kind === "node");
        return under.length ? items[under[under.length - 1]] : null;  // the topmost
      },
      viewChanged(view, now) { schedule(now, !now); },
      drawn: () => drawnCount,
      level: () => level,
    };
  };
})();
