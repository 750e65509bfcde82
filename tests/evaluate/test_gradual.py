"""The h-categorizer: scores in (0, 1], and an added attack never raises its target's score."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st
from test_af_semantics import frameworks

from argmap.af import AF, h_categorizer


@given(frameworks(max_args=12))
def test_scores_lie_in_zero_one(af):
    assert all(0.0 < v <= 1.0 for v in h_categorizer(af).values())


@given(frameworks(max_args=12))
def test_scores_are_the_fixed_point(af):
    s = h_categorizer(af)
    for a in af.arguments:
        assert abs(s[a] - 1.0 / (1.0 + sum(s[b] for b in af.attackers_of(a)))) < 1e-9


@given(frameworks(max_args=10), st.data())
def test_adding_an_attack_never_raises_the_target(af, data):
    assume(len(af))
    x = data.draw(st.sampled_from(af.arguments))
    y = data.draw(st.sampled_from(af.arguments))
    before = h_categorizer(af)[y]
    after = h_categorizer(AF(af.arguments, af.attacks | {(x, y)}))[y]
    assert after <= before + 1e-9


def test_unattacked_arguments_score_their_weight():
    af = AF(["a", "b"], [("a", "b")])
    assert h_categorizer(af, {"a": 0.4}) == {"a": 0.4, "b": 1 / 1.4}
