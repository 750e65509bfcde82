"""Running Graphviz: DOT → SVG / PNG / PDF bytes (and the interactive HTML page around the SVG),
with progress for long layouts."""

from __future__ import annotations

import shutil
import time
from typing import Any, Callable, Literal, Sequence, TypeAlias

from .._model import Document, UsageError
from .digraph import RenderError, graph_and_names


class GraphvizMissing(RenderError):
    """Graphviz's layout program is not installed."""


__all__ = ["FORMATS", "GraphvizMissing", "ImageFormat", "RenderError", "layout_and_names", "render"]

#: what :func:`render` makes
ImageFormat: TypeAlias = Literal["svg", "png", "pdf", "dot", "html"]

#: Output formats and the Graphviz -T option that makes them (cairo for real CJK glyphs); the
#: HTML page holds the SVG.
FORMATS: dict[str, str | None] = {
    "svg": "svg",
    "png": "png:cairo",
    "pdf": "pdf:cairo",
    "dot": None,
    "html": "svg",
}

INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz fonts-noto-cjk; "
    "macOS: brew install graphviz; Windows: winget install graphviz)"
)


def render(
    doc: Document,
    format: ImageFormat = "svg",
    *,
    progress: Callable[[str], None] | None = None,
    semantics: Sequence[str] = ("grounded",),
    support: Literal["deductive", "necessary"] = "deductive",
    **options: Any,
) -> bytes:
    """Draw ``doc`` and return the bytes of an SVG, PNG, PDF, DOT or HTML file.

    Args:
        format: ``svg``, ``png``, ``pdf``, ``dot`` (DOT source; needs no Graphviz) or
            ``html`` (one self-contained page: the map with pan and zoom, search, a side
            panel for each proposition, its evaluation, focus, the thread).
        progress: called with a short message when layout starts and every few
            seconds while it runs.
        semantics: for ``html``, the semantics to compute and offer on the page.
        support: for ``html``, how a support acts in the evaluation (see :func:`argmap.evaluate`).
        **options: see :func:`argmap.to_graphviz`.

    Raises:
        RenderError: Graphviz is not installed, or failed.
    """
    if format not in FORMATS:
        raise UsageError(f"output format must be one of {', '.join(FORMATS)}, not {format!r}")
    graph, names = graph_and_names(doc, **options)
    source: bytes = graph.source.encode("utf-8")
    if format == "dot":
        return source
    image = _layout(graph, FORMATS[format] or "svg", len(doc.propositions), progress)
    if format == "html":
        return _page(doc, image, names, semantics, support)
    return image


def layout_and_names(
    doc: Document, *, progress: Callable[[str], None] | None = None, **options: Any
) -> tuple[str, dict[str, str]]:
    """The SVG of ``doc``'s map, and the node name of each proposition in it (for the HTML page)."""
    graph, names = graph_and_names(doc, **options)
    return _layout(graph, "svg", len(doc.propositions), progress).decode("utf-8"), names


def _layout(graph: Any, output: str, n: int, progress: Callable[[str], None] | None) -> bytes:
    """Graphviz's ``-T{output}`` of ``graph``, with progress every few seconds."""
    source: bytes = graph.source.encode("utf-8")
    exe = shutil.which(graph.engine)
    if exe is None:
        raise GraphvizMissing(f"Graphviz's `{graph.engine}` program was not found; {INSTALL_HINT}")
    if progress:
        progress(f"laying out {n} propositions with {graph.engine}")
    import subprocess  # here: a CLI run that draws nothing need not load it

    proc = subprocess.Popen(
        [exe, f"-T{output}"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    start = time.monotonic()
    payload: bytes | None = source
    while True:
        try:
            out, err = proc.communicate(payload, timeout=5.0)
            break
        except subprocess.TimeoutExpired:
            payload = None
            if progress:
                progress(f"still laying out ({time.monotonic() - start:.0f} s)")
        except BaseException:
            proc.kill()
            proc.wait()
            raise
    if proc.returncode != 0:
        message = err.decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"Graphviz `{graph.engine}` failed: {message[-1] if message else proc.returncode}")
    image: bytes = out
    return image


def _page(
    doc: Document,
    svg: bytes,
    names: dict[str, str],
    semantics: Sequence[str],
    support: Literal["deductive", "necessary"],
) -> bytes:
    from .._evaluate import evaluate
    from .html import page, page_data

    evaluations = {}
    for name in dict.fromkeys(semantics):
        ev = evaluate(doc, name, support=support)  # type: ignore[arg-type]  # checked there
        evaluations[name] = (ev.labels, ev.reasons)
    data = page_data(doc, names, evaluations)
    return page(svg.decode("utf-8"), data, language=doc.metadata.language).encode("utf-8")
