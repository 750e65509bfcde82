"""A user's own property tests, written with nothing from argmap but its strategies.

The code under test is the user's: a tiny exporter of argument edges to CSV
rows, and a finder of circular support.  argmap's strategies generate the maps.
"""

from hypothesis import given

from argmap import strategies


# --- the user's code -----------------------------------------------------------
def edges_as_rows(doc):
    """One (source, target, kind) row per premise of a support and per attack."""
    rows = []
    for rel in doc.relations:
        if rel.kind == "support":
            rows += [(p, rel.conclusion, "support") for p in rel.premises]
        elif rel.kind in ("rebuttal", "undercut"):
            rows.append((rel.attacker, rel.target, rel.kind))
    return rows


def has_circular_support(doc):
    """Depth-first search over premise -> conclusion edges."""
    graph = {}
    for rel in doc.supports:
        for p in rel.premises:
            graph.setdefault(p, set()).add(rel.conclusion)
    state = {}
    for root in graph:
        stack = [(root, iter(graph.get(root, ())))]
        state[root] = "open"
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = "done"
                stack.pop()
            elif state.get(child) == "open":
                return True
            elif child not in state:
                state[child] = "open"
                stack.append((child, iter(graph.get(child, ()))))
    return False


# --- the properties ------------------------------------------------------------
@given(strategies.documents())
def test_every_support_premise_and_attack_becomes_one_row(doc):
    rows = edges_as_rows(doc)
    expected = sum(len(s.premises) for s in doc.supports) + len(doc.rebuttals) + len(doc.undercuts)
    assert len(rows) == expected


@given(strategies.documents(shape="dag"))
def test_acyclic_maps_have_no_circular_support(doc):
    assert not has_circular_support(doc)


@given(strategies.defective_documents("S103"))
def test_a_map_with_a_support_cycle_is_caught(doc):
    assert has_circular_support(doc)
