"""The legend: a strip of the marks a map uses, placed under the map's largest discussion."""

from __future__ import annotations

from typing import Any

from .._model import Kind, strongly_connected
from .style import EDGE_STYLE, KIND_STYLE, LEGEND_EDGES, STATUS_WORDS, VOICE_HEAD, VOICE_NOTES, subgraph

__all__ = ["draw_legend", "legend_under"]


def draw_legend(g: Any, used: set[str], fontname: str) -> str:
    """A legend strip: one row, every mark used side by side and the notes at its end, so that it
    takes a sliver of the map and not a column beside it; returns its first node."""
    import graphviz

    with subgraph(g, "cluster_legend") as lg:
        lg.attr(label="", style="rounded", color="#bbbbbb", margin="4")
        lg.attr("node", fontname=fontname, fontsize="9", height="0.25", margin="0.06,0.02")
        with subgraph(lg) as row:
            row.attr(rank="same")
            order: list[str] = []
            for k in Kind:
                if f"kind:{k.value}" in used:
                    name = f"legend_kind_{k.value}"
                    row.node(name, k.value, **KIND_STYLE[k])
                    order.append(name)
            for key, words in LEGEND_EDGES:
                if key in used:
                    a, b = f"legend_{key}_a", f"legend_{key}_b"
                    row.node(a, "", shape="point", width="0.05")
                    row.node(b, words, shape="plaintext")
                    order += [a, b]
            notes = []
            if "agreement" in used:
                notes.append("✓ agreed by: a later post accepts it")
            if "concession" in used:
                notes.append("≈ conceded by: granted while arguing otherwise")
            voices = [words for voice, words in VOICE_NOTES.items() if f"voice:{voice.value}" in used]
            if voices:
                notes.append(f"{VOICE_HEAD} " + " · ".join(voices))
            notes.append("id · author #post under each claim")
            for value in ("IN", "OUT", "UNDEC"):
                if f"status:{value}" in used:
                    notes.append(f"[{value}] {STATUS_WORDS[value]}")
            if "status:score" in used:
                notes.append("[0.00–1.00] gradual score")
            row.node("legend_notes", graphviz.nohtml("\\l".join(notes) + "\\l"), shape="plaintext")
            order.append("legend_notes")
        for key, _ in LEGEND_EDGES:
            if key in used:
                lg.edge(f"legend_{key}_a", f"legend_{key}_b", minlen="1", **EDGE_STYLE[key])
        for left, right in zip(order, order[1:]):
            if not (left.endswith("_a") and right == left[:-2] + "_b"):
                lg.edge(left, right, style="invis")  # keeps the row in this order
    return order[0]


def legend_under(
    g: Any,
    first: str,
    names: dict[str, str],
    into: dict[str, list[str]],
    beside: dict[str, list[str]] | None = None,
    clustered: bool = False,
) -> None:
    """Put the legend past the far end of the largest discussion (under it, read bottom-up) rather
    than beside it, where it would widen the canvas.  An invisible point outside the legend's
    cluster gets a weightless invisible edge to each node there that nothing points into, and the
    legend sits on the point's rank.  Weighted edges drag the map's nodes toward the legend, so
    these weigh nothing, except when the nodes are in clusters (Graphviz 2.43 drops the rank
    constraint of a weightless edge that enters a cluster).  When the discussion has a cycle
    of relations, Graphviz 2.43 may crash (SIGSEGV) on such edges, weighted or not: then the
    legend stays a block of its own, packed beside the map.  Other discussions stay packed
    around it.  A node joined to the discussion only ``beside`` another (a restatement, drawn
    without ranking) belongs to it too, and is held above the legend like the rest.  Guarded
    by tests/render/test_readable.py and test_layout_safety.py."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = x = parent[parent[x]]
        return x

    for links in (into, beside or {}):
        for head, tails in links.items():
            for tail in tails:
                parent[root(tail)] = root(head)
    groups: dict[str, list[str]] = {}
    for n in sorted(set(names.values()) | set(parent)):
        groups.setdefault(root(n), []).append(n)
    largest = max(groups.values(), key=len, default=[])
    cyclic = any(len(c) > 1 for c in strongly_connected(largest, lambda n: into.get(n, ())))
    if cyclic or any(n in into.get(n, ()) for n in largest):
        return
    weight = "1" if clustered else "0"
    g.node("legend_anchor", "", shape="point", style="invis", width="0")
    g.edge(first, "legend_anchor", style="invis", minlen="0")
    for n in largest:
        if n not in into:
            g.edge("legend_anchor", n, style="invis", weight=weight)
