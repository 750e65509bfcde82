"""argmap: parse, check, evaluate, draw and convert annotated debates.

The pipeline, one private module per stage::

    text ──parse──▶ Document ──check──▶ diagnostics (rules in _rules/)
                       ├──format──▶ canonical text
                       ├──evaluate▶ labels / scores with reasons (via argmap.af)
                       ├──render──▶ graphviz.Digraph ▶ SVG / PNG / PDF / DOT
                       └──stats───▶ counts
"""

from ._check import check, diagnostics_schema
from ._document import Document
from ._errors import (
    ArgmapError,
    Diagnostic,
    FormatError,
    ParseError,
    Related,
    Severity,
    UsageError,
)
from ._format import format_document as format
from ._formats import load, read, write
from ._formats.argmap_json import from_json, to_json
from ._model import (
    Agreement,
    Concession,
    Kind,
    Metadata,
    Participant,
    Post,
    Proposition,
    Quote,
    Rebuttal,
    Relation,
    Restatement,
    Span,
    Support,
    Undercut,
)
from ._parse import parse
from ._stats import stats

#: Names whose modules load on first use (graphviz, the SAT solver …), so `import argmap` stays quick.
_LAZY = {
    "Evaluation": "._evaluate", "evaluate": "._evaluate", "to_framework": "._evaluate",
    "RenderError": "._graphviz_run", "render": "._graphviz_run", "to_graphviz": "._render",
    "to_networkx": "._formats.graph",
}  # fmt: skip


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY))


__version__ = "0.1.0"

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
