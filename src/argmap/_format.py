"""Document → canonical text.

The layout is fixed: metadata, then what belongs to no post, then each post
with its text, quotes, propositions (with their attributes) and relations,
two-space indentation per level and one blank line between posts.  Comments
are kept and written above the item they preceded, so ``argmap fmt --write``
never drops them.  ``parse(format(doc)) == doc`` for every document whose
items are grouped by post in post order, as parsed documents are.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from ._document import Document
from ._errors import FormatError
from ._model import Agreement, Concession, Rebuttal, Restatement, Support, Undercut

__all__ = ["format_document"]


@functools.cache
def _terminal(name: str) -> re.Pattern:
    """A terminal's pattern, read from the grammar, so the formatter writes what the lexer reads."""
    from ._grammar import terminal_patterns

    return re.compile(terminal_patterns("argmap.lark")[name])


def quote_string(s: str) -> str:
    """Write ``s`` as a quoted string of the language."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _author(name: str) -> str:
    return name if _terminal("WORD").fullmatch(name) else quote_string(name)


def _stamp(stamp: str) -> str:
    return stamp if _terminal("TIMESTAMP").fullmatch(stamp) else quote_string(stamp)


def _number(x: float) -> str:
    text = repr(abs(float(x)) if x == 0 else float(x))
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


def _line(indent: str, head: str, text: str | None) -> str:
    return f"{indent}{head} {text}" if text else f"{indent}{head}"


class _Writer:
    def __init__(self):
        self.lines: list[str] = []

    def comments(self, indent: str, comments) -> None:
        for c in comments:
            self.lines.append(indent + (c if c.startswith("#") else "# " + c))

    def proposition(self, indent: str, p) -> None:
        self.comments(indent, p.comments)
        self.lines.append(_line(indent, f"{p.kind.value} {p.id}:", p.text))
        inner = indent + "  "
        if p.anchor is not None:
            self.lines.append(_line(inner, "anchor:", p.anchor))
        if p.tags:
            self.lines.append(f"{inner}tags: {', '.join(p.tags)}")
        if p.base is not None:
            self.lines.append(f"{inner}base: {_number(p.base)}")

    def relation(self, indent: str, r) -> None:
        self.comments(indent, r.comments)
        if isinstance(r, Support):
            self.lines.append(f"{indent}support {r.id}: {' & '.join(r.premises)} -> {r.conclusion}")
            if r.scheme is not None:
                self.lines.append(_line(indent + "  ", "scheme:", r.scheme))
        elif isinstance(r, Rebuttal):
            self.lines.append(f"{indent}rebut {r.attacker} -> {r.target}")
        elif isinstance(r, Undercut):
            self.lines.append(f"{indent}undercut {r.attacker} -> {r.target}")
        elif isinstance(r, Restatement):
            self.lines.append(f"{indent}restate {r.source} -> {r.target}")
        elif isinstance(r, Agreement):
            if r.post is None:
                raise FormatError(f"{r.kind} of {r.target} belongs to no post; the language needs one")
            word = "concede" if isinstance(r, Concession) else "agree"
            self.lines.append(f"{indent}{word} {r.target}")
        else:  # pragma: no cover - the model has no other relations
            raise FormatError(f"cannot write relation {r!r}")

    def items(self, indent: str, doc: Document, post_id: str | None) -> None:
        for p in doc.propositions_of(post_id):
            self.proposition(indent, p)
        for r in doc.relations_of(post_id):
            self.relation(indent, r)


def format_document(doc: Document) -> str:
    """Write ``doc`` as canonical argmap text."""
    _check_posts(doc)
    w = _Writer()
    w.comments("", doc.comments)
    m = doc.metadata
    for key in ("title", "source", "date", "language"):
        value = getattr(m, key)
        if value is not None:
            w.lines.append(_line("", f"{key}:", value))
    if m.ignore:
        w.lines.append(f"ignore: {', '.join(m.ignore)}")
    sections = []
    if doc.propositions_of(None) or doc.relations_of(None):
        sections.append(None)
    sections.extend(doc.posts)
    for post in sections:
        if w.lines:
            w.lines.append("")
        if post is None:
            w.items("", doc, None)
            continue
        w.comments("", post.comments)
        head = f"post {post.id} by {_author(post.author)}"
        if post.reply_to is not None:
            head += f" reply-to {post.reply_to}"
        if post.timestamp is not None:
            head += f" at {_stamp(post.timestamp)}"
        w.lines.append(head)
        for line in post.body or ():
            w.lines.append(f"  | {line}" if line else "  |")
        for q in post.quotes:
            w.comments("  ", q.comments)
            w.lines.append(_line("  ", f"quote {q.source}:", q.text))
        w.items("  ", doc, post.id)
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
            what = getattr(obj, "id", None) or obj.kind
            raise FormatError(f"{what} is asserted in post {obj.post!r}, which the document does not have")
