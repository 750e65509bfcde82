"""Semantics agree with the definitions, and the known inclusions between them hold."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from reference import frameworks, reference

from argmap.af import AF, SEMANTICS, credulous, extensions, grounded, skeptical, some_extension


@given(frameworks())
def test_every_semantics_matches_the_brute_force_reference(af):
    ref = reference(af)
    for s in SEMANTICS:
        assert set(extensions(af, s)) == ref[s], s


@given(frameworks(), st.data())
def test_acceptance_matches_the_extensions(af, data):
    assume(len(af))
    a = data.draw(st.sampled_from(af.arguments))
    for s in SEMANTICS:
        exts = extensions(af, s)
        yes, witness = credulous(af, s, a)
        assert yes == any(a in e for e in exts), s
        assert (witness in exts and a in witness) if yes else witness is None
        yes, counter = skeptical(af, s, a)
        assert yes == all(a in e for e in exts), s
        assert (counter is None) if yes else (counter in exts and a not in counter)


@given(frameworks())
def test_inclusions_between_semantics(af):
    """ST ⊆ SST ⊆ PR ⊆ CO ⊆ AD ⊆ CF; ST ⊆ STG; GR = ∩CO; GR ⊆ ID ⊆ ∩PR; PR is never empty."""
    e = {s: set(extensions(af, s)) for s in SEMANTICS}
    assert e["ST"] <= e["SST"] <= e["PR"] <= e["CO"] <= e["AD"] <= e["CF"]
    assert e["ST"] <= e["STG"]
    (gr,) = e["GR"]
    (ideal,) = e["ID"]
    assert gr == frozenset.intersection(*e["CO"])
    assert gr <= ideal <= frozenset.intersection(*e["PR"])
    assert e["PR"]


@given(frameworks())
def test_complete_extensions_are_complete_labellings(af):
    """IN = the extension, OUT = what it attacks, UNDEC = the rest; IN iff all attackers OUT,
    OUT iff some attacker IN."""
    for ext in extensions(af, "CO"):
        out = {b for a, b in af.attacks if a in ext}
        for x in af.arguments:
            attackers = set(af.attackers_of(x))
            assert (x in ext) == (attackers <= out)
            assert (x in out) == bool(attackers & ext)


@given(frameworks(), st.randoms())
def test_results_do_not_depend_on_argument_names(af, rnd):
    names = list(af.arguments)
    shuffled = names[:]
    rnd.shuffle(shuffled)
    mapping = dict(zip(names, [f"z{n}" for n in shuffled]))
    renamed = af.renamed(mapping)
    for s in SEMANTICS:
        assert {frozenset(mapping[a] for a in e) for e in extensions(af, s)} == set(extensions(renamed, s))


def test_self_attack_and_odd_cycle():
    af = AF(["a", "b", "c", "d"], [("a", "a"), ("b", "c"), ("c", "d"), ("d", "b")])
    assert extensions(af, "ST") == [] and extensions(af, "PR") == [frozenset()]
    assert some_extension(af, "ST") is None
    assert skeptical(af, "ST", "a") == (True, None)  # vacuously: no stable extension
    assert [sorted(e) for e in extensions(af, "STG")] == [["b"], ["c"], ["d"]]


def test_grounded_is_linear_worklist_on_a_long_chain():
    n = 200_000
    args = [str(i) for i in range(n)]
    af = AF(args, [(args[i], args[i + 1]) for i in range(n - 1)])
    g = grounded(af)
    assert len(g) == n // 2 and "0" in g and "1" not in g


def test_unknown_semantics_is_a_value_error():
    with pytest.raises(ValueError, match="unknown semantics 'XX'"):
        extensions(AF(["a"], []), "XX")
