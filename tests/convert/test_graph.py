"""GraphML export and to_networkx: one node per proposition, support and post."""

from __future__ import annotations

from collections import Counter

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import strategies
from argmap._formats.graph import to_graphml


def attack_nodes(doc: argmap.Document) -> list:
    """The attacks that are nodes: named ones (an undercut may end there) and linked ones (their
    attackers meet there)."""
    return [r for r in (*doc.rebuttals, *doc.undercuts) if r.id is not None or len(r.attackers) > 1]


def expected_edges(doc: argmap.Document) -> Counter:
    """Edge types counted from the document itself."""
    c = Counter()
    c["reply"] = sum(p.reply_to is not None for p in doc.posts)
    c["quote"] = sum(len(p.quotes) for p in doc.posts)
    c["asserts"] = sum(p.post is not None for p in doc.propositions)
    c["premise"] = sum(len(s.premises) for s in doc.supports)
    c["conclusion"] = len(doc.supports)
    c["rebuttal"], c["undercut"] = len(doc.rebuttals), len(doc.undercuts)
    c["attacker"] = sum(len(r.attackers) for r in attack_nodes(doc))
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
    ) + Counter(r.kind for r in attack_nodes(doc))
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
    propositions = len(argmap.load(seed_example).propositions)
    assert sum(1 for _, t in g.nodes(data="type") if t == "proposition") == propositions


@given(
    st.text(alphabet=st.characters(codec=None), max_size=40)
    | st.sampled_from(["\x00a\x1f", "\ufffe\uffff", "\ud800x", "\t\n\r ok"])
)
def test_xml_text_keeps_exactly_what_xml_can_hold(text):
    """Characters XML 1.0 allows (tab, line breaks, U+0020–U+D7FF, U+E000–U+FFFD, beyond U+FFFF)
    stay; each other one becomes U+FFFD."""
    from argmap._formats.graph import xml_text as _xml_text

    def allowed(c):
        return c in "\t\n\r" or " " <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c > "\uffff"

    assert _xml_text(text) == "".join(c if allowed(c) else "\ufffd" for c in text)


def test_named_and_linked_attacks_are_nodes_and_undercuts_of_attacks_end_there():
    doc = argmap.parse(
        "claim a: A\nclaim b: B\nclaim c: C\nclaim d: D\nclaim x: X\nsupport s1: b -> a\n"
        "rebut r1: c & d -> a\nundercut u1: x -> s1\nundercut b -> r1\nundercut c & x -> u1\nrebut x -> c\n"
    )
    g = argmap.to_networkx(doc)
    assert sorted(n for n, t in g.nodes(data="type") if t in ("rebuttal", "undercut")) == [
        "rebuttal:r1",
        "undercut:#5",
        "undercut:u1",
    ]
    edges = sorted((a, b, t) for a, b, t in g.edges(data="type") if t != "premise" and t != "conclusion")
    assert edges == sorted([
        ("proposition:c", "rebuttal:r1", "attacker"), ("proposition:d", "rebuttal:r1", "attacker"),
        ("rebuttal:r1", "proposition:a", "rebuttal"),
        ("proposition:x", "undercut:u1", "attacker"), ("undercut:u1", "support:s1", "undercut"),
        ("proposition:b", "rebuttal:r1", "undercut"),
        ("proposition:c", "undercut:#5", "attacker"), ("proposition:x", "undercut:#5", "attacker"),
        ("undercut:#5", "undercut:u1", "undercut"),
        ("proposition:x", "proposition:c", "rebuttal"),
    ])  # fmt: skip
    assert argmap._formats.losses(doc, "graphml") == []
