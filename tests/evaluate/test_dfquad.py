"""DF-QuAD on maps: exact values by hand, bounds, and the direction of each relation."""

from __future__ import annotations

from math import prod

from hypothesis import assume, given
from hypothesis import strategies as st

import argmap
from argmap import strategies
from argmap import Rebuttal, Undercut
from argmap._evaluate.dfquad import combine, df_quad
from argmap._model import strongly_connected


def test_values_worked_by_hand(seed_example):
    doc = argmap.load(seed_example.parent / "tutorial-1-basics.argmap")
    scores, converged = df_quad(doc)
    assert converged
    # s1 = a2 * a3 = 0.375 * 0.5; s2 = (1 - b2) * a4 = 0.5 * 0.5; vs = 1 - (1 - s1)(1 - s2)
    vs = 1 - (1 - 0.375 * 0.5) * (1 - 0.25)
    assert abs(scores["a1"] - (0.5 + 0.5 * vs)) < 1e-9
    assert abs(scores["a2"] - (0.5 - 0.5 * 0.25)) < 1e-9  # b1 = 0.5 - 0.5 * a5 = 0.25


@given(strategies.documents(shape="cyclic"))
def test_strengths_lie_in_zero_one(doc):
    scores, _ = df_quad(doc)
    assert set(scores) == set(doc.propositions_by_id)
    assert all(-1e-9 <= v <= 1 + 1e-9 for v in scores.values())


@given(strategies.documents(shape="dag", relation_mix=("support", "rebuttal")), st.data())
def test_a_new_rebuttal_never_raises_and_a_new_support_never_lowers_its_target(doc, data):
    ids = list(doc.propositions_by_id)
    assume(len(ids) >= 2)
    a, b = data.draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
    before = df_quad(doc)[0][b]
    fresh = "zz-new"
    attacker = argmap.Proposition(fresh, "new")
    with_rebut = argmap.Document(
        doc.metadata, doc.posts, (attacker,) + doc.propositions, (argmap.Rebuttal(fresh, b),) + doc.relations
    )
    with_support = argmap.Document(
        doc.metadata,
        doc.posts,
        (attacker,) + doc.propositions,
        (argmap.Support("zz-s", [fresh], b),) + doc.relations,
    )
    assert df_quad(with_rebut)[0][b] <= before + 1e-9
    assert df_quad(with_support)[0][b] >= before - 1e-9


def test_eval_df_quad_reports_what_raised_and_lowered(capsys, seed_example):
    from argmap._cli import main

    assert (
        main(["eval", str(seed_example.parent / "tutorial-1-basics.argmap"), "--semantics", "df-quad"]) == 0
    )
    out = capsys.readouterr().out
    assert "a1  0.695: base 0.5; raised by s1, s2" in out and "a2  0.375: base 0.5; lowered by b1" in out


def _inference_values(doc, strength, rounds=200):
    """Every inference's value from the propositions' strengths, by DF-QuAD's definition: a support
    or an attack starts from 1, is weakened by what undercuts it and is as strong as its premises
    (attackers) together.  Undercuts can aim at attacks, so the values are found by updating them
    all until none moves; None if they do not settle."""
    props = doc.propositions_by_id
    sups = {s.id: s for s in doc.supports_by_id.values() if s.conclusion in props and s.id not in props}
    attacks = [r for r in (*doc.rebuttals, *doc.undercuts) if all(a in props for a in r.attackers)]
    value = {("s", s): 0.0 for s in sups} | {("a", i): 0.0 for i in range(len(attacks))}
    for _ in range(rounds):
        def against(name):
            return [value["a", i] for i, u in enumerate(attacks) if isinstance(u, Undercut) and u.target == name]

        new = {("s", s): combine(1.0, against(s), []) * prod(strength[q] for q in sup.premises if q in props)
               for s, sup in sups.items()}  # fmt: skip
        new |= {("a", i): combine(1.0, against(r.id) if r.id is not None else [], [])
                * prod(strength[a] for a in r.attackers) for i, r in enumerate(attacks)}  # fmt: skip
        if all(abs(new[k] - value[k]) < 1e-12 for k in value):
            return sups, attacks, new
        value = new
    return None


def _equations(doc):
    """DF-QuAD's equations over the whole map: (propositions, base, one update of all strengths,
    or None where the inferences alone do not settle)."""
    props = doc.propositions_by_id
    base = {p: (q.base if q.base is not None else 0.5) for p, q in props.items()}

    def update(strength):
        found = _inference_values(doc, strength)
        if found is None:
            return None
        sups, attacks, value = found
        return {p: combine(base[p],
                           [value["a", i] for i, r in enumerate(attacks) if isinstance(r, Rebuttal) and r.target == p],
                           [value["s", s] for s, sup in sups.items() if sup.conclusion == p])
                for p in props}  # fmt: skip

    return list(props), base, update


def _jacobi(doc, rounds=5000, tolerance=1e-13):
    """The plain definition: update every strength at once, from the base scores, until none moves."""
    props, base, update = _equations(doc)
    strength = dict(base)
    for _ in range(rounds):
        new = update(strength)
        assert new is not None  # only asked of maps without circles
        if max([abs(new[p] - strength[p]) for p in props] + [0.0]) < tolerance:
            return new, True
        strength = new
    return strength, False


maps = st.one_of(strategies.documents(shape="dag"), strategies.documents(shape="tree"),
                 strategies.documents(shape="cyclic", max_relations=8),
                 strategies.defective_documents(["S102", "S101"]))  # a proposition that attacks itself  # fmt: skip


@given(maps)
def test_settled_strengths_satisfy_every_equation(doc):
    """Whatever the map, when df_quad says the values settled, one more update of every
    strength at once leaves each where it is: they are DF-QuAD's fixed point."""
    props, _, update = _equations(doc)
    scores, settled = df_quad(doc)
    assert list(scores) == list(props)
    if settled:
        again = update(scores)
        assume(again is not None)  # undercuts of undercuts in a circle: no one-step check
        assert all(abs(again[p] - scores[p]) < 1e-8 for p in props)


@given(maps)
def test_maps_without_circles_get_what_updating_everything_at_once_converges_to(doc):
    """Where nothing depends on itself, each strength computed once, in dependency order,
    equals the limit of the plain all-at-once updates."""
    from argmap._evaluate.dfquad import bipolar_map, dependencies

    tables = bipolar_map(doc)
    props, needs = tables[0], dependencies(tables)
    assume(not any(len(c) > 1 or c[0] in needs[c[0]] for c in strongly_connected(needs, needs.__getitem__)))
    expected, converged = _jacobi(doc)
    scores, settled = df_quad(doc)
    assert settled and converged
    assert all(abs(scores[p] - expected[p]) < 1e-9 for p in props)


def test_a_deep_chain_is_computed_exactly():
    """A chain of 300 supports (deeper than the iteration's undamped rounds)."""
    lines = [f"claim c{i}: C{i}." for i in range(301)]
    lines += [f"support s{i}: c{i + 1} -> c{i}" for i in range(300)]
    scores, settled = df_quad(argmap.parse("\n".join(lines) + "\n"))
    # each support passes on its premise's strength: c300 = 0.5, c_i = 0.5 + 0.5 * c_(i+1)
    expected = 0.5
    for _ in range(300):
        expected = 0.5 + 0.5 * expected
    assert settled and abs(scores["c0"] - expected) < 1e-12


def test_undercuts_that_undercut_each_other_settle_as_a_circle_of_inferences():
    """u1 and u2 form a circle of inferences only (each weakens the other): it settles, and as
    neither attacks a proposition, c and d keep their base scores.  A self-undercut likewise."""
    from argmap._evaluate.dfquad import bipolar_map

    doc = argmap.parse("claim c: C.\nclaim d: D.\nundercut u1: c -> u2\nundercut u2: d -> u1\n")
    scores, settled = df_quad(doc)
    assert settled and scores == {"c": 0.5, "d": 0.5}
    assert set(bipolar_map(doc).attacks) == {"u1", "u2"}
    self_undercut = argmap.parse("claim c: C.\nundercut u: c -> u\n")
    assert df_quad(self_undercut)[0] == {"c": 0.5}
