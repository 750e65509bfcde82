"""The map as a plain graph: GraphML export and :func:`to_networkx`.

Nodes are propositions and supports (a support is a node so that linked
premises and undercuts have somewhere to meet), and named or linked attacks (for the same
reason); edges are ``premise`` (premise → support), ``conclusion`` (support → conclusion),
``rebuttal``, ``undercut`` (attacker → support, or → the node of a named attack),
``attacker`` (attacker → the node of an attack), ``restatement`` and ``agreement`` /
``concession`` (post node → proposition).  Posts are nodes too, with
``reply`` edges between them, ``quote`` edges to the posts they quote (the
words in ``text``) and ``asserts`` edges to their propositions.  The
document's metadata are the graph's attributes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from .._model import (
    Agreement,
    Concession,
    Document,
    Rebuttal,
    Restatement,
    Support,
    Undercut,
    relation_sources,
    relation_target,
)
from .losses import Losses

__all__ = ["LOSSES", "graph_attributes", "graph_elements", "to_graphml", "to_networkx"]

_NODE_KEYS = ("type", "text", "kind", "anchor", "tags", "base", "voice", "reported_by", "author", "timestamp",
              "scheme", "post")
_EDGE_KEYS = ("type", "post", "text")
_GRAPH_KEYS = ("title", "source", "date", "language", "ignore")
#: keys whose values are numbers (GraphML ``double``); all others are text
_NUMBERS = frozenset({"base"})


def graph_elements(
    doc: Document,
) -> tuple[list[tuple[str, dict[str, str | float]]], list[tuple[str, str, dict[str, str]]]]:
    """``(nodes, edges)``: nodes as ``(id, attributes)``, edges as ``(source, target, attributes)``.

    Node ids are ``proposition:ID``, ``support:ID`` and ``post:ID``, so the
    three kinds of id never clash.  An attack is an edge from its attacker, unless it is named or
    linked: then it is a node (``rebuttal:ID`` or ``undercut:ID``; an unnamed one ``rebuttal:#N``,
    N its place among the relations, as no id holds ``#``) with an ``attacker`` edge from each
    attacker and a ``rebuttal`` or ``undercut`` edge to its target; an undercut of a named attack
    ends at that attack's node.
    """
    nodes: list[tuple[str, dict[str, str | float | None]]] = []
    edges: list[tuple[str, str, dict[str, str | None]]] = []
    for post in doc.posts:
        nodes.append((f"post:{post.id}", {"type": "post", "author": post.author, "timestamp": post.timestamp,
                                           "text": "\n".join(post.body) if post.body is not None else None}))  # fmt: skip
        if post.reply_to is not None:
            edges.append((f"post:{post.id}", f"post:{post.reply_to}", {"type": "reply"}))
        edges += [
            (f"post:{post.id}", f"post:{q.source}", {"type": "quote", "text": q.text}) for q in post.quotes
        ]
    for p in doc.propositions:
        nodes.append((f"proposition:{p.id}", {"type": "proposition", "text": p.text, "kind": p.kind.value,
                                               "anchor": p.anchor, "tags": " ".join(p.tags) or None,
                                               "base": p.base, "post": p.post,
                                               "voice": None if p.own else p.voice.value,
                                               "reported_by": p.reported_by}))  # fmt: skip
        if p.post is not None:
            edges.append((f"post:{p.post}", f"proposition:{p.id}", {"type": "asserts"}))
    #: the node of each support and named attack, by id (an undercut ends there)
    inference = {r.id: f"{r.kind}:{r.id}" for r in doc.relations
                 if isinstance(r, (Rebuttal, Undercut)) and r.id is not None}  # fmt: skip
    inference |= {s.id: f"support:{s.id}" for s in doc.supports}
    for i, r in enumerate(doc.relations, 1):
        attrs: dict[str, str | None] = {"type": r.kind, "post": r.post}
        if isinstance(r, Support):
            node = f"support:{r.id}"
            nodes.append((node, {"type": "support", "scheme": r.scheme, "post": r.post}))
            edges += [(f"proposition:{p}", node, {"type": "premise", "post": r.post}) for p in r.premises]
            edges.append((node, f"proposition:{r.conclusion}", {"type": "conclusion", "post": r.post}))
        elif isinstance(r, (Rebuttal, Undercut)):
            target = (f"proposition:{r.target}" if isinstance(r, Rebuttal)
                      else inference.get(r.target, f"support:{r.target}"))  # fmt: skip
            if r.id is None and not r.partners:  # an edge from the attacker
                edges.append((f"proposition:{r.attacker}", target, attrs))
                continue
            # a node, where linked attackers meet and undercuts of the attack end
            node = f"{r.kind}:{r.id}" if r.id is not None else f"{r.kind}:#{i}"
            nodes.append((node, {"type": r.kind, "post": r.post}))
            edges += [(f"proposition:{a}", node, {"type": "attacker", "post": r.post}) for a in r.attackers]
            edges.append((node, target, attrs))
        elif isinstance(r, Restatement):
            edges.append((f"proposition:{r.source}", f"proposition:{r.target}", attrs))
        elif isinstance(r, Agreement) and r.post is not None:
            edges.append((f"post:{r.post}", f"proposition:{r.target}", attrs))
    return ([(n, {k: v for k, v in a.items() if v is not None}) for n, a in nodes],
            [(s, t, {k: v for k, v in a.items() if v is not None}) for s, t, a in edges])  # fmt: skip


def graph_attributes(doc: Document) -> dict[str, str]:
    """The document's metadata as the graph's attributes (``ignore``: the codes, blank-separated)."""
    m = doc.metadata
    values = {"title": m.title, "source": m.source, "date": m.date, "language": m.language,
              "ignore": " ".join(m.ignore) or None}  # fmt: skip
    return {k: v for k, v in values.items() if v is not None}


def to_graphml(doc: Document) -> str:
    """``doc`` as GraphML (one directed graph; attributes declared as strings)."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    for key in _GRAPH_KEYS:
        ET.SubElement(
            root, "key", {"id": f"g_{key}", "for": "graph", "attr.name": key, "attr.type": "string"}
        )
    for key in _NODE_KEYS:
        kind = "double" if key in _NUMBERS else "string"
        ET.SubElement(root, "key", {"id": f"n_{key}", "for": "node", "attr.name": key, "attr.type": kind})
    for key in _EDGE_KEYS:
        ET.SubElement(root, "key", {"id": f"e_{key}", "for": "edge", "attr.name": key, "attr.type": "string"})
    graph = ET.SubElement(root, "graph", {"id": "argmap", "edgedefault": "directed"})
    for key, text in graph_attributes(doc).items():
        ET.SubElement(graph, "data", {"key": f"g_{key}"}).text = xml_text(text)
    nodes, edges = graph_elements(doc)
    for node, values in nodes:
        element = ET.SubElement(graph, "node", {"id": node})
        for key, value in values.items():
            ET.SubElement(element, "data", {"key": f"n_{key}"}).text = xml_text(value)
    for i, (source, target, texts) in enumerate(edges):
        element = ET.SubElement(graph, "edge", {"id": f"e{i}", "source": source, "target": target})
        for key, text in texts.items():
            ET.SubElement(element, "data", {"key": f"e_{key}"}).text = xml_text(text)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


#: what XML 1.0 cannot hold, even escaped: most control characters, lone surrogates, U+FFFE/F
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: object) -> str:
    """``value`` as text XML 1.0 can hold: characters it cannot hold become U+FFFD."""
    return _NOT_XML.sub("\ufffd", str(value))


def _not_xml(doc: Document) -> int:
    """How many characters of the texts GraphML writes XML 1.0 cannot hold (each becomes U+FFFD)."""
    texts: list[str | None] = [*graph_attributes(doc).values()]
    for post in doc.posts:
        texts += [post.id, post.author, post.timestamp, post.reply_to, *(post.body or ()),
                  *(t for q in post.quotes for t in (q.source, q.text))]  # fmt: skip
    for p in doc.propositions:
        texts += [p.id, p.text, p.anchor, p.post, *p.tags]
    for r in doc.relations:
        texts += [getattr(r, "id", None), getattr(r, "scheme", None), r.post, *relation_sources(r),
                  relation_target(r)]  # fmt: skip
    return sum(len(_NOT_XML.findall(t)) for t in texts if t)


#: What the GraphML export and :func:`to_networkx` leave out (docs/formats.md lists the same).
LOSSES = Losses(
    "GraphML",
    drops=("comments",),
    partly={
        "agreements": ("of no post", lambda doc: sum(type(r) is Agreement and r.post is None for r in doc.relations)),
        "concessions": ("of no post",
                        lambda doc: sum(isinstance(r, Concession) and r.post is None for r in doc.relations)),
        "characters": ("that XML 1.0 cannot hold (each is U+FFFD)", _not_xml),
    },
)  # fmt: skip


def to_networkx(doc: Document) -> Any:  # a networkx.MultiDiGraph: networkx publishes no types
    """``doc`` as a :class:`networkx.MultiDiGraph` (needs the ``networkx`` extra).

    >>> import argmap
    >>> g = argmap.to_networkx(argmap.parse("claim a: A\\nclaim b: B\\nrebut a -> b\\n"))
    >>> list(g.edges(data="type"))
    [('proposition:a', 'proposition:b', 'rebuttal')]
    """
    try:
        import networkx as nx
    except ImportError:  # pragma: no cover - depends on the environment
        from .._model import UsageError

        raise UsageError("to_networkx needs networkx: pip install 'argmap[networkx]'") from None
    graph = nx.MultiDiGraph(**graph_attributes(doc))
    nodes, edges = graph_elements(doc)
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    return graph
