"""docs/language.md stays true: its example parses canonically, its code table is complete."""

from __future__ import annotations

import re
from pathlib import Path

import argmap
from argmap._check import selected_rules

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")


def test_worked_example_parses_and_is_canonical():
    section = DOC.split("## A worked example", 1)[1]
    example = re.search(r"```(?:argmap|text)\n(.*?)```", section, re.S).group(1)
    doc = argmap.parse(example)
    assert argmap.format(doc) == example
    assert len(doc.posts) == 3 and len(doc.undercuts) == 1


def test_every_parser_code_is_in_the_table_and_nothing_else():
    documented = set(re.findall(r"^\| ([PR]\d{3}) \|", DOC, re.M))
    package = ROOT / "src" / "argmap"
    # the parser's codes, and P108, which the checker gives for an 'ignore:' header naming no rule
    sources = [*(package / "_language").glob("*.py"), package / "_check" / "checking.py"]
    src = "".join(path.read_text() for path in sources)
    used = set(re.findall(r'"(P\d{3})"', src))
    used |= {r.code for r in selected_rules(select=["R"])}
    assert documented == used


def test_every_statement_keyword_is_documented():
    from argmap._language import KEYWORDS

    table = DOC.split("## Statements", 1)[1].split("##", 1)[0]
    assert [k for k in KEYWORDS if f"`{k}" not in table and f"{k}:" not in table] == []


def test_every_argmap_block_parses_and_is_canonical():
    blocks = re.findall(r"```argmap\n(.*?)```", DOC, re.S)
    assert len(blocks) >= 2
    for block in blocks:
        assert argmap.format(argmap.parse(block)) == block
