"""From an annotated map to a framework, labels and reasons."""

from __future__ import annotations

import gc
import json
import re

import pytest
from hypothesis import given

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
    assert pr.extensions == 2 and pr.labels == {"a": "UNDEC", "b": "UNDEC"}


def test_no_stable_extension_is_said():
    doc = argmap.parse("claim a: A.\nclaim b: B.\nclaim c: C.\nrebut a -> b\nrebut b -> c\nrebut c -> a\n")
    ev = argmap.evaluate(doc, "stable")
    assert ev.extensions == 0 and ev.reasons["a"] == "UNDEC: there is no ST extension at all"


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
    assert re.search(r"^c0.1 +OUT: attacked by c0.2 \(c0.2 rebuts c0.1\)", out, re.M)
    assert main(["eval", str(seed_example), "--semantics", "preferred", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["semantics"] == "PR" and data["propositions"]["c34.1"]["value"] == "IN"


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
