"""Document → graphviz.Digraph: the visual grammar of an argument map.

Safety: user text reaches DOT only through :func:`_text`, which escapes it and
marks it as not-HTML (for a tooltip, where Graphviz expands ``\\N`` and its kin
even after an escaped backslash, a backslash becomes ⧵), and refuses a string
Graphviz cannot read; it is only ever used as a ``label`` or ``tooltip``.
Node and cluster names are generated (``p0``, ``j3``, ``cluster_post_2``),
never taken from the document.  No URL, href, image or other file-reading
attribute is ever set.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

from .._model import (
    ArgmapError,
    Concession,
    Document,
    Kind,
    Proposition,
    Rebuttal,
    Restatement,
    Support,
    Undercut,
    UsageError,
    did_you_mean,
    relation_sources,
    relation_target,
    without_gc,
)

if TYPE_CHECKING:
    import graphviz

__all__ = ["DEFAULT_FONT", "LARGE_MAP", "graph_and_names", "to_graphviz"]

DEFAULT_FONT = "Noto Sans CJK KR"
#: Above this many propositions the layout switches from dot to sfdp.
LARGE_MAP = 1500

DIRECTIONS = ("BT", "TB", "LR", "RL")
CLUSTERS = ("none", "post", "author")
ENGINES = ("dot", "sfdp", "neato", "fdp", "twopi", "circo")

# Okabe–Ito colours (safe for colour-blind readers); every relation also differs by line style.
KIND_STYLE = {
    Kind.THESIS: {"fillcolor": "#fde9b6", "penwidth": "2.5", "shape": "box", "style": "rounded,filled,bold"},
    Kind.CLAIM: {"fillcolor": "#ffffff", "penwidth": "1.2", "shape": "box", "style": "rounded,filled"},
    Kind.PREMISE: {"fillcolor": "#e3f0fa", "penwidth": "1.2", "shape": "box", "style": "rounded,filled"},
    Kind.EVIDENCE: {"fillcolor": "#e0f2ea", "penwidth": "1.2", "shape": "note", "style": "filled"},
    Kind.QUESTION: {
        "fillcolor": "#f4e6f0",
        "penwidth": "1.2",
        "shape": "box",
        "style": "rounded,filled,dashed",
    },
}
EDGE_STYLE = {
    "support": {"color": "#009e73", "style": "solid", "arrowhead": "normal", "penwidth": "1.6"},
    "linked": {"color": "#009e73", "style": "solid", "arrowhead": "none", "penwidth": "1.6"},
    "rebuttal": {"color": "#d55e00", "style": "dashed", "arrowhead": "tee", "penwidth": "1.8"},
    "undercut": {"color": "#cc79a7", "style": "dotted", "arrowhead": "tee", "penwidth": "2.2"},
    "restatement": {
        "color": "#555555:invis:#555555",
        "style": "solid",
        "arrowhead": "none",
        "penwidth": "1.2",
    },
}
STATUS_STYLE = {
    "IN": {"color": "#009e73", "penwidth": "3"},
    "OUT": {"color": "#d55e00", "penwidth": "3", "style_add": "dashed"},
    "UNDEC": {"color": "#e69f00", "penwidth": "3", "style_add": "dotted"},
}
_FONT_NAME = re.compile(r"[\w .,\-]+")


class RenderError(ArgmapError, RuntimeError):
    """Graphviz is missing or failed, or the map holds what Graphviz cannot draw."""


#: Graphviz's lexer refuses a quoted string of more than about 16,380 bytes (a syntax error
#: that names no proposition): argmap refuses it first, with the proposition's id.
GRAPHVIZ_STRING_LIMIT = 16_000


def _text(s: str, *, tooltip: bool = False, of: str = "a tooltip") -> str:
    """The one place user text is made safe for DOT: escaped, and never an HTML-like label.

    In a tooltip Graphviz expands ``\\N``, ``\\G``, ``\\L`` … even after an escaped
    backslash, so a backslash there becomes ⧵ (U+29F5).  ``of`` names what the text is for
    the message when it is too long for Graphviz (see :func:`_fits`).
    """
    import graphviz  # imported on first use: most runs of argmap draw nothing

    escaped: str = graphviz.escape(s.replace("\\", "\u29f5") if tooltip else s)
    return _fits(escaped, of) if tooltip else escaped


def _fits(dot_string: str, of: str) -> str:
    """``dot_string``, if Graphviz can read it; else a RenderError naming ``of``."""
    if len(dot_string) * 4 > GRAPHVIZ_STRING_LIMIT and len(dot_string.encode()) > GRAPHVIZ_STRING_LIMIT:
        raise RenderError(
            f"{of} is {len(dot_string.encode()):,} bytes long; Graphviz cannot draw text over "
            f"{GRAPHVIZ_STRING_LIMIT:,} bytes: shorten it"
        )
    return dot_string


def _label(lines: Iterable[str], of: str) -> str:
    import graphviz

    label: str = graphviz.nohtml(_fits("\\n".join(_text(line) for line in lines), of))
    return label


def wrap(text: str, width: int) -> list[str]:
    """Wrap on display width (CJK characters count twice), breaking long words if needed."""
    if not text:
        return [""]
    wide = not text.isascii() and any(unicodedata.east_asian_width(c) in "WF" for c in text)
    scale = 2 if wide else 1
    return textwrap.wrap(text, max(4, width // scale), break_long_words=True) or [""]


#: what a node shows of an evaluation: "IN", "OUT" or "UNDEC", or a score in [0, 1]
Status = Mapping[str, "str | float"]


def _select(
    doc: Document,
    focus: str | None,
    depth: int | None,
    authors: Iterable[str] | None,
    tags: Iterable[str] | None,
) -> set[str]:
    """Ids of the propositions to draw."""
    ids = [p.id for p in doc.propositions]
    keep = set(ids)
    if authors:
        by = {p.id: p.author for p in doc.posts}
        wanted_authors = set(authors)
        keep = {p.id for p in doc.propositions if p.post is not None and by.get(p.post) in wanted_authors}
    if tags:
        wanted = set(tags)
        keep &= {p.id for p in doc.propositions if wanted & set(p.tags)}
    if focus is not None:
        if focus not in doc.propositions_by_id:
            hint = did_you_mean(focus, ids)
            raise UsageError(f"no proposition {focus!r} to focus on" + (f"; {hint}" if hint else ""))
        keep &= _neighbourhood(doc, focus, depth)
    return keep


def _neighbourhood(doc: Document, start: str, depth: int | None) -> set[str]:
    """Propositions within ``depth`` relation steps of ``start`` (in any direction)."""
    seen = {start}
    frontier = [start]
    level = 0
    while frontier and (depth is None or level < depth):
        nxt = []
        for pid in frontier:
            rels = list(doc.relations_to(pid)) + list(doc.relations_from(pid))
            for s in doc.relations_from(pid):  # a premise reaches the undercutters of its support
                if isinstance(s, Support):
                    rels += doc.relations_to(s.id)
            for r in rels:
                ends = set(relation_sources(r))
                target = relation_target(r)
                if isinstance(r, Undercut):
                    sup = doc.supports_by_id.get(target)
                    ends |= set(sup.premises) | {sup.conclusion} if sup else set()
                else:
                    ends.add(target)
                for e in ends - seen:
                    if e in doc.propositions_by_id:
                        seen.add(e)
                        nxt.append(e)
        frontier = nxt
        level += 1
    return seen


def to_graphviz(
    doc: Document,
    *,
    direction: str = "BT",
    cluster: str = "none",
    focus: str | None = None,
    depth: int | None = None,
    authors: Iterable[str] | None = None,
    tags: Iterable[str] | None = None,
    width: int = 34,
    engine: str | None = None,
    legend: bool = True,
    status: Status | None = None,
    fontname: str = DEFAULT_FONT,
) -> graphviz.Digraph:
    """Draw ``doc`` as a graphviz.Digraph (pure: runs no program).

    Args:
        direction: rank direction; ``BT`` puts conclusions above their premises.
        cluster: group propositions by ``post``, by ``author``, or not (``none``).
        focus: draw only what lies within ``depth`` relations of this proposition.
        depth: how many relations out from ``focus`` to draw.
        authors: draw only propositions by these authors.
        tags: draw only propositions with these tags.
        width: characters per label line.
        engine: Graphviz layout program; default ``dot``, or ``sfdp`` for maps of
            more than ``LARGE_MAP`` propositions.
        legend: add a legend explaining every mark used.
        status: evaluation result per proposition id: ``"IN"``, ``"OUT"``,
            ``"UNDEC"`` or a score in [0, 1], shown on each node.
        fontname: a font with Hangul and kana glyphs.
    """
    return graph_and_names(
        doc,
        direction=direction,
        cluster=cluster,
        focus=focus,
        depth=depth,
        authors=authors,
        tags=tags,
        width=width,
        engine=engine,
        legend=legend,
        status=status,
        fontname=fontname,
    )[0]


@without_gc
def graph_and_names(
    doc: Document,
    *,
    direction: str = "BT",
    cluster: str = "none",
    focus: str | None = None,
    depth: int | None = None,
    authors: Iterable[str] | None = None,
    tags: Iterable[str] | None = None,
    width: int = 34,
    engine: str | None = None,
    legend: bool = True,
    status: Status | None = None,
    fontname: str = DEFAULT_FONT,
) -> tuple[graphviz.Digraph, dict[str, str]]:
    """:func:`to_graphviz`, and the node name each drawn proposition got (``p0``, ``p1`` …:
    names are generated, never user text), for pages that link the SVG back to the document."""
    _validate(direction, cluster, engine, width, depth, fontname)
    keep = _select(doc, focus, depth, authors, tags)
    if engine is None:
        engine = "sfdp" if len(keep) > LARGE_MAP else "dot"
    import graphviz

    g = graphviz.Digraph(name="argmap", engine=engine)
    g.attr(rankdir=direction, fontname=fontname, outputorder="edgesfirst")
    if engine == "dot":
        # separate discussions are packed into a compact block instead of one long row
        # (not with newrank: Graphviz 2.43 crashes on pack + newrank)
        g.attr(pack="true", packmode="graph")
    else:
        g.attr(overlap="prism", splines="false")
    g.attr("node", fontname=fontname, fontsize="11", margin="0.12,0.06")
    g.attr("edge", fontname=fontname, fontsize="9")
    if doc.metadata.title:
        g.attr(label=_label([doc.metadata.title], "the title"), labelloc="t", fontsize="16")

    used: set[str] = set()
    names = _draw_nodes(g, doc, keep, cluster, width, status or {}, used)
    _draw_relations(g, doc, names, used)
    if legend and used:
        _draw_legend(g, used, fontname)
    return g, names


def _validate(
    direction: str, cluster: str, engine: str | None, width: int, depth: int | None, fontname: str
) -> None:
    if direction not in DIRECTIONS:
        raise UsageError(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
    if cluster not in CLUSTERS:
        raise UsageError(f"cluster must be one of {', '.join(CLUSTERS)}, not {cluster!r}")
    if engine is not None and engine not in ENGINES:
        raise UsageError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if not isinstance(width, int) or width < 8:
        raise UsageError(f"label width must be a whole number of at least 8, not {width!r}")
    if depth is not None and (not isinstance(depth, int) or depth < 0):
        raise UsageError(f"depth must be a whole number of at least 0, not {depth!r}")
    if not _FONT_NAME.fullmatch(fontname):
        raise UsageError(f"font name may hold letters, digits, spaces and , . - only: {fontname!r}")


def _node_lines(doc: Document, p: Proposition, width: int, status: Status, marks: Iterable[str]) -> list[str]:
    lines = wrap(p.text, width)
    post = doc.posts_by_id.get(p.post) if p.post else None
    footer = p.id if post is None else f"{p.id} · {post.author} #{post.id}"
    lines.append(footer)
    for a in marks:
        lines.append(a)
    if p.id in status:
        value = status[p.id]
        lines.append(f"[{value:.2f}]" if isinstance(value, float) else f"[{value}]")
    return lines


@contextmanager
def _subgraph(parent: Any, name: str | None = None) -> Iterator[Any]:
    """``parent.subgraph(name=name)``, less a copy: the graphviz package's context manager
    copies the whole parent body for every subgraph it opens (quadratic with a cluster per post)."""
    sub = type(parent)(name=name)
    yield sub
    parent.subgraph(sub)


def _draw_nodes(
    g: Any, doc: Document, keep: set[str], cluster: str, width: int, status: Status, used: set[str]
) -> dict[str, str]:
    names: dict[str, str] = {}
    marks: dict[str, list[str]] = {}
    for r in doc.agreements:
        post = doc.posts_by_id.get(r.post) if r.post is not None else None
        who = f"{post.author} #{post.id}" if post else "?"
        sign = "≈ conceded by" if isinstance(r, Concession) else "✓ agreed by"
        marks.setdefault(r.target, []).append(f"{sign} {who}")
        used.add(r.kind)
    groups: dict[str | None, list[Proposition]] = {}
    author_of = {p.id: p.author for p in doc.posts}
    for p in doc.propositions:
        if p.id not in keep or p.id in names:
            continue
        names[p.id] = f"p{len(names)}"
        key: str | None = None
        if cluster == "post" and p.post is not None:
            key = p.post
        elif cluster == "author" and p.post is not None and p.post in author_of:
            key = author_of[p.post]
        groups.setdefault(key, []).append(p)
    for i, (key, props) in enumerate(groups.items()):
        if key is None:
            target = g
            _nodes(target, doc, props, names, width, status, marks, used)
            continue
        with _subgraph(g, f"cluster_{i}") as sub:
            if cluster == "post":
                post = doc.posts_by_id[key]
                title = f"#{post.id} {post.author}" + (f" → #{post.reply_to}" if post.reply_to else "")
            else:
                title = key
            of = f"the title of the cluster {title[:30]!r}"
            sub.attr(label=_label([title], of), style="rounded,dashed", color="#999999", fontsize="10")
            _nodes(sub, doc, props, names, width, status, marks, used)
    return names


def _nodes(
    target: Any,
    doc: Document,
    props: list[Proposition],
    names: dict[str, str],
    width: int,
    status: Status,
    marks: dict[str, list[str]],
    used: set[str],
) -> None:
    for p in props:
        attrs = dict(KIND_STYLE[p.kind])
        used.add(f"kind:{p.kind.value}")
        value = status.get(p.id)
        if isinstance(value, str) and value in STATUS_STYLE:
            st = STATUS_STYLE[value]
            attrs.update(color=st["color"], penwidth=st["penwidth"])
            if "style_add" in st:
                attrs["style"] += "," + st["style_add"]
            used.add(f"status:{value}")
        elif isinstance(value, float):
            used.add("status:score")
        lines = _node_lines(doc, p, width, status, marks.get(p.id, ()))
        of = f"the text of {p.id}"
        target.node(names[p.id], _label(lines, of), tooltip=_text(p.text, tooltip=True, of=of), **attrs)


def _draw_relations(g: Any, doc: Document, names: dict[str, str], used: set[str]) -> None:
    undercut_targets = {r.target for r in doc.undercuts}
    junctions: dict[str, str] = {}
    for r in doc.relations:
        if isinstance(r, Support):
            premises = [p for p in r.premises if p in names]
            if r.conclusion not in names or not premises:
                continue
            if len(premises) == 1 and r.id not in undercut_targets:
                g.edge(names[premises[0]], names[r.conclusion], **EDGE_STYLE["support"])
                used.add("support")
                continue
            j = junctions[r.id] = f"j{len(junctions)}"
            g.node(j, "", shape="circle", width="0.12", height="0.12", style="filled",
                   fillcolor="#009e73", color="#009e73", tooltip=_text(f"support {r.id}", tooltip=True))  # fmt: skip
            for p in premises:
                g.edge(names[p], j, **EDGE_STYLE["linked"])
            g.edge(j, names[r.conclusion], **EDGE_STYLE["support"])
            used.add("linked" if len(premises) > 1 else "support")
            used.add("junction")
        elif isinstance(r, Rebuttal):
            if r.attacker in names and r.target in names:
                g.edge(names[r.attacker], names[r.target], **EDGE_STYLE["rebuttal"])
                used.add("rebuttal")
        elif isinstance(r, Restatement):
            if r.source in names and r.target in names:
                g.edge(names[r.source], names[r.target], constraint="false", **EDGE_STYLE["restatement"])
                used.add("restatement")
    for r in doc.undercuts:
        if r.attacker in names and r.target in junctions:
            g.edge(names[r.attacker], junctions[r.target], **EDGE_STYLE["undercut"])
            used.add("undercut")


_LEGEND_EDGES = (
    ("support", "supports"),
    ("linked", "linked premises join at ● before the conclusion"),
    ("rebuttal", "rebuts (attacks a claim)"),
    ("undercut", "undercuts (attacks an inference ●)"),
    ("restatement", "restates"),
)


def _draw_legend(g: Any, used: set[str], fontname: str) -> None:
    """A legend cluster: one row per mark used, stacked with invisible edges."""
    import graphviz

    with _subgraph(g, "cluster_legend") as lg:
        lg.attr(label="Legend", style="rounded", color="#bbbbbb", fontsize="10")
        lg.attr("node", fontname=fontname, fontsize="9")
        rows: list[str] = []
        kinds = [k for k in Kind if f"kind:{k.value}" in used]
        if kinds:
            with _subgraph(lg) as row:
                row.attr(rank="same")
                for k in kinds:
                    row.node(f"legend_kind_{k.value}", k.value, **KIND_STYLE[k])
            rows.append(f"legend_kind_{kinds[0].value}")
        for key, words in _LEGEND_EDGES:
            if key in used:
                a, b = f"legend_{key}_a", f"legend_{key}_b"
                with _subgraph(lg) as row:
                    row.attr(rank="same")
                    row.node(a, "", shape="point", width="0.05")
                    row.node(b, words, shape="plaintext")
                lg.edge(a, b, minlen="2", **EDGE_STYLE[key])
                rows.append(a)
        notes = []
        if "agreement" in used:
            notes.append("✓ agreed by: a later post accepts it")
        if "concession" in used:
            notes.append("≈ conceded by: granted while arguing otherwise")
        notes.append("id · author #post under each claim")
        for value in ("IN", "OUT", "UNDEC"):
            if f"status:{value}" in used:
                notes.append(f"[{value}] {_STATUS_WORDS[value]}")
        if "status:score" in used:
            notes.append("[0.00–1.00] gradual score")
        lg.node("legend_notes", graphviz.nohtml("\\l".join(notes) + "\\l"), shape="plaintext")
        rows.append("legend_notes")
        for upper, lower in zip(rows, rows[1:]):
            lg.edge(lower, upper, style="invis")  # BT: the first row ends up on top


_STATUS_WORDS = {"IN": "stands (accepted)", "OUT": "defeated", "UNDEC": "undecided"}
