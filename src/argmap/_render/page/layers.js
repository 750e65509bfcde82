// argmap's interactive map, part 1 of 4: what the viewer knows of the drawing, and the drawing
// of a small map (Graphviz's whole SVG, in the page).  A big map has its own layer (lod.js);
// both give the rest of the viewer (view.js, viewer.js) the same few things:
//   items      every Graphviz node and edge: { kind, name, a, b (an edge's ends), box, fill }
//              (box: [x0, y0, x1, y1] in the SVG's own coordinates, those of its viewBox, or null)
//   node       Map of node name → item;   edges: the edge items
//   mark(cls, items)   exactly these items carry the mark cls ("hit", "selected", "near" …)
//   flag(cls, on)      a mark on the whole map ("labelled", "focused")
//   pick(event)        the node item a click is on, or null
//   viewChanged(view, now)  after a pan or zoom (now: draw before returning, not next frame)
//   drawn()            how many elements are drawn (for benchmarks/bench_render.py)
"use strict";
(() => {
  const parts = (window.argmapViewer = window.argmapViewer || {});
  const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

  // the box of a node's first shape (in its graph group's coordinates), and its fill
  function shapeBox(g) {
    const shape = g.querySelector("polygon, path, ellipse");
    if (!shape) return [null, null];
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    if (shape.localName === "ellipse") {
      const [cx, cy, rx, ry] = ["cx", "cy", "rx", "ry"].map((a) => +shape.getAttribute(a));
      [x0, y0, x1, y1] = [cx - rx, cy - ry, cx + rx, cy + ry];
    } else {
      const nums = (shape.getAttribute("points") || shape.getAttribute("d") || "").match(NUMBER) || [];
      for (let i = 0; i + 1 < nums.length; i += 2) {
        const x = +nums[i], y = +nums[i + 1];
        if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
      }
      if (x0 > x1) return [null, null];
    }
    return [[x0, y0, x1, y1], shape.getAttribute("fill")];
  }

  // A small map: Graphviz's SVG is in the page whole, and marks are classes on its elements.
  parts.fullLayer = (svg) => {
    const items = [], node = new Map(), edges = [];
    // a graph group's transform (Graphviz: scale, rotate, translate; a composed map has several)
    const moves = new Map();
    function toSvg(g, box) {
      const graph = g.closest("g.graph");
      if (!moves.has(graph)) {
        const t = graph && graph.transform.baseVal.consolidate();
        moves.set(graph, t ? DOMMatrix.fromMatrix(t.matrix) : new DOMMatrix());
      }
      const m = moves.get(graph), a = m.transformPoint({ x: box[0], y: box[1] }), b = m.transformPoint({ x: box[2], y: box[3] });
      return [Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y)];
    }
    for (const g of svg.querySelectorAll("g.node, g.edge")) {
      const title = g.querySelector("title");
      const item = { kind: g.classList.contains("node") ? "node" : "edge", name: title ? title.textContent : "", g };
      g.dataset.name = item.name;
      if (item.kind === "node") {
        node.set(item.name, item);
        [item.box, item.fill] = shapeBox(g);
        if (item.box) item.box = toSvg(g, item.box);
      } else {
        [item.a, item.b] = item.name.split("->");
        edges.push(item);
      }
      items.push(item);
    }
    const marked = new Map();
    return {
      items, node, edges,
      mark(cls, list) {
        for (const item of marked.get(cls) || []) item.g.classList.remove(cls);
        const now = new Set(list);
        for (const item of now) item.g.classList.add(cls);
        marked.set(cls, now);
      },
      flag(cls, on) { svg.classList.toggle(cls, on); },
      pick(ev) {
        const g = ev.target.closest && ev.target.closest("g.node");
        return g ? node.get(g.dataset.name) || null : null;
      },
      viewChanged() {},
      drawn: () => items.length,
      level: () => "full",
    };
  };
})();
