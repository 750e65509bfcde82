"""A small reader for the DOT that argmap writes, so tests can assert structure."""

from __future__ import annotations

import re

TOKEN = re.compile(r'\s*(?:(->|--|[{}\[\];=,])|("(?:[^"\\]|\\.)*")|([^\s{}\[\];=,"]+))', re.S)


def tokens(source: str):
    pos = 0
    while pos < len(source):
        m = TOKEN.match(source, pos)
        if not m or m.end() == pos:
            if source[pos:].strip() == "":
                return
            raise ValueError(f"cannot read DOT at {source[pos : pos + 40]!r}")
        pos = m.end()
        punct, quoted, word = m.groups()
        if punct:
            yield ("P", punct)
        elif quoted is not None:
            yield ("S", quoted[1:-1])
        elif word is not None:
            yield ("W", word)


def read(source: str):
    """Return (graph attrs, nodes {name: attrs}, edges [(a, b, attrs)], clusters {name: [node names]})."""
    toks = list(tokens(source))
    nodes: dict[str, dict] = {}
    edges: list = []
    graph_attrs: dict = {}
    clusters: dict[str, list[str]] = {}
    stack: list[str] = []
    i = 0

    def attrs_at(j):
        out = {}
        if j < len(toks) and toks[j] == ("P", "["):
            j += 1
            while toks[j] != ("P", "]"):
                key = toks[j][1]
                assert toks[j + 1] == ("P", "="), toks[j : j + 3]
                out[key] = toks[j + 2][1]
                j += 3
                if toks[j] == ("P", ","):
                    j += 1
            j += 1
        return out, j

    while i < len(toks):
        kind, value = toks[i]
        if kind == "W" and value in ("digraph", "graph", "subgraph"):
            name = toks[i + 1][1] if toks[i + 1][0] != "P" else ""
            stack.append(name)
            if name.startswith("cluster"):
                clusters[name] = []
            i += 2 if name else 1
            assert toks[i] == ("P", "{")
            i += 1
        elif (kind, value) == ("P", "{"):  # anonymous subgraph
            stack.append("")
            i += 1
        elif (kind, value) == ("P", "}"):
            stack.pop()
            i += 1
        elif kind == "W" and value in ("node", "edge") and toks[i + 1] == ("P", "["):
            _, i = attrs_at(i + 1)
        elif kind in ("W", "S") and i + 1 < len(toks) and toks[i + 1] == ("P", "="):
            graph_attrs[value] = toks[i + 2][1] if len(stack) == 1 else graph_attrs.get(value)
            i += 3
        elif kind in ("W", "S") and i + 1 < len(toks) and toks[i + 1] == ("P", "->"):
            a, b = value, toks[i + 2][1]
            attrs, i = attrs_at(i + 3)
            edges.append((a, b, attrs))
        elif kind in ("W", "S"):
            attrs, i = attrs_at(i + 1)
            nodes[value] = attrs
            for name in stack:
                if name in clusters:
                    clusters[name].append(value)
        else:
            i += 1
    return graph_attrs, nodes, edges, clusters
