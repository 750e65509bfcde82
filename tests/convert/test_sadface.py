"""SADFace: both node-type dialects, edge direction, round trips, what other tools read."""

from __future__ import annotations

import json
import uuid
from collections import Counter

import attrs
import pytest
from hypothesis import given, settings

import argmap
from argmap import strategies
from argmap._formats import sadface


def comments(doc: argmap.Document):
    items = [*doc.posts, *doc.propositions, *doc.relations, *(q for p in doc.posts for q in p.quotes)]
    return doc.comments, doc.trailing_comments, Counter(c for i in items for c in i.comments)


def what_sadface_holds(doc: argmap.Document):
    """Everything, comments included, but texts of empty lines only (read back as no text) and
    an empty title."""
    props = {(p.id, p.text, p.kind, p.anchor, p.tags, p.base, p.post) for p in doc.propositions}
    posts = [(p.id, p.author, p.reply_to, p.timestamp, p.body if p.body and any(p.body) else None, p.quotes)
             for p in doc.posts]  # fmt: skip
    metadata = attrs.evolve(doc.metadata, title=doc.metadata.title or None)
    return metadata, posts, props, Counter(doc.relations), comments(doc)


@given(strategies.documents())
def test_document_to_sadface_to_document_keeps_everything(doc):
    back, warnings = sadface.from_sadface(sadface.dumps(doc))
    assert warnings == []
    assert what_sadface_holds(back) == what_sadface_holds(doc)


def test_seed_thread_survives_sadface(seed_example):
    doc = argmap.load(seed_example)
    back, warnings = sadface.from_sadface(sadface.dumps(doc))
    assert warnings == [] and what_sadface_holds(back) == what_sadface_holds(doc)
    assert argmap._formats.losses(doc, "sadface") == []


def test_attack_edges_point_from_attacker_to_target():
    doc = argmap.parse(
        "claim a: A\nclaim b: B\nclaim c: C\nsupport s: b -> c\nrebut a -> b\nundercut a -> s\n"
    )
    data = sadface.to_sadface(doc)
    by_id = {n["id"]: n for n in data["nodes"]}
    text = lambda i: by_id[i].get("text") or by_id[i]["name"]  # noqa: E731
    pairs = Counter((text(e["source_id"]), text(e["target_id"])) for e in data["edges"])
    assert pairs == Counter({("A", "attack"): 2, ("attack", "B"): 1, ("attack", "support"): 1,
                             ("B", "support"): 1, ("support", "C"): 1})  # fmt: skip


# -- issue #15, item 8: what SADFace's reference implementation and other tools read --------------

#: the core metadata SADFace's reference implementation requires (its validation), and those it sets
REQUIRED_CORE = {"id", "version", "analyst_name", "analyst_email", "created", "edited"}
SET_CORE = {"title", "description", "notes"}


def test_export_has_the_core_metadata_and_node_types_of_the_reference_implementation(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    doc = argmap.parse(
        "title: Tea\nclaim a: A\nclaim b: B\nclaim c: C\nsupport s: b -> c\n  scheme: analogy\n"
        "rebut a -> b\nundercut a -> s\nrestate c -> a\n"
    )
    data = sadface.to_sadface(doc)
    core = data["metadata"]["core"]
    assert set(core) == REQUIRED_CORE | SET_CORE and all(isinstance(v, str) for v in core.values())
    assert core["created"] == core["edited"] == "2023-11-14T22:13:20" and core["title"] == "Tea"
    assert {(n["type"], n.get("name")) for n in data["nodes"]} == {
        ("atom", None),
        ("scheme", "support"),
        ("scheme", "attack"),
        ("scheme", "rephrase"),
    }
    for n in data["nodes"]:
        assert "core" in n["metadata"] and uuid.UUID(n["id"]).version == 4
        assert n["type"] != "atom" or n["sources"] == []
    assert all(set(e) == {"id", "source_id", "target_id"} and uuid.UUID(e["id"]).version == 4
               for e in data["edges"])  # fmt: skip
    assert set(data) == {"metadata", "resources", "nodes", "edges"}
    assert sadface.to_sadface(doc) == data  # the same document, the same ids


def test_anchors_are_sources_in_the_posts_resource():
    doc = argmap.parse(
        "post 1 by ann\n  | I think tea calms me.\n  claim c: Tea calms.\n    anchor: tea calms me\n"
    )
    data = sadface.to_sadface(doc)
    (atom,) = [n for n in data["nodes"] if n["type"] == "atom"]
    assert atom["sources"] == [{"resource_id": data["resources"][0]["id"], "text": "tea calms me",
                                "offset": 8, "length": 12}]  # fmt: skip
    del atom["metadata"]["argmap"]  # as another tool writes it: the anchor is the source's words
    back, _ = sadface.from_sadface(json.dumps(data))
    assert back.propositions[0].anchor == "tea calms me"


def _arguebuf():
    return pytest.importorskip("arguebuf", reason="arguebuf is not installed (pip install -e '.[test]')")


def _arguebuf_counts(graph):
    from arguebuf.model.scheme import Attack, Rephrase, Support

    kinds = Counter(type(n.scheme) for n in graph.scheme_nodes.values())
    return len(graph.atom_nodes), kinds[Support], kinds[Attack], kinds[Rephrase], sum(kinds.values())


def argmap_counts(doc):
    """What arguebuf should count: atoms, supports, attacks (rebuttals and undercuts), rephrases, schemes."""
    attacks = len(doc.rebuttals) + len(doc.undercuts)
    return (len(doc.propositions), len(doc.supports), attacks, len(doc.restatements),
            len(doc.supports) + attacks + len(doc.restatements))  # fmt: skip


def test_arguebuf_reads_the_export_with_the_same_counts(seed_example):
    arguebuf = _arguebuf()
    doc = argmap.load(seed_example)
    graph = arguebuf.load.sadface(sadface.to_sadface(doc))
    assert _arguebuf_counts(graph) == argmap_counts(doc)
    assert graph.userdata["title"] == doc.metadata.title


@settings(max_examples=20, deadline=None)
@given(strategies.documents())
def test_arguebuf_reads_generated_exports_with_the_same_counts(doc):
    arguebuf = _arguebuf()
    assert _arguebuf_counts(arguebuf.load.sadface(sadface.to_sadface(doc))) == argmap_counts(doc)


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


# -- issue #15, items 4 and 5: linked attacks, attacks on attacks ------------------------------------

ATTACKS = """\
post 1 by ann
  claim a: Tea is good.
  claim b: Tea calms.
  support s1: b -> a
post 2 by bob reply-to 1
  claim c: Tea stains teeth.
  claim d: Stained teeth are ugly.
  claim x: Calm is not goodness.
  rebut r1: c & d -> a
  undercut u1: x -> s1
  rebut r2: x -> b
post 3 by cy reply-to 2
  claim e: Whitening fixes stains.
  claim f: Whitening is cheap.
  undercut e & f -> r1
  undercut b -> u1
"""


def test_a_linked_attack_is_one_scheme_node_and_an_undercut_of_an_attack_aims_at_its_node():
    data = sadface.to_sadface(argmap.parse(ATTACKS))
    by_id = {n["id"]: n for n in data["nodes"]}
    into: dict[str, list[str]] = {}
    for e in data["edges"]:
        into.setdefault(e["target_id"], []).append(e["source_id"])
    attacks = [n for n in data["nodes"] if n.get("name") == "attack"]
    atoms_into = {n["id"]: sorted(by_id[s].get("text", "") for s in into[n["id"]] if by_id[s]["type"] == "atom")
                  for n in attacks}  # fmt: skip
    assert sorted(atoms_into.values()) == [
        ["Calm is not goodness."], ["Calm is not goodness."], ["Stained teeth are ugly.", "Tea stains teeth."],
        ["Tea calms."], ["Whitening fixes stains.", "Whitening is cheap."],
    ]  # fmt: skip
    on_attacks = [e for e in data["edges"] if by_id[e["source_id"]].get("name") == by_id[e["target_id"]].get("name")
                  == "attack"]  # fmt: skip
    assert len(on_attacks) == 2  # the undercuts of r1 and u1


def test_linked_attacks_and_attacks_on_attacks_survive_sadface():
    doc = argmap.parse(ATTACKS)
    back, warnings = sadface.from_sadface(sadface.dumps(doc))
    assert warnings == []
    assert Counter(back.relations) == Counter(doc.relations)  # r2's id too, though nothing undercuts it
    assert argmap._formats.losses(doc, "sadface") == []


def test_arguebuf_counts_linked_attacks_and_attacks_on_attacks():
    arguebuf = _arguebuf()
    doc = argmap.parse(ATTACKS)
    assert (
        _arguebuf_counts(arguebuf.load.sadface(sadface.to_sadface(doc)))
        == argmap_counts(doc)
        == (7, 1, 5, 0, 6)
    )


def _sadface(nodes, edges):
    return json.dumps({"nodes": [{"id": i, "type": "atom", "text": i.upper()} if t == "atom" else
                                 {"id": i, "type": "scheme", "name": t} for i, t in nodes],
                       "edges": [{"id": f"e{k}", "source_id": a, "target_id": b} for k, (a, b) in enumerate(edges)]})  # fmt: skip


def test_foreign_conflicts_with_two_atoms_and_on_conflicts_are_read_as_such():
    """As another tool writes them: no argmap metadata; the attacked conflict is named after its node."""
    nodes = [
        ("a", "atom"),
        ("b", "atom"),
        ("t", "atom"),
        ("u", "atom"),
        ("c1", "conflict"),
        ("c2", "conflict"),
    ]
    edges = [("a", "c1"), ("b", "c1"), ("c1", "t"), ("u", "c2"), ("c2", "c1")]
    doc, warnings = sadface.from_sadface(_sadface(nodes, edges))
    assert warnings == []
    assert [(r.kind, r.id, r.attackers, r.target) for r in doc.relations] == [
        ("rebuttal", "c1", ("a", "b"), "t"),
        ("undercut", None, ("u",), "c1"),
    ]
    assert not [d for d in argmap.check(doc) if d.severity is argmap.Severity.ERROR]


def test_a_conflict_on_a_conflict_that_gives_no_attack_is_left_out_with_a_warning():
    nodes = [("t", "atom"), ("u", "atom"), ("c1", "conflict"), ("c2", "conflict")]
    doc, warnings = sadface.from_sadface(_sadface(nodes, [("c1", "t"), ("u", "c2"), ("c2", "c1")]))
    assert doc.relations == ()
    assert [w.code for w in warnings] == ["X303", "X303"]
    assert "conflict node c2 aims at node c1, which gives nothing to attack" in warnings[1].message


def test_a_rephrase_of_two_atoms_is_two_restatements_with_a_warning():
    nodes = [("a", "atom"), ("b", "atom"), ("t", "atom"), ("m", "rephrase")]
    doc, warnings = sadface.from_sadface(_sadface(nodes, [("a", "m"), ("b", "m"), ("m", "t")]))
    assert [(r.source, r.target) for r in doc.restatements] == [("a", "t"), ("b", "t")]
    assert [w.code for w in warnings] == ["X306"]
