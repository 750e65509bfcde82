"""Several Graphviz SVGs made one: the parts of a big map (see parts.py), laid out one by one,
placed in rows, the first part (the largest discussion, the title, the legend) at the top left.

Each part keeps Graphviz's own markup; only its outer ``<g class="graph">`` moves (a translate)
and its element ids get a ``partN-`` prefix so ids stay unique.  Nothing of the document's text
is read or written here."""

from __future__ import annotations

import math
import re

__all__ = ["compose_svg"]

_OPENING = re.compile(
    r'<svg width="(?P<w>[\d.]+)pt" height="(?P<h>[\d.]+)pt"\s+viewBox="[^"]*"(?P<rest>[^>]*)>\s*'
    r'<g id="graph0" class="graph" transform="scale\(1 1\) rotate\(0\) translate\((?P<tx>[-\d.]+) (?P<ty>[-\d.]+)\)">'
)
_ID = re.compile(r' id="')
GAP = 24.0  # points between parts


class _Part:
    def __init__(self, svg: str, index: int) -> None:
        m = _OPENING.search(svg)
        end = svg.rfind("</svg>")
        if m is None or end < 0:
            raise ValueError("not an SVG from Graphviz's -Tsvg (scale 1, no rotation)")
        self.prologue, self.rest = svg[: m.start()], m.group("rest")
        self.width, self.height = float(m.group("w")), float(m.group("h"))
        self.tx, self.ty = float(m.group("tx")), float(m.group("ty"))
        body = svg[m.end() : end].rstrip()
        if not body.endswith("</g>"):
            raise ValueError("Graphviz's SVG does not end with its graph's </g>")
        self.body = body if index == 0 else _ID.sub(f' id="part{index}-', body)
        self.id = "graph0" if index == 0 else f"part{index}-graph0"


def compose_svg(svgs: list[str]) -> str:
    """One SVG holding every one of ``svgs`` (Graphviz's ``-Tsvg`` output), in rows about as
    wide as the whole is tall."""
    parts = [_Part(svg, i) for i, svg in enumerate(svgs)]
    area = sum(p.width * p.height for p in parts)
    row_width = max(max(p.width for p in parts), math.sqrt(area * 1.5))
    placed: list[tuple[_Part, float, float]] = []
    x = y = row_height = width = 0.0
    for p in parts:
        if x > 0 and x + p.width > row_width:
            x, y, row_height = 0.0, y + row_height + GAP, 0.0
        placed.append((p, x, y))
        x += p.width + GAP
        row_height = max(row_height, p.height)
        width = max(width, x - GAP)
    height = y + row_height
    out = [
        parts[0].prologue,
        f'<svg width="{width:.0f}pt" height="{height:.0f}pt"\n viewBox="0.00 0.00 {width:.2f} {height:.2f}"{parts[0].rest}>\n',
        f'<rect fill="white" x="0" y="0" width="{width:.2f}" height="{height:.2f}"/>\n',
    ]
    for p, px, py in placed:
        out.append(
            f'<g id="{p.id}" class="graph" transform="scale(1 1) rotate(0) translate({px + p.tx:.2f} {py + p.ty:.2f})">'
        )
        out.append(p.body + "\n")
    out.append("</svg>\n")
    return "".join(out)
