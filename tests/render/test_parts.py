"""Big maps in parts: separate discussions gathered into graphs of at most LARGE_MAP
propositions, laid out one by one and joined into one SVG (render/parts.py, compose.py)."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from dotparse import read
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap._render import digraph
from argmap._render.digraph import graph_parts
from argmap._render.parts import discussions, gather

SEED = Path(__file__).resolve().parents[2] / "examples" / "korea-japan-allies.argmap"

MAP = """\
title: Three talks
post 1 by ann
  thesis a: A.
  premise b: B.
  premise c: C.
  support s1: b & c -> a
post 2 by bob reply-to 1
  claim d: D.
  undercut d -> s1
  claim e: E.
  claim f: F.
  rebut f -> e
  claim g: G.
"""


def test_a_relation_joins_its_ends_and_an_undercut_joins_the_support_it_attacks():
    groups = discussions(argmap.parse(MAP), {"a", "b", "c", "d", "e", "f", "g"})
    assert groups == [["a", "b", "c", "d"], ["e", "f"], ["g"]]  # largest first, document order


def test_clustering_by_post_keeps_each_post_in_one_group():
    groups = discussions(argmap.parse(MAP), {"a", "b", "c", "d", "e", "f", "g"}, together="post")
    assert groups == [["a", "b", "c", "d", "e", "f", "g"]]  # d, e, f, g share post 2


def test_only_the_kept_propositions_are_grouped():
    assert discussions(argmap.parse(MAP), {"a", "e", "g"}) == [["a"], ["e"], ["g"]]


@given(st.lists(st.integers(1, 30), max_size=40), st.integers(1, 25))
def test_gathering_keeps_every_id_once_and_parts_within_the_limit_unless_one_group_is_larger(sizes, limit):
    groups, n = [], 0
    for size in sizes:
        groups.append([f"x{i}" for i in range(n, n + size)])
        n += size
    parts = gather(groups, limit)
    assert sorted(x for part in parts for x in part) == sorted(x for g in groups for x in g)
    for part in parts:
        whole = [g for g in groups if set(g) <= set(part)]
        assert sum(map(len, whole)) == len(part)  # a part is whole groups, never a split one
        assert len(part) <= limit or len(whole) == 1
    if groups:
        assert set(max(groups, key=len)) <= set(parts[0])


def test_a_small_map_or_one_discussion_or_a_chosen_engine_is_one_graph():
    seed = argmap.load(SEED)
    assert graph_parts(seed) is None  # fewer propositions than a part holds
    assert graph_parts(seed, limit=40, engine="dot") is None
    assert graph_parts(seed, limit=40, focus="c0.1") is None  # one discussion


def test_parts_hold_every_proposition_once_with_unique_names_and_one_title_and_legend():
    seed = argmap.load(SEED)
    split = graph_parts(seed, limit=40)
    assert split is not None
    graphs, names = split
    assert len(graphs) > 1 and sorted(names) == sorted(p.id for p in seed.propositions)
    seen: list[str] = []
    for i, g in enumerate(graphs):
        graph_attrs, nodes, _, clusters = read(g.source)
        seen += [n for n in nodes if not n.startswith("legend_")]
        assert ("label" in graph_attrs) == (i == 0)  # the title, once
        assert ("cluster_legend" in clusters) == (i == 0)
        drawn = len([n for n in nodes if re.fullmatch(r"p\d+", n)])
        assert (drawn <= 40 and g.engine == "dot") or (i == 0 and g.engine == "sfdp")  # one big talk alone
    assert len(seen) == len(set(seen))  # propositions and junctions: no name twice
    assert {n for n in seen if n.startswith("p")} == set(names.values())


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")
def test_the_parts_join_into_one_svg_without_overlap_or_repeated_ids(monkeypatch):
    monkeypatch.setattr(digraph, "LARGE_MAP", 40)
    seed = argmap.load(SEED)
    svg = argmap.render(seed, "svg", legend=False)
    root = ET.fromstring(svg)
    ns = {"s": "http://www.w3.org/2000/svg"}
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    titles = [g.find("s:title", ns).text for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "node"]
    assert sorted(t for t in titles if t.startswith("p")) == sorted(f"p{i}" for i in range(len(seed.propositions)))
    _, _, width, height = map(float, root.get("viewBox").split())
    boxes = []
    for g in root.findall("s:g[@class='graph']", ns):
        tx, ty = map(float, re.search(r"translate\(([-\d.]+) ([-\d.]+)\)", g.get("transform")).groups())
        xs, ys = zip(*(map(float, p.split(",")) for p in g.find("s:polygon", ns).get("points").split()))
        boxes.append((min(xs) + tx, min(ys) + ty, max(xs) + tx, max(ys) + ty))  # the part's white background
    assert len(boxes) > 1
    for x0, y0, x1, y1 in boxes:
        assert -0.01 <= x0 and x1 <= width + 0.01 and -0.01 <= y0 and y1 <= height + 0.01
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] + 0.01 or b[2] <= a[0] + 0.01 or a[3] <= b[1] + 0.01 or b[3] <= a[1] + 0.01
