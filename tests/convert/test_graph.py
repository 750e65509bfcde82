"""GraphML export and to_networkx: one node per proposition, support and post."""

from __future__ import annotations

from collections import Counter

import networkx as nx
from hypothesis import given

import argmap
from argmap import strategies
from argmap._formats.graph import to_graphml


def expected_edges(doc: argmap.Document) -> Counter:
    """Edge types counted from the document itself."""
    c = Counter()
    c["reply"] = sum(p.reply_to is not None for p in doc.posts)
    c["asserts"] = sum(p.post is not None for p in doc.propositions)
    c["premise"] = sum(len(s.premises) for s in doc.supports)
    c["conclusion"] = len(doc.supports)
    c["rebuttal"], c["undercut"] = len(doc.rebuttals), len(doc.undercuts)
    c["restatement"] = len(doc.restatements)
    for a in doc.agreements:
        c[a.kind] += a.post is not None
    return +c


@given(strategies.documents())
def test_networkx_graph_has_a_node_per_object_and_an_edge_per_link(doc):
    g = argmap.to_networkx(doc)
    kinds = Counter(t for _, t in g.nodes(data="type"))
    assert kinds == +Counter(
        {"proposition": len(doc.propositions), "support": len(doc.supports), "post": len(doc.posts)}
    )
    assert Counter(t for _, _, t in g.edges(data="type")) == expected_edges(doc)


@given(strategies.documents())
def test_graphml_reads_back_as_the_same_graph(doc):
    """Whatever the text (control characters included), the GraphML is well-formed and holds the graph."""
    back = nx.read_graphml(__import__("io").BytesIO(to_graphml(doc).encode("utf-8")), force_multigraph=True)
    g = argmap.to_networkx(doc)
    assert set(back.nodes) == set(g.nodes)
    assert Counter(t for _, _, t in back.edges(data="type")) == expected_edges(doc)


def test_seed_graphml_via_the_cli(tmp_path, seed_example):
    from argmap._cli import main

    out = tmp_path / "seed.graphml"
    assert main(["convert", str(seed_example), "-o", str(out)]) == 0
    g = nx.read_graphml(out)
    assert sum(1 for _, t in g.nodes(data="type") if t == "proposition") == 136
