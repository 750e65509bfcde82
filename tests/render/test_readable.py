"""Static maps that read (#17): rows instead of one long row, a legend strip under the map
that takes a sliver of it, an image for the README legible at README width, and one
progress line while a long render runs.  Layout facts come from Graphviz's own ``plain``
output (positions in inches, y upwards)."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from dotparse import read

import argmap

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "korea-japan-allies.argmap"

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")


def layout(doc: argmap.Document, **options) -> tuple[tuple[float, float], dict[str, tuple[float, float, float, float]]]:
    """(graph width and height, {node: (x, y, width, height)}) from ``dot -Tplain``, in inches."""
    dot = argmap.render(doc, "dot", **options).decode()
    plain = subprocess.run(["dot", "-Tplain"], input=dot, capture_output=True, text=True, check=True).stdout
    size, nodes = (0.0, 0.0), {}
    for line in plain.splitlines():
        f = line.split()
        if f[0] == "graph":
            size = (float(f[2]), float(f[3]))
        elif f[0] == "node":
            nodes[f[1]] = (float(f[2]), float(f[3]), float(f[4]), float(f[5]))
    return size, nodes


def fan(n: int) -> argmap.Document:
    """One thesis and n premises, each supporting it on its own."""
    lines = ["post 1 by ann", "  thesis t: The thesis."]
    lines += [f"  premise p{i}: Reason number {i}." for i in range(n)]
    lines += [f"  support s{i}: p{i} -> t" for i in range(n)]
    return argmap.parse("\n".join(lines) + "\n")


def premises_per_row(doc: argmap.Document, **options) -> list[int]:
    _, nodes = layout(doc, legend=False, **options)
    rows: dict[float, int] = {}
    for name, (_, y, _, _) in nodes.items():
        if name != "p0":  # p0 is the thesis's node (generated names follow the document)
            rows[y] = rows.get(y, 0) + 1
    return sorted(rows.values(), reverse=True)


def test_many_answers_to_one_claim_fold_into_rows_of_at_most_wrap():
    assert premises_per_row(fan(12), wrap=5) == [5, 5, 2]
    assert premises_per_row(fan(12), wrap=3) == [3, 3, 3, 3]


def test_very_many_answers_fold_into_at_most_six_wider_rows():
    """Each row is a rank that every answer's edge crosses: dot's time grows with them."""
    assert premises_per_row(fan(60), wrap=5) == [10] * 6


def test_without_wrap_the_answers_stay_in_one_row():
    assert premises_per_row(fan(12), wrap=None) == [12]


def legend_box(nodes) -> tuple[float, float, float, float]:
    boxes = [(x - w / 2, y - h / 2, x + w / 2, y + h / 2) for n, (x, y, w, h) in nodes.items() if n.startswith("legend_")]
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


@pytest.mark.parametrize("options", [{}, {"focus": "c0.1", "depth": 1, "wrap": 3}], ids=["whole", "c0.1"])
def test_the_legend_is_a_strip_of_at_most_a_tenth_of_the_canvas(options):
    (width, height), nodes = layout(argmap.load(SEED), **options)
    x0, y0, x1, y1 = legend_box(nodes)
    assert (x1 - x0) * (y1 - y0) <= 0.1 * width * height
    assert y1 - y0 < 0.7  # one row of marks, inches: not a column of rows


def labels(doc: argmap.Document, **options) -> dict[str, str]:
    return {n: a.get("label", "") for n, a in read(argmap.render(doc, "dot", **options).decode())[1].items()}


UNDER = [({}, "c0.1"), ({"focus": "c0.1", "depth": 1, "wrap": 3}, "c0.1"),
         ({"focus": "c6.1", "depth": 2, "cluster": "post"}, "c6.1")]  # fmt: skip


@pytest.mark.parametrize(("options", "centre"), UNDER, ids=["whole", "c0.1", "c6.1-by-post"])
def test_the_legend_sits_under_the_largest_discussion_not_beside_it(options, centre):
    """The legend's top is at or below the lowest of the propositions two steps from the
    centre of the largest discussion drawn (the blog's thesis c0.1; aaronm's proposal c6.1),
    and it starts left of that discussion's right edge (under it, not beside it)."""
    seed = argmap.load(SEED)
    _, nodes = layout(seed, **options)
    discussion = set(labels(seed, focus=centre, depth=2, legend=False, cluster=options.get("cluster", "none")).values())
    drawn = labels(seed, **options)
    mine = [nodes[n] for n, label in drawn.items() if label and label in discussion]
    assert len(mine) >= 8  # enough of the discussion drawn for the test to mean something
    x0, _, _, legend_top = legend_box(nodes)
    assert legend_top <= min(y - h / 2 for x, y, w, h in mine)
    assert x0 < max(x + w / 2 for x, y, w, h in mine)


def test_the_readme_picture_is_legible_at_readme_width():
    """README's picture is the c0.1 view that scripts/gallery draws.  GitHub shows a README at
    most about 980 px wide; shrunk to that, 11-point labels (at Graphviz's 96 px per inch) must
    stay at least 10 px high."""
    gallery = (ROOT / "scripts" / "gallery").read_text()
    assert "-o docs/images/korea-japan-allies-c0.1.png --focus c0.1 --depth 1 --wrap 3" in gallery
    assert "docs/images/korea-japan-allies-c0.1.png" in (ROOT / "README.md").read_text()
    (width, _), _ = layout(argmap.load(SEED), focus="c0.1", depth=1, wrap=3)
    scale = min(1.0, 980 / (width * 96))
    assert 11 * 96 / 72 * scale >= 10


def fan_file(tmp_path: Path) -> Path:
    path = tmp_path / "big.argmap"
    path.write_text(argmap.format(fan(260)), encoding="utf-8")
    return path


def render_on_a_terminal(args: list[str]) -> bytes:
    """Run ``argmap render`` with standard error on a pseudo-terminal; return what it wrote there."""
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "argmap", "render", *args], stderr=follower, stdout=subprocess.DEVNULL)
        os.close(follower)
        out = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed: the command has finished
                break
            if not chunk:
                break
            out += chunk
        assert proc.wait(timeout=120) == 0
    finally:
        os.close(leader)
    return out


def test_a_long_render_shows_one_updating_line_on_a_terminal_and_clears_it(tmp_path):
    out = render_on_a_terminal([str(fan_file(tmp_path)), "-o", str(tmp_path / "big.svg")])
    assert b"argmap: laying out 261 propositions" in out
    assert b"\n" not in out  # rewritten in place, never a scrolling log
    assert out.startswith(b"\r\x1b[K") and out.endswith(b"\r\x1b[K")  # and cleared at the end


def test_quiet_keeps_the_terminal_silent(tmp_path):
    assert render_on_a_terminal([str(fan_file(tmp_path)), "-o", str(tmp_path / "big.svg"), "--quiet"]) == b""


def test_a_piped_render_prints_no_progress(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "argmap", "render", str(fan_file(tmp_path)), "-o", str(tmp_path / "big.svg")],
                          capture_output=True)  # fmt: skip
    assert proc.returncode == 0 and proc.stderr == b""
    assert (tmp_path / "big.svg").read_bytes().startswith(b"<?xml")
