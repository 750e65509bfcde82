"""SADFace: both node-type dialects, edge direction, round trips."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import given

import argmap
from argmap import strategies
from argmap._formats import sadface


def what_sadface_holds(doc: argmap.Document):
    """Everything but metadata other than the title, quotes, agreements, concessions and comments."""
    props = {(p.id, p.text, p.kind, p.anchor, p.tags, p.base, p.post) for p in doc.propositions}
    posts = [(p.id, p.author, p.reply_to, p.timestamp, p.body) for p in doc.posts]
    rels = Counter(r for r in doc.relations if not isinstance(r, argmap.Agreement))
    return doc.metadata.title or None, posts, props, rels


@given(strategies.documents())
def test_document_to_sadface_to_document_keeps_what_sadface_holds(doc):
    back, warnings = sadface.from_sadface(sadface.dumps(doc))
    assert warnings == []
    assert what_sadface_holds(back) == what_sadface_holds(doc)


def test_attack_edges_point_from_attacker_to_target():
    doc = argmap.parse(
        "claim a: A\nclaim b: B\nclaim c: C\nsupport s: b -> c\nrebut a -> b\nundercut a -> s\n"
    )
    data = sadface.to_sadface(doc)
    by_id = {n["id"]: n for n in data["nodes"]}
    text = lambda i: by_id[i].get("text") or by_id[i]["type"]  # noqa: E731
    pairs = Counter((text(e["source_id"]), text(e["target_id"])) for e in data["edges"])
    assert pairs == Counter({("A", "conflict"): 2, ("conflict", "B"): 1, ("conflict", "inference"): 1,
                             ("B", "inference"): 1, ("inference", "C"): 1})  # fmt: skip


def test_reads_the_older_scheme_dialect():
    data = {"metadata": {"core": {"title": "Old"}}, "nodes": [
        {"id": "1", "type": "atom", "text": "We should act"}, {"id": "2", "type": "atom", "text": "It is urgent"},
        {"id": "3", "type": "scheme", "name": "Argument from consequences"},
        {"id": "4", "type": "atom", "text": "It is not"}, {"id": "5", "type": "scheme", "name": "conflict"},
        {"id": "6", "type": "preference"},
    ], "edges": [{"id": "e1", "source_id": "2", "target_id": "3"}, {"id": "e2", "source_id": "3", "target_id": "1"},
                 {"id": "e3", "source_id": "4", "target_id": "5"}, {"id": "e4", "source_id": "5", "target_id": "2"},
                 {"id": "e5", "source_id": "4", "target_id": "zz"}]}  # fmt: skip
    doc, warnings = sadface.from_sadface(json.dumps(data))
    assert doc.metadata.title == "Old"
    assert [(s.premises, s.conclusion, s.scheme) for s in doc.supports] == [
        (("2",), "1", "Argument from consequences")
    ]
    assert [(r.attacker, r.target) for r in doc.rebuttals] == [("4", "2")]
    assert sorted(w.code for w in warnings) == ["X301", "X302"]


@pytest.mark.parametrize("text", ["[]", '{"nodes": 1}', "{"])
def test_not_sadface_is_an_error(text):
    with pytest.raises(argmap.ParseError):
        sadface.from_sadface(text)
