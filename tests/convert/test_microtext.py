"""arg-microtexts XML: ADUs, linked premises, undercuts, counts against the corpus."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

import pytest

import argmap
from argmap._formats import microtext

SAMPLE = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="t1" topic_id="tea" stance="pro">
  <edu id="e1"><![CDATA[Tea calms,]]></edu>
  <edu id="e2"><![CDATA[and calm people work better.]]></edu>
  <edu id="e3"><![CDATA[So the office should drink tea.]]></edu>
  <edu id="e4"><![CDATA[Not everyone likes tea.]]></edu>
  <edu id="e5"><![CDATA[Taste is not the point.]]></edu>
  <joint id="j1"/>
  <adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="pro"/>
  <adu id="a4" type="opp"/><adu id="a5" type="pro"/>
  <edge id="s1" src="e1" trg="a1" type="seg"/>
  <edge id="s2" src="e2" trg="j1" type="seg"/>
  <edge id="s3" src="j1" trg="a2" type="seg"/>
  <edge id="s4" src="e3" trg="a3" type="seg"/>
  <edge id="s5" src="e4" trg="a4" type="seg"/>
  <edge id="s6" src="e5" trg="a5" type="seg"/>
  <edge id="c1" src="a1" trg="a3" type="sup"/>
  <edge id="c2" src="a2" trg="c1" type="add"/>
  <edge id="c3" src="a4" trg="c1" type="und"/>
  <edge id="c4" src="a5" trg="c3" type="und"/>
</arggraph>"""


def test_adus_linked_premises_and_undercuts():
    doc, warnings = microtext.from_microtext(SAMPLE)
    assert [(p.id, p.kind.value, p.tags, p.text) for p in doc.propositions] == [
        ("a1", "claim", ("pro",), "Tea calms,"), ("a2", "claim", ("pro",), "and calm people work better."),
        ("a3", "thesis", ("pro",), "So the office should drink tea."), ("a4", "claim", ("opp",), "Not everyone likes tea."),
        ("a5", "claim", ("pro",), "Taste is not the point."),
    ]  # fmt: skip
    assert [(s.id, s.premises, s.conclusion) for s in doc.supports] == [("c1", ("a1", "a2"), "a3")]
    # a5 undercuts a4's undercut, which is named by its edge id so that it can be
    assert [(u.id, u.attacker, u.target) for u in doc.undercuts] == [("c3", "a4", "c1"), (None, "a5", "c3")]
    assert warnings == []
    assert argmap.evaluate(doc, "grounded", support="necessary").labels["a3"] == "IN"


def test_linked_rebuttals_and_undercuts_of_rebuttals_are_kept():
    """An "add" edge onto a rebuttal links its attackers; an und edge onto a rebuttal undercuts it."""
    sample = SAMPLE.replace('<edge id="c1" src="a1" trg="a3" type="sup"/>', '<edge id="c1" src="a1" trg="a3" type="reb"/>')
    doc, warnings = microtext.from_microtext(sample)
    assert warnings == [] and doc.supports == ()
    (rebuttal,) = doc.rebuttals
    assert (rebuttal.id, rebuttal.attackers, rebuttal.target) == ("c1", ("a1", "a2"), "a3")
    assert [(u.attacker, u.target) for u in doc.undercuts] == [("a4", "c1"), ("a5", "c3")]
    assert not [d for d in argmap.check(doc) if d.severity is argmap.Severity.ERROR]


def test_malformed_xml_is_an_error_with_a_line():
    with pytest.raises(argmap.ParseError) as info:
        microtext.from_microtext("<arggraph>\n<edu id='e1'>x</arggraph>")
    d = info.value.diagnostics[0]
    assert (d.code, d.span.line) == ("X500", 2)


@pytest.mark.corpus
def test_every_microtext_imports_with_counts_from_the_xml(shared):
    files = sorted((shared / "corpora" / "arg-microtexts" / "en").glob("*.xml"))
    assert len(files) == 112
    for f in files:
        root = ET.parse(f).getroot()
        edges = {e.get("id"): (e.get("src"), e.get("trg"), e.get("type")) for e in root.iter("edge")}
        kinds = Counter(t for _, _, t in edges.values())
        sources = Counter(t for _, t, k in edges.values() if k == "add")  # linked: one more source each
        undercut = sum(1 for _, t, k in edges.values() if k == "und" and edges.get(t, "  ")[2] in ("sup", "exa", "reb", "und"))
        doc, _ = microtext.from_microtext(f.read_text("utf-8"), path=str(f))
        assert len(doc.propositions) == len(list(root.iter("adu"))), f
        assert len(doc.supports) == kinds["sup"] + kinds["exa"], f
        assert len(doc.rebuttals) == kinds["reb"], f  # linked ones are one rebuttal each
        assert sum(len(r.attackers) for r in doc.rebuttals) == kinds["reb"] + sum(
            n for e, n in sources.items() if edges.get(e, "  ")[2] == "reb"), f
        assert len(doc.undercuts) == undercut, f
        assert not [d for d in argmap.check(doc) if d.severity is argmap.Severity.ERROR], f
        argmap.to_graphviz(doc)


def _graph(adus: list[str], edges: list[tuple[str, str, str, str]]) -> str:
    x = '<arggraph id="t">' + "".join(f'<edu id="e{a}">text {a}</edu><adu id="{a}" type="pro"/>'
                                      f'<edge id="s{a}" src="e{a}" trg="{a}" type="seg"/>' for a in adus)  # fmt: skip
    return x + "".join(f'<edge id="{i}" src="{s}" trg="{t}" type="{k}"/>' for i, s, t, k in edges) + "</arggraph>"


@pytest.mark.parametrize(
    "edges, message",
    [
        ([("c1", "a2", "a1", "sup"), ("c2", "a3", "c1", "add"), ("c3", "a3", "c2", "add")], "adds a3 to c2"),
        ([("c1", "a2", "a1", "sup"), ("c2", "a3", "a1", "add")], "adds a3 to a1"),
        ([("c1", "a2", "a1", "sup"), ("c2", "a3", "c1", "reb")], "aims at c1, which is no ADU"),
        ([("c2", "a2", "zz", "reb")], "aims at zz, which is no ADU"),
    ],
    ids=["add-onto-add", "add-onto-adu", "reb-onto-edge", "reb-onto-missing"],
)
def test_an_edge_that_cannot_be_read_is_named_in_a_warning(edges, message):
    _, warnings = microtext.from_microtext(_graph(["a1", "a2", "a3"], edges))
    assert [w.code for w in warnings] == ["X503"] and message in warnings[0].message


def test_an_edge_with_the_id_of_an_adu_gets_an_id_of_its_own():
    doc, warnings = microtext.from_microtext(_graph(["a1", "a2", "x"], [("x", "a2", "a1", "reb"), ("c2", "x", "x", "und")]))
    assert warnings == [] and [p.id for p in doc.propositions] == ["a1", "a2", "x"]
    assert [(r.id, r.attacker, r.target) for r in doc.rebuttals] == [("x-2", "a2", "a1")]
    assert [(u.attacker, u.target) for u in doc.undercuts] == [("x", "x-2")]
