"""Rendering to files with Graphviz: formats, CJK glyphs, CLI, and a missing `dot`."""

from __future__ import annotations

import shutil

import pytest

import argmap
from argmap._cli import main
from argmap._render import run as graphviz_run

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz dot")
MAGIC = {"svg": b"<?xml", "png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-", "dot": b"digraph argmap {"}


@needs_dot
@pytest.mark.dot
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf", "dot"])
def test_seed_map_renders_to_every_format(capsys, seed_example, tmp_path, fmt):
    out = tmp_path / f"seed.{fmt}"
    assert main(["render", str(seed_example), "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(MAGIC[fmt]) and len(data) > 1000


@needs_dot
@pytest.mark.dot
def test_korean_and_japanese_use_a_cjk_font(seed_example):
    doc = argmap.load(seed_example)
    svg = argmap.render(doc, "svg").decode("utf-8")
    assert "내꺼야" in svg and "それは私です" in svg and "Noto Sans CJK" in svg
    pdf = argmap.render(doc, "pdf")
    assert b"NotoSansCJK" in pdf  # the CJK font is embedded, so glyphs are drawn, not boxes


def test_cjk_font_is_installed_for_png_and_pdf():
    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig is not installed")
    import subprocess

    match = subprocess.run(["fc-match", argmap._render.DEFAULT_FONT], capture_output=True, text=True).stdout
    assert "NotoSansCJK" in match.replace(" ", ""), match


def test_dot_format_needs_no_graphviz(monkeypatch, seed_example):
    monkeypatch.setattr(graphviz_run.shutil, "which", lambda name: None)
    assert argmap.render(argmap.load(seed_example), "dot").startswith(b"digraph")


def test_missing_dot_is_a_clear_error(monkeypatch, capsys, seed_example, tmp_path):
    monkeypatch.setattr(graphviz_run.shutil, "which", lambda name: None)
    with pytest.raises(argmap.RenderError, match="apt-get install graphviz"):
        argmap.render(argmap.load(seed_example), "svg")
    code = main(["render", str(seed_example), "-o", str(tmp_path / "x.svg")])
    err = capsys.readouterr().err
    assert code == 2 and "Graphviz's `dot` program was not found" in err and "Traceback" not in err
    assert not (tmp_path / "x.svg").exists()


def test_unknown_suffix_and_stdout_without_format_are_usage_errors(capsys, seed_example, tmp_path):
    assert main(["render", str(seed_example), "-o", str(tmp_path / "map.jpeg")]) == 2
    assert "cannot tell the output format" in capsys.readouterr().err
    assert main(["render", str(seed_example), "-o", "-"]) == 2
    assert "needs --to" in capsys.readouterr().err


def test_render_to_stdout_with_format(capsysbinary, seed_example):
    assert main(["render", str(seed_example), "-o", "-", "--format", "dot"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"digraph argmap {")


def test_render_refuses_a_file_with_errors_and_writes_nothing(capsys, tmp_path):
    src = tmp_path / "bad.argmap"
    src.write_text("claim c1 oops\n", encoding="utf-8")
    out = tmp_path / "bad.svg"
    assert main(["render", str(src), "-o", str(out)]) == 1
    assert not out.exists()


def test_existing_output_is_replaced_atomically(seed_example, tmp_path):
    out = tmp_path / "map.dot"
    out.write_text("old", encoding="utf-8")
    assert main(["render", str(seed_example), "-o", str(out), "--focus", "c6.1", "--depth", "1"]) == 0
    assert out.read_text(encoding="utf-8").startswith("digraph") and len(list(tmp_path.iterdir())) == 1


@needs_dot
@pytest.mark.dot
def test_document_displays_as_svg_in_jupyter(seed_example):
    bundle = argmap.load(seed_example)._repr_mimebundle_()
    assert bundle["image/svg+xml"].startswith("<?xml")
    assert bundle["text/plain"] == argmap.load(seed_example).summary()  # one line, not the whole file


def test_document_falls_back_to_text_without_dot(monkeypatch, seed_example):
    monkeypatch.setattr(graphviz_run.shutil, "which", lambda name: None)
    bundle = argmap.load(seed_example)._repr_mimebundle_()
    assert set(bundle) == {"text/plain"} and bundle["text/plain"].startswith("<argmap.Document")


def test_a_display_asked_not_to_include_an_image_runs_no_graphviz(monkeypatch, seed_example):
    """include/exclude are honoured: asked for text only, or with SVG excluded, no map is drawn."""
    drawn: list[str] = []
    monkeypatch.setattr(argmap._render, "render", lambda doc, fmt, **kw: drawn.append(fmt) or b"<svg/>")
    doc = argmap.load(seed_example)
    assert set(doc._repr_mimebundle_(include=["text/plain"])) == {"text/plain"}
    assert set(doc._repr_mimebundle_(exclude=["image/svg+xml"])) == {"text/plain"}
    assert drawn == []
    assert doc._repr_mimebundle_(include=["text/plain", "image/svg+xml"])["image/svg+xml"] == "<svg/>"
    assert drawn == ["svg"]


def test_a_large_map_displays_as_a_summary_with_a_hint(monkeypatch):
    monkeypatch.setattr(argmap, "DISPLAY_LIMIT", 3)
    doc = argmap.parse("".join(f"claim c{i}: <b>C{i}</b>.\n" for i in range(5)))
    bundle = doc._repr_mimebundle_(include=["text/plain", "text/html", "image/svg+xml"])
    assert "image/svg+xml" not in bundle and "Too large to draw here (5 propositions)" in bundle["text/html"]
