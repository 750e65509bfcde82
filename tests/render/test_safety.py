"""Hostile text never becomes DOT structure, an HTML-like label, a URL or a file path."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from dotparse import read
from hypothesis import given

import argmap
from argmap import strategies

HOSTILE = [
    '<<TABLE><TR><TD><IMG SRC="/etc/passwd"/></TD></TR></TABLE>>',
    '" image="/etc/passwd',
    'URL="javascript:alert(1)" href="file:///etc/passwd"',
    "trailing backslash \\",
    "escapes \\N \\G \\L \\l \\n \\E \\T \\H",
    "<b>bold</b>",
    '"]; x [image="/etc/passwd"]; y [label="',
    "} digraph evil { a -> b",
    "a:b:c ports and n:s compass points",
    "-- -> edges",
]

NODE_KEYS = {"label", "tooltip", "fillcolor", "penwidth", "shape", "style", "color", "width", "height", "margin"}
EDGE_KEYS = {"color", "style", "arrowhead", "penwidth", "constraint", "minlen", "weight"}
GRAPH_KEYS = {
    "rankdir", "fontname", "outputorder", "pack", "packmode", "overlap", "splines",
    "label", "labelloc", "fontsize", "style", "color", "rank", "margin",
}  # fmt: skip


def hostile_doc() -> argmap.Document:
    lines = ["title: " + HOSTILE[0]]
    for i, text in enumerate(HOSTILE):
        author = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        lines.append(f"post {i} by {author}")
        lines.append(f"  claim c{i}: {text}")
        if i:
            lines.append(f"  rebut c{i} -> c{i - 1}")
    return argmap.parse("\n".join(lines) + "\n")


def check_structure(source: str, n_props: int) -> None:
    graph, nodes, edges, clusters = read(source)
    assert "label=<" not in source, "no HTML-like label may appear"
    for name, attrs in nodes.items():
        assert re.fullmatch(r"p\d+|j\d+|legend_\w+", name), name
        assert set(attrs) <= NODE_KEYS, attrs
    for _a, _b, attrs in edges:
        assert set(attrs) <= EDGE_KEYS, attrs
    assert set(graph) <= GRAPH_KEYS, graph
    assert all(re.fullmatch(r"cluster_(\d+|legend)", c) for c in clusters)
    assert len([n for n in nodes if n.startswith("p")]) == n_props


@pytest.mark.parametrize("cluster", ["none", "post", "author"])
def test_hostile_text_stays_inside_escaped_labels(cluster):
    doc = hostile_doc()
    source = argmap.to_graphviz(doc, cluster=cluster).source
    check_structure(source, len(HOSTILE))
    assert "\\\\N" in source and "\\\\l" in source  # backslash escapes are doubled
    assert '\\" image=\\"/etc/passwd' in source  # the quotes are escaped inside the label
    assert "trailing backslash \\\\\\n" in source  # the trailing backslash cannot eat the line break


@given(strategies.documents(max_posts=4, max_propositions=6))
def test_generated_text_never_breaks_out_of_labels(doc):
    """For any text, the DOT has only generated node names and allow-listed attributes."""
    for cluster in ("none", "post"):
        check_structure(argmap.to_graphviz(doc, cluster=cluster).source, len(doc.propositions_by_id))


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz dot")
@pytest.mark.dot
def test_graphviz_reads_no_file_and_shows_hostile_text_literally():
    svg = argmap.render(hostile_doc(), "svg", cluster="post").decode("utf-8")
    passwd = open("/etc/passwd", encoding="utf-8", errors="replace").read().splitlines()[0]
    assert passwd not in svg
    assert (
        "<image" not in svg
        and "xlink:href" not in svg
        and "javascript:" not in svg.replace("javascript:alert", "")
    )
    assert "&lt;&lt;TABLE&gt;&lt;TR&gt;" in svg
    assert "\\N" in svg  # shown as typed, not expanded to the node name


def test_dot_source_of_hostile_text_is_accepted_by_graphviz_syntax_check():
    if shutil.which("dot") is None:
        pytest.skip("needs Graphviz dot")
    source = argmap.to_graphviz(hostile_doc()).source
    proc = subprocess.run(["dot", "-Tcanon"], input=source.encode(), capture_output=True)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz dot")
@pytest.mark.dot
def test_a_tooltip_shows_escapes_as_written_not_expanded():
    """Graphviz expands \\N (node name), \\G (graph), \\L (label) in a tooltip even after an escaped
    backslash: a tooltip shows the text, a backslash as ⧵, and never the node's or graph's name."""
    doc = argmap.parse("claim a: x \\N \\G \\L y\n")
    svg = argmap.render(doc, "svg").decode("utf-8")
    titles = re.findall(r'xlink:title="([^"]*)"', svg)
    assert "x ⧵N ⧵G ⧵L y" in titles and not any("p0" in t or "argmap" in t for t in titles)


def test_text_too_long_for_graphviz_is_refused_before_graphviz_runs(monkeypatch):
    from argmap._render import run

    monkeypatch.setattr(run.shutil, "which", lambda name: "/nonexistent/dot")  # would fail if it ran
    for doc, where in [
        (argmap.parse("claim c7: " + "x" * 17_000), "the text of c7"),
        (argmap.parse("post 1 by " + "a" * 17_000 + "\n  claim c1: x\n"), "the title of the cluster"),
        (argmap.parse("title: " + "한" * 6_000 + "\nclaim c1: x\n"), "the title"),
    ]:
        with pytest.raises(argmap.RenderError, match=where + r".* bytes long; Graphviz cannot draw"):
            argmap.render(doc, "svg", cluster="post")
    assert argmap.render(argmap.parse("claim c7: " + "x" * 15_000), "dot")  # up to the limit it draws
