"""`argmap af`: the ICCMA'23 solver interface and its output conventions."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap._cli import main
from argmap.af import TASKS, solve

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "evaluate"))
from reference import frameworks, reference

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
        # grounded decides 1, 3 (IN) and 2 (OUT): shortcut answers keep their certificates
        ("DC-PR", "1", "YES\nw 1 3\n"),
        ("DC-CO", "3", "YES\nw 1 3\n"),
        ("DC-SST", "1", "YES\nw 1 3\n"),
        ("DC-ID", "3", "YES\nw 1 3\n"),
        ("DS-PR", "1", "YES\n"),
        ("DS-PR", "2", "NO\nw 1 3\n"),
        ("DS-CO", "2", "NO\nw 1 3\n"),
        ("DS-ID", "2", "NO\nw 1 3\n"),
        ("DC-PR", "2", "NO\n"),
        ("DC-ST", "1", "NO\n"),  # in the grounded extension, but there is no stable extension
        ("DC-STG", "1", "YES\nw 1 3\n"),  # no grounded shortcut for stage: a search
        ("DS-STG", "2", "NO\nw 1 3\n"),
        ("SE-ID", None, "w 1 3\n"),
        ("EE-PR", None, "w 1 3\n"),
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


def parse_w(line):
    assert line.startswith("w"), line
    return frozenset(line.split()[1:])


@given(frameworks(), st.data())
def test_every_i23_task_answers_with_certificates_the_reference_accepts(af, data):
    """Every ICCMA task in i23 output on random frameworks of up to 10 arguments: DC prints YES
    and an extension containing the query, or NO alone; DS prints YES alone, or NO and an
    extension without it; SE an extension or NO when there is none; EE every extension once —
    each extension checked against the brute-force reference, shortcut answers included."""
    af = af.renamed({a: str(i + 1) for i, a in enumerate(af.arguments)})
    ref = reference(af)
    query = data.draw(st.sampled_from(af.arguments)) if len(af) else None
    for task in TASKS:
        kind, s = task.split("-")
        if kind in ("DC", "DS") and query is None:
            continue
        lines = solve(af, task, query, "i23")
        if kind == "EE":
            assert sorted(map(parse_w, lines), key=sorted) == sorted(ref[s], key=sorted) and len(
                lines
            ) == len(ref[s])
        elif kind == "SE":
            assert lines == ["NO"] if not ref[s] else parse_w(lines[0]) in ref[s]
        elif kind == "DC":
            yes = any(query in e for e in ref[s])
            assert lines[0] == ("YES" if yes else "NO") and len(lines) == (2 if yes else 1), task
            assert not yes or (parse_w(lines[1]) in ref[s] and query in parse_w(lines[1]))
        else:
            yes = all(query in e for e in ref[s])
            assert lines[0] == ("YES" if yes else "NO") and len(lines) == (1 if yes else 2), task
            assert yes or (parse_w(lines[1]) in ref[s] and query not in parse_w(lines[1]))


@given(frameworks(max_args=6))
def test_apx_enumeration_lists_every_extension_in_brackets(af):
    """EE with apx/tgf input: [[a,b],[c]], each extension in argument order, as the reference says."""
    ref = reference(af)
    for s in ("PR", "ST", "SST", "STG", "CO"):
        (line,) = solve(af, f"EE-{s}", None, "apx")
        assert line.startswith("[") and line.endswith("]")
        groups = line[1:-1]
        found = [] if not groups else [g.strip("[]") for g in groups.split("],[")]
        exts = [frozenset(x for x in g.split(",") if x) for g in found]
        assert len(exts) == len(ref[s]) and set(exts) == ref[s], s
        for g in found:
            names = [x for x in g.split(",") if x]
            assert names == sorted(names, key=af.index.__getitem__)
