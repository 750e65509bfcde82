"""Statements → Document: decide what belongs to what, then resolve references.

The grammar only knows lines.  Here a ``post`` header opens a post that owns
every following statement; attribute lines (anchor, tags, base, scheme)
describe the item just above; comments belong to the next statement.
"""

from __future__ import annotations

import functools
import sys

import attrs

from ._document import Document
from ._errors import Diagnostic, Severity
from ._model import (
    Agreement,
    Concession,
    Kind,
    Metadata,
    Post,
    Proposition,
    Quote,
    Rebuttal,
    Restatement,
    Support,
    Undercut,
    trusted,
)
from ._suggest import did_you_mean

__all__ = ["build"]

_ATTRIBUTE_OWNER = {"anchor": Proposition, "tags": Proposition, "base": Proposition, "scheme": Support}


class _Builder:
    def __init__(self, path):
        self.path = path
        self.problems: list[Diagnostic] = []
        self.metadata: dict = {}
        self.header_comments: list[str] = []
        self.pending: list[str] = []
        self.posts: list[dict] = []
        self.props: list[Proposition] = []
        self.rels: list = []
        self.post: dict | None = None
        self.post_id: str | None = None
        # the proposition or support that attribute lines describe, where it sits, and what they gave
        self.last = None
        self.last_in: list | None = None
        self.given: set[str] = set()
        self.started = False

    def error(self, code, message, span, hint=None):
        self.problems.append(Diagnostic(code, Severity.ERROR, message, span, self.path, hint=hint))

    def take_comments(self) -> tuple[str, ...]:
        if not self.pending:
            return ()
        out = tuple(self.pending)
        self.pending.clear()
        return out

    # -- one method per statement tag ----------------------------------------
    def comment(self, span, text):
        self.pending.append(text)

    def meta(self, span, key, value):
        if self.started:
            self.error("P105", f"metadata '{key}:' must come before the first post or proposition",
                       span, hint="move it to the top of the file")  # fmt: skip
            return
        if key in self.metadata:
            self.error("P106", f"'{key}:' is given twice", span, hint="keep one of them")
            return
        self.metadata[key] = value
        self.header_comments += self.take_comments()
        if key == "ignore":
            self.check_codes(span, value)

    def check_codes(self, span, codes) -> None:
        from ._rules import RULES

        for code in codes:
            if not any(known.startswith(code.upper()) for known in RULES):
                self.problems.append(
                    Diagnostic(
                        "P108",
                        Severity.WARNING,
                        f"'ignore:' names no rule: {code!r}",
                        span,
                        self.path,
                        hint=did_you_mean(code.upper(), sorted(RULES)) or "see `argmap rules` for the codes",
                    )  # fmt: skip
                )

    def post_(self, span, pid, id_span, author, stamp, reply, reply_span):
        self.started = True
        if not author:
            self.error("P107", "the author name is empty", span)
            author = "?"
        self.post = {
            "id": pid, "author": author, "timestamp": stamp, "reply_to": reply,
            "quotes": [], "body": None, "span": span, "comments": self.take_comments(),
            "refs": [reply_span],
        }  # fmt: skip
        self.posts.append(self.post)
        self.post_id = pid
        self.last = None

    def prop(self, span, kind, pid, id_span, text):
        self.started = True
        # Every value is valid by construction (the grammar's terminals, the
        # checks here), so objects are made without re-validation.
        self.last = _PROPOSITION(
            _id(pid), text, _KINDS[kind], None, (), None, self.post_id, span, self.take_comments()
        )
        self.props.append(self.last)
        self.last_in = self.props
        self.given = set()

    def attribute(self, tag, span, value, value_span=None):
        owner = self.last
        want = _ATTRIBUTE_OWNER[tag]
        if not isinstance(owner, want):
            above = "a proposition line (claim, premise, …)" if want is Proposition else "a support line"
            self.error("P101", f"'{tag}:' must follow {above}", span,
                       hint=f"put it right under the {'proposition' if want is Proposition else 'support'} it describes")  # fmt: skip
            return
        if tag in self.given:
            self.error("P102", f"'{tag}:' is given twice for {owner.id}", span)
            return
        if tag == "base":
            value = float(value)
            if not 0.0 <= value <= 1.0:
                self.error("P103", f"base score {value:g} is outside [0, 1]", value_span,
                           hint="a base score is a number from 0 to 1, e.g. base: 0.7")  # fmt: skip
                return
        self.given.add(tag)
        if tag == "tags":
            value = tuple(value)
        # rare enough to go through the checked constructor
        self.last = attrs.evolve(owner, **{tag: value, "comments": owner.comments + self.take_comments()})
        self.last_in[-1] = self.last

    def needs_post(self, what, span) -> bool:
        if self.post is None:
            self.error("P104", f"{what} must be inside a post", span,
                       hint="add a 'post ID by AUTHOR' line above it")  # fmt: skip
            return False
        return True

    def body(self, span, line):
        if self.needs_post("post text ('|' lines)", span):
            if self.post["body"] is None:
                self.post["body"] = []
            self.post["body"].append(line)
            self.post["comments"] += self.take_comments()

    def quote(self, span, source, source_span, text):
        if self.needs_post("a quote", span):
            q = _QUOTE(source, text, span, (source_span,), self.take_comments())
            self.post["quotes"].append(q)
        self.last = None

    def relation(self, tag, span, *parts):
        self.started = True
        if tag == "agree" and not self.needs_post(f"'{parts[0]}'", span):
            return
        rel = _relation(tag, parts, span, self.post_id, self.take_comments())
        self.rels.append(rel)
        self.last = rel
        self.last_in = self.rels
        self.given = set()

    # -- assembling ------------------------------------------------------------
    def finish(self) -> Document:
        posts = [
            _POST(p["id"], p["author"], p["timestamp"], p["reply_to"], tuple(p["quotes"]),
                  tuple(p["body"]) if p["body"] else None, p["span"], tuple(p["refs"]), tuple(p["comments"]))
            for p in self.posts
        ]  # fmt: skip
        meta = Metadata(**self.metadata)
        return Document(
            meta, posts, self.props, self.rels, path=self.path,
            comments=self.header_comments, trailing_comments=self.pending,
        )  # fmt: skip


_KINDS = {k.value: k for k in Kind}
#: one string object per id: later lookups then match by identity, without comparing text
_id = sys.intern
_POST, _QUOTE, _PROPOSITION, _SUPPORT = trusted(Post), trusted(Quote), trusted(Proposition), trusted(Support)
_PAIRS = {"rebut": trusted(Rebuttal), "undercut": trusted(Undercut), "restate": trusted(Restatement)}
_AGREEMENTS = {"agree": trusted(Agreement), "concede": trusted(Concession)}


def _relation(tag, parts, span, post, comments):
    if tag == "support":
        sid, _id_span, premises, (concl, concl_span) = parts
        refs = tuple(s for _, s in premises) + (concl_span,)
        return _SUPPORT(
            _id(sid), tuple(_id(p) for p, _ in premises), _id(concl), None, post, span, refs, comments
        )
    if tag == "agree":
        word, (target, tspan) = parts
        return _AGREEMENTS[word](_id(target), post, span, (tspan,), comments)
    (a, aspan), (b, bspan) = parts
    return _PAIRS[tag](_id(a), _id(b), post, span, (aspan, bspan), comments)


def build(stmts, path=None, unsure=frozenset()):
    """Assemble a Document from statement tuples; return it with every problem found.

    ``unsure`` holds words of lines that failed to parse (see reference_diagnostics).
    """
    from ._rules import reference_diagnostics

    b = _Builder(path)
    handlers = {
        "comment": b.comment, "meta": b.meta, "post": b.post_, "prop": b.prop, "body": b.body,
        "quote": b.quote, **{tag: functools.partial(b.attribute, tag) for tag in _ATTRIBUTE_OWNER},
    }  # fmt: skip
    for st in stmts:
        handler = handlers.get(st[0])
        if handler is None:
            b.relation(*st)
        else:
            handler(*st[1:])
    doc = b.finish()
    problems = b.problems + reference_diagnostics(doc, unsure)
    return doc, problems
