"""`argmap check` and `argmap rules`: severity filter, configuration, JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

import argmap
from argmap._check import Config
from argmap._cli import main

TEXT = """\
post 1 by ann
  claim a: A.
  claim b: B.
  claim c: lonely
  claim d: D.
  support s1: b -> a
  rebut b -> a
  rebut d -> b
"""


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "sample.argmap"
    path.write_text(TEXT, encoding="utf-8")
    return path


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def codes(out: str) -> list[str]:
    return [line.split()[1] for line in out.splitlines()]


def test_severity_filter(capsys, sample):
    _, out, _ = run(capsys, "check", "--format", "concise", str(sample))
    assert codes(out) == ["M101", "S104", "M103"]
    _, out, _ = run(capsys, "check", "--format", "concise", "--severity", "warning", str(sample))
    assert codes(out) == ["M101", "S104"]
    code, out, _ = run(capsys, "check", "--format", "concise", "--severity", "error", str(sample))
    assert code == 1 and codes(out) == ["S104"]


def test_select_and_ignore_options(capsys, sample):
    code, out, _ = run(capsys, "check", "--format", "concise", "--select", "M", str(sample))
    assert code == 0 and codes(out) == ["M101", "M103"]
    code, out, _ = run(capsys, "check", "--format", "concise", "--ignore", "M", str(sample))
    assert code == 1 and codes(out) == ["S104"]


def test_pyproject_configuration_silences_rules(capsys, sample):
    (sample.parent / "pyproject.toml").write_text('[tool.argmap]\nignore = ["M101", "S"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "concise", str(sample))
    assert code == 0 and codes(out) == ["M103"]


def test_the_library_and_the_command_find_the_same_problems(capsys, sample):
    """argmap.check owns the choice of rules: the project's settings and the file's own header
    apply to a loaded document as they do to `argmap check`."""
    (sample.parent / "pyproject.toml").write_text('[tool.argmap]\nignore = ["S"]\n', encoding="utf-8")
    sample.write_text("ignore: M103\n" + TEXT, encoding="utf-8")
    _, out, _ = run(capsys, "check", "--format", "concise", str(sample))
    library = [d.code for d in argmap.check(argmap.load(sample))]
    assert codes(out) == library == ["M101"]
    everything = [d.code for d in argmap.check(argmap.load(sample), config=Config())]
    assert everything == ["M101", "S104"]  # without the project's settings (the header still counts)


def test_an_ignore_header_naming_no_rule_is_reported_even_beside_a_syntax_error(capsys, tmp_path):
    path = tmp_path / "t.argmap"
    path.write_text("ignore: S1O3\npost 1 by ann\n  claim a: A.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "concise", str(path))
    assert code == 0 and out.splitlines()[0] == f"{path}:1:1: P108 warning: 'ignore:' names no rule: 'S1O3'"
    path.write_text("ignore: S1O3\npost 1 by ann\n  claim a A.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "concise", str(path))
    assert code == 1 and codes(out) == ["P108", "P100"]


def test_pyproject_with_a_bad_key_is_a_usage_error(capsys, sample):
    (sample.parent / "pyproject.toml").write_text('[tool.argmap]\nignroe = ["M"]\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(sample))
    assert code == 2 and "unknown key(s) in [tool.argmap]: ignroe" in err


def test_pyproject_that_is_not_toml_is_a_usage_error(capsys, sample):
    (sample.parent / "pyproject.toml").write_text("[tool.argmap\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(sample))
    assert code == 2 and "not valid TOML" in err


def test_json_output_validates_against_the_shipped_schema(capsys, sample, seed_example):
    schema = argmap.diagnostics_schema()
    for path in (sample, seed_example):
        _, out, _ = run(capsys, "check", "--format", "json", str(path))
        data = json.loads(out)
        jsonschema.validate(data, schema)
    assert any(
        d["related"]
        for d in json.loads(run(capsys, "check", "--format", "json", str(sample))[1])
        if "related" in d
    )


def test_json_output_of_syntax_errors_validates(capsys, tmp_path):
    path = tmp_path / "bad.argmap"
    path.write_text("cliam a: x\npost 1 by Zhang Fei\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "json", str(path))
    data = json.loads(out)
    jsonschema.validate(data, argmap.diagnostics_schema())
    assert code == 1 and [d["code"] for d in data] == ["P100", "P100"]
    assert data[0]["expected"] and data[0]["hint"] == "did you mean 'claim'?"


def test_several_files_are_checked_together(capsys, sample, seed_example):
    code, out, err = run(capsys, "check", "--format", "concise", str(sample), str(seed_example))
    assert code == 1 and "in 2 files." in err
    assert {line.split(":")[0] for line in out.splitlines()} == {str(sample), str(seed_example)}


def test_rules_lists_every_rule(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and len(out.splitlines()) == len(argmap._check.selected_rules())
    assert out.startswith("D101  error")
