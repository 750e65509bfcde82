"""The model: the immutable items of a thread, the Document that holds them, and problems as values.

The lowest stage: every other part of argmap builds on it, and it imports
none of them.  It also holds the reference rules (every id defined once,
every reference resolved), which the parser, the importers and the checker
all enforce, and the small helpers they share: pausing the garbage
collector, strongly connected components, did-you-mean suggestions.
"""

from .counts import stats
from .document import Document, set_display
from .errors import (
    VISIBLE,
    ArgmapError,
    ArgmapWarning,
    Diagnostic,
    Edit,
    Fix,
    FormatError,
    Paint,
    ParseError,
    Related,
    Severity,
    UsageError,
    render_all,
)
from .gc import paused, without_gc
from .graphs import strongly_connected
from .items import (
    ID_PATTERN,
    RELATION_KINDS,
    UNHOLDABLE,
    Agreement,
    Concession,
    Inference,
    Kind,
    Metadata,
    Participant,
    Post,
    Proposition,
    Quote,
    Rebuttal,
    Relation,
    RelationKind,
    Restatement,
    Span,
    Support,
    Undercut,
    Voice,
    is_id,
    relation_sources,
    relation_target,
    trusted,
    unholdable,
)
from .references import REFERENCE_RULES, reference_diagnostics
from .rule_tables import Tables, named_ids, tables
from .rules import Context, Finding, Rule, RuleFunction, registrar, run_rules
from .suggest import did_you_mean

__all__ = [
    "ID_PATTERN",
    "REFERENCE_RULES",
    "RELATION_KINDS",
    "UNHOLDABLE",
    "Agreement",
    "ArgmapError",
    "ArgmapWarning",
    "Concession",
    "Inference",
    "Context",
    "Diagnostic",
    "Document",
    "Edit",
    "Finding",
    "Fix",
    "FormatError",
    "Kind",
    "Metadata",
    "Paint",
    "ParseError",
    "Participant",
    "Post",
    "Proposition",
    "Quote",
    "Rebuttal",
    "Related",
    "Relation",
    "RelationKind",
    "Restatement",
    "Rule",
    "RuleFunction",
    "Severity",
    "Span",
    "Support",
    "Tables",
    "Undercut",
    "UsageError",
    "VISIBLE",
    "Voice",
    "did_you_mean",
    "is_id",
    "named_ids",
    "paused",
    "reference_diagnostics",
    "registrar",
    "relation_sources",
    "relation_target",
    "render_all",
    "run_rules",
    "set_display",
    "stats",
    "strongly_connected",
    "tables",
    "trusted",
    "unholdable",
    "without_gc",
]
