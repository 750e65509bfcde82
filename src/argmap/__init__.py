"""argmap: parse, check, evaluate, draw and convert annotated debates.

The pipeline, one private module per stage::

    text ──parse──▶ Document ──check──▶ diagnostics (rules in _rules/)
                       ├──format──▶ canonical text
                       ├──evaluate▶ labels / scores with reasons (via argmap.af)
                       ├──render──▶ graphviz.Digraph ▶ SVG / PNG / PDF / DOT
                       └──stats───▶ counts
"""

from ._check import check, diagnostics_schema
from ._errors import (
    ArgmapError,
    Diagnostic,
    FormatError,
    ParseError,
    Related,
    Severity,
    UsageError,
)
from ._evaluate import Evaluation, evaluate, to_framework
from ._format import format_document as format
from ._formats.argmap_json import from_json, to_json
from ._model import (
    Agreement,
    Concession,
    Document,
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
from ._graphviz_run import RenderError, render
from ._parse import parse
from ._formats import load, read, write
from ._formats.graph import to_networkx
from ._render import to_graphviz
from ._stats import stats

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
