"""Voices through the formats: Argdown and SADFace keep them, GraphML writes them, AIF names the loss."""

from __future__ import annotations

import pytest

import argmap
from argmap import Voice
from argmap._formats import losses

TEXT = """\
post 1 by ann
  claim a: Korea should keep Japan at arm's length.
    voice: reported by a Chosun Ilbo columnist
  claim b: Japan has apologised enough.
    voice: supposed
  claim c: What a great ally Japan has been.
    voice: ironic
  claim d: History weighs on both.
  rebut d -> a
"""


def voices(doc: argmap.Document) -> dict[str, tuple[Voice, str | None]]:
    return {p.id: (p.voice, p.reported_by) for p in doc.propositions}


@pytest.mark.parametrize("fmt", ["argdown", "sadface", "json"])
def test_argdown_sadface_and_json_keep_every_voice_and_who_said_it(fmt):
    doc = argmap.parse(TEXT)
    back, warnings = argmap.read(argmap.write(doc, fmt), fmt)
    assert voices(back) == {"a": (Voice.REPORTED, "a Chosun Ilbo columnist"), "b": (Voice.SUPPOSED, None),
                            "c": (Voice.IRONIC, None), "d": (Voice.OWN, None)}  # fmt: skip
    assert losses(doc, fmt) == [] and not [w for w in warnings if "voice" in w.message]


def test_graphml_writes_the_voice_of_each_proposition():
    nx = pytest.importorskip("networkx")
    g = argmap.to_networkx(argmap.parse(TEXT))
    assert g.nodes["proposition:a"]["voice"] == "reported"
    assert g.nodes["proposition:a"]["reported_by"] == "a Chosun Ilbo columnist"
    assert "voice" not in g.nodes["proposition:d"] and isinstance(g, nx.MultiDiGraph)


def test_aif_writes_reported_speech_as_iat_does_and_names_the_voices_it_cannot_hold():
    """The post asserts "X said: p", which anchors X's own locution of p (a YA from an I-node to
    an L-node); reading it back gives p reported by X in that post, and no post by X."""
    doc = argmap.parse(TEXT)
    aif = argmap.write(doc, "aif")
    back, warnings = argmap.read(aif, "aif")
    assert voices(back)["a"] == (Voice.REPORTED, "a Chosun Ilbo columnist")
    assert {p.id: p.post for p in back.propositions}["a"] == back.posts[0].id
    assert [p.author for p in back.posts] == ["ann"] and len(back.propositions) == 4
    assert voices(back)["b"] == voices(back)["c"] == (Voice.OWN, None)  # no IAT counterpart
    (loss,) = [str(x) for x in losses(doc, "aif")]
    assert loss == "AIF keeps no voices other than reported speech in a post: 2 voices left out"
    named_unknown = argmap.parse("post 1 by ann\n  claim a: A.\n    voice: reported by unknown\n")
    assert [str(x) for x in losses(named_unknown, "aif")] == [
        "AIF keeps no reporter names of no post, or named 'unknown' (read back as none): 1 reporter name left out"
    ]
    assert "a Chosun Ilbo columnist said: Korea should keep Japan at arm's length." in aif


def test_arguebuf_reads_argmaps_reported_speech():
    arguebuf = pytest.importorskip("arguebuf", reason="arguebuf is not installed")
    graph = arguebuf.load.aif(__import__("json").loads(argmap.write(argmap.parse(TEXT), "aif")))
    texts = {n.plain_text for n in graph.atom_nodes.values()}
    assert "Korea should keep Japan at arm's length." in texts


def test_a_voice_argmap_does_not_have_is_left_out_with_a_warning():
    doc, warnings = argmap.read("[a]: Tea. {voice: sarcastic}\n", "argdown")
    assert doc.propositions[0].voice is Voice.OWN
    assert [w.code for w in warnings] == ["X207"] and "voice" in warnings[0].message


def _aif(nodes: list[tuple[str, str, str]], edges: list[tuple[str, str]]) -> str:
    import json

    return json.dumps({"nodes": [{"nodeID": a, "type": b, "text": c} for a, b, c in nodes],
                       "edges": [{"edgeID": f"e{i}", "fromID": a, "toID": b} for i, (a, b) in enumerate(edges)]})  # fmt: skip


REPORT = [("L1", "L", "ann : hi"), ("L2", "L", "bob : p"), ("Is", "I", "bob said: p"), ("Ip", "I", "p"),
          ("Y1", "YA", "Asserting"), ("Y2", "YA", "Default Illocuting"), ("Y3", "YA", "Asserting")]  # fmt: skip
CHAIN = [("L1", "Y1"), ("Y1", "Is"), ("Is", "Y2"), ("Y2", "L2"), ("L2", "Y3"), ("Y3", "Ip")]


@pytest.mark.parametrize(
    "extra_nodes, extra_edges",
    [
        ([("Ic", "I", "c"), ("RA", "RA", "Default Inference")], [("Is", "RA"), ("RA", "Ic")]),  # report as premise
        ([("L3", "L", "cy : ok"), ("TA", "TA", "Default Transition")], [("L2", "TA"), ("TA", "L3")]),  # reply to it
        ([("L3", "L", "cy : yes"), ("Y4", "YA", "Agreeing")], [("L3", "Y4"), ("Y4", "Is")]),  # agreed with
    ],
    ids=["report-used-as-premise", "reply-to-the-reported-locution", "report-agreed-with"],
)
def test_what_is_not_plainly_reported_speech_reads_as_plain_propositions_with_a_warning(extra_nodes, extra_edges):
    doc, warnings = argmap.read(_aif(REPORT + extra_nodes, CHAIN + extra_edges), "aif")
    assert "Is" in doc.propositions_by_id and all(p.own for p in doc.propositions)
    assert "X111" in [w.code for w in warnings]
    assert not [d for d in argmap.check(doc) if d.severity is argmap.Severity.ERROR]


def test_a_locution_that_reports_itself_in_a_circle_is_kept():
    doc, warnings = argmap.read(_aif([("L2", "L", "bob : p"), ("Ip", "I", "p"), ("Y2", "YA", "Default Illocuting"),
                                      ("Y3", "YA", "Asserting")], [("Ip", "Y2"), ("Y2", "L2"), ("L2", "Y3"), ("Y3", "Ip")]),
                                "aif")  # fmt: skip
    assert [p.id for p in doc.propositions] == ["Ip"] and [p.author for p in doc.posts] == ["bob"]
    assert [w.code for w in warnings] == ["X111"]


def test_plain_reported_speech_reads_as_a_reported_proposition_of_the_reporting_post():
    doc, warnings = argmap.read(_aif(REPORT, CHAIN), "aif")
    (p,) = doc.propositions
    assert (p.id, p.voice, p.reported_by, p.post) == ("Ip", Voice.REPORTED, "bob", "L1") and warnings == []
    assert [post.author for post in doc.posts] == ["ann"]
