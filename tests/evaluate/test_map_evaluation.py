"""From an annotated map to a framework, labels and reasons."""

from __future__ import annotations

import gc
import json
import re

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from reference import reference, reference_labels

import argmap
from argmap import strategies
from argmap._cli import main

LINKED = """\
claim c: The bridge should be built.
claim p1: Traffic doubled.
claim p2: The old bridge is full.
claim x: Traffic counts were wrong.
claim u: Building roads attracts traffic.
claim r: The money is needed elsewhere.
claim r2: The money is needed for schools.
support s1: p1 & p2 -> c
rebut x -> p1
undercut u -> s1
rebut r -> c
restate r2 -> r
"""


def attacks(doc, **kw):
    return set(argmap.to_framework(doc, **kw).af.attacks)


def test_rebuttals_and_undercuts_become_attacks_and_supports_become_inference_arguments():
    doc = argmap.parse(LINKED)
    af = argmap.to_framework(doc).af
    assert "s1" in af.arguments
    assert {("x", "p1"), ("u", "s1"), ("r", "c")} <= set(af.attacks)


def test_an_attack_on_a_premise_attacks_the_inference():
    assert ("x", "s1") in attacks(argmap.parse(LINKED))


def test_deductive_reading_rebutting_the_conclusion_attacks_the_argument_for_it():
    a = attacks(argmap.parse(LINKED), support="deductive")
    assert ("r", "s1") in a and ("u", "c") not in a


def test_necessary_reading_undercutting_the_inference_attacks_the_conclusion():
    a = attacks(argmap.parse(LINKED), support="necessary")
    assert ("u", "c") in a and ("x", "c") in a and ("r", "s1") not in a


def test_restated_propositions_share_their_attacks():
    a = attacks(argmap.parse(LINKED))
    assert ("r2", "c") in a


def test_agreements_change_nothing():
    base = "post 1 by ann\n  claim a: A.\n  claim b: B.\n  rebut b -> a\n"
    assert attacks(argmap.parse(base)) == attacks(
        argmap.parse(base + "post 2 by bob\n  agree a\n  concede b\n")
    )


def test_an_undercut_rebuttal_is_an_argument_that_needs_its_attacker():
    """`undercut c -> r1` on `rebut r1: b -> a`: the rebuttal is the argument r1, which attacks a
    and needs b; c attacks r1, and b no longer attacks a directly."""
    doc = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\nclaim d: D.\n"
                       "rebut r1: b -> a\nundercut c -> r1\nrebut d -> b\n")  # fmt: skip
    af = argmap.to_framework(doc).af
    assert "r1" in af.arguments
    assert {("r1", "a"), ("c", "r1"), ("d", "b"), ("d", "r1")} <= set(af.attacks)
    assert ("b", "a") not in set(af.attacks)


def test_undercutting_a_rebuttal_reinstates_its_target():
    plain = "claim a: A.\nclaim b: B.\nclaim c: C.\nrebut r1: b -> a\n"
    assert argmap.evaluate(argmap.parse(plain), "grounded").labels == {"a": "OUT", "b": "IN", "c": "IN"}
    ev = argmap.evaluate(argmap.parse(plain + "undercut c -> r1\n"), "grounded")
    assert ev.labels == {"a": "IN", "b": "IN", "c": "IN"}
    assert ev.reasons["a"].startswith("IN: every attacker is OUT, e.g. r1 (b rebuts a)")


def test_an_undercut_of_an_undercut_gives_the_support_back():
    """Read as necessary, a support's conclusion falls with its undercut inference; undercutting
    the undercut u1 takes u1 away, and the conclusion stands again."""
    doc = "claim q: Q.\nclaim p: P.\nclaim x: X.\nclaim y: Y.\nsupport s1: p -> q\nundercut u1: x -> s1\n"
    before = argmap.evaluate(argmap.parse(doc), "grounded", support="necessary").labels
    assert before["q"] == "OUT"
    after = argmap.parse(doc + "undercut y -> u1\n")
    assert argmap.evaluate(after, "grounded", support="necessary").labels == dict.fromkeys("qpxy", "IN")
    tr = argmap.to_framework(after, support="necessary")
    assert {("y", "u1"), ("u1", "s1"), ("u1", "q")} <= set(tr.af.attacks)
    assert ("x", "s1") not in set(tr.af.attacks)


def test_a_linked_rebuttal_fails_when_one_attacker_falls():
    """`rebut a & b -> t` needs both: knock a out and t stands; two separate rebuttals would not."""
    head = "claim t: T.\nclaim a: A.\nclaim b: B.\nclaim c: C.\nrebut c -> a\n"
    linked = argmap.evaluate(argmap.parse(head + "rebut a & b -> t\n"), "grounded")
    assert linked.labels == {"t": "IN", "a": "OUT", "b": "IN", "c": "IN"}
    assert "a&b->t" in argmap.to_framework(argmap.parse(head + "rebut a & b -> t\n")).af.arguments
    apart = argmap.evaluate(argmap.parse(head + "rebut a -> t\nrebut b -> t\n"), "grounded")
    assert apart.labels["t"] == "OUT"


def test_df_quad_weighs_a_linked_attack_by_its_attackers_together():
    """Strengths 0.5 and 0.5 attack together with 0.25: t = 0.5 - 0.5 * 0.25; apart they attack
    with 1 - 0.5 * 0.5 = 0.75: t = 0.125."""
    head = "claim t: T.\nclaim a: A.\nclaim b: B.\n"
    linked = argmap.evaluate(argmap.parse(head + "rebut a & b -> t\n"), "df-quad").labels
    apart = argmap.evaluate(argmap.parse(head + "rebut a -> t\nrebut b -> t\n"), "df-quad").labels
    assert linked["t"] == pytest.approx(0.375) and apart["t"] == pytest.approx(0.125)


def test_df_quad_weakens_an_undercut_rebuttal():
    """r1 starts from 1, c (0.5) halves it, and b (0.5) makes it 0.25: a = 0.5 - 0.5 * 0.25."""
    doc = "claim a: A.\nclaim b: B.\nclaim c: C.\nrebut r1: b -> a\n"
    assert argmap.evaluate(argmap.parse(doc), "df-quad").labels["a"] == pytest.approx(0.25)
    undercut = argmap.evaluate(argmap.parse(doc + "undercut c -> r1\n"), "df-quad").labels
    assert undercut["a"] == pytest.approx(0.375)


def test_grounded_labels_and_reasons():
    doc = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\nrebut b -> a\nrebut c -> b\n")
    ev = argmap.evaluate(doc, "grounded")
    assert ev.labels == {"a": "IN", "b": "OUT", "c": "IN"}
    assert ev.reasons == {
        "a": "IN: every attacker is OUT, e.g. b (b rebuts a), which is OUT, attacked by c, which is IN",
        "b": "OUT: attacked by c (c rebuts b), which is IN because nothing attacks it",
        "c": "IN: nothing attacks it",
    }


def test_a_cycle_is_undecided_under_grounded_and_split_under_preferred():
    doc = argmap.parse("claim a: A.\nclaim b: B.\nrebut a -> b\nrebut b -> a\n")
    ev = argmap.evaluate(doc, "grounded")
    assert ev.labels == {"a": "UNDEC", "b": "UNDEC"}
    assert (
        ev.reasons["a"]
        == "UNDEC: attacked by b (b rebuts a), which is itself UNDEC: the attacks go round in a circle"
    )
    pr = argmap.evaluate(doc, "preferred")
    assert pr.has_extension and pr.labels == {"a": "UNDEC", "b": "UNDEC"}


def test_no_stable_extension_is_said():
    doc = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\nrebut a -> b\nrebut b -> c\nrebut c -> a\n")
    ev = argmap.evaluate(doc, "stable")
    assert ev.has_extension is False and ev.reasons["a"] == "UNDEC: there is no stable extension at all"
    assert ev.as_dict()["has_extension"] is False


def test_h_categorizer_uses_base_scores():
    doc = argmap.parse("claim a: A.\n  base: 0.5\nclaim b: B.\nrebut a -> b\n")
    ev = argmap.evaluate(doc, "h-categorizer")
    assert ev.labels == {"a": 0.5, "b": round(1 / 1.5, 6)}


def test_unknown_semantics_and_support_reading_are_usage_errors():
    doc = argmap.parse("claim a: A.\n")
    with pytest.raises(argmap.UsageError):
        argmap.evaluate(doc, "admissible")
    with pytest.raises(argmap.UsageError):
        argmap.evaluate(doc, support="sufficient")


@given(strategies.documents(shape="cyclic"))
def test_every_semantics_labels_every_proposition_and_in_is_conflict_free(doc):
    for sem in ("grounded", "complete", "preferred", "stable", "semi-stable", "stage", "ideal"):
        ev = argmap.evaluate(doc, sem)
        assert set(ev.labels) == set(doc.propositions_by_id)
        assert all(ev.reasons[p].startswith(ev.labels[p]) for p in ev.labels)
        ins = {p for p, v in ev.labels.items() if v == "IN"}
        af = argmap.to_framework(doc).af
        assert not {(a, b) for a, b in af.attacks if a in ins and b in ins}


def test_eval_command_text_and_json(capsys, seed_example):
    assert main(["eval", str(seed_example), "--semantics", "grounded"]) == 0
    out = capsys.readouterr().out
    # the thesis falls to Zhang Fei's unanswered exception (docs/walkthrough.md)
    assert re.search(r"^c0.1 +OUT: attacked by c34.1 \(c34.1 rebuts c0.1\), which is IN", out, re.MULTILINE)
    assert main(["eval", str(seed_example), "--semantics", "preferred", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["semantics"] == "preferred" and data["propositions"]["c34.1"]["value"] == "IN"


def test_eval_unknown_semantics_exits_2(capsys, seed_example):
    assert main(["eval", str(seed_example), "--semantics", "magic"]) == 2
    assert "unknown semantics 'magic'" in capsys.readouterr().err


def test_render_with_semantics_shows_labels(capsys, seed_example):
    assert main(["render", str(seed_example), "-o", "-", "--format", "dot", "--semantics", "grounded"]) == 0
    dot = capsys.readouterr().out
    assert "[OUT]" in dot and "[IN]" in dot and "defeated" in dot


def test_translating_a_map_to_a_framework_pauses_the_collector(monkeypatch):
    """to_framework makes an attack pair and a reason per derived attack (no cycles): the
    collector is off while it runs and back on afterwards."""
    from argmap._evaluate import framework as _evaluate

    seen = []
    close = _evaluate._close
    monkeypatch.setattr(_evaluate, "_close", lambda *a: (seen.append(gc.isenabled()), close(*a)))
    doc = argmap.parse("claim a: Tea.\nclaim b: No.\nrebut b -> a\n")
    assert argmap.to_framework(doc).af.attacks == {("b", "a")}
    assert seen == [False] and gc.isenabled()


# -- labels from acceptance queries, checked against brute force, reasons included ---------------

SEMANTICS_BY_NAME = {"grounded": "GR", "complete": "CO", "preferred": "PR", "stable": "ST",
                     "semi-stable": "SST", "stage": "STG", "ideal": "ID"}  # fmt: skip


def reaches(af, a, b):
    seen, todo = {a}, [a]
    while todo:
        x = todo.pop()
        for y in af.attacked[af.index[x]]:
            name = af.arguments[y]
            if name == b:
                return True
            if name not in seen:
                seen.add(name)
                todo.append(name)
    return False


#: what a reason ends with for a proposition in each voice (docs/evaluation.md, "Voice")
VOICE_NOTES = {
    "own": "",
    "reported": " (reported: not the author's own assertion)",
    "supposed": " (supposed: raised to be answered, not the author's own assertion)",
    "ironic": " (ironic: the author does not mean it literally)",
}


def check_reason(p, text, af, labels, exts, code):
    # (code: the semantics by name, as reasons say it: "in every preferred extension")
    """Every claim the reason makes holds of the framework and the brute-force labels."""
    attackers = set(af.attackers_of(p))
    label, _, rest = text.partition(": ")
    assert label == labels[p]
    if rest == f"there is no {code} extension at all":
        assert not exts
        return
    if rest == "nothing attacks it":
        assert label == "IN" and not attackers
    elif m := re.fullmatch(
        r"every attacker is OUT, e\.g\. (\S+) \(.*\), which is (OUT|OUT, attacked by (\S+), which is IN)",
        rest,
    ):
        assert label == "IN" and all(labels[a] == "OUT" for a in attackers) and m[1] in attackers
        assert m[3] is None or (labels[m[3]] == "IN" and m[3] in af.attackers_of(m[1]))
    elif m := re.fullmatch(rf"in every {code} extension; its attacker (\S+) \(.*\) is in none of them", rest):
        assert label == "IN" and m[1] in attackers and not any(m[1] in e for e in exts)
    elif m := re.fullmatch(r"attacked by (\S+) \(.*\), which is IN because (.*)", rest):
        a = m[1]
        assert label == "OUT" and a in attackers and labels[a] == "IN"
        against = af.attackers_of(a)
        assert {
            "nothing attacks it": not against,
            "every attacker of it is OUT": against and all(labels[b] == "OUT" for b in against),
            f"it is in every {code} extension": True,
        }[m[2]]
    elif rest == f"in every {code} extension something attacks it":
        assert label == "OUT"
    elif m := re.fullmatch(
        r"attacked by (\S+) \(.*\), which is itself (\w+)(: the attacks go round in a circle)?", rest
    ):
        a = m[1]
        assert label == "UNDEC" and a in attackers and labels[a] == m[2] != "OUT"
        if m[3]:
            assert reaches(af, p, a) or a == p
    elif rest == f"some {code} extensions leave it out, and not all of them attack it":
        assert label == "UNDEC"
    else:
        raise AssertionError(f"unchecked reason {text!r}")


@st.composite
def rebuttal_maps(draw):
    """Up to seven claims rebutting each other (mutual rebuttals and odd circles likely), and
    perhaps a support: the maps on which the semantics disagree."""
    n = draw(st.integers(1, 7))
    claims = [f"c{i}" for i in range(n)]
    lines = [f"claim {c}: Claim {c}." for c in claims]
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(claims), st.sampled_from(claims)), max_size=10, unique=True)
    )
    lines += [f"rebut {a} -> {b}" for a, b in pairs if a != b]
    if n > 2 and draw(st.booleans()):
        lines.append(f"support s0: {claims[0]} -> {claims[-1]}")
    return argmap.parse("\n".join(lines) + "\n")


@given(st.one_of(strategies.documents(shape="cyclic", max_propositions=8), rebuttal_maps()))
def test_map_labels_and_reasons_match_brute_force_under_every_semantics(doc):
    """Labels come from acceptance queries: IN iff in every extension of the translated framework,
    OUT iff every extension attacks it, UNDEC otherwise (all UNDEC when there is none), as the
    brute-force reference says; every claim of every reason holds; has_extension says whether
    there is an extension."""
    af = argmap.to_framework(doc).af
    assume(len(af) <= 10)
    ref = reference(af)
    for name, code in SEMANTICS_BY_NAME.items():
        ev = argmap.evaluate(doc, name)
        expected = reference_labels(af, ref[code]) or dict.fromkeys(af.arguments, "UNDEC")
        assert ev.labels == {p: expected[p] for p in doc.propositions_by_id}, name
        assert ev.has_extension == bool(ref[code])
        for p, text in ev.reasons.items():
            note = VOICE_NOTES[doc.propositions_by_id[p].voice.value]  # docs/evaluation.md, "Voice"
            who = doc.propositions_by_id[p].reported_by
            if who is not None:
                note = f" (reported by {who}: not the author's own assertion)"
            assert text.endswith(note)
            check_reason(p, text.removesuffix(note) if note else text, af, expected, ref[code], name)


def test_stage_reason_for_an_in_claim_with_an_unanswered_attacker():
    """Under stage semantics a claim can be IN while its attacker is not OUT (stage extensions
    need not defend): the reason says the attacker is in no extension, not that it is OUT."""
    doc = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\nrebut b -> a\nrebut b -> b\nrebut a -> c\n")
    ev = argmap.evaluate(doc, "stage")
    assert ev.labels == {"a": "IN", "b": "UNDEC", "c": "OUT"}
    assert ev.reasons["a"] == "IN: in every stage extension; its attacker b (b rebuts a) is in none of them"
    assert (
        ev.reasons["c"] == "OUT: attacked by a (a rebuts c), which is IN because it is in every stage extension"
    )
    assert (
        ev.reasons["b"]
        == "UNDEC: attacked by b (b rebuts b), which is itself UNDEC: the attacks go round in a circle"
    )


def test_an_attacker_downstream_of_a_circle_is_not_said_to_be_in_one():
    """c is undecided because its attacker b is, but c lies on no circle of attacks: the reason
    does not say the attacks go round one."""
    doc = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\nrebut a -> b\nrebut b -> a\nrebut b -> c\n")
    ev = argmap.evaluate(doc, "grounded")
    assert ev.reasons["c"] == "UNDEC: attacked by b (b rebuts c), which is itself UNDEC"


def test_mutually_rebutting_pairs_are_all_undecided_and_said_so(capsys, tmp_path):
    """Sixteen pairs of claims rebutting each other: 65,536 preferred extensions, none listed."""
    text = "".join(
        f"claim a{i}: A.\nclaim b{i}: B.\nrebut a{i} -> b{i}\nrebut b{i} -> a{i}\n" for i in range(16)
    )
    doc = argmap.parse(text)
    for name in SEMANTICS_BY_NAME:
        ev = argmap.evaluate(doc, name)
        assert set(ev.labels.values()) == {"UNDEC"} and ev.has_extension, name
    path = tmp_path / "pairs.argmap"
    path.write_text(
        text + "claim c: C.\nclaim d: D.\nclaim e: E.\nrebut c -> d\nrebut d -> e\nrebut e -> c\n"
    )
    assert main(["eval", str(path), "--semantics", "stable", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["has_extension"] is False and data["propositions"]["a0"]["value"] == "UNDEC"
    assert main(["eval", str(path), "--semantics", "stable"]) == 0
    assert "there is no stable extension" in capsys.readouterr().err


def test_an_evaluation_shows_as_a_table_in_a_notebook_with_every_text_escaped():
    doc = argmap.parse('claim a: A.\nclaim b: B.\nrebut b -> a\nclaim c: C.\nrebut c -> b\n')
    ev = argmap.evaluate(doc, "grounded")
    assert ev.semantics == "grounded" and argmap.evaluate(doc, "df-quad").semantics == "df-quad"
    html = ev._repr_html_()
    assert html.startswith("<table><caption>grounded</caption>")
    assert "<tr><td>b</td><td>OUT</td>" in html and html.count("<tr>") == 4
    evil = argmap.parse('claim x: X.\n')
    shown = attrs.evolve(argmap.evaluate(evil, "grounded"), reasons={"x": "IN: <script>alert(1)</script>"})
    assert "<script>" not in shown._repr_html_() and "&lt;script&gt;" in shown._repr_html_()
    assert ev.table().splitlines()[1] == "b  " + ev.reasons["b"]
