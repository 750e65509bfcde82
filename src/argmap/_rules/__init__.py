"""The rule catalogue: one small function per rule, registered with its code.

A rule is a generator over a :class:`Context` that yields :class:`Finding` s;
the engine stamps them with the rule's code, severity and the file's path.
Each rule also carries a failing example and its fix, which docs/rules.md and
the tests are generated from, so documentation cannot drift from the code.
"""

from __future__ import annotations

from typing import Callable, Iterable, NamedTuple

import attrs

from .._document import Document
from .._errors import Diagnostic, Related, Severity
from .._model import Span, trusted

__all__ = ["RULES", "Context", "Finding", "Rule", "reference_diagnostics", "rule"]


class Finding(NamedTuple):
    """What a rule found: a message at a place, before the engine adds code and path.

    A named tuple, made fast: a large map can give tens of thousands of findings.
    ``related`` may be any iterable of :class:`Related`.
    """

    message: str
    span: Span | None = None
    hint: str | None = None
    related: Iterable[Related] = ()


@attrs.frozen
class Rule:
    """A registered rule and its documentation."""

    code: str
    name: str
    severity: Severity
    summary: str
    bad: str
    good: str
    func: Callable[["Context"], Iterable[Finding]] = attrs.field(repr=False)


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: str, *, summary: str, bad: str, good: str):
    """Register the decorated generator as rule ``code``."""

    def register(func):
        if code in RULES:
            raise RuntimeError(f"rule code {code} registered twice")
        RULES[code] = Rule(code, name, Severity(severity), summary, bad, good, func)
        return func

    return register


class Context:
    """What a rule sees: the document, and ids that may be defined on unreadable lines."""

    def __init__(self, doc: Document, unsure=frozenset()):
        self.doc = doc
        #: ids that may be defined on lines the parser could not read
        self.unsure = unsure

    @staticmethod
    def ref_span(obj, index: int) -> Span | None:
        """Span of the ``index``-th id an object refers to, else the object's own span."""
        spans = getattr(obj, "ref_spans", ())
        if index < len(spans) and spans[index] is not None:
            return spans[index]
        return getattr(obj, "span", None)


_DIAGNOSTIC = trusted(Diagnostic)


def run(rules: Iterable[Rule], ctx: Context, path: str | None) -> list[Diagnostic]:
    """Every finding of ``rules``; remembered on the (immutable) document, so that
    :func:`argmap.check` does not repeat the reference rules :func:`argmap.parse` ran."""
    memo = ctx.doc._memo if not ctx.unsure else {}
    out = []
    for r in rules:
        found = memo.get((r.code, path))
        if found is None:
            # a Rule's code and severity are checked at registration, a rule's findings by the tests
            found = memo[r.code, path] = [
                _DIAGNOSTIC(r.code, r.severity, message, span, path, hint, (), tuple(related))
                for message, span, hint, related in r.func(ctx)
            ]
        out += found
    return out


def reference_diagnostics(doc: Document, unsure=frozenset()) -> list[Diagnostic]:
    """The reference rules (duplicate and unknown ids) that :func:`argmap.parse` enforces.

    References to ids in ``unsure`` (words on lines with syntax errors) are not
    reported: they are most likely defined on such a line.
    """
    ctx = Context(doc, unsure)
    return run((RULES[c] for c in references.CODES), ctx, doc.path)


# Importing the rule modules registers their rules; they need the names above.
from . import completeness, dialogue, references, structure, text  # noqa: E402,F401
