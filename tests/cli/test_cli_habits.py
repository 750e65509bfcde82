"""The command line keeps the habits of the tools people already use (ruff, compilers, CI)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

import argmap
from argmap._cli import main

TEXT = """\
post 1 by ann
  | Tea is good for you.
  claim k1: Tea is healthy.
post 2 by bob
  quote 1: Tea is good for you.
  claim k2: It is not.
  rebut k2 -> kl
"""


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def src(tmp_path):
    path = tmp_path / "t.argmap"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_every_finding_says_its_severity(capsys, src):
    _, out, _ = run(capsys, "check", "--format", "concise", src)
    assert [line.split()[1:3] for line in out.splitlines()] == [
        ["M101", "warning:"], ["D106", "warning:"], ["M103", "info:"], ["R002", "error:"],
    ]  # fmt: skip


def test_colour_only_on_request_or_on_a_terminal(capsys, src, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    _, out, _ = run(capsys, "check", src)  # captured: not a terminal
    assert "\x1b[" not in out
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = run(capsys, "check", src)
    assert "\x1b[1;31merror\x1b[0m" in out and "\x1b[1mR002\x1b[0m" in out and "\x1b[1;33mwarning" in out
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    _, out, _ = run(capsys, "check", src)
    assert "\x1b[" not in out


def test_exit_zero_and_fail_on(capsys, src):
    assert run(capsys, "check", src)[0] == 1  # R002 is an error
    assert run(capsys, "check", "--exit-zero", src)[0] == 0
    assert run(capsys, "check", "--ignore", "R", src)[0] == 0  # warnings and infos left
    assert run(capsys, "check", "--ignore", "R", "--fail-on", "warning", src)[0] == 1
    assert run(capsys, "check", "--select", "M103", "--fail-on", "warning", src)[0] == 0
    assert run(capsys, "check", "--select", "M103", "--fail-on", "info", src)[0] == 1


def test_statistics_count_per_code(capsys, src, tmp_path):
    other = tmp_path / "u.argmap"
    other.write_text(TEXT, encoding="utf-8")
    code, out, err = run(capsys, "check", "--statistics", src, other)
    assert code == 1 and out.splitlines() == [
        "2  D106  reply-not-marked", "2  M101  orphan-proposition", "2  M103  unanswered-rebuttal",
        "2  R002  unknown-proposition",
    ]  # fmt: skip
    assert "Found 2 errors, 4 warnings, 2 infos in 2 files." in err


def test_github_annotations(capsys, src):
    _, out, _ = run(capsys, "check", "--format", "github", src)
    lines = out.splitlines()
    assert lines[-1] == (
        f"::error file={src},title=R002,line=7,col=15,endLine=7,endColumn=17::"
        "R002 unknown proposition 'kl' (hint: did you mean 'k1'?)"
    )
    assert lines[2].startswith("::notice ") and len(lines) == 4


def test_github_annotations_escape_what_would_end_them(capsys, tmp_path):
    odd = tmp_path / "a,b:c%.argmap"
    odd.write_text("claim a: A.\n", encoding="utf-8")
    _, out, _ = run(capsys, "check", "--format", "github", odd)
    assert "file=" + str(odd).replace("%", "%25").replace(":", "%3A").replace(",", "%2C") in out


def test_sarif_is_valid_sarif_with_the_rule_catalogue(capsys, src):
    _, out, _ = run(capsys, "check", "--format", "sarif", src)
    log = json.loads(out)
    (run_,) = log["runs"]
    assert log["version"] == "2.1.0"
    assert [r["ruleId"] for r in run_["results"]] == ["M101", "D106", "M103", "R002"]
    assert run_["results"][3]["locations"][0]["physicalLocation"]["region"]["startLine"] == 7
    assert {r["id"] for r in run_["tool"]["driver"]["rules"]} >= {"R002", "D106", "T104"}
    jsonschema.Draft7Validator.check_schema({"type": "object"})  # (the SARIF schema is not shipped)
    assert all(r["level"] in ("error", "warning", "note") for r in run_["results"])


def test_junit_has_a_failing_case_per_finding_and_a_passing_one_per_clean_file(capsys, src, tmp_path):
    clean = tmp_path / "clean.argmap"
    clean.write_text("post 1 by ann\n  claim a: A.\n  claim b: B.\n  support s1: b -> a\n", encoding="utf-8")
    _, out, _ = run(capsys, "check", "--format", "junit", src, clean)
    root = ET.fromstring(out)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(src), str(clean)]
    assert len(suites[0].findall("testcase/failure")) == 4 and suites[1].findall("testcase/failure") == []
    assert root.get("tests") == "5" and root.get("failures") == "4"


def test_diff_shows_the_fixes_and_writes_nothing(capsys, src):
    code, out, _ = run(capsys, "check", "--diff", src)
    assert code == 1 and src.read_text(encoding="utf-8") == TEXT
    assert (
        "-post 2 by bob\n+post 2 by bob reply-to 1\n" in out
        and "-  rebut k2 -> kl\n+  rebut k2 -> k1\n" in out
    )


def test_fix_applies_the_mechanical_fixes_and_reports_what_is_left(capsys, src):
    code, out, err = run(capsys, "check", "--fix", "--format", "concise", src)
    fixed = src.read_text(encoding="utf-8")
    assert "post 2 by bob reply-to 1\n" in fixed and "rebut k2 -> k1\n" in fixed
    assert argmap.parse(fixed)  # the fixed file reads
    assert "fixed 2 problems" in err and code == 0
    assert [line.split()[1] for line in out.splitlines()] == ["M103"]
    assert run(capsys, "check", "--diff", src)[0] == 0  # nothing left to fix


def test_fix_leaves_files_that_are_not_argmap_text_alone(capsys, src, tmp_path):
    data = tmp_path / "t.json"
    data.write_text(argmap.to_json(argmap.parse("claim a: A.\n")), encoding="utf-8")
    before = data.read_bytes()
    run(capsys, "check", "--fix", data)
    assert data.read_bytes() == before


def test_a_fixed_diagnostic_validates_against_the_schema(capsys, src):
    _, out, _ = run(capsys, "check", "--format", "json", src)
    jsonschema.validate(json.loads(out), argmap.diagnostics_schema())
    assert any("fix" in d for d in json.loads(out))


def test_render_takes_to_like_convert_and_refuses_a_contradicting_name(capsys, src, tmp_path):
    src.write_text(TEXT.replace("kl", "k1"), encoding="utf-8")
    assert run(capsys, "render", src, "-o", tmp_path / "map.dot", "--to", "dot")[0] == 0
    assert run(capsys, "render", src, "-o", tmp_path / "old.dot", "--format", "dot")[0] == 0  # old name
    code, _, err = run(capsys, "render", src, "-o", tmp_path / "map.png", "--to", "svg")
    assert code == 2 and "named .png but --to asks for svg" in err and not (tmp_path / "map.png").exists()


def test_depth_without_focus_is_an_error(capsys, src, tmp_path):
    code, _, err = run(capsys, "render", src, "-o", tmp_path / "m.dot", "--depth", "2")
    assert code == 2 and "--focus" in err


def test_help_lists_every_format_of_the_registry(capsys):
    from argmap._formats import FORMATS

    for args in (["--help"], ["convert", "--help"]):
        with pytest.raises(SystemExit):
            main(args)
        out = capsys.readouterr().out
        assert all(name in out for name in FORMATS), args


def test_eval_defaults_to_grounded(capsys, src):
    fixed = src.read_text(encoding="utf-8").replace("kl", "k1")
    src.write_text(fixed, encoding="utf-8")
    code, out, _ = run(capsys, "eval", src, "--format", "json")
    assert code == 0 and json.loads(out)["propositions"]["k1"]["value"] == "OUT"


def test_missing_graphviz_is_an_environment_error(capsys, src, tmp_path, monkeypatch):
    from argmap._render import run as graphviz_run

    monkeypatch.setattr(graphviz_run.shutil, "which", lambda name: None)
    src.write_text(TEXT.replace("kl", "k1"), encoding="utf-8")
    code, _, err = run(capsys, "render", src, "-o", tmp_path / "m.svg")
    assert code == 2 and "was not found" in err
