"""Voice in the evaluation (docs/evaluation.md, "Voice: who is committed"): every proposition is an
argument whatever its voice, the labels do not depend on it, and the reason says whose it is."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import Voice, strategies

#: the notes docs/evaluation.md promises, written out here
NOTES = {
    "reported": " (reported: not the author's own assertion)",
    "supposed": " (supposed: raised to be answered, not the author's own assertion)",
    "ironic": " (ironic: the author does not mean it literally)",
}


def all_own(doc: argmap.Document) -> argmap.Document:
    props = [attrs.evolve(p, voice=Voice.OWN, reported_by=None) for p in doc.propositions]
    return attrs.evolve(doc, propositions=props)


def note(p: argmap.Proposition) -> str:
    if p.voice is Voice.REPORTED and p.reported_by is not None:
        return f" (reported by {p.reported_by}: not the author's own assertion)"
    return NOTES.get(p.voice.value, "")


@settings(max_examples=60, deadline=None)
@given(strategies.documents(max_propositions=10, max_relations=12),
       st.sampled_from(["grounded", "preferred", "h-categorizer", "df-quad"]))  # fmt: skip
def test_labels_do_not_depend_on_voice_and_reasons_say_whose_it_is(doc, semantics):
    voiced = argmap.evaluate(doc, semantics)
    plain = argmap.evaluate(all_own(doc), semantics)
    assert voiced.labels == plain.labels
    for pid, p in doc.propositions_by_id.items():
        assert voiced.reasons[pid] == plain.reasons[pid] + note(p)


def test_the_voiced_and_the_plain_maps_differ_in_the_test_above():
    """The property above is not vacuous: generated maps have voices other than own."""
    doc = argmap.parse("claim a: A.\n  voice: reported by the Times\nclaim b: B.\n  voice: ironic\n")
    assert all_own(doc) != doc


THREAD = """\
post 1 by ann
  thesis t: Tea is good for you.
  claim o: Tea stains teeth.
    voice: supposed
  rebut o -> t
{answer}"""


def test_a_supposed_objection_attacks_and_its_answer_takes_it_down():
    unanswered = argmap.evaluate(argmap.parse(THREAD.format(answer="")), "grounded")
    assert unanswered.labels == {"t": "OUT", "o": "IN"}
    assert unanswered.reasons["o"] == "IN: nothing attacks it" + NOTES["supposed"]
    answer = "  claim w: Brushing removes the stain.\n  rebut w -> o\n"
    answered = argmap.evaluate(argmap.parse(THREAD.format(answer=answer)), "grounded")
    assert answered.labels == {"t": "IN", "o": "OUT", "w": "IN"}
    assert answered.reasons["o"] == (
        "OUT: attacked by w (w rebuts o), which is IN because nothing attacks it" + NOTES["supposed"]
    )
    assert answered.reasons["t"].endswith("which is OUT, attacked by w, which is IN")  # own: no note


def test_a_reported_view_can_be_attacked_and_can_support():
    doc = argmap.parse(
        "post 1 by admin\n  claim c: Japan cannot be trusted.\n    voice: reported by a columnist\n"
        "  claim k: Korea should keep its distance.\n    voice: reported by a columnist\n"
        "  support s1: c -> k\n  claim t: Korea should work with Japan.\n  rebut k -> t\n"
    )
    assert argmap.evaluate(doc, "grounded").labels == {"c": "IN", "k": "IN", "t": "OUT"}
    df = argmap.evaluate(doc, "df-quad")
    assert df.labels["k"] > 0.5 and df.labels["t"] < 0.5  # supported, and attacking, as its relations say
    assert df.reasons["k"].endswith(" (reported by a columnist: not the author's own assertion)")


@pytest.mark.parametrize("support", ["deductive", "necessary"])
def test_the_framework_has_the_same_arguments_and_attacks_whatever_the_voices(support):
    doc = argmap.parse(THREAD.format(answer="  claim w: W.\n    voice: ironic\n  rebut w -> o\n"))
    voiced, plain = argmap.to_framework(doc, support=support), argmap.to_framework(all_own(doc), support=support)
    assert voiced.af.arguments == plain.af.arguments and set(voiced.af.attacks) == set(plain.af.attacks)
    assert set(voiced.af.arguments) >= {"t", "o", "w"}
