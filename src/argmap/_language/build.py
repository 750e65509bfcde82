"""Statements → Document: decide what belongs to what, then resolve references.

The grammar only knows lines.  Here a ``post`` header opens a post that owns
every following statement; attribute lines (anchor, tags, base, scheme)
describe the item just above (``voice:`` sets a proposition's voice and, after
``reported by``, its ``reported_by``); comments belong to the next statement.
"""

from __future__ import annotations

import sys
from typing import Any, Callable, Collection, Iterable

import attrs

from .._model import (
    Agreement,
    Concession,
    Diagnostic,
    Document,
    Kind,
    Metadata,
    Post,
    Proposition,
    Quote,
    Rebuttal,
    Relation,
    Restatement,
    Severity,
    Span,
    Support,
    Undercut,
    Voice,
    reference_diagnostics,
    trusted,
)
from . import statements as st
from .lexicon import keyword

__all__ = ["build"]

_PROPOSITION_ATTRIBUTE = (st.VoiceLine, st.Anchor, st.Tags, st.Base)


class _PostDraft:
    """A post being read: its header, and what the lines below it add."""

    __slots__ = ("header", "quotes", "body", "comments")

    def __init__(self, header: st.PostLine, comments: tuple[str, ...]):
        self.header = header
        self.quotes: list[Quote] = []
        self.body: list[str] | None = None
        self.comments = comments

    def finish(self) -> Post:
        h = self.header
        return _POST(h.id, h.author or "?", h.timestamp, h.reply_to, tuple(self.quotes),
                     tuple(self.body) if self.body else None, h.span, (h.reply_span,), self.comments)  # fmt: skip


class _Builder:
    def __init__(self, path: str | None):
        self.path = path
        self.problems: list[Diagnostic] = []
        self.metadata: dict[str, Any] = {}
        self.header_comments: list[str] = []
        self.pending: list[str] = []
        self.posts: list[_PostDraft] = []
        self.props: list[Proposition] = []
        self.rels: list[Relation] = []
        self.post: _PostDraft | None = None
        self.post_id: str | None = None
        # the proposition or support that attribute lines describe, where it sits, and what they gave
        self.last: Proposition | Relation | None = None
        self.last_in: list[Any] = []
        self.given: set[str] = set()
        self.started = False

    def error(self, code: str, message: str, span: Span | None, hint: str | None = None) -> None:
        self.problems.append(Diagnostic(code, Severity.ERROR, message, span, self.path, hint=hint))

    def take_comments(self) -> tuple[str, ...]:
        if not self.pending:
            return ()
        out = tuple(self.pending)
        self.pending.clear()
        return out

    # -- one method per statement record -------------------------------------
    def comment(self, s: st.Comment) -> None:
        self.pending.append(s.text)

    def meta(self, s: st.Meta | st.Ignore) -> None:
        key = s.key if isinstance(s, st.Meta) else _IGNORE
        if self.started:
            self.error("P105", f"metadata '{key}:' must come before the first post or proposition",
                       s.span, hint="move it to the top of the file")  # fmt: skip
            return
        if key in self.metadata:
            self.error("P106", f"'{key}:' is given twice", s.span, hint="keep one of them")
            return
        if isinstance(s, st.Meta):
            self.metadata[key] = s.value
        else:
            self.metadata[key] = s.codes
            self.metadata["ignore_span"] = s.span
        self.header_comments += self.take_comments()

    def post_(self, s: st.PostLine) -> None:
        self.started = True
        if not s.author:
            self.error("P107", "the author name is empty", s.span)
        self.post = _PostDraft(s, self.take_comments())
        self.posts.append(self.post)
        self.post_id = s.id
        self.last = None

    def prop(self, s: st.PropositionLine) -> None:
        self.started = True
        # Every value is valid by construction (the grammar's terminals, the
        # checks here), so objects are made without re-validation.
        self.last = _PROPOSITION(
            _id(s.id), s.text, _KINDS[s.kind], None, (), None, self.post_id, s.span, self.take_comments(),
            _OWN, None,
        )  # fmt: skip
        self.props.append(self.last)
        self.last_in = self.props
        self.given = set()

    def attribute(self, s: st.VoiceLine | st.Anchor | st.Tags | st.Base | st.Scheme) -> None:
        owner = self.last
        tag = st.RULE_OF[type(s)]  # voice, anchor, tags, base or scheme: the field it sets
        for_proposition = isinstance(s, _PROPOSITION_ATTRIBUTE)
        if not isinstance(owner, Proposition if for_proposition else Support):
            above = "a proposition line (claim, premise, …)" if for_proposition else "a support line"
            self.error("P101", f"'{tag}:' must follow {above}", s.span,
                       hint=f"put it right under the {'proposition' if for_proposition else 'support'} it describes")  # fmt: skip
            return
        assert isinstance(owner, (Proposition, Support))
        if tag in self.given:
            self.error("P102", f"'{tag}:' is given twice for {owner.id}", s.span)
            return
        value: object
        changes: dict[str, Any] = {}
        if isinstance(s, st.VoiceLine):
            value = _VOICES[s.voice]
            changes["reported_by"] = s.by  # the grammar allows 'by' after 'reported' only
        elif isinstance(s, st.Base):
            value = float(s.number)
            if not 0.0 <= value <= 1.0:
                self.error("P103", f"base score {value:g} is outside [0, 1]", s.number_span,
                           hint="a base score is a number from 0 to 1, e.g. base: 0.7")  # fmt: skip
                return
        elif isinstance(s, st.Tags):
            value = s.tags
        else:
            value = s.text
        self.given.add(tag)
        # rare enough to go through the checked constructor
        changes.update({tag: value, "comments": owner.comments + self.take_comments()})
        self.last = attrs.evolve(owner, **changes)
        self.last_in[-1] = self.last

    def needs_post(self, what: str, span: Span) -> bool:
        if self.post is None:
            self.error("P104", f"{what} must be inside a post", span,
                       hint="add a 'post ID by AUTHOR' line above it")  # fmt: skip
            return False
        return True

    def body(self, s: st.Body) -> None:
        post = self.post
        if self.needs_post("post text ('|' lines)", s.span) and post is not None:
            if post.body is None:
                post.body = []
            post.body.append(s.line)
            post.comments += self.take_comments()

    def quote(self, s: st.QuoteLine) -> None:
        post = self.post
        if self.needs_post("a quote", s.span) and post is not None:
            post.quotes.append(_QUOTE(s.source, s.text, s.span, (s.source_span,), self.take_comments()))
        self.last = None

    def support(self, s: st.SupportLine) -> None:
        refs = tuple(p.span for p in s.premises) + (s.conclusion_span,)
        premises = tuple(_id(p.id) for p in s.premises)
        self.add(_SUPPORT(_id(s.id), premises, _id(s.conclusion), None, self.post_id, s.span, refs,
                          self.take_comments()))  # fmt: skip

    def attack(self, s: st.Rebut | st.Undercut) -> None:
        make = _REBUTTAL if isinstance(s, st.Rebut) else _UNDERCUT
        first, *partners = s.attackers
        spans = tuple(a.span for a in s.attackers) + (s.target_span,)
        self.add(make(_id(first.id), _id(s.target), self.post_id, s.span, spans, self.take_comments(),
                      _id(s.id) if s.id is not None else None, tuple(_id(p.id) for p in partners)))  # fmt: skip

    def restate(self, s: st.Restate) -> None:
        self.add(_RESTATEMENT(_id(s.source), _id(s.target), self.post_id, s.span,
                              (s.source_span, s.target_span), self.take_comments()))  # fmt: skip

    def agree(self, s: st.Agree) -> None:
        self.started = True
        if self.needs_post(f"'{s.keyword}'", s.span):
            make = _AGREEMENTS[s.keyword]
            self.add(make(_id(s.target), self.post_id, s.span, (s.target_span,), self.take_comments()))

    def add(self, rel: Relation) -> None:
        self.started = True
        self.rels.append(rel)
        self.last = rel
        self.last_in = self.rels
        self.given = set()

    # -- assembling ------------------------------------------------------------
    def finish(self) -> Document:
        posts = tuple(draft.finish() for draft in self.posts)
        meta = Metadata(**self.metadata)
        return Document(
            meta, posts, tuple(self.props), tuple(self.rels), path=self.path,
            comments=tuple(self.header_comments), trailing_comments=tuple(self.pending),
        )  # fmt: skip


_IGNORE = keyword("IGNORE")
#: a proposition kind word → the Kind (the grammar's KIND words are Kind's values)
_KINDS = {k.value: k for k in Kind}
#: a voice word → the Voice (the grammar's VOICE_KIND and REPORTED words are Voice's values)
_VOICES = {v.value: v for v in Voice}
_OWN = Voice.OWN
#: one string object per id: later lookups then match by identity, without comparing text
_id = sys.intern
_POST, _QUOTE, _PROPOSITION = trusted(Post), trusted(Quote), trusted(Proposition)
_SUPPORT, _REBUTTAL, _UNDERCUT = trusted(Support), trusted(Rebuttal), trusted(Undercut)
_RESTATEMENT = trusted(Restatement)
_AGREEMENTS = {keyword("AGREE"): trusted(Agreement), keyword("CONCEDE"): trusted(Concession)}


def _handlers(b: _Builder) -> dict[type, Callable[[Any], None]]:
    return {
        st.Comment: b.comment, st.Meta: b.meta, st.Ignore: b.meta, st.PostLine: b.post_,
        st.PropositionLine: b.prop, st.VoiceLine: b.attribute, st.Anchor: b.attribute, st.Tags: b.attribute,
        st.Base: b.attribute, st.Scheme: b.attribute, st.Body: b.body, st.QuoteLine: b.quote, st.SupportLine: b.support,
        st.Rebut: b.attack, st.Undercut: b.attack, st.Restate: b.restate, st.Agree: b.agree,
    }  # fmt: skip


def build(
    stmts: Iterable[st.Statement], path: str | None = None, unsure: Collection[str] = frozenset()
) -> tuple[Document, list[Diagnostic]]:
    """Assemble a Document from statement records; return it with every problem found.

    ``unsure`` holds words of lines that failed to parse (see :func:`reference_diagnostics`).
    """
    b = _Builder(path)
    handlers = _handlers(b)
    for s in stmts:
        handlers[type(s)](s)
    doc = b.finish()
    return doc, b.problems + reference_diagnostics(doc, unsure)
