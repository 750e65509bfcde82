"""Where each id stands in the text: its definition and every place that names it.

Editors need this (go to definition, find references, rename, hover); it
comes from the statements the parser read, whose records keep the span of
every id.  Propositions and supports share one space of ids (an id names
one or the other); posts have their own.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Literal, NamedTuple, TypeAlias

from .._model import Span
from . import statements as st

__all__ = ["Namespace", "Occurrence", "occurrences"]

#: "item": propositions and supports (one space of ids); "post": posts
Namespace: TypeAlias = Literal["item", "post"]


class Occurrence(NamedTuple):
    """One place an id stands: what it is there (``role``), and whether it is defined there."""

    id: str
    namespace: Namespace
    span: Span
    defines: bool
    #: "proposition", "support", "rebuttal", "undercut" or "post" where it is defined; where it
    #: is named, the slot:
    #: "premise", "conclusion", "attacker", "target", "source", "reply-to", "quote"
    role: str


def occurrences(statements: Iterable[st.Statement]) -> list[Occurrence]:
    """Every definition of an id and every reference to one, in text order.

    >>> from argmap._language import parse_in_full
    >>> parsed = parse_in_full("post 1 by ann\\n  claim a: A.\\n  claim b: B.\\n  rebut b -> a\\n")
    >>> [(o.id, o.role, o.span.line) for o in occurrences(parsed.statements) if not o.defines]
    [('b', 'attacker', 4), ('a', 'target', 4)]
    """
    return [o for s in statements for o in _of(s)]


_new = tuple.__new__  # Occurrence(...) without the Python-level __new__: there are tens of thousands


def _of(s: st.Statement) -> Iterator[Occurrence]:
    if isinstance(s, st.PropositionLine):
        yield _new(Occurrence, (s.id, "item", s.id_span, True, "proposition"))
    elif isinstance(s, st.SupportLine):
        yield _new(Occurrence, (s.id, "item", s.id_span, True, "support"))
        for ref in s.premises:
            yield _new(Occurrence, (ref.id, "item", ref.span, False, "premise"))
        yield _new(Occurrence, (s.conclusion, "item", s.conclusion_span, False, "conclusion"))
    elif isinstance(s, (st.Rebut, st.Undercut)):
        if s.id is not None and s.id_span is not None:
            yield _new(Occurrence, (s.id, "item", s.id_span, True, "rebuttal" if isinstance(s, st.Rebut) else "undercut"))
        for ref in s.attackers:
            yield _new(Occurrence, (ref.id, "item", ref.span, False, "attacker"))
        yield _new(Occurrence, (s.target, "item", s.target_span, False, "target"))
    elif isinstance(s, st.Restate):
        yield _new(Occurrence, (s.source, "item", s.source_span, False, "source"))
        yield _new(Occurrence, (s.target, "item", s.target_span, False, "target"))
    elif isinstance(s, st.Agree):
        yield _new(Occurrence, (s.target, "item", s.target_span, False, "target"))
    elif isinstance(s, st.PostLine):
        yield _new(Occurrence, (s.id, "post", s.id_span, True, "post"))
        if s.reply_to is not None and s.reply_span is not None:
            yield _new(Occurrence, (s.reply_to, "post", s.reply_span, False, "reply-to"))
    elif isinstance(s, st.QuoteLine):
        yield _new(Occurrence, (s.source, "post", s.source_span, False, "quote"))
