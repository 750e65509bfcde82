"""The misreading rules (D107, D108, D109, S108): what they let pass, and the fix D109 offers."""

from __future__ import annotations

import pytest

import argmap
from argmap._check import apply_fixes


def found(text: str, code: str) -> list[tuple[int, str]]:
    return [(d.span.line, d.message) for d in argmap.check(argmap.parse(text), select=[code])]


ANN = "post 1 by ann\n  thesis a: Tea is good.\n  claim b: Tea calms.\n  support s1: b -> a\n"


@pytest.mark.parametrize(
    "text",
    [
        ANN + "  claim c: Tea stains.\n  concede c\n  rebut c -> a\n",  # granted
        ANN
        + "  claim c: Tea stains.\n  claim d: Brushing helps.\n  rebut c -> a\n  rebut d -> c\n",  # answered
        ANN + "post 2 by ann reply-to 1\n  claim c: Tea stains.\n  rebut c -> a\n",  # a later post: D105's
        ANN + "post 2 by bob reply-to 1\n  claim c: Tea stains.\n  rebut c -> a\n",  # someone else
        "claim a: A.\nclaim c: C.\nrebut c -> a\n",  # no post at all
    ],
)
def test_self_rebuttal_near_misses_are_not_reported(text):
    assert found(text, "D107") == []


def test_a_post_that_rebuts_its_own_claim_with_someone_elses_is_reported():
    text = "post 1 by bob\n  claim c: Tea stains.\n" + ANN.replace("post 1", "post 2") + "  rebut c -> a\n"
    assert found(text, "D107") == [
        (7, "post 2 rebuts its own thesis a with c, and neither concedes nor answers c")
    ]


@pytest.mark.parametrize(
    "tail",
    [
        "post 3 by ann reply-to 2\n  concede c\n",  # granted while arguing on
        "post 3 by cat reply-to 2\n  agree c\n",  # not ann's claim
        "post 3 by ann reply-to 2\n  agree d\n",  # d attacks nothing of ann's
    ],
)
def test_agreement_near_misses_are_not_reported(tail):
    text = (
        ANN
        + "post 2 by bob reply-to 1\n  claim c: Tea stains.\n  claim d: Cats purr.\n  rebut c -> a\n"
        + tail
    )
    assert found(text, "D108") == []


def test_agreeing_in_the_same_post_with_an_attack_on_ones_claim_is_reported():
    text = (
        "post 1 by bob\n  claim c: Tea stains.\n"
        + ANN.replace("post 1", "post 2")
        + "  rebut c -> a\n  agree c\n"
    )
    assert [m for _, m in found(text, "D108")] == [
        "ann agrees with c, which rebuts a, ann's own claim from post 2"
    ]


def test_reply_implied_fix_adds_the_reply():
    text = ANN + "post 2 by bob at 2010-12-29\n  claim c: Tea stains.\n  rebut c -> a\n"
    (d,) = argmap.check(argmap.parse(text), select=["D109"])
    fixed, applied = apply_fixes(text, [d])
    assert applied == [d]
    assert "post 2 by bob reply-to 1 at 2010-12-29\n" in fixed
    assert found(fixed, "D109") == []


def test_reply_implied_by_two_posts_names_both_and_offers_no_fix():
    text = (
        ANN + "post 2 by bob reply-to 1\n  claim c: Tea stains.\n  rebut c -> a\n"
        "post 3 by cat\n  claim d: Brushing helps.\n  rebut d -> c\n  support s3: b -> d\n"
    )
    (d,) = argmap.check(argmap.parse(text), select=["D109"])
    assert d.message == "post 3 answers post 2 but replies to no post"
    assert d.hint == "add the post it answers: reply-to 2 or 1"
    assert d.fix is None
    assert [r.span.line for r in d.related] == [10, 11]


@pytest.mark.parametrize(
    "text",
    [
        ANN,  # a post that only relates its own propositions
        "post 1 by ann\n  claim a: A.\n  rebut b -> a\npost 2 by bob\n  claim b: B.\n",  # names a later post
        ANN + "post 2 by bob\n  | @1 no.\n  claim c: C.\n  rebut c -> a\n",  # addresses post 1: D106's
        ANN + "post 2 by bob reply-to 1\n  claim c: C.\npost 3 by cat reply-to 1\n  rebut c -> a\n",
    ],
)
def test_reply_implied_near_misses_are_not_reported(text):
    assert found(text, "D109") == []


def test_rebutting_what_restates_you_is_reported_either_way():
    text = ANN + "  claim c: C.\n  restate a -> c\n  rebut c -> a\n"
    assert found(text, "S108") == [(7, "c rebuts a, which restates it")]


@pytest.mark.parametrize(
    "text",
    [
        ANN + "  claim c: C.\n  claim d: D.\n  restate c -> a\n  rebut d -> c\n",  # d is no paraphrase
        ANN + "  claim c: C.\n  restate c -> c\n  rebut c -> a\n",  # a self-restatement is S102's
        ANN
        + "  claim c: C.\n  claim d: D.\n  restate c -> a\n  restate d -> b\n  rebut d -> c\n",  # two classes
    ],
)
def test_restatement_near_misses_are_not_reported(text):
    assert found(text, "S108") == []


def test_a_linked_attack_is_agreed_with_only_when_every_attacker_is():
    head = ANN + "post 2 by bob reply-to 1\n  claim c: C.\n  claim d: D.\n  rebut c & d -> a\n"
    assert found(head + "post 3 by ann reply-to 2\n  agree c\n", "D108") == []
    assert found(head + "post 3 by ann reply-to 2\n  agree c\n  agree d\n", "D108") == [
        (10, "ann agrees with c & d, which rebuts a, ann's own claim from post 1")
    ]


def test_agreeing_with_an_undercut_of_ones_own_named_rebuttal_is_reported():
    text = (
        ANN + "post 2 by bob reply-to 1\n  claim c: C.\n  rebut r2: c -> a\n"
        "post 3 by ann reply-to 2\n  claim d: D.\n  rebut r3: d -> c\n"
        "post 4 by bob reply-to 3\n  claim e: E.\n  undercut e -> r3\npost 5 by ann reply-to 4\n  agree e\n"
    )
    assert found(text, "D108") == [
        (15, "ann agrees with e, which undercuts rebuttal r3, ann's own rebuttal from post 3")
    ]


def test_a_self_rebuttal_whose_inference_the_post_undercuts_is_answered():
    text = ANN + "  claim c: Tea stains.\n  claim d: Not for long.\n  rebut r1: c -> a\n  undercut d -> r1\n"
    assert found(text, "D107") == []


def test_a_linked_attack_with_a_paraphrase_of_its_target_is_reported():
    text = ANN + "  claim c: C.\n  claim d: D.\n  restate c -> a\n  rebut d & c -> a\n"
    assert found(text, "S108") == [(8, "c rebuts a, which it restates")]
