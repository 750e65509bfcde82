"""One typed record per statement of the language: what a line says, before the builder places it.

Both readers produce these (the fast path for well-formed lines, the lark
pass for the rest) and the builder reads them by field name.  :data:`STATEMENTS`
names the grammar rule each comes from; tests/parse/test_lexicon.py checks
that every statement rule of the grammar has its record and its fast-path
reader.  They are named tuples, made with ``tuple.__new__`` by the
fast path: a large file has one per line.
"""

from __future__ import annotations

from typing import NamedTuple, TypeAlias

from .._model import Span

__all__ = [
    "Agree",
    "Anchor",
    "Base",
    "Body",
    "Comment",
    "Ignore",
    "Meta",
    "PostLine",
    "PropositionLine",
    "QuoteLine",
    "RULE_OF",
    "Rebut",
    "Ref",
    "Restate",
    "STATEMENTS",
    "Scheme",
    "Statement",
    "SupportLine",
    "Tags",
    "Undercut",
    "VoiceLine",
]


class Ref(NamedTuple):
    """An id where the text names it."""

    id: str
    span: Span


class Comment(NamedTuple):
    """``# text``: belongs to the next statement."""

    span: Span
    text: str


class Meta(NamedTuple):
    """``title: …``, ``source: …`` and the other metadata keys."""

    span: Span
    key: str
    value: str


class Ignore(NamedTuple):
    """``ignore: M101, T102``."""

    span: Span
    codes: tuple[str, ...]


class PostLine(NamedTuple):
    """``post ID by AUTHOR [reply-to ID] [at STAMP]``: opens a post."""

    span: Span
    id: str
    id_span: Span
    author: str
    timestamp: str | None
    reply_to: str | None
    reply_span: Span | None


class PropositionLine(NamedTuple):
    """``claim ID: text`` (or thesis, premise, evidence, question)."""

    span: Span
    kind: str
    id: str
    id_span: Span
    text: str


class VoiceLine(NamedTuple):
    """``voice: reported by WHO`` (or own, supposed, ironic), under a proposition."""

    span: Span
    voice: str
    #: who said it, after ``reported by`` (None: not named)
    by: str | None


class Anchor(NamedTuple):
    """``anchor: words``, under a proposition."""

    span: Span
    text: str


class Tags(NamedTuple):
    """``tags: a, b``, under a proposition."""

    span: Span
    tags: tuple[str, ...]


class Base(NamedTuple):
    """``base: 0.7``, under a proposition (the number as written)."""

    span: Span
    number: str
    number_span: Span


class Scheme(NamedTuple):
    """``scheme: name``, under a support."""

    span: Span
    text: str


class Body(NamedTuple):
    """``| text``: a line of the post's own text."""

    span: Span
    line: str


class QuoteLine(NamedTuple):
    """``quote ID: words``."""

    span: Span
    source: str
    source_span: Span
    text: str


class SupportLine(NamedTuple):
    """``support ID: P1 & P2 -> C``."""

    span: Span
    id: str
    id_span: Span
    premises: tuple[Ref, ...]
    conclusion: str
    conclusion_span: Span


class Rebut(NamedTuple):
    """``rebut A -> T``, ``rebut R: A -> T`` (named) or ``rebut A & B -> T`` (linked)."""

    span: Span
    id: str | None
    id_span: Span | None
    attackers: tuple[Ref, ...]
    target: str
    target_span: Span


class Undercut(NamedTuple):
    """``undercut A -> S``, ``undercut U: A -> S`` (named) or ``undercut A & B -> S`` (linked)."""

    span: Span
    id: str | None
    id_span: Span | None
    attackers: tuple[Ref, ...]
    target: str
    target_span: Span


class Restate(NamedTuple):
    """``restate S -> T``."""

    span: Span
    source: str
    source_span: Span
    target: str
    target_span: Span


class Agree(NamedTuple):
    """``agree ID`` or ``concede ID`` (``keyword`` says which)."""

    span: Span
    keyword: str
    target: str
    target_span: Span


Statement: TypeAlias = (
    Comment | Meta | Ignore | PostLine | PropositionLine | VoiceLine | Anchor | Tags | Base | Scheme | Body
    | QuoteLine | SupportLine | Rebut | Undercut | Restate | Agree
)  # fmt: skip

#: every statement record, by the grammar rule it comes from
STATEMENTS: dict[str, type[Statement]] = {
    "comment": Comment, "meta": Meta, "ignore": Ignore, "post": PostLine, "prop": PropositionLine,
    "voice": VoiceLine, "anchor": Anchor, "tags": Tags, "base": Base, "scheme": Scheme, "body": Body,
    "quote": QuoteLine,
    "support": SupportLine, "rebut": Rebut, "undercut": Undercut, "restate": Restate, "agree": Agree,
}  # fmt: skip

#: the grammar rule each record comes from
RULE_OF: dict[type[Statement], str] = {cls: rule for rule, cls in STATEMENTS.items()}
