"""`argmap af`: the ICCMA'23 solver interface and its output conventions."""

from __future__ import annotations

import pytest

from argmap._cli import main

I23 = "p af 4\n# a comment, not an attack\n1 2\n2 3\n3 2\n4 4\n"
APX = "arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\natt(c,b).\n"


@pytest.fixture
def i23(tmp_path):
    path = tmp_path / "f.i23"
    path.write_text(I23, encoding="utf-8")
    return path


@pytest.fixture
def apx(tmp_path):
    path = tmp_path / "f.apx"
    path.write_text(APX, encoding="utf-8")
    return path


def run(capsys, *args):
    code = main(["af", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "task, query, expected",
    [
        ("SE-PR", None, "w 1 3\n"),
        ("SE-ST", None, "NO\n"),  # 4 attacks itself: no stable extension
        ("EE-CO", None, "w 1 3\n"),
        ("DC-PR", "3", "YES\nw 1 3\n"),  # a witness follows YES
        ("DC-CO", "4", "NO\n"),
        ("DS-GR", "1", "YES\n"),
        ("DS-ST", "2", "YES\n"),  # vacuous: there is no stable extension
        ("DS-SST", "4", "NO\nw 1 3\n"),  # a counter-example follows NO
    ],
)
def test_i23_tasks(capsys, i23, task, query, expected):
    args = ["-p", task, "-f", i23] + (["-a", query] if query else [])
    code, out, _ = run(capsys, *args)
    assert (code, out) == (0, expected)


def test_apx_uses_names_and_bracket_lists(capsys, apx):
    assert run(capsys, "-p", "EE-PR", "-f", apx)[1] == "[[a,c]]\n"
    assert run(capsys, "-p", "SE-GR", "-f", apx)[1] == "[a,c]\n"
    assert run(capsys, "-p", "DS-CO", "-f", apx, "-a", "c")[1] == "YES\n"


def test_tgf_input(capsys, tmp_path):
    path = tmp_path / "f.tgf"
    path.write_text("a\nb\n#\na b\nb a\n", encoding="utf-8")
    assert run(capsys, "-p", "EE-ST", "-f", path)[1] == "[[a],[b]]\n"


def test_listing_problems_and_formats(capsys):
    code, out, _ = run(capsys, "--problems")
    assert code == 0 and out.startswith("[DC-CO,") and "EE-ID" in out
    assert run(capsys, "--formats")[1] == "[apx,tgf,i23]\n"


def test_errors_are_located_and_exit_non_zero(capsys, tmp_path, i23):
    bad = tmp_path / "bad.apx"
    bad.write_text("arg(a).\natt(a,z).\nnonsense\n", encoding="utf-8")
    code, _, err = run(capsys, "-p", "EE-CO", "-f", bad)
    assert code == 1
    assert f"{bad}:2:1: A001 error: attack names argument 'z', which is not declared" in err
    assert f"{bad}:3:1: A001 error: expected arg(NAME). or att(NAME,NAME)." in err
    assert run(capsys, "-p", "DC-CO", "-f", i23)[0] == 2  # no -a
    assert run(capsys, "-p", "DC-CO", "-f", i23, "-a", "9")[0] == 2
    assert run(capsys, "-p", "XX-YY", "-f", i23)[0] == 2
    header = tmp_path / "h.i23"
    header.write_text("1 2\n", encoding="utf-8")
    code, _, err = run(capsys, "-p", "SE-CO", "-f", header)
    assert code == 1 and "expected the header 'p af N'" in err
