"""How the checker treats voices (docs/language.md, "Voice"): only the author's own voice commits
them.  Each rule that changed has a case it still reports and the near miss a voice makes."""

from __future__ import annotations

import pytest

import argmap


def found(text: str, code: str) -> list[tuple[int, str]]:
    return [(d.span.line, d.message) for d in argmap.check(argmap.parse(text), select=[code])]


# ---- D107: a post rebutting its own claim ------------------------------------------------------
SELF = "post 1 by ann\n  thesis a: Tea is good.\n{a}  claim c: Tea stains teeth.\n{c}  rebut c -> a\n"


def test_d107_still_reports_a_self_rebuttal_in_the_authors_own_voice():
    assert found(SELF.format(a="", c=""), "D107") == [
        (4, "post 1 rebuts its own thesis a with c, and neither concedes nor answers c")
    ]
    # 'own' written out is the same as no voice line
    assert found(SELF.format(a="    voice: own\n", c="    voice: own\n"), "D107") != []


@pytest.mark.parametrize("voice", ["supposed", "reported", "reported by a columnist", "ironic"])
def test_d107_is_silent_when_the_attacker_is_not_the_authors_own(voice):
    assert found(SELF.format(a="", c=f"    voice: {voice}\n"), "D107") == []


@pytest.mark.parametrize("voice", ["reported by a Chosun Ilbo columnist", "supposed", "ironic"])
def test_d107_is_silent_when_the_rebutted_proposition_is_not_the_authors_own(voice):
    assert found(SELF.format(a=f"    voice: {voice}\n", c=""), "D107") == []


def test_d107_counts_only_the_voice_the_rebutting_post_gives():
    """An attacker reported in an earlier post is the rebutting post's own move when it uses it."""
    text = ("post 1 by bob\n  claim c: Tea stains teeth.\n    voice: reported by a dentist\n"
            "post 2 by ann reply-to 1\n  thesis a: Tea is good.\n  rebut c -> a\n")  # fmt: skip
    assert [line for line, _ in found(text, "D107")] == [6]


# ---- D105: rebutting later what one asserted ---------------------------------------------------
LATER = ("post 1 by ann\n  claim a: Tea is good.\n{a}post 2 by bob reply-to 1\n  claim b: Tea is bad.\n"
         "post 3 by ann reply-to 2\n{own}  rebut {by} -> a\n")  # fmt: skip


def test_d105_still_reports_a_change_of_mind_in_the_authors_own_voice():
    assert found(LATER.format(a="", own="", by="b"), "D105") == [
        (6, "ann rebuts a, which they asserted in post 1")
    ]


@pytest.mark.parametrize("voice", ["reported by the Tea Council", "supposed", "ironic"])
def test_d105_is_silent_when_the_earlier_proposition_was_not_the_authors_own(voice):
    assert found(LATER.format(a=f"    voice: {voice}\n", own="", by="b"), "D105") == []


def test_d105_is_silent_when_the_later_post_voices_the_attacker_for_someone_else():
    own = "  claim c: Tea stains teeth.\n    voice: supposed\n"
    assert found(LATER.format(a="", own=own, by="c"), "D105") == []
    assert found(LATER.format(a="", own="  claim c: Tea stains teeth.\n", by="c"), "D105") != []


# ---- D108: agreeing with an attack on oneself ---------------------------------------------------
AGREE = ("post 1 by ann\n  claim a: Tea is good.\n{a}post 2 by bob reply-to 1\n  claim b: Tea is bitter.\n{b}"
         "  rebut b -> a\npost 3 by ann reply-to 2\n  agree b\n")  # fmt: skip


@pytest.mark.parametrize("voice", ["reported by the Tea Council", "supposed", "ironic"])
def test_d108_is_silent_when_the_attacked_proposition_was_not_the_authors_own(voice):
    assert found(AGREE.format(a=f"    voice: {voice}\n", b=""), "D108") == []


@pytest.mark.parametrize("voice", ["", "    voice: reported by a critic\n", "    voice: supposed\n"])
def test_d108_still_reports_agreeing_with_an_attack_whatever_the_attackers_voice(voice):
    """Agreeing with someone's report or supposition adopts it, and with it the attack."""
    line = 8 if voice else 7  # the 'agree b' line
    assert found(AGREE.format(a="", b=voice), "D108") == [
        (line, "ann agrees with b, which rebuts a, ann's own claim from post 1")
    ]


def test_d108_is_silent_for_an_undercut_of_an_inference_to_a_conclusion_not_held():
    text = ("post 1 by ann\n  claim a: Tea is good.\n{v}  claim p: Tea calms.\n  support s1: p -> a\n"
            "post 2 by bob reply-to 1\n  claim u: Calm is not goodness.\n  undercut u -> s1\n"
            "post 3 by ann reply-to 2\n  agree u\n")  # fmt: skip
    assert found(text.format(v=""), "D108") != []
    assert found(text.format(v="    voice: reported by the Tea Council\n"), "D108") == []


# ---- M103: unanswered rebuttals ----------------------------------------------------------------
ANSWER = "post 1 by ann\n  claim a: Tea is good.\n{a}post 2 by bob reply-to 1\n  claim b: Tea is bitter.\n{b}  rebut b -> a\n"


def test_m103_still_reports_a_rebuttal_of_an_own_claim_nobody_answers():
    assert found(ANSWER.format(a="", b=""), "M103") == [(5, "nobody answers b's rebuttal of a")]
    assert found(ANSWER.format(a="", b="    voice: reported by a critic\n"), "M103") != []


@pytest.mark.parametrize("voice", ["reported by the Tea Council", "supposed", "ironic"])
def test_m103_is_silent_for_a_rebuttal_of_what_nobody_holds(voice):
    assert found(ANSWER.format(a=f"    voice: {voice}\n", b=""), "M103") == []


def test_m103_leaves_a_supposed_attacker_to_m105():
    text = ANSWER.format(a="", b="    voice: supposed\n")
    assert found(text, "M103") == []
    assert found(text, "M105") == [(4, "b is supposed, raised to be answered, but nothing answers it")]


# ---- M101 and M105: suppositions ---------------------------------------------------------------
def test_an_unrelated_supposition_is_reported_once_by_m105_not_m101():
    text = "post 1 by ann\n  claim a: Tea is good.\n    voice: supposed\n"
    assert found(text, "M101") == []
    assert found(text, "M105") == [(2, "a is supposed, raised to be answered, but nothing answers it")]
    assert found(text.replace("supposed", "reported"), "M101") == [(2, "a is not related to anything")]


@pytest.mark.parametrize(
    "answer",
    [
        "  claim c: Brushing helps.\n  rebut c -> b\n",  # rebutted
        "  concede b\n",  # granted
        "  claim c: Stains are cosmetic.\n  undercut c -> s1\n",  # the inference it makes is undercut
        "  claim c: Stains are cosmetic.\n  undercut c -> r1\n",  # the attack it makes is undercut
    ],
)
def test_m105_is_silent_when_the_supposition_is_answered(answer):
    text = ("post 1 by ann\n  thesis a: Tea is good.\n  claim b: Tea stains teeth.\n    voice: supposed\n"
            "  claim n: Tea is not good.\n  support s1: b -> n\n  rebut r1: b -> a\n" + answer)  # fmt: skip
    assert found(text, "M105") == []
    assert found(text.split("  claim c")[0].replace("  concede b\n", ""), "M105") != []


@pytest.mark.parametrize("voice", ["own", "reported", "ironic"])
def test_m105_concerns_suppositions_only(voice):
    text = f"post 1 by ann\n  claim a: Tea is good.\n  claim b: Tea stains.\n    voice: {voice}\n  rebut b -> a\n"
    assert found(text, "M105") == []
