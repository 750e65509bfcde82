"""Rules that index the map once give what their definitions, applied object by object, give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import Kind, Rebuttal, Support, Undercut, strategies

maps = st.one_of(
    strategies.documents(max_propositions=14, max_relations=18),
    strategies.documents(shape="cyclic", max_propositions=8, max_relations=18),
    strategies.defective_documents(["S103", "R001"]),
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
