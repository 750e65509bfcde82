"""One imported document of each corpus renders through Graphviz to SVG."""

from __future__ import annotations

import shutil

import pytest

import argmap

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz dot")

SAMPLES = [
    ("araucaria-aif/nodeset10.json", "aif"),
    ("qt30-aif/nodeset17925.json", "aif"),
    ("arg-microtexts/en/micro_b001.xml", "microtext"),
    ("kialo/should-hate-speech-be-illegal-6148.txt", "kialo"),
    ("argdown/veggie_debate.argdown", "argdown"),
]


@needs_dot
@pytest.mark.dot
@pytest.mark.corpus
@pytest.mark.parametrize("sample, fmt", SAMPLES)
def test_imported_corpus_document_renders_to_svg(shared, sample, fmt):
    path = shared / "corpora" / sample
    doc, _ = argmap.read(path.read_text("utf-8"), fmt, path=str(path))
    svg = argmap.render(doc, "svg")
    assert svg.startswith(b"<?xml") and svg.count(b'class="node"') >= len(doc.propositions)
