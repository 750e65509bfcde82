"""APX frameworks as maps: each argument a claim, each attack a rebuttal; the map's evaluation is
the framework's (checked against the ICCMA gold answers in ../shared/corpora/iccma-gold)."""

from __future__ import annotations

import re

import pytest

import argmap
from argmap._formats.apx import from_apx


def test_arguments_become_claims_and_attacks_rebuttals():
    doc, warnings = from_apx("arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\n")
    assert [(p.id, p.text) for p in doc.propositions] == [("a", "a"), ("b", "b"), ("c", "c")]
    assert [(r.attacker, r.target) for r in doc.rebuttals] == [("a", "b"), ("b", "c")]
    assert warnings == []
    assert argmap.evaluate(doc, "grounded").labels == {"a": "IN", "b": "OUT", "c": "IN"}


def test_a_name_that_is_no_id_is_made_one_and_said_so():
    doc, warnings = from_apx("arg(x-).\narg(b).\natt(b,x-).\n")  # an id cannot end in '-'
    assert [p.id for p in doc.propositions] == ["x", "b"] and doc.propositions[0].text == "x-"
    assert [(r.attacker, r.target) for r in doc.rebuttals] == [("b", "x")]
    assert [w.code for w in warnings] == ["X900"] and "'x-'" in warnings[0].message


def test_a_broken_line_is_a_located_error():
    with pytest.raises(argmap.ParseError) as info:
        from_apx("arg(a).\natt(a,\n")
    assert (info.value.diagnostics[0].code, info.value.diagnostics[0].span.line) == ("A001", 2)


def test_an_apx_file_is_read_by_its_suffix(tmp_path):
    path = tmp_path / "f.apx"
    path.write_text("arg(a).\narg(b).\natt(a,b).\natt(b,a).\n", encoding="utf-8")
    doc = argmap.load(path)
    assert len(doc.rebuttals) == 2 and set(argmap.evaluate(doc, "grounded").labels.values()) == {"UNDEC"}


def _extensions(path) -> list[set[str]]:
    return [set(filter(None, group.split(","))) for group in re.findall(r"\[([^\[\]]*)\]", path.read_text())]


@pytest.mark.corpus
def test_every_gold_framework_as_a_map_is_labelled_as_its_gold_extensions_say(shared):
    """IN iff in every extension, OUT iff every extension attacks it: the gold lists of grounded,
    preferred and stable extensions give each claim's label, and the map's evaluation agrees."""
    files = sorted((shared / "corpora" / "iccma-gold").glob("*.apx"))
    assert len(files) == 20
    for apx in files:
        doc = argmap.load(apx)
        attackers = {p.id: {r.attacker for r in doc.rebuttals if r.target == p.id} for p in doc.propositions}
        for semantics, suffix in (("grounded", "EE-GR"), ("preferred", "EE-PR"), ("stable", "EE-ST")):
            exts = _extensions(apx.with_suffix(f".{suffix}"))
            expected = {
                p: ("UNDEC" if not exts else "IN" if all(p in e for e in exts)
                    else "OUT" if all(attackers[p] & e for e in exts) else "UNDEC")
                for p in attackers
            }  # fmt: skip
            assert argmap.evaluate(doc, semantics).labels == expected, (apx.name, semantics)


def test_names_that_are_ids_keep_them_and_a_made_id_takes_no_name_of_the_file():
    doc, warnings = from_apx("arg(a-).\narg(a).\narg(a-2).\natt(a-2,a-).\n")
    assert [(p.id, p.text) for p in doc.propositions] == [("a-3", "a-"), ("a", "a"), ("a-2", "a-2")]
    assert [(r.attacker, r.target) for r in doc.rebuttals] == [("a-2", "a-3")]
    assert [w.message for w in warnings] == ["argument 'a-' is not an argmap id: read as a-3"]
