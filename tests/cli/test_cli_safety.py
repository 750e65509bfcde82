"""Nothing a command writes loses the user's data, and nothing it prints takes over the terminal."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading

import pytest

import argmap
from argmap._cli import main

TEXT = "post 1 by ann\n  claim a: Tea.\n  claim b: Hot.\n  support s1: b -> a\n"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def src(tmp_path):
    path = tmp_path / "in.argmap"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _aif(tmp_path):
    path = tmp_path / "map.json"
    path.write_text(argmap.write(argmap.parse(TEXT), "aif"), encoding="utf-8")
    return path


def _argmap_json(tmp_path):
    path = tmp_path / "t.json"
    path.write_text(argmap.to_json(argmap.parse(TEXT)), encoding="utf-8")
    return path


def _kialo(tmp_path):
    path = tmp_path / "debate.txt"
    path.write_text("Discussion Title: Tea\n\n1. Tea is good.\n1.1. Pro: It is hot.\n", encoding="utf-8")
    return path


def _microtext(tmp_path):
    path = tmp_path / "m.xml"
    path.write_text('<?xml version="1.0"?>\n<arggraph id="m"><edu id="e1">Tea.</edu></arggraph>\n', "utf-8")
    return path


@pytest.mark.parametrize("make", [_argmap_json, _aif, _kialo, _microtext])
def test_fmt_refuses_what_is_not_argmap_text_and_leaves_it_untouched(capsys, tmp_path, make):
    path = make(tmp_path)
    before = path.read_bytes()
    for mode in ("--write", "--check", None):
        code, out, err = run(capsys, "fmt", *([mode] if mode else []), path)
        assert code == 2 and out == "" and "reads the annotation language only" in err, err
    assert path.read_bytes() == before


def test_render_refuses_to_overwrite_its_input(capsys, src):
    code, _, err = run(capsys, "render", src, "-o", src, "--format", "dot")
    assert code == 2 and "would overwrite the input" in err
    assert src.read_text(encoding="utf-8") == TEXT
    link = src.parent / "link.argmap"
    link.symlink_to(src)  # the same file by another name
    code, _, err = run(capsys, "convert", src, "-o", link, "--to", "argmap")
    assert code == 2 and "would overwrite the input" in err and src.read_text(encoding="utf-8") == TEXT


def test_output_to_a_device_is_written_in_place_not_replaced(capsys, src):
    code, _, _ = run(capsys, "render", src, "-o", "/dev/null", "--format", "dot")
    assert code == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_to_a_fifo_is_written_into_it(capsys, src, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, _, _ = run(capsys, "convert", src, "-o", fifo, "--to", "argmap")
    reader.join(10)
    assert code == 0 and got == [TEXT.encode()] and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_output_to_dev_stdout_goes_into_the_file_stdout_is(src, tmp_path):
    """`-o /dev/stdout` with standard output redirected to a file: the file gets the output, and it
    stays the same file (an atomic replace would put a new file in its place)."""
    out = tmp_path / "out.dot"
    with open(out, "wb") as f:
        inode = os.fstat(f.fileno()).st_ino
        proc = subprocess.run([sys.executable, "-m", "argmap", "render", str(src), "-o", "/dev/stdout",
                               "--format", "dot"], stdout=f, stderr=subprocess.PIPE)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert os.stat(out).st_ino == inode and out.read_text(encoding="utf-8").startswith("digraph")


def test_errors_about_the_output_name_the_path_the_user_gave(capsys, src, tmp_path):
    folder = tmp_path / "somedir"
    folder.mkdir()
    code, _, err = run(capsys, "render", src, "-o", folder, "--format", "dot")
    assert code == 2 and str(folder) in err and ".argmap-" not in err
    missing = tmp_path / "nowhere" / "map.dot"
    code, _, err = run(capsys, "render", src, "-o", missing)
    assert code == 2 and str(missing) in err and ".argmap-" not in err


def test_a_terminal_that_cannot_show_hangul_gets_escapes_not_a_crash(tmp_path):
    path = tmp_path / "k.argmap"
    path.write_text("post 1 by ann\n  claim a: 한국.\n  claim a: again\n", encoding="utf-8")
    env = dict(os.environ, PYTHONIOENCODING="ascii")
    fmt = subprocess.run([sys.executable, "-m", "argmap", "stats", str(path)], capture_output=True, env=env)
    check = subprocess.run([sys.executable, "-m", "argmap", "check", str(path)], capture_output=True, env=env)
    assert fmt.returncode == 1 and check.returncode == 1  # R001 in both, said in ASCII
    assert b"\\ud55c\\uad6d" in check.stdout and b"internal error" not in check.stderr + fmt.stderr


def test_check_shows_control_characters_in_source_lines_as_visible_marks(capsys, tmp_path):
    """An escape sequence in the file (here a clipboard write, OSC 52) never reaches the terminal raw."""
    path = tmp_path / "evil.argmap"
    path.write_text("post 1 by ann\n  claim a \x1b]52;c;aGk=\x07 \u202eevil\n", encoding="utf-8")
    code, out, err = run(capsys, "check", path)
    assert code == 1 and "\x1b" not in out + err and "\x07" not in out and "\u202e" not in out
    assert "␛]52;c;aGk=␇" in out
    name = tmp_path / "\x1b[31mred.argmap"
    code, _, err = run(capsys, "check", name)
    assert code == 2 and "\x1b" not in err and "␛[31mred" in err


def test_a_comment_holding_a_line_break_cannot_inject_statements(capsys, tmp_path):
    data = json.loads(argmap.to_json(argmap.parse(TEXT)))
    data["propositions"][0]["comments"] = ["x\nthesis evil: Injected"]
    path = tmp_path / "j.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "convert", path, "-o", tmp_path / "out.argmap")
    assert code == 1 and "J002 error: at $.propositions[0].comments[0]" in err
    assert not (tmp_path / "out.argmap").exists()
    with pytest.raises(ValueError, match="single line"):
        argmap.Proposition("a", "Tea.", comments=["x\rthesis evil: Injected"])


@pytest.mark.parametrize("bad", ["\x00", "\ud800", "\udcff"])
def test_nul_and_lone_surrogates_are_refused_everywhere(bad, tmp_path):
    with pytest.raises(argmap.ParseError) as e:
        argmap.parse(f"post 1 by ann\n  claim a: x{bad}y\n")
    (d,) = e.value.diagnostics
    assert (d.code, d.span.line, d.span.column) == ("P002", 2, 13)
    with pytest.raises(ValueError, match="cannot keep"):
        argmap.Proposition("a", f"x{bad}")
    with pytest.raises(ValueError, match="cannot keep"):
        argmap.Post("1", f"ann{bad}")
    data = json.loads(argmap.to_json(argmap.parse(TEXT)))
    data["posts"][0]["author"] = f"ann{bad}"
    with pytest.raises(argmap.ParseError, match=r"J002 error: at \$\.posts\[0\]\.author"):
        argmap.from_json(json.dumps(data))


def test_what_parse_reports_it_also_mends(tmp_path):
    """parse_with_diagnostics returns a document holding no NUL: what it could not keep is U+FFFD."""
    from argmap._language import parse_with_diagnostics

    doc, diags = parse_with_diagnostics("claim a: x\x00y\n")
    assert [d.code for d in diags] == ["P002"] and doc.propositions[0].text == "x\ufffdy"
    assert "\x00" not in argmap.format(doc)
