"""AIF JSON: import of real nodesets, export with the IAT layer, round trips."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import assume, given

import argmap
from argmap import strategies
from argmap._formats import aif
from argmap._formats.common import one_line


def read(data, **kw):
    return aif.from_aif(json.dumps(data), path="t.json", **kw)


def what_aif_holds(doc: argmap.Document):
    """The parts of a document AIF can carry: everything but metadata, quotes, anchors,
    tags, base scores, kinds other than question, comments, line breaks in bodies, and
    an empty or default scheme name (read back as no scheme)."""
    asserted = {p.id: p.post for p in doc.propositions}
    posts = [(p.id, p.author, p.reply_to, p.timestamp, one_line(" ".join(p.body or ())) or None)
             for p in doc.posts]  # fmt: skip
    props = sorted((p.id, p.text, p.post, p.kind is argmap.Kind.QUESTION and p.post is not None)
                   for p in doc.propositions)  # fmt: skip
    rels = []
    for r in doc.relations:
        if isinstance(r, argmap.Support):
            scheme = None if r.scheme in ("", "RA", "Default Inference") else r.scheme
            rels.append(("support", r.id, r.premises, r.conclusion, scheme, r.post))
        elif isinstance(r, (argmap.Rebuttal, argmap.Undercut)):
            rels.append((r.kind, r.attacker, r.target, r.post))
        elif isinstance(r, argmap.Restatement):
            rels.append(("restatement", r.source, r.target, r.post))
        elif r.post is not None and r.post != asserted[r.target]:
            rels.append((r.kind, r.target, r.post))
    return posts, props, Counter(rels)


@given(strategies.documents())
def test_document_to_aif_to_document_keeps_what_aif_holds(doc):
    """Posts, authors, replies, times, propositions, questions, every relation and who argued it survive."""
    ids = {p.id for p in doc.propositions} | {s.id for s in doc.supports}
    assume(not any(p.id in ids for p in doc.posts))
    back, warnings = aif.from_aif(aif.dumps(doc))
    assert warnings == []
    assert what_aif_holds(back) == what_aif_holds(doc)


def test_export_has_the_iat_layer_and_only_legal_edges():
    doc = argmap.parse(
        "post 1 by ann\n  claim c1: Tea is good.\n  claim c2: Tea calms.\n  support s1: c2 -> c1\n"
        "post 2 by bob reply-to 1\n  question c3: Does it?\n  rebut c3 -> c2\n  undercut c3 -> s1\n"
        "  agree c1\n"
    )
    data = aif.to_aif(doc)
    types = {n["nodeID"]: n["type"] for n in data["nodes"]}
    assert Counter(types.values()) == Counter({"I": 3, "RA": 1, "CA": 2, "L": 2, "TA": 1, "YA": 7})
    for e in data["edges"]:
        assert aif._legal(types[e["fromID"]], types[e["toID"]]), e
    forces = Counter(n["text"] for n in data["nodes"] if n["type"] == "YA")
    assert forces == Counter(
        {"Asserting": 2, "Pure Questioning": 1, "Arguing": 1, "Disagreeing": 2, "Agreeing": 1}
    )
    assert {p["firstname"] for p in data["participants"]} == {"ann", "bob"}


def test_post_ids_that_clash_with_propositions_are_renamed():
    doc = argmap.parse("post c1 by ann\n  claim c1: Tea.\n")
    back, _ = aif.from_aif(aif.dumps(doc))
    assert back.propositions[0].id == "c1"
    assert back.posts[0].id != "c1" and back.propositions[0].post == back.posts[0].id


def test_ova_wrapper_integer_ids_and_participants():
    data = {"AIF": {
        "nodes": [{"nodeID": 1, "text": "Ann : Tea is good", "type": "L"},
                  {"nodeID": 2, "text": "Asserting", "type": "YA"},
                  {"nodeID": 3, "text": "Tea is good", "type": "I"},
                  {"nodeID": 4, "text": "it calms", "type": "I"},
                  {"nodeID": 5, "text": "Default Inference", "type": "RA"}],
        "edges": [{"edgeID": 1, "fromID": 1, "toID": 2}, {"edgeID": 2, "fromID": 2, "toID": 3},
                  {"edgeID": 3, "fromID": 4, "toID": 5}, {"edgeID": 4, "fromID": 5, "toID": 3}],
        "locutions": [{"nodeID": 1, "personID": 7}],
        "participants": [{"participantID": 7, "firstname": "Ann", "surname": "Smith"}],
    }, "text": {"txt": "..."}}  # fmt: skip
    doc, warnings = read(data)
    assert warnings == []
    assert [(p.id, p.author, p.body) for p in doc.posts] == [("1", "Ann Smith", ("Tea is good",))]
    assert doc.propositions_by_id["3"].post == "1"
    assert [(s.premises, s.conclusion, s.scheme) for s in doc.supports] == [(("4",), "3", None)]


def test_araucaria_dialect_speaker_says():
    data = {"nodes": [{"nodeID": "9", "text": "Speaker says 'we must act'", "type": "L"},
                      {"nodeID": "10", "text": "YA_8c289b8", "type": "YA"},
                      {"nodeID": "11", "text": "We must act", "type": "I"}],
            "edges": [{"edgeID": "1", "fromID": "9", "toID": "10"}, {"edgeID": "2", "fromID": "10", "toID": "11"}]}  # fmt: skip
    doc, _ = read(data)
    assert (doc.posts[0].author, doc.posts[0].body) == ("Speaker", ("we must act",))
    assert doc.propositions[0].post == "9"


def test_illegal_and_dangling_edges_become_warnings_not_crashes():
    data = {"nodes": [{"nodeID": "a", "text": "A", "type": "I"}, {"nodeID": "b", "text": "B", "type": "I"},
                      {"nodeID": "r", "text": "RA", "type": "RA"}, {"nodeID": "a", "text": "again", "type": "I"}],
            "edges": [{"edgeID": "e1", "fromID": "a", "toID": "b"}, {"edgeID": "e2", "fromID": "a", "toID": "zz"},
                      {"edgeID": "e3", "fromID": "a", "toID": "r"}]}  # fmt: skip
    doc, warnings = read(data)
    assert sorted(w.code for w in warnings) == ["X101", "X102", "X103", "X105"]
    assert any("I-node a to I-node b" in w.message for w in warnings)
    assert [p.text for p in doc.propositions] == ["A", "B"] and doc.relations == ()


def test_reply_cycles_are_broken_with_a_warning():
    nodes = [{"nodeID": n, "text": f"x : {n}", "type": t} for n, t in
             [("l1", "L"), ("l2", "L"), ("t1", "TA"), ("t2", "TA")]]  # fmt: skip
    edges = [{"fromID": a, "toID": b} for a, b in [("l1", "t1"), ("t1", "l2"), ("l2", "t2"), ("t2", "l1")]]
    doc, warnings = read({"nodes": nodes, "edges": edges})
    assert [w.code for w in warnings] == ["X107"]
    assert not any(d.code == "D101" for d in argmap.check(doc))


@pytest.mark.parametrize("text, code", [("{", "J001"), ("[1, 2]", "X100"), ('{"nodes": 3}', "X100")])
def test_not_aif_is_an_error(text, code):
    with pytest.raises(argmap.ParseError) as info:
        aif.from_aif(text)
    assert info.value.diagnostics[0].code == code


def _independent_counts(data):
    """Counts taken from the raw JSON, without the importer's logic."""
    types = {str(n["nodeID"]): n["type"] for n in data["nodes"]}
    ins, outs = Counter(), Counter()
    for e in data["edges"]:
        a, b = str(e["fromID"]), str(e["toID"])
        if types.get(a) == "I" and types.get(b) == "RA":
            ins[b] += 1
        if types.get(a) == "RA" and types.get(b) == "I":
            outs[a] += 1
    whole_ra = sum(1 for n, t in types.items() if t == "RA" and ins[n] and outs[n])
    kinds = Counter(types.values())
    return kinds["I"], kinds["L"], whole_ra


@pytest.mark.corpus
@pytest.mark.parametrize("corpus", ["araucaria-aif", "qt30-aif"])
def test_every_corpus_nodeset_imports_with_matching_counts(shared, corpus):
    files = sorted((shared / "corpora" / corpus).glob("*.json"))
    assert files
    for f in files:
        data = json.loads(f.read_text("utf-8"))
        doc, _ = aif.from_aif(f.read_text("utf-8"), path=str(f))
        i_nodes, l_nodes, whole_ra = _independent_counts(data)
        assert (len(doc.propositions), len(doc.posts), len(doc.supports)) == (i_nodes, l_nodes, whole_ra), f
        assert not [d for d in argmap.check(doc) if d.severity is argmap.Severity.ERROR], f
        argmap.to_graphviz(doc)


@pytest.mark.corpus
def test_qt30_attacks_and_rephrases_match_ca_and_ma_nodes(shared):
    for f in sorted((shared / "corpora" / "qt30-aif").glob("*.json")):
        data = json.loads(f.read_text("utf-8"))
        types = {n["nodeID"]: n["type"] for n in data["nodes"]}
        pairs = Counter()
        for kind in ("CA", "MA"):
            into, out_of = {}, {}
            for e in data["edges"]:
                a, b = e["fromID"], e["toID"]
                if types.get(b) == kind and types.get(a) == "I":
                    into.setdefault(b, set()).add(a)
                if types.get(a) == kind and types.get(b) == "I":
                    out_of.setdefault(a, set()).add(b)
            pairs[kind] = sum(
                len({(s, t) for s in into[n] for t in out_of.get(n, ()) if s != t}) for n in into
            )
        doc, _ = aif.from_aif(f.read_text("utf-8"))
        kinds = Counter(r.kind for r in doc.relations)
        assert kinds["rebuttal"] == pairs["CA"] and kinds["restatement"] == pairs["MA"], f
