"""Rules that index the map once give what their definitions, applied object by object, give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import Kind, Rebuttal, Support, Undercut, strategies
from argmap._model import relation_sources

maps = st.one_of(
    strategies.documents(max_propositions=14, max_relations=18),
    strategies.documents(shape="cyclic", max_propositions=8, max_relations=18),
    strategies.defective_documents(["S103", "R001"]),
    strategies.defective_documents(["S107", "S104", "S105"]),
)


def found(doc, code) -> list:
    return sorted(d.message for d in argmap.check(doc, select=[code]))


def by_definition(doc, code) -> list:
    """The rule's definition, written plainly over the document's lookups."""
    out = []
    if code == "M101":  # takes part in no relation
        out = [f"{p.id} is not related to anything" for p in doc.propositions
               if not doc.relations_to(p.id) and not doc.relations_from(p.id)]  # fmt: skip
    elif code == "M102":  # a thesis nothing supports
        out = [f"thesis {p.id} has no support" for p in doc.propositions
               if p.kind is Kind.THESIS and not any(isinstance(r, Support) for r in doc.relations_to(p.id))]  # fmt: skip
    elif code == "M103":  # nobody rebuts the attacker or undercuts a support it is a premise of
        for r in doc.rebuttals:
            rebutted = any(isinstance(x, Rebuttal) for x in doc.relations_to(r.attacker))
            undercut = any(isinstance(x, Undercut) for s in doc.relations_from(r.attacker)
                           if isinstance(s, Support) for x in doc.relations_to(s.id))  # fmt: skip
            if not rebutted and not undercut:
                out.append(f"nobody answers {r.attacker}'s rebuttal of {r.target}")
    elif code == "M104":  # a post with no quote, proposition or relation
        out = [f"post {p.id} puts forward nothing" for p in doc.posts
               if not p.quotes and not doc.propositions_of(p.id) and not doc.relations_of(p.id)]  # fmt: skip
    return sorted(out)


@given(maps, st.sampled_from(["M101", "M102", "M103", "M104"]))
def test_completeness_rules_agree_with_their_definitions(doc, code):
    """For every generated map, each completeness rule finds exactly what its definition finds."""
    assert found(doc, code) == by_definition(doc, code)


def _has_cycle(doc) -> bool:
    """Depth-first search over premise -> conclusion steps."""
    steps: dict = {}
    for s in doc.supports:
        for p in s.premises:
            if p != s.conclusion:
                steps.setdefault(p, set()).add(s.conclusion)
    state: dict = {}

    def visit(node) -> bool:
        state[node] = "open"
        for nxt in steps.get(node, ()):
            if state.get(nxt) == "open" or (nxt not in state and visit(nxt)):
                return True
        state[node] = "done"
        return False

    return any(node not in state and visit(node) for node in list(steps))


@given(maps)
def test_circular_support_is_reported_exactly_when_there_is_a_cycle(doc):
    """S103 fires if and only if the premise -> conclusion steps (self-support aside) form a cycle."""
    assert bool(found(doc, "S103")) == _has_cycle(doc)


def _same(a, b) -> bool:
    """Whether relation ``b`` states again what ``a`` states."""
    if a.kind != b.kind:
        return False
    if isinstance(a, Support):
        return set(a.premises) == set(b.premises) and a.conclusion == b.conclusion
    if isinstance(a, argmap.Agreement):
        return (a.post, a.target) == (b.post, b.target)
    return (relation_sources(a), a.target) == (relation_sources(b), b.target)


@given(maps)
def test_duplicate_relations_are_those_equal_to_an_earlier_one(doc):
    """S107 reports each relation that repeats an earlier one, pairwise compared."""
    rels = doc.relations
    repeats = [b for i, b in enumerate(rels) if any(_same(a, b) for a in rels[:i])]
    diags = argmap.check(doc, select=["S107"])
    assert len(diags) == len(repeats)
    assert sorted(d.span for d in diags if d.span) == sorted(b.span for b in repeats if b.span)


def test_a_support_with_its_premises_reordered_or_repeated_is_a_duplicate():
    head = "post 1 by ann\n  claim a: A.\n  claim b: B.\n  claim c: C.\n"
    reordered = argmap.parse(head + "  support s1: b & c -> a\n  support s2: c & b -> a\n")
    repeated = argmap.parse(head + "  support s1: b -> a\n  support s2: b & b -> a\n")
    different = argmap.parse(head + "  support s1: b -> a\n  support s2: b & c -> a\n")
    assert [d.span.line for d in argmap.check(reordered, select=["S107"])] == [6]
    assert [d.span.line for d in argmap.check(repeated, select=["S107"])] == [6]
    assert argmap.check(different, select=["S107"]) == []
