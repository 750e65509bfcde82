"""Running Graphviz: DOT → SVG / PNG / PDF bytes, with progress for long layouts."""

from __future__ import annotations

import shutil
import time
from typing import Any, Callable, Literal, TypeAlias

from .._model import Document, UsageError
from .digraph import RenderError, to_graphviz


class GraphvizMissing(RenderError):
    """Graphviz's layout program is not installed."""


__all__ = ["FORMATS", "GraphvizMissing", "ImageFormat", "RenderError", "render"]

#: what :func:`render` makes
ImageFormat: TypeAlias = Literal["svg", "png", "pdf", "dot"]

#: Output formats and the Graphviz -T option that makes them (cairo for real CJK glyphs).
FORMATS: dict[str, str | None] = {"svg": "svg", "png": "png:cairo", "pdf": "pdf:cairo", "dot": None}

INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz fonts-noto-cjk; "
    "macOS: brew install graphviz; Windows: winget install graphviz)"
)


def render(
    doc: Document,
    format: ImageFormat = "svg",
    *,
    progress: Callable[[str], None] | None = None,
    **options: Any,
) -> bytes:
    """Draw ``doc`` and return the bytes of an SVG, PNG, PDF or DOT file.

    Args:
        format: ``svg``, ``png``, ``pdf`` or ``dot`` (DOT source; needs no Graphviz).
        progress: called with a short message when layout starts and every few
            seconds while it runs.
        **options: see :func:`argmap.to_graphviz`.

    Raises:
        RenderError: Graphviz is not installed, or failed.
    """
    if format not in FORMATS:
        raise UsageError(f"output format must be one of {', '.join(FORMATS)}, not {format!r}")
    graph = to_graphviz(doc, **options)
    source: bytes = graph.source.encode("utf-8")
    if format == "dot":
        return source
    exe = shutil.which(graph.engine)
    if exe is None:
        raise GraphvizMissing(f"Graphviz's `{graph.engine}` program was not found; {INSTALL_HINT}")
    n = len(doc.propositions)
    if progress:
        progress(f"laying out {n} propositions with {graph.engine}")
    import subprocess  # here: a CLI run that draws nothing need not load it

    proc = subprocess.Popen(
        [exe, f"-T{FORMATS[format]}"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
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
