"""The command line: output formats, exit codes, and files left intact."""

from __future__ import annotations

import io
import json
import os
import re
import stat
import subprocess
import sys

import pytest

from argmap._cli import main

BAD = "post 1 by ann\n  claim c1 Tea.\n  rebut c1 -> c9\n"
MESSY = "post 1 by ann\n# why\n      claim    c1:   Tea.\npost 2 by bob reply-to 1\n  rebut c2 -> c1\n claim c2: No.\n"


@pytest.fixture
def messy(tmp_path):
    path = tmp_path / "messy.argmap"
    path.write_text(MESSY, encoding="utf-8")
    return path


def run(capsys, *args, stdin: str | None = None):
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")))
    try:
        code = main(list(args))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


def test_stats_json_on_the_seed_example(capsys, seed_example):
    code, out, _ = run(capsys, "stats", str(seed_example), "--format", "json")
    counts = json.loads(out)
    assert code == 0
    for key in (
        "posts",
        "authors",
        "propositions",
        "supports",
        "rebuttals",
        "undercuts",
        "quotes",
        "replies",
    ):
        assert isinstance(counts[key], int)
    assert counts["authors"] >= 20 and counts["propositions"] >= 70


def test_stats_text(capsys, messy):
    code, out, _ = run(capsys, "stats", str(messy))
    assert code == 0 and re.search(r"^propositions +2$", out, re.M)


def test_check_seed_has_no_errors_and_exits_0(capsys, seed_example):
    code, _, err = run(capsys, "check", str(seed_example))
    assert code == 0 and "error" not in err


def test_check_clean_file_says_so(capsys, tmp_path):
    path = tmp_path / "ok.argmap"
    path.write_text("post 1 by ann\n  claim a: A.\n  claim b: B.\n  support s1: b -> a\n", encoding="utf-8")
    code, out, err = run(capsys, "check", str(path))
    assert (code, out, err) == (0, "", "All checks passed (1 file).\n")


def test_check_reports_every_problem_with_location_and_exits_1(capsys, tmp_path):
    path = tmp_path / "bad.argmap"
    path.write_text(BAD, encoding="utf-8")
    code, out, err = run(capsys, "check", "--format", "concise", str(path))
    assert code == 1
    assert out.splitlines() == [
        f"{path}:2:12: P100 error: unexpected 'Tea.'",
        f"{path}:3:15: R002 error: unknown proposition 'c9'",
    ]
    assert "Found 2 errors in 1 file." in err


def test_check_json_has_the_contract_fields(capsys, tmp_path):
    path = tmp_path / "bad.argmap"
    path.write_text("claim c1: x\nrebut c1 -> c2\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "json", "--select", "R", str(path))
    (d,) = json.loads(out)
    assert code == 1
    assert d == {
        "code": "R002",
        "severity": "error",
        "message": "unknown proposition 'c2'",
        "path": str(path),
        "line": 2,
        "column": 13,
        "end_line": 2,
        "end_column": 15,
        "hint": "did you mean 'c1'?",
        "fix": {
            "description": "replace 'c2' with 'c1'",
            "edits": [{"line": 2, "column": 13, "end_line": 2, "end_column": 15, "text": "c1"}],
        },
    }


def test_check_full_format_shows_source_and_hint(capsys, tmp_path):
    path = tmp_path / "bad.argmap"
    path.write_text(BAD, encoding="utf-8")
    _, out, _ = run(capsys, "check", str(path))
    assert "  |   claim c1 Tea.\n  |            ^^^^\n" in out and "hint: put ':'" in out


def test_check_reads_stdin(capsys):
    code, out, _ = run(capsys, "check", "--format", "concise", "-", stdin="cliam c1: x\n")
    assert code == 1 and out.startswith("<stdin>:1:1: P100 error: unknown statement 'cliam'")


def test_check_missing_file_exits_2_with_one_line(capsys, tmp_path):
    code, out, err = run(capsys, "check", str(tmp_path / "nope.argmap"))
    assert code == 2 and err.strip() == f"argmap: {tmp_path / 'nope.argmap'}: no such file"


def test_check_directory_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 2 and "is a directory" in err


def test_unknown_rule_code_is_a_usage_error(capsys, messy):
    code, _, err = run(capsys, "check", "--select", "XYZ", str(messy))
    assert code == 2 and "no rule code starts with 'XYZ'" in err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["check"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2


def test_fmt_prints_canonical_text(capsys, messy):
    code, out, _ = run(capsys, "fmt", str(messy))
    assert code == 0
    assert out == (
        "post 1 by ann\n  # why\n  claim c1: Tea.\n\npost 2 by bob reply-to 1\n  claim c2: No.\n  rebut c2 -> c1\n"
    )


def test_fmt_check_exits_1_for_non_canonical_and_0_for_canonical(capsys, messy, seed_example):
    code, _, err = run(capsys, "fmt", "--check", str(messy))
    assert code == 1 and f"would reformat {messy}" in err
    assert messy.read_text(encoding="utf-8") == MESSY
    code, _, _ = run(capsys, "fmt", "--check", str(seed_example))
    assert code == 0


def test_fmt_write_rewrites_in_place_keeping_mode_and_comments(capsys, messy):
    os.chmod(messy, 0o640)
    code, _, err = run(capsys, "fmt", "--write", str(messy))
    assert code == 0 and "reformatted" in err
    text = messy.read_text(encoding="utf-8")
    assert "# why" in text and text.startswith("post 1 by ann\n")
    assert stat.S_IMODE(os.stat(messy).st_mode) == 0o640
    assert [p.name for p in messy.parent.iterdir()] == ["messy.argmap"]  # no temp files left


def test_fmt_write_never_touches_a_file_with_errors(capsys, tmp_path):
    path = tmp_path / "bad.argmap"
    path.write_text(BAD, encoding="utf-8")
    code, _, err = run(capsys, "fmt", "--write", str(path))
    assert code == 1 and "nothing done" in err
    assert path.read_text(encoding="utf-8") == BAD


def test_fmt_write_refuses_stdin(capsys):
    code, _, err = run(capsys, "fmt", "--write", "-", stdin="claim c1: x\n")
    assert code == 2 and "--write cannot rewrite standard input" in err


def test_fmt_write_through_a_symlink_keeps_the_link(capsys, messy, tmp_path):
    link = tmp_path / "link.argmap"
    link.symlink_to(messy)
    assert run(capsys, "fmt", "--write", str(link))[0] == 0
    assert link.is_symlink() and "claim c1: Tea." in messy.read_text(encoding="utf-8")


def test_python_dash_m_runs_without_traceback(tmp_path):
    path = tmp_path / "bad.argmap"
    path.write_bytes(b"claim c1: \xff\n")
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(path)], capture_output=True, text=True
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "P001 error: the file is not UTF-8 text (byte 0xff)" in proc.stdout + proc.stderr


def test_an_internal_error_is_one_line_without_traceback(capsys, monkeypatch, seed_example):
    import argmap._cli.commands as cli

    def boom(doc):
        raise KeyError("bug")

    monkeypatch.setattr(cli, "stats", boom)
    monkeypatch.delenv("ARGMAP_DEBUG", raising=False)
    code, _, err = run(capsys, "stats", str(seed_example))
    assert (
        code == 70 and err.startswith("argmap: internal error (KeyError: 'bug')") and "Traceback" not in err
    )
