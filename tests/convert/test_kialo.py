"""Kialo text exports: numbering, Pro/Con, cross-links into a graph."""

from __future__ import annotations

import re

import pytest

import argmap
from argmap._formats import kialo

EXPORT = """\
Discussion Title: Tea or coffee?

1. Tea is better.
1.1. Pro: Tea calms.
1.1.1. Con: Green tea has caffeine
which keeps some people awake.
1.2. Con: Coffee tastes better.
1.2.1. Pro: -> See 1.1.1.
1.3. Pro: -> See 9.9.
"""


def test_numbers_stances_and_links():
    doc, warnings = kialo.from_kialo(EXPORT, path="t.txt")
    assert doc.metadata.title == "Tea or coffee?"
    assert [(p.id, p.kind.value) for p in doc.propositions] == [
        ("1", "thesis"), ("1.1", "claim"), ("1.1.1", "claim"), ("1.2", "claim")]  # fmt: skip
    assert doc.propositions_by_id["1.1.1"].text == "Green tea has caffeine which keeps some people awake."
    rels = {(r.kind, r.premises[0] if r.kind == "support" else r.attacker, getattr(r, "conclusion", None) or r.target)
            for r in doc.relations}  # fmt: skip
    assert rels == {("support", "1.1", "1"), ("rebuttal", "1.1.1", "1.1"), ("rebuttal", "1.2", "1"),
                    ("support", "1.1.1", "1.2")}  # fmt: skip
    assert [(w.code, w.span.line) for w in warnings] == [("X403", 9)]


def test_the_cli_recognises_a_kialo_txt(tmp_path):
    from argmap._cli import main

    f = tmp_path / "discussion.txt"
    f.write_text(EXPORT, encoding="utf-8")
    assert main(["convert", str(f), "-o", str(tmp_path / "out.argmap")]) == 0
    assert "thesis 1: Tea is better." in (tmp_path / "out.argmap").read_text(encoding="utf-8")


def test_text_without_claims_is_an_error():
    with pytest.raises(argmap.ParseError) as info:
        kialo.from_kialo("Discussion Title: x\njust words\n")
    assert info.value.diagnostics[0].code == "X400"


@pytest.mark.corpus
def test_corpus_claim_counts(shared):
    files = sorted((shared / "corpora" / "kialo").glob("*.txt"))
    claims = []
    for f in files:
        text = f.read_text("utf-8")
        numbered = re.findall(r"(?m)^\d+(?:\.\d+)*\.\s", text)
        links = re.findall(r"(?m)^\d+(?:\.\d+)*\.\s+(?:Pro|Con):\s+-> See", text)
        doc, warnings = kialo.from_kialo(text, path=str(f))
        assert len(doc.propositions) == len(numbered) - len(links), f
        assert len(doc.relations) == len(numbered) - 1, f  # every claim but the thesis answers one
        assert not [d for d in argmap.check(doc) if d.severity is argmap.Severity.ERROR], f
        argmap.to_graphviz(doc)
        claims.append(len(doc.relations))
    assert sorted(claims) == [105, 544, 964]  # the counts the corpus README gives
