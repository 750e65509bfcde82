"""Dialogue rules: who said what, when, and whether quotes are faithful."""

from __future__ import annotations

import re
from typing import Iterable, Iterator, Mapping

import attrs

from ..._language import post_header
from ..._model import (
    Agreement,
    Concession,
    Context,
    Document,
    Edit,
    Finding,
    Fix,
    Proposition,
    Related,
    tables,
)
from ..registry import rule

_THREAD = "post 1 by ann\n  | Tea is good for you.\n  claim a: Tea is healthy.\n"


def positions(doc: Document) -> Mapping[str, int]:
    """Each post's place in the thread, by id (the first of a repeated id); computed once per
    document (four rules ask for it)."""

    def make() -> Mapping[str, int]:
        out: dict[str, int] = {}
        for i, p in enumerate(doc.posts):
            out.setdefault(p.id, i)
        return out

    return doc.derived("post_positions", make)


@rule(
    "D101", "reply-to-later-post", "error",
    summary="A post replies to itself or to a post that comes later in the thread.",
    bad="post 1 by ann reply-to 2\npost 2 by bob\n",
    good="post 1 by ann\npost 2 by bob reply-to 1\n",
)  # fmt: skip
def reply_to_later_post(ctx: Context) -> Iterator[Finding]:
    pos = positions(ctx.doc)
    for i, post in enumerate(ctx.doc.posts):
        j = pos.get(post.reply_to) if post.reply_to is not None else None
        if j is not None and j >= i:
            what = "itself" if post.reply_to == post.id else f"post {post.reply_to}, which comes later"
            yield Finding(
                f"post {post.id} replies to {what}",
                ctx.ref_span(post, 0),
                hint="a post can only answer an earlier post; check the number",
            )


@rule(
    "D102", "quote-from-later-post", "error",
    summary="A post quotes itself or a post that comes later in the thread.",
    bad="post 1 by ann\n  quote 2: Coffee.\npost 2 by bob\n  | Coffee.\n",
    good="post 1 by ann\n  | Coffee.\npost 2 by bob\n  quote 1: Coffee.\n",
)  # fmt: skip
def quote_from_later_post(ctx: Context) -> Iterator[Finding]:
    pos = positions(ctx.doc)
    for i, post in enumerate(ctx.doc.posts):
        for q in post.quotes:
            j = pos.get(q.source)
            if j is not None and j >= i:
                what = "itself" if q.source == post.id else f"post {q.source}, which comes later"
                yield Finding(f"post {post.id} quotes {what}", ctx.ref_span(q, 0))


_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"',
                             "„": '"', "‟": '"', "″": '"', "\u00a0": " "})  # fmt: skip
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…|\[\.\.\.\]|\[…\])\s*")


def normalize(text: str) -> str:
    """Fold typographic quotes and runs of whitespace, for comparing verbatim text."""
    return " ".join(text.translate(_TYPOGRAPHY).split())


_PUNCTUATION = re.compile(r"[^\w\s]+")


def _loose(text: str) -> str:
    """``text`` without case and punctuation (omission marks kept), to tell a near miss."""
    kept = _ELLIPSIS.sub(" \x01 ", text)
    return " ".join(_PUNCTUATION.sub(" ", kept.casefold()).split()).replace("\x01", "...")


def occurs_in(words: str, body: str) -> bool:
    """Whether ``words`` occur in ``body``; ``...`` or ``…`` in ``words`` marks an omission.

    >>> occurs_in("Tea is ... for you", "Tea is good for you.")
    True
    >>> occurs_in("Tea is bad", "Tea is good for you.")
    False
    """
    pos = 0
    for piece in _ELLIPSIS.split(normalize(words)):
        if not piece:
            continue
        found = body.find(piece, pos)
        if found < 0:
            return False
        pos = found + len(piece)
    return True


@rule(
    "D103", "quote-not-in-source", "error",
    summary="A quote's words do not occur in the quoted post's text (checked when that text is given; "
            "whitespace, typographic quotes and '...' omissions are tolerated).",
    bad=_THREAD + "post 2 by bob reply-to 1\n  quote 1: Tea is bad for you.\n",
    good=_THREAD + "post 2 by bob reply-to 1\n  quote 1: Tea is good ... you.\n",
)  # fmt: skip
def quote_not_in_source(ctx: Context) -> Iterator[Finding]:
    quoting = [post for post in ctx.doc.posts if post.quotes]
    if not quoting:
        return
    quoted = {q.source for post in quoting for q in post.quotes}
    texts = {p.id: p for p in ctx.doc.posts if p.id in quoted and p.body is not None}
    bodies: dict[str, str] = {}  # normalised once each, and only the quoted ones
    for post in quoting:
        for q in post.quotes:
            source = texts.get(q.source)
            if source is None:
                continue
            body = bodies.get(q.source)
            if body is None:
                body = bodies[q.source] = normalize(source.text or "")
            if not occurs_in(q.text, body):
                if occurs_in(_loose(q.text), _loose(body)):
                    yield Finding(
                        f"the quoted words differ from post {q.source} only in case or punctuation",
                        q.span,
                        hint="copy the words exactly, capitals and punctuation too",
                    )
                    continue
                yield Finding(
                    f"the quoted words do not occur in post {q.source}",
                    q.span,
                    hint="copy the words exactly; mark omissions with '...'",
                )


@rule(
    "D104", "anchor-not-in-post", "error",
    summary="A proposition's anchor does not occur in its post's text (checked when that text is given).",
    bad="post 1 by ann\n  | Tea is good for you.\n  claim a: Tea is healthy.\n    anchor: Tea is great\n",
    good="post 1 by ann\n  | Tea is good for you.\n  claim a: Tea is healthy.\n    anchor: Tea is good\n",
)  # fmt: skip
def anchor_not_in_post(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    bodies: dict[str, str] = {}
    for p in doc.propositions:
        if not p.anchor or p.post is None:
            continue
        post = doc.posts_by_id.get(p.post)
        if post is None or post.body is None:
            continue
        if p.post not in bodies:
            bodies[p.post] = normalize(post.text or "")
        if not occurs_in(p.anchor, bodies[p.post]):
            yield Finding(f"the anchor of {p.id} does not occur in post {p.post}", p.span)


@rule(
    "D105", "inconsistent-commitment", "warning",
    summary="An author rebuts, in a later post, a proposition they asserted or agreed with in an earlier one. "
            "(Voicing an objection in order to answer it in the same post, or conceding, is not counted. "
            "Only the author's own voice commits them: a proposition they reported, supposed or said in "
            "irony is no assertion of theirs, and a rebuttal whose attacker the later post itself puts "
            "forward as reported, supposed or ironic is not theirs either.)",
    bad="post 1 by ann\n  claim a: Tea is good.\npost 2 by bob\n  claim b: Tea is bad.\n"
        "post 3 by ann\n  rebut b -> a\n",
    good="post 1 by ann\n  claim a: Tea is good.\npost 2 by bob\n  claim b: Tea is bad.\n"
         "post 3 by cat\n  rebut b -> a\n",
)  # fmt: skip
def inconsistent_commitment(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    author = {p.id: p.author for p in doc.posts}
    rebutted = tables(doc).rebutted  # only commitments to these can clash
    committed: dict[tuple[str, str], Proposition | Agreement] = {}  # (author, proposition) -> where
    for p in doc.propositions:
        if p.id in rebutted and p.post is not None and p.post in author and p.own:
            committed.setdefault((author[p.post], p.id), p)
    for a in doc.agreements:
        if a.target in rebutted and a.post is not None and a.post in author and not isinstance(a, Concession):
            committed.setdefault((author[a.post], a.target), a)
    for r in doc.rebuttals:
        who = author.get(r.post) if r.post is not None else None
        where = committed.get((who, r.target)) if who is not None else None
        if who is None or where is None or where.post == r.post or voiced(doc, r.attackers, r.post):
            continue
        how = "asserted" if hasattr(where, "text") else "agreed with"
        yield Finding(
            f"{who} rebuts {r.target}, which they {how} in post {where.post}",
            r.span,
            hint="if the author changed their mind this is right; otherwise check who said what",
            related=[Related(f"{who} {how} {r.target} here", where.span)],
        )


def voiced(doc: Document, ids: Iterable[str], post: str | None) -> bool:
    """Whether post ``post`` itself puts forward any of ``ids`` in a voice not its author's own
    (reported, supposed, ironic): a relation from it is then said for someone else, or to be answered."""
    props = doc.propositions_by_id
    return any((p := props.get(x)) is not None and p.post == post and not p.own for x in ids)


#: a body line that starts by addressing an earlier post: "@6:", "@6", "#14:" (the thread's own habit)
ADDRESS = re.compile(r"\s*[@#](\w(?:[\w.\-]*\w)?)")


@rule(
    "D106", "reply-not-marked", "warning",
    summary="A post quotes an earlier post, or opens a line with @N, but replies to no post.",
    bad=_THREAD + "post 2 by bob\n  quote 1: Tea is good for you.\n  claim b: It is not.\n  rebut b -> a\n",
    good=_THREAD + "post 2 by bob reply-to 1\n  quote 1: Tea is good for you.\n  claim b: It is not.\n"
         "  rebut b -> a\n",
)  # fmt: skip
def reply_not_marked(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    position = positions(doc)
    for i, post in enumerate(doc.posts):
        if post.reply_to is not None or post.span is None:
            continue
        named = [q.source for q in post.quotes]
        for line in post.body or ():
            m = ADDRESS.match(line)
            if m is not None:
                named.append(m.group(1))
        earlier = list(dict.fromkeys(p for p in named if position.get(p, i) < i))
        if not earlier:
            continue
        how = "quotes" if earlier[0] in {q.source for q in post.quotes} else "addresses"
        fix = None
        if len(earlier) == 1:
            header = post_header(attrs.evolve(post, reply_to=earlier[0]))
            fix = Fix(f"mark post {post.id} as a reply to post {earlier[0]}", [Edit(post.span, header)])
        yield Finding(
            f"post {post.id} {how} post {earlier[0]} but replies to no post",
            post.span,
            hint=f"add reply-to {earlier[0]} to its header"
            if len(earlier) == 1
            else f"add the post it answers: reply-to {' or '.join(earlier)}",
            fix=fix,
        )
