"""The model → Digraph stage: structure, options and determinism (no Graphviz needed)."""

from __future__ import annotations

import pytest
from dotparse import read
from hypothesis import given

import argmap
from argmap import strategies

MAP = """\
title: Tea
post 1 by ann
  thesis a: Tea is best.
  premise b: Tea calms.
  premise c: Calm helps.
  evidence d: Tea is cheap.
    tags: cost
  support s1: b & c -> a
  support s2: d -> a
post 2 by bob reply-to 1
  claim e: Tea has caffeine.
  claim f: Cheapness is not the point.
  question g: Is coffee better?
  rebut e -> b
  undercut f -> s2
  restate g -> g2
  claim g2: Maybe coffee wins.
post 3 by ann reply-to 2
  concede f
  agree g2
"""


@pytest.fixture
def doc():
    return argmap.parse(MAP)


def parts(doc, **options):
    return read(argmap.to_graphviz(doc, **options).source)


def props(nodes):
    return {n: a for n, a in nodes.items() if n.startswith("p")}


def test_one_node_per_proposition_with_generated_names(doc):
    _, nodes, _, _ = parts(doc)
    assert sorted(props(nodes)) == sorted(f"p{i}" for i in range(len(doc.propositions)))


def test_labels_carry_text_id_author_and_post(doc):
    _, nodes, _, _ = parts(doc)
    assert nodes["p0"]["label"].split("\\n") == ["Tea is best.", "a · ann #1"]


def test_node_style_follows_kind(doc):
    _, nodes, _, _ = parts(doc)
    assert "bold" in nodes["p0"]["style"] and nodes["p3"]["shape"] == "note"
    assert "dashed" in nodes["p6"]["style"]  # question


def by_style(edges):
    out = {}
    for a, b, at in edges:
        out.setdefault(at.get("style"), []).append((a, b, at.get("arrowhead")))
    return out


def test_linked_premises_meet_at_a_junction_before_the_conclusion(doc):
    _, nodes, edges, _ = parts(doc)
    junctions = [n for n in nodes if n.startswith("j")]
    assert junctions == ["j0", "j1"]  # s1 is linked, s2 is undercut
    into_j0 = sorted(a for a, b, at in edges if b == "j0")
    assert into_j0 == ["p1", "p2"]
    assert ("j0", "p0", "normal") in [(a, b, at.get("arrowhead")) for a, b, at in edges]


def test_edge_kinds_differ_in_line_style_and_arrowhead(doc):
    _, _, edges, _ = parts(doc)
    styles = by_style(edges)
    assert ("p4", "p1", "tee") in styles["dashed"]  # rebuttal e -> b
    assert ("p5", "j1", "tee") in styles["dotted"]  # undercut f -> s2 lands on its junction
    assert all(arrow in ("normal", "none") for *_, arrow in styles["solid"])


def test_agreement_and_concession_are_marked_on_the_target(doc):
    _, nodes, _, _ = parts(doc)
    assert "≈ conceded by ann #3" in nodes["p5"]["label"]
    assert "✓ agreed by ann #3" in nodes["p7"]["label"]


def test_legend_lists_exactly_the_marks_used(doc):
    _, nodes, _, clusters = parts(doc)
    legend = clusters["cluster_legend"]
    assert {n for n in legend if n.startswith("legend_kind_")} == {
        "legend_kind_thesis", "legend_kind_premise", "legend_kind_evidence",
        "legend_kind_claim", "legend_kind_question",
    }  # fmt: skip
    for key in ("support", "linked", "rebuttal", "undercut", "restatement"):
        assert f"legend_{key}_b" in legend
    notes = nodes["legend_notes"]["label"]
    assert "agreed by" in notes and "conceded by" in notes
    small = argmap.parse("claim a: x\nclaim b: y\nrebut b -> a\n")
    legend = parts(small)[3]["cluster_legend"]
    assert "legend_rebuttal_b" in legend and "legend_support_b" not in legend


def test_no_legend_option(doc):
    assert "cluster_legend" not in parts(doc, legend=False)[3]


def test_clusters_by_post_and_by_author(doc):
    clusters = parts(doc, cluster="post")[3]
    assert len([c for c in clusters if c != "cluster_legend"]) == 2  # posts 1 and 2 hold propositions
    clusters = parts(doc, cluster="author")[3]
    groups = sorted(sorted(v) for k, v in clusters.items() if k != "cluster_legend")
    assert groups == [["p0", "p1", "p2", "p3"], ["p4", "p5", "p6", "p7"]]


def test_focus_and_depth(doc):
    _, nodes, _, _ = parts(doc, focus="b", depth=1)
    labels = {a["label"].split("\\n")[-1].split(" ")[0] for a in props(nodes).values()}
    assert labels == {"a", "b", "c", "e"}


def test_focus_on_unknown_id_is_a_usage_error(doc):
    with pytest.raises(argmap.UsageError, match="no proposition 'gg2' to focus on; did you mean 'g2'"):
        argmap.to_graphviz(doc, focus="gg2")


def test_author_and_tag_filters(doc):
    _, nodes, _, _ = parts(doc, authors=["bob"])
    assert len(props(nodes)) == 4
    _, nodes, _, _ = parts(doc, tags=["cost"])
    assert len(props(nodes)) == 1


def test_status_colouring_and_scores(doc):
    _, nodes, _, _ = parts(doc, status={"a": "IN", "b": "OUT", "c": 0.25})
    assert nodes["p0"]["color"] == "#009e73" and nodes["p0"]["label"].endswith("[IN]")
    assert "dashed" in nodes["p1"]["style"] and nodes["p1"]["label"].endswith("[OUT]")
    assert nodes["p2"]["label"].endswith("[0.25]")
    assert "stands" in nodes["legend_notes"]["label"]


def test_large_maps_switch_to_sfdp():
    big = argmap.Document(
        propositions=[argmap.Proposition(f"c{i}", "x") for i in range(argmap._render.LARGE_MAP + 1)]
    )
    assert argmap.to_graphviz(big, legend=False).engine == "sfdp"
    assert argmap.to_graphviz(big, legend=False, engine="dot").engine == "dot"


@pytest.mark.parametrize(
    "option", [{"direction": "UP"}, {"cluster": "tag"}, {"engine": "rm"}, {"width": 2}, {"depth": -1},
               {"fontname": 'x" image="/etc/passwd'}],
)  # fmt: skip
def test_bad_options_are_usage_errors(doc, option):
    with pytest.raises(argmap.UsageError):
        argmap.to_graphviz(doc, **option)


def test_same_input_gives_byte_identical_dot(doc):
    again = argmap.parse(MAP)
    assert argmap.to_graphviz(doc).source == argmap.to_graphviz(again).source


@given(strategies.documents())
def test_rendering_is_deterministic_and_draws_one_node_per_proposition(doc):
    """Same document twice → same DOT; every (unique) proposition is a node; every support,
    rebuttal, undercut and restatement between drawn nodes is an edge path."""
    src = argmap.to_graphviz(doc).source
    assert src == argmap.to_graphviz(doc).source
    _, nodes, edges, _ = read(src)
    assert len(props(nodes)) == len(doc.propositions_by_id)
    pairs = {(a, b) for a, b, _ in edges}
    names = {p.id: f"p{i}" for i, p in enumerate(doc.propositions_by_id.values())}
    junctions = [j for j in nodes if j.startswith("j")]

    def joined(a: str, b: str) -> bool:  # an edge, or two through a junction
        return (a, b) in pairs or any((a, j) in pairs and (j, b) in pairs for j in junctions)

    for r in doc.rebuttals:  # linked or undercut rebuttals pass through their junction
        assert all(joined(names[a], names[r.target]) for a in r.attackers)
    for s in doc.supports:
        assert all(joined(names[p], names[s.conclusion]) for p in s.premises)


@given(strategies.texts(min_size=1, max_size=120))
def test_labels_wrap_on_display_width(text):
    """No label line is wider than the width in display columns, where an East-Asian wide
    character takes two: ASCII lines hold up to ``width`` characters, wide ones half that
    (a word longer than a line is broken)."""
    import unicodedata

    from argmap._render.digraph import wrap as _wrap

    width = 24
    wide = any(unicodedata.east_asian_width(c) in "WF" for c in text)
    for line in _wrap(text, width):
        assert len(line) <= (width // 2 if wide else width)


def test_korean_labels_wrap_at_half_the_width():
    from argmap._render.digraph import wrap as _wrap

    assert max(map(len, _wrap("한국과 일본은 동맹이 될 수 있는가 없는가 그것이 문제로다", 20))) <= 10
    assert max(map(len, _wrap("Japan and Korea could be allies or not, that is the question", 20))) > 10


def test_clusters_and_legend_do_not_copy_the_graph_drawn_so_far(doc, monkeypatch):
    """The graphviz package's ``subgraph()`` context manager copies the whole parent body each
    time (quadratic with a cluster per post): argmap opens subgraphs without it."""
    import graphviz

    def copy(self, **kwargs):
        raise AssertionError("a subgraph copied its parent")

    monkeypatch.setattr(graphviz.Digraph, "_copy_kwargs", copy)
    for cluster in ("post", "author"):
        _, nodes, _, clusters = parts(doc, cluster=cluster)
        assert len(props(nodes)) == len(doc.propositions) and len(clusters) > 1
