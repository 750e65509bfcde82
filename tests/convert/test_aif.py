"""AIF JSON: import of real nodesets, export with the IAT layer, round trips."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from hypothesis import assume, given

import argmap
from argmap import strategies
from argmap._formats import aif


def read(data, **kw):
    return aif.from_aif(json.dumps(data), path="t.json", **kw)


def what_aif_holds(doc: argmap.Document):
    """The parts of a document AIF can carry: everything but metadata, quotes, anchors,
    tags, base scores, kinds other than question, comments, an empty or default scheme
    name (read back as no scheme) and the ids of attacks that no undercut aims at (every
    CA-node has an id: only an attacked one names its attack); post texts keep their lines
    and blanks, but for those at the ends of lines (which no body line has) and texts of
    empty lines only.  Linked attackers are kept, in order."""
    asserted = {p.id: p.post for p in doc.propositions}
    aimed = {u.target for u in doc.undercuts}
    posts = [(p.id, p.author, p.reply_to, p.timestamp, p.body if p.body and any(p.body) else None)
             for p in doc.posts]  # fmt: skip
    props = sorted((p.id, p.text, p.post, p.kind is argmap.Kind.QUESTION and p.post is not None)
                   for p in doc.propositions)  # fmt: skip
    rels = []
    for r in doc.relations:
        if isinstance(r, argmap.Support):
            scheme = None if r.scheme in ("", "RA", "Default Inference") else r.scheme
            rels.append(("support", r.id, r.premises, r.conclusion, scheme, r.post))
        elif isinstance(r, (argmap.Rebuttal, argmap.Undercut)):
            rels.append(
                (r.kind, r.id if r.id in aimed else None, (r.attacker, *r.partners), r.target, r.post)
            )
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


_TWO_SPEAKERS = re.compile(r"^[^:\n]{1,80}?:\s+[^:\n]{1,80}?[ \t]:")


def annotator_copies(data) -> set[str]:
    """QT30's copies of locutions: L-nodes that no edge names and no locution describes, whose text
    names two speakers (``Chris: Camilla Tominey : …``, ``Martyna : Tony Danker : …``)."""
    named = {str(x) for e in data["edges"] for x in (e["fromID"], e["toID"])}
    described = {str(loc["nodeID"]) for loc in data.get("locutions", ())}
    return {str(n["nodeID"]) for n in data["nodes"] if n["type"] == "L" and str(n["nodeID"]) not in named
            and str(n["nodeID"]) not in described and _TWO_SPEAKERS.match(n["text"])}  # fmt: skip


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
    return kinds["I"], kinds["L"] - len(annotator_copies(data)), whole_ra


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
    """Each CA-node is one attack by all its I-nodes together on each I-node it points at (QT30 has
    a CA with two attackers: one linked rebuttal, not two); each MA-node a restatement of each
    target by each other source."""
    linked = 0
    for f in sorted((shared / "corpora" / "qt30-aif").glob("*.json")):
        data = json.loads(f.read_text("utf-8"))
        types = {str(n["nodeID"]): n["type"] for n in data["nodes"]}
        into, out_of = {}, {}
        for e in data["edges"]:
            a, b = str(e["fromID"]), str(e["toID"])
            if types.get(b) in ("CA", "MA") and types.get(a) == "I":
                into.setdefault(b, set()).add(a)
            if types.get(a) in ("CA", "MA") and types.get(b) == "I":
                out_of.setdefault(a, set()).add(b)
        attacks = Counter(
            (frozenset(into[n]), t) for n in into if types[n] == "CA" for t in out_of.get(n, ())
        )
        rephrases = Counter((s, t) for n in into if types[n] == "MA" for s in into[n] for t in out_of.get(n, ())
                            if s != t)  # fmt: skip
        doc, _ = aif.from_aif(f.read_text("utf-8"))
        assert Counter((frozenset(r.attackers), r.target) for r in doc.rebuttals) == attacks, f
        assert Counter((r.source, r.target) for r in doc.restatements) == rephrases, f
        linked += sum(r.linked for r in doc.rebuttals)
    assert linked == 1  # nodeset23565: one CA-node with two I-nodes


# -- issue #15, item 6: post texts, self-rephrases, QT30's annotator copies, speakers, questions ----


def _l_node(nid, text, **extra):
    return {"nodeID": nid, "text": text, "type": "L", **extra}


def test_post_text_keeps_its_blanks_and_lines_exactly():
    texts = ["Ann :  two blanks", "Ann : \u00a0no-break  space,\u00a0inside\u00a0too", "Ann : line one\n  line two",
             "Ann :x", "Ann: plain"]  # fmt: skip
    doc, warnings = read({"nodes": [_l_node(str(i), t) for i, t in enumerate(texts)], "edges": []})
    assert warnings == []
    assert [(p.author, p.body) for p in doc.posts] == [
        ("Ann", (" two blanks",)), ("Ann", ("\u00a0no-break  space,\u00a0inside\u00a0too",)),
        ("Ann", ("line one", "  line two")), ("Ann", ("x",)), ("Ann", ("plain",)),
    ]  # fmt: skip
    back, _ = aif.from_aif(aif.dumps(argmap.parse(argmap.format(doc))))
    assert [p.body for p in back.posts] == [p.body for p in doc.posts]
    assert [n["text"] for n in aif.to_aif(doc)["nodes"]][:3] == texts[:3]


@pytest.mark.corpus
def test_qt30_post_texts_keep_their_blanks(shared):
    """QT30 writes ``Speaker :  text`` (two blanks) and no-break spaces: the posts keep them, and
    an AIF export writes the locution's text as it was."""
    kept = 0
    for f in sorted((shared / "corpora" / "qt30-aif").glob("*.json")):
        data = json.loads(f.read_text("utf-8"))
        doc, _ = aif.from_aif(f.read_text("utf-8"))
        texts = {str(n["nodeID"]): n["text"] for n in data["nodes"] if n["type"] == "L"}
        written = {n["nodeID"]: n["text"] for n in aif.to_aif(argmap.parse(argmap.format(doc)))["nodes"]}
        for post in doc.posts:
            raw = texts[post.id]
            m = re.match(r"^(\S(?:[^:\n]*\S)?) : (.*)$", raw, re.S)  # the words after "Speaker : "
            if m and ("  " in m.group(2) or "\u00a0" in m.group(2) or m.group(2)[:1].isspace()):
                assert written[post.id] == raw.rstrip(), (f.name, raw)
                kept += 1
    assert kept > 100  # 113 in the 100 files of ../shared


def test_a_rephrase_of_a_proposition_by_itself_is_reported():
    data = {"nodes": [{"nodeID": "a", "text": "A", "type": "I"}, {"nodeID": "b", "text": "B", "type": "I"},
                      {"nodeID": "m", "text": "Default Rephrase", "type": "MA"},
                      {"nodeID": "r", "text": "Default Inference", "type": "RA"}],
            "edges": [{"fromID": "a", "toID": "m"}, {"fromID": "m", "toID": "a"}, {"fromID": "m", "toID": "b"},
                      {"fromID": "a", "toID": "r"}, {"fromID": "b", "toID": "r"}, {"fromID": "r", "toID": "a"}]}  # fmt: skip
    doc, warnings = read(data)
    assert [w.code for w in warnings] == ["X109", "X109"]
    assert [(r.kind, r.source, r.target) for r in doc.restatements] == [("restatement", "a", "b")]
    assert [(s.premises, s.conclusion) for s in doc.supports] == [(("b",), "a")]
    assert not [d for d in argmap.check(doc) if d.severity is argmap.Severity.ERROR]


@pytest.mark.corpus
def test_qt30_rephrases_of_a_proposition_by_itself_are_each_reported(shared):
    selfs = reported = 0
    for f in sorted((shared / "corpora" / "qt30-aif").glob("*.json")):
        data = json.loads(f.read_text("utf-8"))
        types = {n["nodeID"]: n["type"] for n in data["nodes"]}
        into, out_of = Counter(), Counter()
        for e in data["edges"]:
            if types.get(e["toID"]) == "MA" and types.get(e["fromID"]) == "I":
                into[e["toID"], e["fromID"]] += 1
            if types.get(e["fromID"]) == "MA" and types.get(e["toID"]) == "I":
                out_of[e["fromID"], e["toID"]] += 1
        selfs += len(set(into) & set(out_of))
        _, warnings = aif.from_aif(f.read_text("utf-8"))
        reported += sum(w.code == "X109" and "MA-node" in w.message for w in warnings)
    assert selfs == reported > 0


def test_annotator_copies_are_recognised_and_reported_once():
    nodes = [_l_node("1", "Ann : tea is good"), _l_node("2", "Bob : it is not"),
             _l_node("3", "Chris: Ann : tea is good"), _l_node("4", "Martyna : Bob : it is not"),
             _l_node("5", "Chris: Ann : tea is very good"),  # the annotator's words may differ
             _l_node("6", "Chris: Bob : joined to the map"), {"nodeID": "7", "text": "x", "type": "I"},
             {"nodeID": "8", "text": "Asserting", "type": "YA"}]  # fmt: skip
    edges = [{"fromID": a, "toID": b} for a, b in [("1", "8"), ("8", "7"), ("6", "8")]]
    doc, warnings = read({"nodes": nodes, "edges": edges})
    assert [(p.id, p.author, p.body) for p in doc.posts] == [
        ("1", "Ann", ("tea is good",)), ("2", "Bob", ("it is not",)), ("6", "Bob", ("joined to the map",)),
    ]  # fmt: skip
    assert [w.code for w in warnings] == ["X108"]
    assert "3 L-node(s)" in warnings[0].message and "1 other" in warnings[0].message


@pytest.mark.corpus
def test_qt30_annotator_copies_make_no_posts_and_no_authors(shared):
    copies = total = 0
    for f in sorted((shared / "corpora" / "qt30-aif").glob("*.json")):
        data = json.loads(f.read_text("utf-8"))
        doc, warnings = aif.from_aif(f.read_text("utf-8"))
        found = annotator_copies(data)
        annotators = {re.split(r"\s*:", data_node["text"], maxsplit=1)[0] for data_node in data["nodes"]
                      if str(data_node["nodeID"]) in found}  # fmt: skip
        assert not annotators & {p.author for p in doc.posts}, f.name
        assert sum(w.code == "X108" for w in warnings) == (1 if found else 0), f.name
        copies += len(found)
        total += sum(n["type"] == "L" for n in data["nodes"])
    assert copies > 0.4 * total  # 1,420 of 3,303 L-nodes in the 100 files of ../shared


def test_a_speaker_without_a_blank_after_the_colon_is_a_speaker():
    doc, warnings = read({"nodes": [_l_node("1", "Unknown Speaker :there's so many ways"),
                                    _l_node("2", "http://example.org: not a speaker")], "edges": []})  # fmt: skip
    assert [(p.author, p.body) for p in doc.posts] == [
        ("Unknown Speaker", ("there's so many ways",)),
        ("unknown", ("http://example.org: not a speaker",)),
    ]
    assert [w.code for w in warnings] == ["X106"]


@pytest.mark.corpus
def test_qt30_speakers_without_a_blank_after_the_colon(shared):
    names = set()
    for f in sorted((shared / "corpora" / "qt30-aif").glob("*.json")):
        data = json.loads(f.read_text("utf-8"))
        doc, _ = aif.from_aif(f.read_text("utf-8"))
        posts = {p.id: p for p in doc.posts}
        for n in data["nodes"]:
            m = re.match(r"^([^:\n]+?) :(\S.*)$", n["text"]) if n["type"] == "L" else None
            if m and n["nodeID"] in posts:
                assert (posts[n["nodeID"]].author, posts[n["nodeID"]].body) == (m.group(1), (m.group(2),))
                names.add(m.group(1))
    assert names


def test_questions_keep_their_kind_through_aif():
    doc = argmap.parse("post 1 by ann\n  question q: Is tea good?\n  claim c: Tea is good.\n"
                       "post 2 by bob reply-to 1\n  question r: Why?\n  rebut r -> c\n")  # fmt: skip
    back, _ = aif.from_aif(aif.dumps(doc))
    assert {p.id: p.kind for p in back.propositions} == {p.id: p.kind for p in doc.propositions}
    again, _ = aif.from_aif(aif.dumps(back))
    assert {p.id: p.kind for p in again.propositions} == {p.id: p.kind for p in doc.propositions}
    alone = argmap.parse("question q: Is tea good?\n")  # no post asks it: AIF cannot say it is a question
    assert [str(loss) for loss in argmap._formats.losses(alone, "aif")] == [
        "AIF keeps no proposition kinds other than a post's questions: 1 proposition kind left out"
    ]


@pytest.mark.corpus
def test_qt30_questions_survive_the_round_trip(shared):
    """Every I-node that a YA of questioning reaches first is a question, and stays one through
    argmap text and AIF."""
    questions = 0
    for f in sorted((shared / "corpora" / "qt30-aif").glob("*.json")):
        doc, _ = aif.from_aif(f.read_text("utf-8"))
        asked = {p.id for p in doc.propositions if p.kind is argmap.Kind.QUESTION}
        back, _ = aif.from_aif(aif.dumps(argmap.parse(argmap.format(doc))))
        assert {p.id for p in back.propositions if p.kind is argmap.Kind.QUESTION} == asked, f.name
        questions += len(asked)
    assert questions > 50


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
post 3 by cy reply-to 2
  claim e: Whitening fixes stains.
  claim f: Whitening is cheap.
  undercut e & f -> r1
  undercut b -> u1
"""


def _nodes_and_edges(data):
    types = {n["nodeID"]: n["type"] for n in data["nodes"]}
    into: dict[str, list[str]] = {}
    for e in data["edges"]:
        into.setdefault(e["toID"], []).append(e["fromID"])
    return types, into


def test_a_linked_attack_is_one_ca_node_and_an_attack_on_an_attack_a_ca_on_a_ca():
    data = aif.to_aif(argmap.parse(ATTACKS))
    types, into = _nodes_and_edges(data)
    cas = {n: sorted(a for a in into.get(n, ()) if types[a] == "I") for n, t in types.items() if t == "CA"}
    assert sorted(cas.values()) == [["b"], ["c", "d"], ["e", "f"], ["x"]]
    assert cas["r1"] == ["c", "d"] and cas["u1"] == ["x"]  # the named attacks' CA-nodes carry their ids
    aimed = {e["fromID"]: e["toID"] for e in data["edges"] if types[e["fromID"]] == "CA"}
    assert {n: aimed[n] for n in ("r1", "u1")} == {"r1": "a", "u1": "s1"}
    assert sorted(aimed[n] for n in cas if n not in ("r1", "u1")) == ["r1", "u1"]  # CA on CA
    for e in data["edges"]:
        assert aif._legal(types[e["fromID"]], types[e["toID"]]), e


def test_linked_attacks_and_attacks_on_attacks_survive_the_round_trip():
    doc = argmap.parse(ATTACKS)
    back, warnings = aif.from_aif(aif.dumps(doc))
    assert warnings == []
    assert Counter(back.relations) == Counter(doc.relations)  # the attacks' ids too: both are undercut
    assert not [d for d in argmap.check(back) if d.severity is argmap.Severity.ERROR]


def test_the_id_of_an_attack_nothing_undercuts_is_lost_and_named_as_lost():
    doc = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\nrebut r1: b & c -> a\n")
    back, _ = aif.from_aif(aif.dumps(doc))
    (rebuttal,) = back.rebuttals
    assert (rebuttal.id, rebuttal.attackers, rebuttal.target) == (None, ("b", "c"), "a")
    assert [str(loss) for loss in argmap._formats.losses(doc, "aif")] == [
        "AIF keeps no attack ids of attacks no undercut aims at: 1 attack id left out"
    ]
    assert argmap._formats.losses(argmap.parse(ATTACKS), "aif") == []


def _aif(nodes, edges):
    return {"nodes": [{"nodeID": n, "text": n.upper() if t == "I" else t, "type": t} for n, t in nodes],
            "edges": [{"edgeID": f"e{i}", "fromID": a, "toID": b} for i, (a, b) in enumerate(edges)]}  # fmt: skip


def test_a_ca_node_with_two_attackers_is_one_linked_rebuttal():
    doc, warnings = read(_aif([("a", "I"), ("b", "I"), ("t", "I"), ("ca", "CA")],
                              [("a", "ca"), ("b", "ca"), ("ca", "t")]))  # fmt: skip
    assert warnings == []
    assert [(r.attackers, r.target, r.id) for r in doc.relations] == [(("a", "b"), "t", None)]


def test_ca_on_ca_chains_are_undercuts_of_named_attacks():
    nodes = [("a", "I"), ("b", "I"), ("c", "I"), ("t", "I"), ("ca1", "CA"), ("ca2", "CA"), ("ca3", "CA")]
    edges = [("a", "ca1"), ("ca1", "t"), ("b", "ca2"), ("ca2", "ca1"), ("c", "ca3"), ("ca3", "ca2")]
    doc, warnings = read(_aif(nodes, edges))
    assert warnings == []
    assert [(r.kind, r.id, r.attackers, r.target) for r in doc.relations] == [
        ("rebuttal", "ca1", ("a",), "t"), ("undercut", "ca2", ("b",), "ca1"), ("undercut", None, ("c",), "ca2")
    ]  # fmt: skip
    assert not [d for d in argmap.check(doc) if d.severity is argmap.Severity.ERROR]


def test_a_ca_on_a_ca_that_gives_no_attack_is_left_out_with_a_warning():
    """QT30 has one: a CA-node aimed at a CA-node that no I-node enters."""
    nodes = [("a", "I"), ("t", "I"), ("ca1", "CA"), ("ca2", "CA")]
    doc, warnings = read(_aif(nodes, [("ca1", "t"), ("a", "ca2"), ("ca2", "ca1")]))
    assert doc.relations == ()
    assert [w.code for w in warnings] == ["X105", "X105"]
    assert "CA-node ca2 attacks CA-node ca1, which gives no attack" in warnings[1].message


def test_ca_nodes_that_undercut_each_other_in_a_cycle_are_both_kept():
    nodes = [("a", "I"), ("b", "I"), ("ca1", "CA"), ("ca2", "CA")]
    doc, warnings = read(_aif(nodes, [("a", "ca1"), ("ca1", "ca2"), ("b", "ca2"), ("ca2", "ca1")]))
    assert warnings == []
    assert sorted((r.id, r.attacker, r.target) for r in doc.undercuts) == [
        ("ca1", "a", "ca2"),
        ("ca2", "b", "ca1"),
    ]


def test_an_ma_node_with_two_sources_is_two_restatements_with_a_warning():
    doc, warnings = read(_aif([("a", "I"), ("b", "I"), ("t", "I"), ("ma", "MA")],
                              [("a", "ma"), ("b", "ma"), ("ma", "t")]))  # fmt: skip
    assert [(r.source, r.target) for r in doc.restatements] == [("a", "t"), ("b", "t")]
    assert [w.code for w in warnings] == ["X110"] and "MA-node ma" in warnings[0].message


def test_arguebuf_reads_linked_attacks_and_ca_on_ca_as_argmap_writes_them():
    arguebuf = pytest.importorskip("arguebuf", reason="arguebuf is not installed (pip install -e '.[test]')")
    from arguebuf.model.scheme import Attack

    graph = arguebuf.load.aif(aif.to_aif(argmap.parse(ATTACKS)))
    attacks = {n.id: sorted(x.id for x in graph.incoming_nodes(n)) for n in graph.scheme_nodes.values()
               if isinstance(n.scheme, Attack)}  # fmt: skip
    assert len(graph.atom_nodes) == 7 and len(attacks) == 4
    linked = next(n for n in attacks if attacks[n] == ["e", "f"])  # the unnamed undercut of r1
    assert attacks["r1"] == sorted(["c", "d", linked])
    assert sorted(x.id for x in graph.outgoing_nodes(graph.scheme_nodes["u1"])) == ["s1"]
