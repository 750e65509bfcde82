"""Running Graphviz: DOT → SVG / PNG / PDF bytes (and the interactive HTML page around the SVG),
with progress for long layouts."""

from __future__ import annotations

import os
import shutil
import time
from typing import Any, Callable, Literal, Sequence, TypeAlias

from .._model import Document, UsageError
from .compose import compose_svg
from .digraph import RenderError, graph_and_names, graph_parts


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
    if format == "dot":
        source: str = graph_and_names(doc, **options)[0].source
        return source.encode("utf-8")
    if format in ("svg", "html"):
        svg, names = layout_and_names(doc, progress=progress, **options)
        return _page(doc, svg.encode("utf-8"), names, semantics, support) if format == "html" else svg.encode("utf-8")
    try:
        graph, names = graph_and_names(doc, **options)
        return _layout([graph], FORMATS[format] or "svg", len(doc.propositions), progress)[0]
    except _Crashed:
        graph, names = graph_and_names(doc, tidy=False, **options)
        return _layout([graph], FORMATS[format] or "svg", len(doc.propositions), progress)[0]


class _Crashed(RenderError):
    """Graphviz died of a signal (Graphviz 2.43's dot segfaults on some graphs)."""


def layout_and_names(
    doc: Document, *, progress: Callable[[str], None] | None = None, **options: Any
) -> tuple[str, dict[str, str]]:
    """The SVG of ``doc``'s map, and the node name of each proposition in it (for the HTML page).
    A big map of many discussions is laid out in parts, side by side (see parts.py).  When
    Graphviz crashes, the map is drawn again without the invisible edges that tidy it, on which
    Graphviz 2.43's dot sometimes crashes (tests/render/test_layout_safety.py)."""
    try:
        return _layout_and_names(doc, progress, options)
    except _Crashed:
        return _layout_and_names(doc, progress, {**options, "tidy": False})


def _layout_and_names(
    doc: Document, progress: Callable[[str], None] | None, options: dict[str, Any]
) -> tuple[str, dict[str, str]]:
    split = graph_parts(doc, **options)
    if split is None:
        graph, names = graph_and_names(doc, **options)
        return _layout([graph], "svg", len(doc.propositions), progress)[0].decode("utf-8"), names
    graphs, names = split
    svgs = _layout(graphs, "svg", len(names), progress)
    try:
        return compose_svg([svg.decode("utf-8") for svg in svgs]), names
    except ValueError as e:
        raise RenderError(f"cannot join the parts of the map: {e}") from None


def _layout(graphs: list[Any], output: str, n: int, progress: Callable[[str], None] | None) -> list[bytes]:
    """Graphviz's ``-T{output}`` of each graph, as many at once as there are processors, with
    progress every few seconds; Ctrl-C (or any error) stops every Graphviz process started."""
    import subprocess  # here: a CLI run that draws nothing need not load it
    import tempfile

    for graph in graphs:
        if shutil.which(graph.engine) is None:
            raise GraphvizMissing(f"Graphviz's `{graph.engine}` program was not found; {INSTALL_HINT}")
    if progress:
        engines = " and ".join(sorted({g.engine for g in graphs}))
        parts = f" in {len(graphs)} parts" if len(graphs) > 1 else ""
        progress(f"laying out {n} propositions with {engines}{parts}")
    start = last = time.monotonic()
    slots = max(1, min(len(graphs), os.cpu_count() or 1))
    running: dict[int, subprocess.Popen[bytes]] = {}
    with tempfile.TemporaryDirectory(prefix="argmap-") as tmp:
        files = [os.path.join(tmp, str(i)) for i in range(len(graphs))]
        waiting = list(range(len(graphs)))
        try:
            while waiting or running:
                while waiting and len(running) < slots:
                    i = waiting.pop(0)
                    with open(files[i] + ".dot", "w", encoding="utf-8") as f:
                        f.write(graphs[i].source)
                    with open(files[i] + ".err", "wb") as err:
                        exe = shutil.which(graphs[i].engine) or graphs[i].engine
                        cmd = [exe, f"-T{output}", files[i] + ".dot", "-o", files[i] + ".out"]
                        running[i] = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stderr=err)
                for i, proc in list(running.items()):
                    if proc.poll() is not None:
                        del running[i]
                        if proc.returncode < 0:
                            raise _Crashed(f"Graphviz `{graphs[i].engine}` crashed (signal {-proc.returncode}) "
                                           "on this map; another --engine may draw it")  # fmt: skip
                        if proc.returncode != 0:
                            with open(files[i] + ".err", "rb") as err:
                                message = err.read().decode("utf-8", "replace").strip().splitlines()
                            failed = message[-1] if message else f"exit status {proc.returncode}"
                            raise RenderError(f"Graphviz `{graphs[i].engine}` failed: {failed}")
                if progress and time.monotonic() - last >= 5.0:
                    last = time.monotonic()
                    done = len(graphs) - len(waiting) - len(running)
                    parts = f", {done} of {len(graphs)} parts done" if len(graphs) > 1 else ""
                    progress(f"still laying out ({last - start:.0f} s{parts})")
                time.sleep(0.02)
        finally:
            for proc in running.values():
                proc.kill()
                proc.wait()
        out = []
        for name in files:
            with open(name + ".out", "rb") as f:
                out.append(f.read())
        return out


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
