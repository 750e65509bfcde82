"""The arg-microtexts XML (``arggraph``): EDUs, joints, ADUs and typed edges.

Each ADU becomes a proposition (text: its EDUs; tag ``pro`` or ``opp`` for
the proponent or opponent; the central claim is a thesis).  ``sup`` and
``exa`` edges are supports (``exa``: scheme ``example``), ``add`` edges join
further premises to the relation they target (a linked argument), ``reb`` is a
rebuttal and ``und``, an edge aimed at an edge, an undercut of that support.
An undercut aimed at a rebuttal has no argmap counterpart; it is read as a
rebuttal of the attacker (with a warning).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from .._model import Diagnostic, Document, Kind, Metadata, Proposition, Rebuttal, Relation, Support, Undercut
from .common import Ids, Report, one_line

__all__ = ["from_microtext"]

_SUPPORTS = {"sup": None, "exa": "example"}


def from_microtext(text: str, *, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """Read one ``arggraph`` XML document; return the document and warnings."""
    report = Report(path)
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

    def words(node: str | None, depth: int = 0) -> list[str]:
        if node in edus:
            return [edus[node]]
        return [w for p in parts.get(node, ()) if depth < 10 for w in words(p, depth + 1)]

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
    for eid, (src, trg, kind) in edges.items():
        if kind in _SUPPORTS and src in props and trg in props:
            supports[eid] = ids.get(eid)
            premises = [props[s].id for s in [src, *extra[eid]] if s in props]
            rels.append(Support(supports[eid], dict.fromkeys(premises), props[trg].id, _SUPPORTS[kind]))
        elif kind == "reb" and src in props and trg in props:
            if extra[eid]:
                report.warn("X502", f"edge {eid}: a linked rebuttal becomes one rebuttal per attacker")
            rels += [Rebuttal(props[s].id, props[trg].id) for s in [src, *extra[eid]] if s in props]
    for eid, (src, trg, kind) in edges.items():
        if kind != "und":
            continue
        sources = [props[s].id for s in [src, *extra[eid]] if s in props]
        target = edges.get(trg, (None, None, "missing"))
        if trg in supports:
            rels += [Undercut(s, supports[trg]) for s in sources]
        elif target[2] == "reb" and target[0] in props:
            # argmap has no undercut of an attack: the nearest reading is an attack on the attacker
            rels += [Rebuttal(s, props[target[0]].id) for s in sources]
            report.warn(
                "X501",
                f"edge {eid} undercuts the rebuttal {trg}; read as a rebuttal of its attacker {target[0]}",
            )
        else:
            report.warn("X503", f"edge {eid} undercuts a {target[2]} edge; left out")
    for eid, (src, trg, kind) in edges.items():
        if kind not in ("seg", "add", "und", "reb", *_SUPPORTS) or (kind != "seg" and src not in props):
            report.warn("X503", f"edge {eid} ({kind} from {src} to {trg}) cannot be read; left out")
    title = root.get("topic_id") or root.get("id")
    return Document(Metadata(title=title), (), list(props.values()), rels, path=path), report.diagnostics


def read(text: str, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """The format registry's reader: :func:`from_microtext`."""
    return from_microtext(text, path=path)
