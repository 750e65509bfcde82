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
from itertools import count
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

import attrs

from .._model import (
    ArgmapError,
    Concession,
    Document,
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
from .legend import draw_legend, legend_under
from .parts import discussions, gather
from .style import EDGE_STYLE, KIND_STYLE, STATUS_STYLE, subgraph, voice_mark

if TYPE_CHECKING:
    import graphviz

__all__ = ["DEFAULT_FONT", "LARGE_MAP", "graph_and_names", "graph_parts", "to_graphviz"]

DEFAULT_FONT = "Noto Sans CJK KR"
#: Above this many propositions the layout switches from dot to sfdp.
LARGE_MAP = 1500

#: At most this many rows of answers under one node (see _wrap_rows).
WRAP_ROWS = 6

DIRECTIONS = ("BT", "TB", "LR", "RL")
CLUSTERS = ("none", "post", "author")
ENGINES = ("dot", "sfdp", "neato", "fdp", "twopi", "circo")

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
            for s in doc.relations_from(pid):  # a premise or attacker reaches the undercutters of its inference
                name = s.id if isinstance(s, (Support, Rebuttal, Undercut)) else None
                if name is not None:
                    rels += doc.relations_to(name)
            for r in rels:
                ends = set(relation_sources(r))
                target = relation_target(r)
                if isinstance(r, Undercut):
                    ends |= set(doc.inference_ends(target))
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
    wrap: int | None = 5,
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
        wrap: with the dot layout, at most this many nodes side by side under one node; more
            fold into further rows (None: one row, however long).
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
        wrap=wrap,
    )[0]


@attrs.frozen
class _Look:
    """How a map is drawn, once its options are checked."""

    direction: str
    cluster: str
    width: int
    status: Status
    fontname: str
    wrap: int | None
    legend: bool
    #: the invisible edges that fold rows and put the legend under the map (False: none of them,
    #: for when Graphviz crashes on them)
    tidy: bool = True


def _settle(
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
    wrap: int | None = 5,
    tidy: bool = True,
) -> tuple[_Look, set[str], str | None]:
    """The options of :func:`to_graphviz`, checked: how to draw, what to draw, the engine asked
    for.  ``tidy=False`` (not an option of to_graphviz) leaves out the invisible edges that fold
    rows and place the legend: Graphviz 2.43's dot sometimes crashes on them (run.py retries)."""
    _validate(direction, cluster, engine, width, depth, fontname)
    look = _Look(direction, cluster, width, status or {}, fontname, wrap, legend, tidy)
    return look, _select(doc, focus, depth, authors, tags), engine


@without_gc
def graph_and_names(doc: Document, **options: Any) -> tuple[graphviz.Digraph, dict[str, str]]:
    """:func:`to_graphviz` (same options), and the node name each drawn proposition got (``p0``,
    ``p1`` …: names are generated, never user text), for pages that link the SVG back to the
    document."""
    look, keep, engine = _settle(doc, **options)
    names = _names(doc, keep)
    used: set[str] = set()
    g, into, beside = _draw(doc, names, engine or ("sfdp" if len(keep) > LARGE_MAP else "dot"), look, True, count(), used)
    _add_legend(g, look, used, names, into, beside)
    return g, names


@without_gc
def graph_parts(
    doc: Document, *, limit: int | None = None, **options: Any
) -> tuple[list[graphviz.Digraph], dict[str, str]] | None:
    """A map of more than ``limit`` propositions in several separate discussions, as graphs of at
    most ``limit`` propositions each (a larger discussion alone, with sfdp), the first holding the
    largest discussion, the title and the legend; and each proposition's node name, unique over
    all.  None when the map is one graph: small, one discussion, or an engine asked for.
    ``limit`` is :data:`LARGE_MAP` unless given."""
    limit = limit or LARGE_MAP
    look, keep, engine = _settle(doc, **options)
    if engine is not None or len(keep) <= limit:
        return None
    groups = discussions(doc, keep, look.cluster)
    if len(groups) < 2:
        return None
    names = _names(doc, keep)
    used: set[str] = set()
    junctions = count()
    drawn = []
    for i, ids in enumerate(gather(groups, limit)):
        part = {pid: names[pid] for pid in ids}
        drawn.append((*_draw(doc, part, "dot" if len(ids) <= limit else "sfdp", look, i == 0, junctions, used), part))
    first, into, beside, part = drawn[0]
    _add_legend(first, look, used, part, into, beside)
    return [g for g, _, _, _ in drawn], names


def _names(doc: Document, keep: set[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    for p in doc.propositions:
        if p.id in keep and p.id not in names:
            names[p.id] = f"p{len(names)}"
    return names


def _draw(
    doc: Document, names: dict[str, str], engine: str, look: _Look, title: bool, junctions: Iterator[int], used: set[str]
) -> tuple[graphviz.Digraph, dict[str, list[str]], dict[str, list[str]]]:
    """A graph of the propositions in ``names`` and the relations between them; returns it and
    each node's sources (see :func:`_draw_relations`)."""
    import graphviz

    g = graphviz.Digraph(name="argmap", engine=engine)
    g.attr(rankdir=look.direction, fontname=look.fontname, outputorder="edgesfirst")
    if engine == "dot":
        # separate discussions are packed into a compact block instead of one long row
        # (not with newrank: Graphviz 2.43 crashes on pack + newrank)
        g.attr(pack="true", packmode="graph")
    else:
        g.attr(overlap="prism", splines="false")
    g.attr("node", fontname=look.fontname, fontsize="11", margin="0.12,0.06")
    g.attr("edge", fontname=look.fontname, fontsize="9")
    if title and doc.metadata.title:
        g.attr(label=_label([doc.metadata.title], "the title"), labelloc="t", fontsize="16")
    _draw_nodes(g, doc, names, look.cluster, look.width, look.status, used)
    into, beside = _draw_relations(g, doc, names, used, junctions)
    if engine == "dot" and look.wrap and look.tidy:
        _wrap_rows(g, into, look.wrap)
    return g, into, beside


def _add_legend(
    g: Any, look: _Look, used: set[str], names: dict[str, str], into: dict[str, list[str]],
    beside: dict[str, list[str]],
) -> None:
    if look.legend and used:
        first = draw_legend(g, used, look.fontname)
        if g.engine == "dot" and look.tidy:
            legend_under(g, first, names, into, beside, clustered=look.cluster != "none")


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
    voice = voice_mark(p)  # reported by …: / supposed: / ironic: first, so that it is read first
    lines = (wrap(voice, width) if voice is not None else []) + wrap(p.text, width)
    post = doc.posts_by_id.get(p.post) if p.post else None
    footer = p.id if post is None else f"{p.id} · {post.author} #{post.id}"
    lines.append(footer)
    for a in marks:
        lines.append(a)
    if p.id in status:
        value = status[p.id]
        lines.append(f"[{value:.2f}]" if isinstance(value, float) else f"[{value}]")
    return lines


def _draw_nodes(
    g: Any, doc: Document, names: dict[str, str], cluster: str, width: int, status: Status, used: set[str]
) -> None:
    marks: dict[str, list[str]] = {}
    for r in doc.agreements:
        post = doc.posts_by_id.get(r.post) if r.post is not None else None
        who = f"{post.author} #{post.id}" if post else "?"
        sign = "≈ conceded by" if isinstance(r, Concession) else "✓ agreed by"
        marks.setdefault(r.target, []).append(f"{sign} {who}")
        used.add(r.kind)
    groups: dict[str | None, list[Proposition]] = {}
    author_of = {p.id: p.author for p in doc.posts}
    placed: set[str] = set()
    for p in doc.propositions:
        if p.id not in names or p.id in placed:
            continue
        placed.add(p.id)
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
        with subgraph(g, f"cluster_{i}") as sub:
            if cluster == "post":
                post = doc.posts_by_id[key]
                title = f"#{post.id} {post.author}" + (f" → #{post.reply_to}" if post.reply_to else "")
            else:
                title = key
            of = f"the title of the cluster {title[:30]!r}"
            sub.attr(label=_label([title], of), style="rounded,dashed", color="#999999", fontsize="10")
            _nodes(sub, doc, props, names, width, status, marks, used)


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
        if not p.own:
            used.add(f"voice:{p.voice.value}")
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
        voice = voice_mark(p)
        tip = p.text if voice is None else f"{voice} {p.text}"
        target.node(names[p.id], _label(lines, of), tooltip=_text(tip, tooltip=True, of=of), **attrs)


def _draw_relations(
    g: Any, doc: Document, names: dict[str, str], used: set[str], junction_numbers: Iterator[int]
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Draw every relation between drawn propositions; return each node's sources (the nodes drawn
    with an edge into it that ranks them below it), and what is drawn beside each node without
    ranking it (restatements).

    An inference that is linked (several premises or attackers) or undercut is drawn through a
    junction ●: its sources meet there, the arrow goes on to the target, and an undercut ends on
    the junction (of a support, a rebuttal or another undercut)."""
    undercut_targets = {r.target for r in doc.undercuts}
    junctions: dict[str, str] = {}
    into: dict[str, list[str]] = {}
    beside: dict[str, list[str]] = {}  # restatements: drawn without ranking their ends

    def edge(tail: str, head: str, **style: str) -> None:
        g.edge(tail, head, **style)
        into.setdefault(head, []).append(tail)

    def junction(kind: str, rid: str | None) -> str:
        j = f"j{next(junction_numbers)}"
        if rid is not None:
            junctions[rid] = j
        colour = EDGE_STYLE[kind]["color"]
        g.node(j, "", shape="circle", width="0.12", height="0.12", style="filled", fillcolor=colour, color=colour,
               tooltip=_text(f"{kind} {rid}" if rid else kind, tooltip=True))  # fmt: skip
        used.add(f"junction:{kind}")
        return j

    def draw(kind: str, rid: str | None, sources: list[str], head: str | None, linked_style: str) -> None:
        """Sources straight to ``head``, or through a junction when linked or undercut."""
        if head is None or not sources:
            return
        if len(sources) == 1 and (rid is None or rid not in undercut_targets):
            edge(names[sources[0]], head, **EDGE_STYLE[kind])
            used.add(kind)
            return
        j = junction(kind, rid)
        for p in sources:
            edge(names[p], j, **EDGE_STYLE[linked_style])
        edge(j, head, **EDGE_STYLE[kind])
        used.add(linked_style if len(sources) > 1 else kind)

    for r in doc.relations:
        if isinstance(r, Support):
            draw("support", r.id, [p for p in r.premises if p in names], names.get(r.conclusion), "linked")
        elif isinstance(r, Rebuttal):
            attackers = [a for a in r.attackers if a in names]
            draw("rebuttal", r.id, attackers, names.get(r.target), "linked_attack")
        elif isinstance(r, Restatement):
            if r.source in names and r.target in names:
                g.edge(names[r.source], names[r.target], constraint="false", **EDGE_STYLE["restatement"])
                beside.setdefault(names[r.target], []).append(names[r.source])
                used.add("restatement")
    # undercuts last: they end on junctions, and an undercut that is itself undercut has one too
    undercuts = [(u, [a for a in u.attackers if a in names]) for u in doc.undercuts]
    drawn = set(junctions)  # what an undercut can end on, and the undercuts drawn that end there
    grown = True
    while grown:  # an undercut of an undercut is drawn when the one it attacks is (chains are short)
        grown = False
        for u, attackers in undercuts:
            if attackers and u.id is not None and u.id not in drawn and u.target in drawn:
                drawn.add(u.id)
                grown = True
    for u, attackers in undercuts:
        if u.id in drawn and u.id not in junctions and u.id in undercut_targets:
            junction("undercut", u.id)
    for u, attackers in undercuts:
        if not attackers or u.target not in junctions:
            continue
        own = junctions.get(u.id) if u.id is not None else None
        if own is None and len(attackers) > 1:
            own = junction("undercut", None)
        if own is None:
            edge(names[attackers[0]], junctions[u.target], **EDGE_STYLE["undercut"])
            used.add("undercut")
            continue
        for a in attackers:
            edge(names[a], own, **EDGE_STYLE["linked_undercut"])
        edge(own, junctions[u.target], **EDGE_STYLE["undercut"])
        used.add("linked_undercut" if len(attackers) > 1 else "undercut")
    return into, beside


def _wrap_rows(g: Any, into: dict[str, list[str]], wrap: int) -> None:
    """More than ``wrap`` nodes under one node would make one long row: each further one is put a
    rank below the one a row before it (an invisible edge), so they fold into rows.  At most
    WRAP_ROWS rows, wider ones past that: every row adds a rank that each of the node's edges
    crosses, and dot's time grows with those crossings (260 answers to one claim in rows of 5
    took dot 29 s, in 6 rows well under one; tests/render/test_readable.py)."""
    for sources in into.values():
        distinct = list(dict.fromkeys(sources))
        per_row = max(wrap, -(-len(distinct) // WRAP_ROWS))
        for i in range(per_row, len(distinct)):
            g.edge(distinct[i], distinct[i - per_row], style="invis", weight="0")


