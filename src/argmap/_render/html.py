"""The interactive map: one self-contained HTML page around the Graphviz-drawn SVG.

Safety, as for DOT: the document reaches the page in two ways only.  The SVG
is Graphviz's, whose texts were escaped by ``digraph._text``; everything else
travels as JSON in a ``<script type="application/json">`` block (with ``<``,
``>`` and ``&`` as ``\\u`` escapes, so no text can close it) and the viewer
puts it on the page with ``textContent``, never as markup.  The page loads
nothing: its script and style are inline, allowed by their SHA-256 in a
Content-Security-Policy that refuses everything else (no network request of
any kind; a live preview may connect back to its own server).

A big map (more than ``BIG_MAP`` drawn nodes) is not put whole in the page's DOM: tens of
thousands of SVG elements take the browser tens of seconds to parse, style, lay out and
paint (``benchmarks/bench_render.py``: 20,400 propositions).  The page then gets an empty
SVG and the map split into one record per Graphviz element (its box, its shapes for a
``<canvas>`` and for SVG, its texts as plain text), in the JSON data; the viewer draws the whole
map on a canvas when zoomed out and makes SVG elements of those in view only once few are
(``page/lod.js``), setting their texts with ``textContent``: nothing is parsed as markup.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import pkgutil
import re
from typing import Any, Mapping

from .._model import Document, Support, relation_sources, relation_target
from .._version import __version__

__all__ = ["BIG_MAP", "SVG_AT_MOST", "page", "page_data"]

#: what an evaluation gives the page: labels ("IN" … or scores) and reasons, by proposition id
Labels = Mapping[str, "str | float"]


#: Above this many drawn nodes (Graphviz's, junctions and legend included) the page shows the
#: map at a level of detail: a canvas when zoomed out, SVG only of what is in view.
BIG_MAP = 1500
#: A big map's page makes SVG of the elements in view (nodes, edges) once at most this many are.
SVG_AT_MOST = 800

#: The viewer's scripts, in the order the page runs them (each its own <script>, hashed in the CSP).
SCRIPTS = ("layers.js", "lod.js", "view.js", "viewer.js")


def _asset(name: str) -> str:
    data = pkgutil.get_data("argmap", f"_render/page/{name}")
    assert data is not None, f"the viewer's {name} is missing from the installation"
    return data.decode("utf-8")


def page_data(
    doc: Document,
    nodes: Mapping[str, str],
    evaluations: Mapping[str, tuple[Labels, Mapping[str, str]]],
    *,
    errors: list[str] | None = None,
    live: str | None = None,
) -> dict[str, Any]:
    """What the viewer knows of the document, as JSON-ready data.

    ``nodes`` maps proposition ids to the SVG's node names; ``evaluations`` names each
    semantics computed with its labels and reasons.
    """
    return {
        "title": doc.metadata.title,
        "source": doc.metadata.source,
        "nodes": dict(nodes),
        "propositions": [
            {
                "id": p.id,
                "text": p.text,
                "kind": p.kind.value,
                "anchor": p.anchor,
                "tags": list(p.tags),
                "voice": p.voice.value,
                "reported_by": p.reported_by,
                "post": p.post,
            }
            for p in doc.propositions
        ],
        "posts": [
            {
                "id": p.id,
                "author": p.author,
                "reply_to": p.reply_to,
                "timestamp": p.timestamp,
                "quotes": [{"source": q.source, "text": q.text} for q in p.quotes],
                "body": list(p.body or ()),
            }
            for p in doc.posts
        ],  # fmt: skip
        "relations": [
            {
                "kind": r.kind,
                "id": r.id if isinstance(r, Support) else None,
                "from": list(relation_sources(r)),
                "to": relation_target(r),
                "post": r.post,
            }
            for r in doc.relations
        ],  # fmt: skip
        "evaluations": {
            name: {"labels": dict(labels), "reasons": dict(reasons)}
            for name, (labels, reasons) in evaluations.items()
        },
        "errors": list(errors or ()),
        "live": live,
    }


def _script_json(data: Mapping[str, Any]) -> str:
    """JSON that no text inside it can end early: <, > and & as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.S)
_TAG = re.compile(r"<!--.*?-->|<g\b[^>]*>|</g\s*>", re.DOTALL)
_GRAPH = re.compile(r"<g\b[^>]*\bclass=\"graph\"[^>]*>")
_MOVE = re.compile(
    r'transform="(?:scale\(1(?: 1)?\) )?(?:rotate\(0\) )?translate\((-?[\d.]+)[ ,](-?[\d.]+)\)"|transform="[^"]*"'
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ATTR = re.compile(r'([\w:.-]+)="([^"]*)"')
_SHAPE = re.compile(r"<(path|polygon|polyline|ellipse)\b([^>]*)>")
_TEXT = re.compile(r"<text\b([^>]*)>(.*?)</text>", re.DOTALL)
_TITLE = re.compile(r"<title>([^<]*)</title>")
_PLACE = re.compile(r'\s(?:x|y)="[^"]*"')
_TIP = re.compile(r'<a\b[^>]*\bxlink:title="([^"]*)"')
_INNER_TAG = re.compile(r"<[^>]*>")
_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_GRAPHVIZ_PATH = re.compile(r"M([-\d., ]+)(?:C([-\d., ]+))?(Z?)")
_FINER = re.compile(r"\.\d{3}|[eE]")
_KINDS = {"node": 0, "edge": 1}  # anything else (a cluster's outline): 2
#: what a text of the map keeps besides its place (lod.js sets these only)
_FONT = ("text-anchor", "font-family", "font-size", "font-weight", "font-style", "fill", "text-decoration")


class _Unsplit(ValueError):
    """An SVG this module cannot split exactly (not Graphviz's): the page holds it whole."""


class _Hundredths(dict[int, str]):
    """A number of hundredths as text (``-188``, ``0.05``), remembered: a map repeats its steps."""

    def __missing__(self, n: int) -> str:
        text = self[n] = str(n // 100) if n % 100 == 0 else repr(n / 100)
        return text


def _hundredths(number: str | float) -> int:
    if _FINER.search(str(number)):
        raise _Unsplit(f"{number} has more than two decimals")
    return round(float(number) * 100)


class _Split:
    """What splitting one SVG keeps: its colours, dash patterns and fonts, each given once
    (records refer to them by index), the numbers its paths are written with, and the shift
    (in hundredths) of the graph group being read, from its coordinates to the SVG's."""

    def __init__(self) -> None:
        self.text = _Hundredths()
        self.index: dict[Any, int] = {}
        self.styles: list[str | dict[str, str]] = []
        self.fonts: dict[str, int] = {}
        self.dx = self.dy = 0

    def style(self, value: str | dict[str, str] | None) -> int:
        if value is None or value in ("none", "transparent"):
            return -1
        key = value if isinstance(value, str) else tuple(value.items())
        if key not in self.index:
            self.index[key] = len(self.styles)
            self.styles.append(value)
        return self.index[key]

    def path(self, d: str) -> tuple[str, list[float]]:
        """Graphviz's path data (``M x,y …`` then ``C x,y x,y x,y …``, perhaps ``Z``; two decimals
        at most) in the SVG's coordinates and in relative commands: the same shape in about half
        the characters (a big map's data is mostly paths), exact, in hundredths.  And its box."""
        m = _GRAPHVIZ_PATH.fullmatch(d)
        if m is None or _FINER.search(d):
            raise _Unsplit(f"not Graphviz's path data: {d[:40]}")
        n = [round(float(v) * 100) for v in _NUMBER.findall(d)]
        moves = 2 * m.group(1).count(",")
        if len(n) != moves + 2 * (m.group(2) or "").count(",") or moves < 2 or (len(n) - moves) % 6:
            raise _Unsplit(f"not Graphviz's path data: {d[:40]}")
        t = self.text
        x, y = n[0], n[1]
        parts = [f"{t[x + self.dx]},{t[y + self.dy]}"]  # the one absolute point: moved with its group
        for k in range(2, moves, 2):
            parts.append(f"{t[n[k] - x]},{t[n[k + 1] - y]}")
            x, y = n[k], n[k + 1]
        out = "m" + " ".join(parts)
        if moves < len(n):
            curves = []
            for k in range(moves, len(n), 6):
                curves.append(f"{t[n[k] - x]},{t[n[k + 1] - y]} {t[n[k + 2] - x]},{t[n[k + 3] - y]} "
                              f"{t[n[k + 4] - x]},{t[n[k + 5] - y]}")  # fmt: skip
                x, y = n[k + 4], n[k + 5]
            out += "c" + " ".join(curves)
        xs, ys = n[0::2], n[1::2]
        box = [
            (min(xs) + self.dx) / 100,
            (min(ys) + self.dy) / 100,
            (max(xs) + self.dx) / 100,
            (max(ys) + self.dy) / 100,
        ]
        return out + ("z" if m.group(3) else ""), box

    def shape(self, tag: str, attrs: dict[str, str]) -> tuple[str, list[float]]:
        """An SVG shape as path data (for a canvas ``Path2D`` and an SVG ``<path>``), and its box."""
        if tag == "ellipse":
            cx, cy, rx, ry = (_hundredths(attrs.get(k, "0")) for k in ("cx", "cy", "rx", "ry"))
            t, x, y = self.text, cx - rx + self.dx, cy + self.dy
            arc = f"a{t[rx]},{t[ry]} 0 1 0"
            d = f"m{t[x]},{t[y]}{arc} {t[2 * rx]},0{arc} {t[-2 * rx]},0z"
            return d, [x / 100, (y - ry) / 100, (x + 2 * rx) / 100, (y + ry) / 100]
        if tag == "path":
            return self.path(attrs.get("d", ""))
        # polygon, polyline: "x,y x,y …" is path data once it starts with a move
        return self.path("M" + attrs.get("points", "").strip() + ("Z" if tag == "polygon" else ""))

    def font(self, attributes: str, attrs: dict[str, str]) -> int:
        key = _PLACE.sub("", attributes)  # a text's attributes but its place
        if key not in self.fonts:
            self.fonts[key] = self.style({k: attrs[k] for k in _FONT if k in attrs})
        return self.fonts[key]

    def record(self, markup: str) -> list[Any]:
        """One Graphviz element, as the page needs it to draw it on a canvas and make it in SVG:
        kind, name, box, shapes (path, fill, stroke, width, dash), texts (x, y, font, text),
        tooltip, all in the SVG's coordinates.  Its texts are plain text here (unescaped): the
        page sets them as text only."""
        head = dict(_ATTR.findall(markup[: markup.index(">")]))
        title = _TITLE.search(markup)
        name = html.unescape(title.group(1)) if title else ""
        tip = _TIP.search(markup)
        x0 = y0 = float("inf")
        x1 = y1 = float("-inf")
        style = self.style
        shapes: list[Any] = []
        for m in _SHAPE.finditer(markup):
            attrs = dict(_ATTR.findall(m.group(2)))
            d, (a, b, c, e) = self.shape(m.group(1), attrs)
            x0, y0, x1, y1 = min(x0, a), min(y0, b), max(x1, c), max(y1, e)
            width = float(attrs.get("stroke-width", "1"))
            shapes += [d, style(attrs.get("fill", "black")), style(attrs.get("stroke")), width,
                       style(attrs.get("stroke-dasharray"))]  # fmt: skip
        texts: list[Any] = []
        dx, dy = self.dx / 100, self.dy / 100
        for m in _TEXT.finditer(markup):
            attrs = dict(_ATTR.findall(m.group(1)))
            text = m.group(2)
            if "<" in text or "&" in text:
                text = html.unescape(_INNER_TAG.sub("", text))
            x, y = round(float(attrs.get("x", "0")) + dx, 2), round(float(attrs.get("y", "0")) + dy, 2)
            texts += [x, y, self.font(m.group(1), attrs), text]
            size = float(attrs.get("font-size", "14"))
            width = len(text) * size * 0.6  # its box, roughly: some nodes are only text
            anchor = attrs.get("text-anchor")
            start = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
            x0, y0, x1, y1 = min(x0, start), min(y0, y - size), max(x1, start + width), max(y1, y + size / 4)
        box = [x0, y0, x1, y1] if x0 <= x1 else [0.0, 0.0, 0.0, 0.0]
        kind = _KINDS.get(head.get("class", ""), 2)
        return [
            kind,
            name,
            *(round(v, 1) for v in box),
            shapes,
            texts,
            html.unescape(tip.group(1)) if tip else None,
        ]


def _split(svg: str) -> tuple[str, dict[str, Any]]:
    """Graphviz's SVG (or several, composed: one graph group each) as an empty map, its graph
    groups kept with their background and title, and one record for each element drawn in them
    (see :meth:`_Split.record`), in the SVG's own coordinates.  Raises _Unsplit for an SVG
    whose groups are more than moved (scaled, rotated) or whose numbers are finer than Graphviz's."""
    split = _Split()
    kept: list[str] = []
    items: list[Any] = []
    pos = 0
    while graph := _GRAPH.search(svg, pos):
        kept.append(_COMMENT.sub("", svg[pos : graph.end()]).strip())
        pos = graph.end()
        if graph.group().endswith("/>"):
            continue
        move = _MOVE.search(graph.group())
        if move and not move.group(1):
            raise _Unsplit(f"a graph group more than moved: {move.group()}")
        split.dx, split.dy = (_hundredths(move.group(1)), _hundredths(move.group(2))) if move else (0, 0)
        depth = start = 0
        for tag in _TAG.finditer(svg, pos):
            text = tag.group()
            if text.startswith("<!--"):
                continue
            if text.startswith("</"):
                if depth == 0:  # the graph group ends
                    kept.append(_COMMENT.sub("", svg[pos : tag.start()]).strip())
                    pos = tag.start()
                    break
                depth -= 1
                if depth == 0:
                    items.append(split.record(svg[start : tag.end()]))
                    pos = tag.end()
            elif depth == 0:
                kept.append(_COMMENT.sub("", svg[pos : tag.start()]).strip())
                start = pos = tag.start()
                if text.endswith("/>"):
                    items.append(split.record(text))
                    pos = tag.end()
                else:
                    depth = 1
            elif not text.endswith("/>"):
                depth += 1
        else:
            raise _Unsplit("a graph group does not end")
    kept.append(_COMMENT.sub("", svg[pos:]).strip())
    return "\n".join(k for k in kept if k), {"items": items, "styles": split.styles}


def page(
    svg: str,
    data: Mapping[str, Any],
    *,
    language: str | None = None,
    big: bool | None = None,
    svg_at_most: int = SVG_AT_MOST,
) -> str:
    """The HTML page: the SVG map, the data, the viewer's script and style, a strict CSP.

    ``big``: show the map at a level of detail, a canvas when zoomed out and SVG only of the
    elements in view once there are at most ``svg_at_most``; by default, when the map has
    more than ``BIG_MAP`` nodes.  (Tests force it, with a low ``svg_at_most``, on small maps.)
    """
    scripts, style = [_asset(name) for name in SCRIPTS], _asset("viewer.css")
    connect = "'self'" if data.get("live") else "'none'"
    hashes = " ".join(_sha256(script) for script in scripts)
    csp = (
        f"default-src 'none'; script-src {hashes}; style-src {_sha256(style)}; img-src data:; "
        f"font-src 'none'; connect-src {connect}; base-uri 'none'; form-action 'none'"
    )
    svg = _PROLOGUE.sub("", svg, count=1)  # the XML declaration and doctype belong to a file, not a page
    if big is None:
        big = svg.count('class="node"') > BIG_MAP
    if big:
        try:
            svg, drawing = _split(svg)
            data = {**data, "drawing": {**drawing, "svgAtMost": svg_at_most}}
        except _Unsplit:
            pass  # not Graphviz's SVG as this module knows it: whole, as a small map's
    fill = {
        "{{LANG}}": html.escape((language or "en").split(",")[0].strip() or "en", quote=True),
        "{{CSP}}": html.escape(csp, quote=True),
        "{{VERSION}}": __version__,
        "{{TITLE}}": html.escape(data.get("title") or "argmap"),
        "{{STYLE}}": style,
        "{{SCRIPTS}}": "\n".join(f"<script>{script}</script>" for script in scripts),
        "{{DATA}}": _script_json(data),
        "{{SVG}}": svg,
    }
    template = _asset("viewer.html")
    return re.sub(r"\{\{[A-Z]+\}\}", lambda m: fill[m.group()], template)
