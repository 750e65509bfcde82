"""The arg-microtexts XML (``arggraph``): EDUs, joints, ADUs and typed edges.

Each ADU becomes a proposition (text: its EDUs; tag ``pro`` or ``opp`` for
the proponent or opponent; the central claim is a thesis).  ``sup`` and
``exa`` edges are supports (``exa``: scheme ``example``), ``add`` edges join
further premises (or attackers) to the relation they target (a linked argument
or attack), ``reb`` is a rebuttal and ``und``, an edge aimed at an edge, an
undercut of that support, rebuttal or undercut, which is then named by its edge
id.  What cannot be read is left out with an ``X503`` warning.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from .._model import (
    UNHOLDABLE,
    Diagnostic,
    Document,
    Kind,
    Metadata,
    Proposition,
    Rebuttal,
    Relation,
    Support,
    Undercut,
    unholdable,
)
from .common import Ids, Report, as_line, one_line

__all__ = ["from_microtext"]

_SUPPORTS = {"sup": None, "exa": "example"}


def from_microtext(text: str, *, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """Read one ``arggraph`` XML document; return the document and warnings."""
    report = Report(path)
    bad = UNHOLDABLE.search(text)
    if bad is not None:  # XML cannot hold them (and expat cannot read a lone surrogate at all)
        line = text.count("\n", 0, bad.start()) + 1
        report.fail("X500", f"not well-formed XML: it holds {unholdable(bad.group())}, which XML cannot hold",
                    line, bad.start() - text.rfind("\n", 0, bad.start()))  # fmt: skip
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        line, column = e.position
        report.fail("X500", f"not well-formed XML: {e.msg if hasattr(e, 'msg') else e}", line, column + 1)
    if root.tag != "arggraph":
        report.fail("X500", f"not an arg-microtext: the root element is <{root.tag}>, not <arggraph>")
    edus = {e.get("id"): one_line(e.text) for e in root.iter("edu")}
    adus = {a.get("id"): a.get("type") for a in root.iter("adu")}
    edges = {e.get("id"): (e.get("src"), e.get("trg"), e.get("type")) for e in root.iter("edge")}
    # ADU or joint → EDU/joint ids, in document order
    parts: defaultdict[str | None, list[str | None]] = defaultdict(list)
    for src, trg, kind in edges.values():
        if kind == "seg":
            parts[trg].append(src)
    used: set[str | None] = set()  # EDUs and joints whose words an ADU has taken
    shared: set[str | None] = set()

    def words(adu: str | None) -> list[str]:
        """The words of an ADU's EDUs, in order.  Each EDU or joint gives its words to one ADU,
        once: walking every path through joints that fan out again and again took time
        exponential in their depth (a 6 KB file: over a minute; tests/convert/test_limits.py::
        test_microtext_segments_fanned_out_between_joints_are_walked_once)."""
        out: list[str] = []
        stack = list(reversed(parts.get(adu, ())))
        while stack:
            node = stack.pop()
            if node in used:
                if node not in shared:
                    shared.add(node)
                    report.warn("X504", f"segment {node} is part of more than one ADU, or twice of ADU "
                                f"{adu}; its words are used once, by the first")  # fmt: skip
                continue
            used.add(node)
            if node in edus:
                out.append(edus[node])
            else:
                stack.extend(reversed(parts.get(node, ())))
        return out

    ids = Ids()
    arguing = {src for src, _, kind in edges.values() if kind != "seg"}
    props: dict[str | None, Proposition] = {}
    for adu, role in adus.items():
        kind = Kind.CLAIM if adu in arguing else Kind.THESIS
        tags = [role] if role in ("pro", "opp") else []
        props[adu] = Proposition(ids.get(adu), one_line(" ".join(words(adu))), kind, tags=tags)
    # relation edge → sources added by "add" edges
    extra: defaultdict[str | None, list[str | None]] = defaultdict(list)
    for eid, (src, trg, kind) in edges.items():
        if kind == "add":
            extra[trg].append(src)
    rels: list[Relation] = []
    supports: dict[str | None, str] = {}
    # an attack that an und edge aims at is named (by its edge id), so the undercut can target it
    named = {ids.get(trg, "edge") for _, trg, kind in edges.values() if kind == "und" and trg in edges}
    attacks: dict[str | None, str] = {}
    for eid, (src, trg, kind) in edges.items():
        sources = [props[s].id for s in [src, *extra[eid]] if s in props]
        if kind in _SUPPORTS and src in props and trg in props:
            supports[eid] = ids.get(eid, "edge")
            rels.append(Support(supports[eid], dict.fromkeys(sources), props[trg].id, _SUPPORTS[kind]))
        elif kind == "reb" and src in props and trg in props:  # with "add" edges, a linked rebuttal
            name = ids.get(eid, "edge")
            attacks[eid] = name
            partners = [x for x in dict.fromkeys(sources) if x != sources[0]]
            rels.append(Rebuttal(sources[0], props[trg].id, partners=partners, id=name if name in named else None))
    # undercuts, of supports, of attacks, and of undercuts that are themselves kept (to a fixed point)
    undercuts = {eid: trg for eid, (src, trg, kind) in edges.items() if kind == "und" and src in props}
    inferences = {**supports, **attacks}
    while True:
        more = {eid: ids.get(eid, "edge") for eid, trg in undercuts.items() if eid not in inferences and trg in inferences}
        if not more:
            break
        inferences.update(more)
    for eid, trg in undercuts.items():
        src = edges[eid][0]
        if trg not in inferences or eid not in inferences:
            kind_of = edges.get(trg, (None, None, "missing"))[2]
            report.warn("X503", f"edge {eid} undercuts a {kind_of} edge that is not read; left out")
            continue
        sources = [props[s].id for s in [src, *extra[eid]] if s in props]
        partners = [x for x in dict.fromkeys(sources) if x != sources[0]]
        name = ids.get(eid, "edge")
        rels.append(Undercut(sources[0], inferences[trg], partners=partners, id=name if name in named else None))
    joined = set(supports) | set(attacks) | set(undercuts)
    for eid, (src, trg, kind) in edges.items():
        if kind not in ("seg", "add", "und", "reb", *_SUPPORTS) or (kind != "seg" and src not in props):
            report.warn("X503", f"edge {eid} ({kind} from {src} to {trg}) cannot be read; left out")
        elif kind == "add" and trg not in joined:
            report.warn("X503", f"edge {eid} adds {src} to {trg}, which is no support, rebuttal or undercut read; "
                        "left out")  # fmt: skip
        elif kind in ("reb", *_SUPPORTS) and trg not in props:
            report.warn("X503", f"edge {eid} ({kind} from {src}) aims at {trg}, which is no ADU; left out")
    title = as_line(root.get("topic_id") or root.get("id") or "") or None
    return Document(Metadata(title=title), (), list(props.values()), rels, path=path), report.finish()


def read(text: str, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """The format registry's reader: :func:`from_microtext`."""
    return from_microtext(text, path=path)
