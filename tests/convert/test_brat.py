"""brat standoff: components, relations, stances, offset drift."""

from __future__ import annotations

from argmap._cli import main
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
    assert [(w.code, w.span.line) for w in warnings] == [("X603", 9)]


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
