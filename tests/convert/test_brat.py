"""brat standoff: components, relations, stances, offset drift."""

from __future__ import annotations

import argmap
from argmap._cli import main
from argmap._model import relation_sources, relation_target
from argmap._formats import brat

TXT = "Tea is better than coffee. Tea calms people. Some teas contain caffeine. Taste matters most.\n"
ANN = (
    "T1\tMajorClaim 0 25\tTea is better than coffee\n"
    "T2\tPremise 27 43\tTea calms people\n"
    "T3\tPremise 45 71\tSome teas contain caffeine\n"
    "T4\tClaim 73 91\tTaste matters most\n"
    "T5\tOpinion 0 3\tTea\n"
    "R1\tsupports Arg1:T2 Arg2:T1\t\n"
    "R2\tattacks Arg1:T3 Arg2:T2\t\n"
    "R3\tundercutter Arg1:T4 Arg2:T2\t\n"
    "R4\tsupports Arg1:T9 Arg2:T1\t\n"
    "A1\tStance T5 Against\n"
    "#1\tAnnotatorNotes T1\tthe main claim\n"
)


def write(tmp_path, ann=ANN, txt=TXT):
    (tmp_path / "essay.ann").write_text(ann, encoding="utf-8")
    if txt is not None:
        (tmp_path / "essay.txt").write_text(txt, encoding="utf-8")
    return tmp_path / "essay.ann"


def test_components_relations_and_stance(tmp_path):
    path = write(tmp_path)
    doc, warnings = brat.from_brat(path.read_text(encoding="utf-8"), path=str(path))
    assert [(p.id, p.kind.value, p.tags) for p in doc.propositions] == [
        ("T1", "thesis", ()), ("T2", "premise", ()), ("T3", "premise", ()), ("T4", "claim", ()), ("T5", "claim", ("Opinion",))]  # fmt: skip
    assert [(s.id, s.premises, s.conclusion) for s in doc.supports] == [("R1", ("T2",), "T1")]
    assert {(r.attacker, r.target) for r in doc.rebuttals} == {("T3", "T2"), ("T5", "T1")}
    assert [(u.attacker, u.target) for u in doc.undercuts] == [("T4", "R1")]
    assert [(w.code, w.span and w.span.line) for w in warnings] == [("X603", 9), ("X608", None)]
    assert [(p.id, p.author) for p in doc.posts] == [
        ("synthetic", "(synthetic post)")
    ]  # no posts in an essay
    assert {r.post for r in doc.relations} == {"synthetic"}


def test_offset_drift_is_reported_and_the_words_kept(tmp_path):
    path = write(tmp_path, txt="Preface. " + TXT)
    doc, warnings = brat.from_brat(path.read_text(encoding="utf-8"), path=str(path))
    drift = [w for w in warnings if w.code == "X605"]
    assert len(drift) == 5 and "offset 9, not 0" in drift[0].message
    assert doc.propositions_by_id["T1"].text == "Tea is better than coffee"


def test_missing_txt_is_a_warning_and_the_cli_reads_ann(tmp_path, capsys):
    path = write(tmp_path, txt=None)
    doc, warnings = brat.from_brat(path.read_text(encoding="utf-8"), path=str(path))
    assert "X601" in [w.code for w in warnings] and len(doc.propositions) == 5
    assert main(["stats", str(path)]) == 0
    assert "5" in capsys.readouterr().out


# -- issue #15, item 4: undercutters of attacks are undercuts of named attacks -----------------------

_WORDS = ["Tea is good", "Tea calms", "Tea has caffeine", "Caffeine in tea is mild", "Mild is still some",
          "Everything has some", "Tea is cheap", "Coffee is cheap too"]  # fmt: skip


def _ann(*relations: str) -> tuple[str, str]:
    """A .ann of one component per sentence of _WORDS (T1 …) with ``relations``, and its .txt."""
    txt, lines, at = "", [], 0
    for i, words in enumerate(_WORDS, 1):
        lines.append(f"T{i}\tClaim {at} {at + len(words)}\t{words}")
        txt += words + ". "
        at = len(txt)
    return "\n".join(lines + [f"R{i}\t{r}" for i, r in enumerate(relations, 1)]) + "\n", txt


def test_undercutters_of_attacks_chain_and_name_what_they_aim_at():
    ann, txt = _ann("supports Arg1:T2 Arg2:T1", "attacks Arg1:T3 Arg2:T2", "undercutter Arg1:T4 Arg2:T3",
                    "undercutter Arg1:T5 Arg2:T4", "undercutter Arg1:T6 Arg2:T5")  # fmt: skip
    doc, warnings = brat.from_brat(ann, source=txt)
    assert [w.code for w in warnings] == ["X608"]  # only the synthetic post: nothing left out
    assert [(r.kind, r.id, relation_sources(r)[0], relation_target(r)) for r in doc.relations] == [
        ("support", "R1", "T2", "T1"), ("rebuttal", "R2", "T3", "T2"), ("undercut", "R3", "T4", "R2"),
        ("undercut", "R4", "T5", "R3"), ("undercut", None, "T6", "R4"),
    ]  # fmt: skip
    assert not [d for d in argmap.check(doc) if d.severity is argmap.Severity.ERROR]


def test_an_undercutter_of_a_component_with_two_attacks_undercuts_each():
    ann, txt = _ann("attacks Arg1:T3 Arg2:T1", "attacks Arg1:T3 Arg2:T2", "undercutter Arg1:T4 Arg2:T3")
    doc, warnings = brat.from_brat(ann, source=txt)
    assert [(r.kind, r.id, r.attacker, r.target) for r in doc.relations] == [
        ("rebuttal", "R1", "T3", "T1"), ("rebuttal", "R2", "T3", "T2"),
        ("undercut", None, "T4", "R1"), ("undercut", None, "T4", "R2"),
    ]  # fmt: skip
    assert "T3 makes 2 attacks (R1, R2); it undercuts each" in warnings[0].message


def test_undercutters_aimed_at_each_other_in_a_cycle_are_left_out_with_warnings():
    ann, txt = _ann("undercutter Arg1:T7 Arg2:T8", "undercutter Arg1:T8 Arg2:T7", "attacks Arg1:T1 Arg2:T2")
    doc, warnings = brat.from_brat(ann, source=txt)
    assert [(r.kind, r.attacker, r.target) for r in doc.relations] == [("rebuttal", "T1", "T2")]
    dropped = [w.message for w in warnings if "left out" in w.message]
    assert len(dropped) == 2 and "(a cycle)" in dropped[0]
