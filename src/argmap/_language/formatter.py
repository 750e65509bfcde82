"""Document → canonical text.

The layout is fixed: metadata, then what belongs to no post, then each post
with its text, quotes, propositions (with their attributes: voice, anchor,
tags, base) and relations, two-space indentation per level and one blank
line between posts.  Comments
are kept and written above the item they preceded, so ``argmap fmt --write``
never drops them.  ``parse(format(doc)) == doc`` for every document whose
items are grouped by post in post order, as parsed documents are.  The
keywords are the grammar's (``lexicon``), and so are the patterns that
decide whether an author or a timestamp needs quotes.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from .._model import (
    Agreement,
    Concession,
    Document,
    FormatError,
    Post,
    Proposition,
    Rebuttal,
    Relation,
    Restatement,
    Support,
    Undercut,
    Voice,
)
from .lexicon import META_KEYS, TERMINALS, keyword

__all__ = ["format_document", "post_header", "quote_string"]

_WORD = re.compile(TERMINALS["WORD"])
_TIMESTAMP = re.compile(TERMINALS["TIMESTAMP"])
_POST, _BY, _REPLY_TO, _AT = (keyword(t) for t in ("POST", "BY", "REPLY_TO", "AT"))
_ANCHOR, _TAGS, _BASE, _SCHEME = (keyword(t) for t in ("ANCHOR", "TAGS", "BASE", "SCHEME"))
_VOICE = keyword("VOICE")
_QUOTE, _IGNORE, _SUPPORT = keyword("QUOTE"), keyword("IGNORE"), keyword("SUPPORT")
_REBUT, _UNDERCUT, _RESTATE = keyword("REBUT"), keyword("UNDERCUT"), keyword("RESTATE")
_AGREE, _CONCEDE = keyword("AGREE"), keyword("CONCEDE")


def quote_string(s: str) -> str:
    """Write ``s`` as a quoted string of the language."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _author(name: str) -> str:
    return name if _WORD.fullmatch(name) else quote_string(name)


def _stamp(stamp: str) -> str:
    return stamp if _TIMESTAMP.fullmatch(stamp) else quote_string(stamp)


def _number(x: float) -> str:
    text = repr(abs(float(x)) if x == 0 else float(x))
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


def _line(indent: str, head: str, text: str | None) -> str:
    return f"{indent}{head} {text}" if text else f"{indent}{head}"


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def comments(self, indent: str, comments: Iterable[str]) -> None:
        for c in comments:
            self.lines.append(indent + (c if c.startswith("#") else "# " + c))

    def proposition(self, indent: str, p: Proposition) -> None:
        self.comments(indent, p.comments)
        self.lines.append(_line(indent, f"{p.kind.value} {p.id}:", p.text))
        inner = indent + "  "
        if p.voice is not Voice.OWN:  # own is the default, never written
            by = f" {_BY} {p.reported_by}" if p.reported_by is not None else ""
            self.lines.append(f"{inner}{_VOICE}: {p.voice.value}{by}")
        if p.anchor is not None:
            self.lines.append(_line(inner, f"{_ANCHOR}:", p.anchor))
        if p.tags:
            self.lines.append(f"{inner}{_TAGS}: {', '.join(p.tags)}")
        if p.base is not None:
            self.lines.append(f"{inner}{_BASE}: {_number(p.base)}")

    def relation(self, indent: str, r: Relation) -> None:
        self.comments(indent, r.comments)
        if isinstance(r, Support):
            self.lines.append(f"{indent}{_SUPPORT} {r.id}: {' & '.join(r.premises)} -> {r.conclusion}")
            if r.scheme is not None:
                self.lines.append(_line(indent + "  ", f"{_SCHEME}:", r.scheme))
        elif isinstance(r, (Rebuttal, Undercut)):
            name = f"{r.id}: " if r.id is not None else ""
            self.lines.append(f"{indent}{_REBUT if isinstance(r, Rebuttal) else _UNDERCUT} {name}{' & '.join(r.attackers)} -> {r.target}")
        elif isinstance(r, Restatement):
            self.lines.append(f"{indent}{_RESTATE} {r.source} -> {r.target}")
        elif isinstance(r, Agreement):
            if r.post is None:
                raise FormatError(f"{r.kind} of {r.target} belongs to no post; the language needs one")
            word = _CONCEDE if isinstance(r, Concession) else _AGREE
            self.lines.append(f"{indent}{word} {r.target}")
        else:  # pragma: no cover - the model has no other relations
            raise FormatError(f"cannot write relation {r!r}")

    def post(self, doc: Document, post: Post) -> None:
        self.comments("", post.comments)
        self.lines.append(post_header(post))
        for line in post.body or ():
            self.lines.append(f"  | {line}" if line else "  |")
        for q in post.quotes:
            self.comments("  ", q.comments)
            self.lines.append(_line("  ", f"{_QUOTE} {q.source}:", q.text))
        self.items("  ", doc, post.id)

    def items(self, indent: str, doc: Document, post_id: str | None) -> None:
        for p in doc.propositions_of(post_id):
            self.proposition(indent, p)
        for r in doc.relations_of(post_id):
            self.relation(indent, r)


def post_header(post: Post) -> str:
    """A post's header line in canonical form: ``post ID by AUTHOR [reply-to ID] [at STAMP]``."""
    head = f"{_POST} {post.id} {_BY} {_author(post.author)}"
    if post.reply_to is not None:
        head += f" {_REPLY_TO} {post.reply_to}"
    if post.timestamp is not None:
        head += f" {_AT} {_stamp(post.timestamp)}"
    return head


def format_document(doc: Document) -> str:
    """Write ``doc`` as canonical argmap text."""
    _check_posts(doc)
    w = _Writer()
    w.comments("", doc.comments)
    m = doc.metadata
    for key in META_KEYS:
        value = getattr(m, key)
        if value is not None:
            w.lines.append(_line("", f"{key}:", value))
    if m.ignore:
        w.lines.append(f"{_IGNORE}: {', '.join(m.ignore)}")
    if doc.propositions_of(None) or doc.relations_of(None):
        if w.lines:
            w.lines.append("")
        w.items("", doc, None)
    for post in doc.posts:
        if w.lines:
            w.lines.append("")
        w.post(doc, post)
    if doc.trailing_comments:
        if w.lines:
            w.lines.append("")
        w.comments("", doc.trailing_comments)
    return "\n".join(w.lines) + "\n" if w.lines else ""


def _check_posts(doc: Document) -> None:
    posts = doc.posts_by_id
    if len(posts) != len(doc.posts):
        raise FormatError("the document has two posts with the same id")
    for obj in doc.propositions + doc.relations:
        if obj.post is not None and obj.post not in posts:
            what = obj.id if isinstance(obj, (Proposition, Support)) else obj.kind
            raise FormatError(f"{what} is asserted in post {obj.post!r}, which the document does not have")
