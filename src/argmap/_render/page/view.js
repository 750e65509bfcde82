// argmap's interactive map, part 3 of 4: the view — pan and zoom by the SVG's viewBox (drag,
// wheel, pinch, keys, buttons), clicks on the map, and the overview (minimap).
"use strict";
(() => {
  const parts = window.argmapViewer;
  const $ = (id) => document.getElementById(id);

  // hooks: select(id or null, centre), idOf(node name) → proposition id or undefined
  parts.view = (mapBox, svg, layer, hooks) => {
    const vb = svg.viewBox.baseVal;
    const full = vb && vb.width ? { x: vb.x, y: vb.y, w: vb.width, h: vb.height } : { x: 0, y: 0, w: 100, h: 100 };
    let view = { ...full };

    function setView(v, now = true) {
      const minW = full.w / 200, maxW = full.w * 4;
      const w = Math.min(maxW, Math.max(minW, v.w)), h = v.h * (w / v.w);
      view = { x: v.x + (v.w - w) / 2, y: v.y + (v.h - h) / 2, w, h };
      svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
      drawViewRect();
      layer.viewChanged(view, now);
    }
    function toSvg(clientX, clientY) {
      const p = new DOMPoint(clientX, clientY).matrixTransform(svg.getScreenCTM().inverse());
      return { x: p.x, y: p.y };
    }
    function zoomAt(factor, clientX, clientY, now = true) {
      const r = mapBox.getBoundingClientRect();
      const c = toSvg(clientX ?? r.left + r.width / 2, clientY ?? r.top + r.height / 2);
      const w = view.w / factor, h = view.h / factor;
      if (w < full.w / 200 || w > full.w * 4) return;
      setView({ x: c.x - (c.x - view.x) / factor, y: c.y - (c.y - view.y) / factor, w, h }, now);
    }
    function panBy(dxPixels, dyPixels, now = true) {
      const a = toSvg(0, 0), b = toSvg(dxPixels, dyPixels);
      setView({ ...view, x: view.x - (b.x - a.x), y: view.y - (b.y - a.y) }, now);
    }
    function fit() { setView({ ...full }); }
    function boxOf(item) {
      if (!item || !item.box) return null;
      const [x0, y0, x1, y1] = item.box;
      return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    }
    function centerOn(item) {
      const box = boxOf(item);
      if (!box) return;
      // near enough to read: four times the node's width, unless the map is small
      const w = Math.min(view.w, Math.max(box.width * 4, Math.min(full.w / 12, box.width * 6))), h = view.h * (w / view.w);
      setView({ x: box.x + box.width / 2 - w / 2, y: box.y + box.height / 2 - h / 2, w, h });
    }

    // -- the pointer: drag to pan, pinch or wheel to zoom, click to select ---------------------------
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
        zoomAt(d / pinch, (p.x + q.x) / 2, (p.y + q.y) / 2, false);
        pinch = d; dragged = true;
        return;
      }
      const dx = ev.clientX - last.x, dy = ev.clientY - last.y;
      if (!dragged && Math.abs(dx) + Math.abs(dy) > 3) {
        dragged = true;
        mapBox.setPointerCapture(ev.pointerId);  // only now: a capture from the start would retarget clicks
      }
      if (dragged) { mapBox.classList.add("dragging"); panBy(dx, dy, false); }
      pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
    });
    const release = (ev) => {
      pointers.delete(ev.pointerId);
      if (pointers.size < 2) pinch = null;
      mapBox.classList.remove("dragging");
    };
    mapBox.addEventListener("pointerup", release);
    mapBox.addEventListener("pointercancel", release);
    mapBox.addEventListener("wheel", (ev) => { ev.preventDefault(); zoomAt(Math.exp(-ev.deltaY * 0.0015), ev.clientX, ev.clientY, false); }, { passive: false });
    mapBox.addEventListener("keydown", (ev) => {
      const step = 60;
      const keys = {
        "+": () => zoomAt(1.25), "=": () => zoomAt(1.25), "-": () => zoomAt(0.8), "0": fit,
        ArrowLeft: () => panBy(step, 0), ArrowRight: () => panBy(-step, 0),
        ArrowUp: () => panBy(0, step), ArrowDown: () => panBy(0, -step),
        Escape: () => hooks.select(null),
      };
      if (keys[ev.key]) { keys[ev.key](); ev.preventDefault(); }
    });
    mapBox.addEventListener("click", (ev) => {
      if (dragged) return;
      const item = layer.pick(ev);
      const id = item && hooks.idOf(item.name);
      if (id) hooks.select(id);
    });
    $("fit").addEventListener("click", fit);
    $("zoom-in").addEventListener("click", () => zoomAt(1.25));
    $("zoom-out").addEventListener("click", () => zoomAt(0.8));

    // -- the overview (minimap) ----------------------------------------------------------------------
    // A canvas of the nodes' boxes, not a live copy of the map: a copy (<use>) costs as much as
    // the map itself to draw, seconds on a 20,000-proposition map (benchmarks/bench_render.py).
    let viewRect = null;
    function overview(nodes) {
      const box = $("overview");
      box.replaceChildren();
      const NS = "http://www.w3.org/2000/svg";
      const canvas = document.createElement("canvas");
      const scale = window.devicePixelRatio || 1;
      canvas.width = Math.max(1, Math.round(box.clientWidth * scale));
      canvas.height = Math.max(1, Math.round(box.clientHeight * scale));
      const ctx = canvas.getContext("2d");
      const k = Math.min(canvas.width / full.w, canvas.height / full.h);
      const dx = (canvas.width - full.w * k) / 2, dy = (canvas.height - full.h * k) / 2;
      for (const item of nodes) {
        const b = boxOf(item);
        if (!b) continue;
        ctx.fillStyle = item.fill && item.fill !== "none" && item.fill !== "white" ? item.fill : "#c8c8c8";
        ctx.fillRect(dx + (b.x - full.x) * k, dy + (b.y - full.y) * k, Math.max(1, b.width * k), Math.max(1, b.height * k));
      }
      const small = document.createElementNS(NS, "svg");
      small.setAttribute("viewBox", `${full.x} ${full.y} ${full.w} ${full.h}`);
      viewRect = document.createElementNS(NS, "rect");
      viewRect.setAttribute("class", "view");
      small.append(viewRect);
      box.append(canvas, small);
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

    return { full, get: () => view, setView, fit, centerOn, boxOf, overview };
  };
})();
