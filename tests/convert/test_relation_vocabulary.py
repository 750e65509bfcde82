"""The relation vocabulary of brat and CMV files, and the relation map that extends it (issue #15,
item 2): every name the known corpora use maps to what docs/formats.md says."""

from __future__ import annotations

import pytest

import argmap
from argmap._cli import main
from argmap._formats.vocabulary import Meaning, Vocabulary, normalise, read_relation_map

#: every relation and component name seen in the known corpora, and what it is in argmap
#: (the word, and whether the relation's source keeps the name as a tag); docs/formats.md lists it
KNOWN = {
    "support": ("support", False), "supports": ("support", False), "attack": ("rebuttal", False),
    "attacks": ("rebuttal", False), "rebuttal": ("rebuttal", False), "rebuttal_attack": ("rebuttal", True),
    "partial_attack": ("rebuttal", True), "undercutter": ("undercut", False),
    "undercutter_attack": ("undercut", True), "agreement": ("agreement", False),
    "partial_agreement": ("concession", False), "disagreement": ("rebuttal", False),
    "partial_disagreement": ("rebuttal", True), "understand": ("concession", True),
    "main_claim": ("thesis", False), "MajorClaim": ("thesis", False), "Claim": ("claim", False),
    "Premise": ("premise", False),
}  # fmt: skip


@pytest.mark.parametrize(("name", "meaning"), KNOWN.items())
def test_every_known_name_has_its_documented_meaning(name, meaning):
    assert Vocabulary().meaning(name) == Meaning(*meaning)


def test_the_docs_list_every_known_name():
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "formats.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Relation names") :]
    for name, (word, _) in KNOWN.items():
        assert f"`{name}`" in section, name


@pytest.mark.parametrize(
    ("written", "meant"),
    [("Supports", "support"), ("SUPPORT", "support"), ("partial-attack", "rebuttal"),
     ("Partial Attacks", "rebuttal"), ("undercutters", "undercut"), ("Major_Claim", "thesis"),
     ("major-claims", "thesis"), ("Rebuttal-Attacks", "rebuttal")],
)  # fmt: skip
def test_names_are_compared_without_case_separators_or_plural(written, meant):
    assert Vocabulary().meaning(written).word == meant


def test_relations_and_labels_are_told_apart_and_unknown_names_are_none():
    v = Vocabulary()
    assert v.relation("premise") is None and v.kind("support") is None
    assert v.relation("contradicts") is None and v.kind("Opinion") is None
    assert normalise(" Partial_-Attack ") == "partialattack"


def test_a_relation_map_extends_and_overrides_the_vocabulary():
    v = Vocabulary(
        {"contradicts": "rebuttal", "undercutter": "rebuttal", "Conclusion": "thesis", "pros": "support"}
    )
    assert v.relation("Contradicts") == Meaning("rebuttal") and v.relation("undercutter") == Meaning(
        "rebuttal"
    )
    assert v.kind("conclusions").value == "thesis" and v.relation("pro") == Meaning("support")


@pytest.mark.parametrize(
    ("entries", "words"),
    [
        ({"x": "rebutt"}, "not an argmap kind"),
        ({"": "support"}, "empty name"),
        ({"x": ""}, "not an argmap kind"),
    ],
)
def test_a_relation_map_naming_no_argmap_kind_is_a_usage_error(entries, words):
    with pytest.raises(argmap.UsageError, match=words):
        Vocabulary(entries, "m.toml")


def test_relation_map_files_in_toml_and_yaml(tmp_path):
    (tmp_path / "m.toml").write_text('contradicts = "rebuttal"\n"is part of" = "support"\n', encoding="utf-8")
    (tmp_path / "t.toml").write_text('[relation-map]\ncontradicts = "rebuttal"\n', encoding="utf-8")
    (tmp_path / "m.yaml").write_text("contradicts: rebuttal\nConclusion: thesis\n", encoding="utf-8")
    assert read_relation_map(str(tmp_path / "m.toml")) == {"contradicts": "rebuttal", "is part of": "support"}
    assert read_relation_map(str(tmp_path / "t.toml")) == {"contradicts": "rebuttal"}
    assert read_relation_map(str(tmp_path / "m.yaml")) == {"contradicts": "rebuttal", "Conclusion": "thesis"}


@pytest.mark.parametrize(
    ("name", "text", "words"),
    [
        ("bad.toml", "x = [1]\n", "must map to the name of a kind"),
        ("bad.toml", "x = \n", "not valid TOML"),
        ("bad.yaml", "- a\n- b\n", "a relation map is a table"),
        ("bad.yaml", "a: [\n", "bad.yaml:2:1: not valid YAML"),
        ("bad.yaml", "a: &x rebuttal\nb: *x\n", "YAML alias"),
        ("bad.toml", 'x = "nothing"\n', "not an argmap kind"),
        ("missing.toml", None, "cannot read the relation map"),
    ],
)
def test_unreadable_relation_maps_are_usage_errors_naming_the_file(tmp_path, name, text, words):
    if text is not None:
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(argmap.UsageError, match=words) as e:
        read_relation_map(str(tmp_path / name))
    assert name in str(e.value)


ESSAY_TXT = "Tea is good. Coffee is bad. Milk is fine.\n"
ESSAY = (
    "T1\tMajorClaim 0 11\tTea is good\nT2\tClaim 13 26\tCoffee is bad\nT3\tConclusion 28 40\tMilk is fine\n"
    "R1\tContradicts Arg1:T2 Arg2:T1\nR2\tattacks Arg1:T3 Arg2:T2\n"
)


@pytest.fixture
def essay(tmp_path):
    (tmp_path / "e.txt").write_text(ESSAY_TXT, encoding="utf-8")
    (tmp_path / "e.ann").write_text(ESSAY, encoding="utf-8")
    return tmp_path / "e.ann"


def test_an_unknown_relation_name_is_a_warning_naming_it(essay, capsys):
    assert main(["convert", str(essay), "-o", "-", "--to", "argmap"]) == 0
    captured = capsys.readouterr()
    assert (
        "X604 warning: relation R1 (Contradicts T2 -> T1): the relation name 'Contradicts' has no "
        in captured.err
    )
    assert "rebut T3 -> T2" in captured.out and "rebut T2" not in captured.out


def test_relation_map_option_of_convert_check_and_render(essay, tmp_path, capsys):
    (tmp_path / "map.yaml").write_text("contradicts: rebuttal\nconclusion: thesis\n", encoding="utf-8")
    assert (
        main(
            ["convert", str(essay), "-o", "-", "--to", "argmap", "--relation-map", str(tmp_path / "map.yaml")]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "rebut T2 -> T1" in out and "thesis T3: Milk is fine" in out
    assert main(["check", str(essay), "--format", "json", "--relation-map", str(tmp_path / "map.yaml")]) == 0
    assert "X604" not in capsys.readouterr().out
    assert (
        main(
            [
                "render",
                str(essay),
                "-o",
                str(tmp_path / "e.dot"),
                "--relation-map",
                str(tmp_path / "map.yaml"),
            ]
        )
        == 0
    )
    assert main(["check", str(essay), "--relation-map", str(tmp_path / "none.toml")]) == 2
    assert "none.toml: cannot read the relation map" in capsys.readouterr().err


def _project(tmp_path, name: str, pyproject: str, **files: str):
    """A project folder holding the essay, a pyproject.toml and ``files`` (settings are read once
    per folder and process, so each variant has its own)."""
    folder = tmp_path / name
    folder.mkdir()
    (folder / "e.txt").write_text(ESSAY_TXT, encoding="utf-8")
    (folder / "e.ann").write_text(ESSAY, encoding="utf-8")
    (folder / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    for file, text in files.items():
        (folder / file.replace("_", ".")).write_text(text, encoding="utf-8")
    return folder / "e.ann"


def test_relation_map_in_pyproject_as_a_table_or_a_file(tmp_path, capsys):
    essay = _project(tmp_path, "table", '[tool.argmap.relation-map]\nContradicts = "undercut"\n')
    assert main(["convert", str(essay), "-o", "-", "--to", "argmap"]) == 0
    out = capsys.readouterr()
    assert "rebut T2 -> T1" in out.out and "read as a rebuttal of T1" in out.err  # T1 draws no inference
    essay = _project(tmp_path, "file", '[tool.argmap]\nrelation-map = "names.toml"\n',
                     names_toml='contradicts = "rebuttal"\n',
                     other_toml='contradicts = "restatement"\n')  # fmt: skip
    assert main(["convert", str(essay), "-o", "-", "--to", "argmap"]) == 0
    assert "rebut T2 -> T1" in capsys.readouterr().out
    # the option's names win over the project's
    other = str(essay.parent / "other.toml")
    assert main(["convert", str(essay), "-o", "-", "--to", "argmap", "--relation-map", other]) == 0
    assert "restate T2 -> T1" in capsys.readouterr().out
    essay = _project(tmp_path, "list", '[tool.argmap]\nrelation-map = ["x"]\n')
    assert main(["check", str(essay)]) == 2
    assert "relation-map must name a file" in capsys.readouterr().err
    essay = _project(tmp_path, "kind", '[tool.argmap.relation-map]\nx = "nothing"\n')
    assert main(["check", str(essay)]) == 2
    assert "[tool.argmap] relation-map: 'x' maps to 'nothing'" in capsys.readouterr().err


def test_the_python_api_takes_a_relation_map(essay):
    with pytest.warns(argmap.ArgmapWarning, match="X608"):  # no .metadata: a synthetic post, said so
        doc = argmap.load(essay, relation_map={"contradicts": "rebuttal"})
    assert ("T2", "T1") in {(r.attacker, r.target) for r in doc.rebuttals}
    doc, _ = argmap.read(
        "<thread><OP author='a'><claim id='1'>x</claim></OP></thread>", "cmv", relation_map={"a": "support"}
    )
    assert doc.propositions[0].id == "1"
