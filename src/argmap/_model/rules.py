"""What a rule is, and how its findings become diagnostics.

A rule is one small generator over a :class:`Context` that yields
:class:`Finding` s, registered with its code, name, severity, a summary and a
failing example with its fix (docs/rules.md and the tests come from those).
The reference rules (``references.py``) live here in the model because the
parser and the importers enforce them; the checker (``argmap._check``) adds
the rest and runs them all.
"""

from __future__ import annotations

from typing import Callable, Collection, Iterable, NamedTuple

import attrs

from .document import Document
from .errors import Diagnostic, Fix, Related, Severity
from .items import Span, trusted

__all__ = ["Context", "Finding", "Rule", "RuleFunction", "registrar", "run_rules"]


class Finding(NamedTuple):
    """What a rule found: a message at a place, before the engine adds code and path.

    A named tuple, made fast: a large map can give tens of thousands of findings.
    ``related`` may be any iterable of :class:`Related`.
    """

    message: str
    span: Span | None = None
    hint: str | None = None
    related: Iterable[Related] = ()
    fix: Fix | None = None


class Context:
    """What a rule sees: the document, and ids that may be defined on unreadable lines."""

    def __init__(self, doc: Document, unsure: Collection[str] = frozenset()):
        self.doc = doc
        #: ids that may be defined on lines the parser could not read
        self.unsure = unsure

    @staticmethod
    def ref_span(obj: object, index: int) -> Span | None:
        """Span of the ``index``-th id an object refers to, else the object's own span."""
        spans: tuple[Span | None, ...] = getattr(obj, "ref_spans", ())
        if index < len(spans) and spans[index] is not None:
            return spans[index]
        span: Span | None = getattr(obj, "span", None)
        return span


#: a rule's body: what it finds in a document
RuleFunction = Callable[[Context], Iterable[Finding]]


@attrs.frozen
class Rule:
    """A rule and its documentation."""

    code: str
    name: str
    severity: Severity
    summary: str
    bad: str
    good: str
    func: RuleFunction = attrs.field(repr=False)


def registrar(
    into: dict[str, Rule],
) -> Callable[..., Callable[[RuleFunction], RuleFunction]]:
    """A decorator factory ``rule(code, name, severity, *, summary, bad, good)`` that files
    the decorated generator in ``into`` as rule ``code``."""

    def rule(
        code: str, name: str, severity: str, *, summary: str, bad: str, good: str
    ) -> Callable[[RuleFunction], RuleFunction]:
        def register(func: RuleFunction) -> RuleFunction:
            if code in into:
                raise RuntimeError(f"rule code {code} registered twice")
            into[code] = Rule(code, name, Severity(severity), summary, bad, good, func)
            return func

        return register

    return rule


_DIAGNOSTIC = trusted(Diagnostic)


def run_rules(rules: Iterable[Rule], ctx: Context, path: str | None) -> list[Diagnostic]:
    """Every finding of ``rules``; remembered on the (immutable) document, so that
    :func:`argmap.check` does not repeat the reference rules :func:`argmap.parse` ran."""
    doc = ctx.doc
    out: list[Diagnostic] = []
    for r in rules:

        def found(r: Rule = r) -> list[Diagnostic]:
            # a Rule's code and severity are checked at registration, a rule's findings by the tests
            return [
                _DIAGNOSTIC(r.code, r.severity, message, span, path, hint, (), tuple(related), fix)
                for message, span, hint, related, fix in r.func(ctx)
            ]

        out += found() if ctx.unsure else doc.derived(("findings", r.code, path), found)
    return out
