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

from typing import TYPE_CHECKING, Any

from ._check import check, diagnostics_schema
from ._formats import load, read, write
from ._formats.argmap_json import from_json, to_json
from ._language import format_document as format
from ._language import parse
from ._model import (
    Agreement,
    ArgmapError,
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


def _display(doc: Document) -> dict[str, str]:
    """Jupyter's view of a Document: its map as SVG, and its text; the text alone when Graphviz
    is missing or the document cannot be written."""
    from ._render import render

    bundle = {
        "text/plain": f"<argmap.Document: {len(doc.posts)} posts, {len(doc.propositions)} propositions>"
    }
    try:
        bundle["text/plain"] = format(doc)
        bundle["image/svg+xml"] = render(doc, "svg").decode("utf-8")
    except ArgmapError:
        pass
    return bundle


set_display(_display)

__all__ = [
    "Agreement",
    "ArgmapError",
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
