"""argmap in Jupyter: a notebook run headless (nbclient) shows documents and evaluations as a person
working in one would expect."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[2]


def run_notebook(cells: list[str], tmp_path: Path) -> list[dict]:
    """Execute ``cells`` in a fresh kernel; each cell's outputs."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    return [cell.outputs for cell in nb.cells]


def test_a_document_shows_as_its_map_and_a_one_line_summary(tmp_path):
    outputs = run_notebook(
        [
            "import argmap",
            f"doc = argmap.load({str(ROOT / 'examples' / 'tutorial-1-basics.argmap')!r}); doc",
            "big = argmap.parse(''.join(f'claim c{i}: Claim {i}.\\n' for i in range(500))); big",
        ],
        tmp_path,
    )
    (shown,) = outputs[1]
    assert shown["data"]["text/plain"].startswith("<argmap.Document")
    assert "\n" not in shown["data"]["text/plain"]
    if shutil.which("dot"):
        assert shown["data"]["image/svg+xml"].lstrip().startswith(("<?xml", "<svg"))
    (large,) = outputs[2]
    assert "image/svg+xml" not in large["data"] and "Too large to draw here" in large["data"]["text/html"]


def test_a_front_end_that_shows_only_text_gets_only_text(tmp_path):
    """As in a terminal IPython: no SVG is made, so Graphviz never runs."""
    outputs = run_notebook(
        [
            "import argmap\nfrom argmap._render import run as r\n"
            "r.shutil.which = lambda name: (_ for _ in ()).throw(AssertionError('Graphviz ran'))\n"
            "get_ipython().display_formatter.active_types = ['text/plain']",
            "argmap.parse('claim a: Tea.\\n')",
        ],
        tmp_path,
    )
    (shown,) = outputs[1]
    assert list(shown["data"]) == ["text/plain"]
