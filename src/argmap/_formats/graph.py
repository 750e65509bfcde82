"""The map as a plain graph: GraphML export and :func:`to_networkx`.

Nodes are propositions and supports (a support is a node so that linked
premises and undercuts have somewhere to meet); edges are ``premise``
(premise → support), ``conclusion`` (support → conclusion), ``rebuttal``,
``undercut`` (attacker → support), ``restatement`` and ``agreement`` (post
node → proposition).  Posts are nodes too, with ``reply`` edges between them
and ``asserts`` edges to their propositions.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any, Callable

from .._model import Agreement, Document, Rebuttal, Restatement, Support, Undercut

__all__ = ["graph_elements", "to_graphml", "to_networkx"]

_NODE_KEYS = ("type", "text", "kind", "tags", "author", "timestamp", "scheme", "post")
_EDGE_KEYS = ("type", "post")


def graph_elements(
    doc: Document,
) -> tuple[list[tuple[str, dict[str, str]]], list[tuple[str, str, dict[str, str]]]]:
    """``(nodes, edges)``: nodes as ``(id, attributes)``, edges as ``(source, target, attributes)``.

    Node ids are ``proposition:ID``, ``support:ID`` and ``post:ID``, so the
    three kinds of id never clash.
    """
    nodes: list[tuple[str, dict[str, str | None]]] = []
    edges: list[tuple[str, str, dict[str, str | None]]] = []
    for post in doc.posts:
        nodes.append((f"post:{post.id}", {"type": "post", "author": post.author, "timestamp": post.timestamp,
                                           "text": "\n".join(post.body) if post.body else None}))  # fmt: skip
        if post.reply_to is not None:
            edges.append((f"post:{post.id}", f"post:{post.reply_to}", {"type": "reply"}))
    for p in doc.propositions:
        nodes.append((f"proposition:{p.id}", {"type": "proposition", "text": p.text, "kind": p.kind.value,
                                               "tags": " ".join(p.tags) or None, "post": p.post}))  # fmt: skip
        if p.post is not None:
            edges.append((f"post:{p.post}", f"proposition:{p.id}", {"type": "asserts"}))
    for r in doc.relations:
        attrs: dict[str, str | None] = {"type": r.kind, "post": r.post}
        if isinstance(r, Support):
            node = f"support:{r.id}"
            nodes.append((node, {"type": "support", "scheme": r.scheme, "post": r.post}))
            edges += [(f"proposition:{p}", node, {"type": "premise", "post": r.post}) for p in r.premises]
            edges.append((node, f"proposition:{r.conclusion}", {"type": "conclusion", "post": r.post}))
        elif isinstance(r, Rebuttal):
            edges.append((f"proposition:{r.attacker}", f"proposition:{r.target}", attrs))
        elif isinstance(r, Undercut):
            edges.append((f"proposition:{r.attacker}", f"support:{r.target}", attrs))
        elif isinstance(r, Restatement):
            edges.append((f"proposition:{r.source}", f"proposition:{r.target}", attrs))
        elif isinstance(r, Agreement) and r.post is not None:
            edges.append((f"post:{r.post}", f"proposition:{r.target}", attrs))
    clean: Callable[[dict[str, str | None]], dict[str, str]]
    clean = lambda d: {k: v for k, v in d.items() if v is not None}  # noqa: E731
    return [(n, clean(a)) for n, a in nodes], [(s, t, clean(a)) for s, t, a in edges]


def to_graphml(doc: Document) -> str:
    """``doc`` as GraphML (one directed graph; attributes declared as strings)."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    for key in _NODE_KEYS:
        ET.SubElement(root, "key", {"id": f"n_{key}", "for": "node", "attr.name": key, "attr.type": "string"})
    for key in _EDGE_KEYS:
        ET.SubElement(root, "key", {"id": f"e_{key}", "for": "edge", "attr.name": key, "attr.type": "string"})
    graph = ET.SubElement(root, "graph", {"id": "argmap", "edgedefault": "directed"})
    nodes, edges = graph_elements(doc)
    for node, attributes in nodes:
        element = ET.SubElement(graph, "node", {"id": node})
        for key, value in attributes.items():
            ET.SubElement(element, "data", {"key": f"n_{key}"}).text = xml_text(value)
    for i, (source, target, attributes) in enumerate(edges):
        element = ET.SubElement(graph, "edge", {"id": f"e{i}", "source": source, "target": target})
        for key, value in attributes.items():
            ET.SubElement(element, "data", {"key": f"e_{key}"}).text = xml_text(value)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


#: what XML 1.0 cannot hold, even escaped: most control characters, lone surrogates, U+FFFE/F
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: object) -> str:
    """``value`` as text XML 1.0 can hold: characters it cannot hold become U+FFFD."""
    return _NOT_XML.sub("\ufffd", str(value))


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
    graph = nx.MultiDiGraph(title=doc.metadata.title)
    nodes, edges = graph_elements(doc)
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    return graph
