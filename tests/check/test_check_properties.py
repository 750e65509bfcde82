"""Property tests for the checker, on generated documents."""

from __future__ import annotations

from collections import Counter

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import Severity, strategies
from argmap._check import RULES, selected_rules

ORDER = [Severity.ERROR, Severity.WARNING, Severity.INFO]


@given(strategies.documents())
def test_well_formed_documents_have_no_error(doc):
    assert [d for d in argmap.check(doc) if d.severity is Severity.ERROR] == []


def _at_least(diags, severity):
    return Counter(d.code for d in diags if ORDER.index(d.severity) <= ORDER.index(severity))


@pytest.mark.parametrize("code", sorted(strategies.DEFECTS))
@given(data=st.data())
def test_one_injected_defect_is_reported_as_exactly_its_code(code, data):
    doc = data.draw(strategies.documents(min_posts=2))
    bad = strategies.DEFECTS[code](data.draw, doc)
    severity = RULES[code].severity
    new = _at_least(argmap.check(bad), severity) - _at_least(argmap.check(doc), severity)
    assert set(new) == {code}


@given(strategies.defective_documents("S103", shape="dag"))
def test_defective_documents_strategy_yields_the_defect(doc):
    assert "S103" in {d.code for d in argmap.check(doc)}


@given(strategies.documents(shape="cyclic"))
def test_checker_never_crashes_and_every_diagnostic_is_well_formed(doc):
    for d in argmap.check(doc):
        assert d.code in RULES and d.message and isinstance(d.severity, Severity)


@given(strategies.documents(), st.sets(st.sampled_from([r.code for r in selected_rules()]), max_size=5))
def test_ignored_codes_never_appear(doc, ignored):
    assert not {d.code for d in argmap.check(doc, ignore=sorted(ignored))} & ignored


def test_every_error_rule_has_a_defect_injector():
    errors = {r.code for r in selected_rules() if r.severity is Severity.ERROR}
    assert errors <= set(strategies.DEFECTS)


@given(strategies.defective_documents(["S101", "D101", "R002"]))
def test_defective_documents_of_several_kinds_carry_one_of_them(doc):
    assert {"S101", "D101", "R002"} & {d.code for d in argmap.check(doc)}


@pytest.mark.parametrize("code", ["R001", "R002", "S101", "D101"])
@given(data=st.data())
def test_remembered_findings_equal_fresh_ones(code, data):
    """A document remembers its findings; asking again, in any order, or for a subset gives what a fresh copy gives."""
    doc = data.draw(strategies.defective_documents(code))
    select = data.draw(st.sampled_from([None, ["R"], [code], ["S", "D"]]))
    first = argmap.check(doc, select=["R"])  # what parse runs, remembered first
    fresh = attrs.evolve(doc)  # equal, but remembers nothing
    assert argmap.check(doc, select=select) == argmap.check(fresh, select=select)
    assert argmap.check(doc, select=["R"]) == first
    assert argmap.check(doc) == argmap.check(attrs.evolve(doc))
