"""argmap: parse, check, evaluate, draw and convert annotated debates.

The pipeline, one package per stage (docs/architecture.md)::

    text ──parse──▶ statements ──build──▶ Document          (_language, on _model)
                                            ├──check────▶ diagnostics           (_check)
                                            ├──evaluate─▶ labels / scores        (_evaluate, on af)
                                            ├──render───▶ graphviz ▶ SVG/PNG/PDF (_render)
                                            └──convert──▶ JSON, AIF, Argdown …   (_formats)

This module is the public face of them all: the names below are argmap's
API.  Drawing and evaluation load on first use (graphviz, the SAT solver), so
``import argmap`` stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Collection

from ._check import check, diagnostics_schema
from ._formats import load, read, write
from ._formats.argmap_json import from_json, to_json
from ._language import format_document as format
from ._language import parse
from ._model import (
    Agreement,
    ArgmapError,
    ArgmapWarning,
    Concession,
    Diagnostic,
    Document,
    FormatError,
    Kind,
    Metadata,
    ParseError,
    Participant,
    Post,
    Proposition,
    Quote,
    Rebuttal,
    Related,
    Relation,
    Restatement,
    Severity,
    Span,
    Support,
    Undercut,
    UsageError,
    Voice,
    set_display,
    stats,
)
from ._version import __version__ as __version__

if TYPE_CHECKING:  # what the lazily loaded names are, for type checkers
    from ._evaluate import Evaluation, Translation, evaluate, to_framework
    from ._formats.graph import to_networkx
    from ._render import RenderError, render, to_graphviz

#: Names whose modules load on first use (graphviz, the SAT solver …), so `import argmap` stays quick.
_LAZY = {
    "Evaluation": "._evaluate", "Translation": "._evaluate", "evaluate": "._evaluate",
    "to_framework": "._evaluate", "RenderError": "._render", "render": "._render",
    "to_graphviz": "._render", "to_networkx": "._formats.graph",
}  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


#: Above this many propositions Jupyter shows a summary, not the whole map (megabytes of SVG).
DISPLAY_LIMIT = 400


def _display(
    doc: Document, include: Collection[str] | None = None, exclude: Collection[str] | None = None
) -> dict[str, str]:
    """What Jupyter shows of a Document: its one-line summary, and its map as SVG where the front
    end shows images (a terminal IPython does not: no Graphviz runs there); a large map as a
    summary table with a hint instead."""
    bundle = {"text/plain": doc.summary()}
    wanted = set(include) if include else _shown_types()
    if exclude:
        wanted -= set(exclude)
    if len(doc.propositions) > DISPLAY_LIMIT and "text/html" in wanted:
        bundle["text/html"] = _summary_html(doc)
    elif "image/svg+xml" in wanted:
        from ._render import render

        try:
            bundle["image/svg+xml"] = render(doc, "svg").decode("utf-8")
        except ArgmapError:
            pass
    return bundle


def _shown_types() -> set[str]:
    """The MIME types the running IPython shows (text only in a terminal); all when unknown."""
    import sys

    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return {"text/plain", "text/html", "image/svg+xml"}
    return set(shell.display_formatter.active_types)


def _summary_html(doc: Document) -> str:
    import html

    counts = stats(doc)
    rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{v}</td></tr>" for k, v in counts.items() if v)
    return (
        f"<p>{html.escape(doc.summary())}</p><table>{rows}</table>"
        f"<p>Too large to draw here ({len(doc.propositions):,} propositions): draw a part with "
        "<code>argmap.render(doc, 'svg', focus=ID, depth=2)</code>, or the whole map to a file "
        "with <code>argmap render FILE -o map.svg</code>.</p>"
    )


set_display(_display)

__all__ = [
    "Agreement",
    "ArgmapError",
    "ArgmapWarning",
    "Concession",
    "Diagnostic",
    "Document",
    "Evaluation",
    "FormatError",
    "Kind",
    "Metadata",
    "ParseError",
    "Participant",
    "Post",
    "Proposition",
    "Quote",
    "Rebuttal",
    "Related",
    "Relation",
    "RenderError",
    "Restatement",
    "Severity",
    "Span",
    "Support",
    "Translation",
    "Undercut",
    "UsageError",
    "Voice",
    "check",
    "diagnostics_schema",
    "evaluate",
    "format",
    "from_json",
    "load",
    "parse",
    "read",
    "render",
    "stats",
    "to_framework",
    "to_graphviz",
    "to_json",
    "to_networkx",
    "write",
]
