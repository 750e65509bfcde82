"""Completeness rules: parts of the map that nothing connects or answers."""

from __future__ import annotations

from typing import Iterable, Iterator

from ..._model import Context, Finding, Kind, Support, tables
from ..registry import rule


@rule(
    "M101", "orphan-proposition", "warning",
    summary="A proposition takes part in no relation at all.",
    bad="post 1 by ann\n  claim a: Tea is good.\n  claim b: Tea is hot.\n  claim c: Cats purr.\n"
        "  support s1: b -> a\n",
    good="post 1 by ann\n  claim a: Tea is good.\n  claim b: Tea is hot.\n  support s1: b -> a\n",
)  # fmt: skip
def orphan_proposition(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    t = tables(doc)
    orphans = t.ids - t.named  # in C; the loop below then only probes this small set
    orphans -= t.undercut
    if not orphans:
        return
    for p in doc.propositions:
        if p.id in orphans:
            yield Finding(f"{p.id} is not related to anything", p.span,
                          hint="connect it with support, rebut, restate … or remove it")  # fmt: skip


@rule(
    "M102", "unsupported-thesis", "warning",
    summary="A thesis has no support.",
    bad="post 1 by ann\n  thesis a: Tea is good.\n  claim b: Tea is hot.\n  rebut b -> a\n",
    good="post 1 by ann\n  thesis a: Tea is good.\n  claim b: Tea is hot.\n  support s1: b -> a\n",
)  # fmt: skip
def unsupported_thesis(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    supported = tables(doc).conclusions
    for p in doc.propositions:
        if p.kind is Kind.THESIS and p.id not in supported:
            yield Finding(f"thesis {p.id} has no support", p.span, hint="give a reason for it")


@rule(
    "M103", "unanswered-rebuttal", "info",
    summary="A rebuttal that nobody answers: no attacker is rebutted or undercut, nor is the rebuttal.",
    bad="post 1 by ann\n  claim a: Tea is good.\npost 2 by bob\n  claim b: Tea is bitter.\n  rebut b -> a\n",
    good="post 1 by ann\n  claim a: Tea is good.\npost 2 by bob\n  claim b: Tea is bitter.\n  rebut b -> a\n"
         "post 3 by ann\n  claim c: Honey fixes that.\n  rebut c -> b\n  rebut a -> c\n",
)  # fmt: skip
def unanswered_rebuttal(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    # answered: rebutted itself, or a premise of a support that is undercut
    t = tables(doc)
    answered = set(t.rebutted)
    undercut: Iterable[Support]
    if len(doc.supports_by_id) == len(doc.supports):  # ids are unique: look the few undercut ones up
        undercut = [s for s in map(doc.supports_by_id.get, t.undercut) if s is not None]
    else:
        undercut = (s for s in doc.supports if s.id in t.undercut)
    for s in undercut:
        answered.update(s.premises)
    for r in doc.rebuttals:
        if r.id is not None and r.id in t.undercut:
            continue  # the rebuttal itself is undercut
        if not any(a in answered for a in r.attackers):
            yield Finding(f"nobody answers {' & '.join(r.attackers)}'s rebuttal of {r.target}", r.span)


@rule(
    "M104", "empty-post", "info",
    summary="A post puts forward nothing: no proposition, relation or quote.",
    bad="post 1 by ann\n  claim a: Tea is good.\n  claim b: Tea is hot.\n  support s1: b -> a\npost 2 by bob\n",
    good="post 1 by ann\n  claim a: Tea is good.\n  claim b: Tea is hot.\n  support s1: b -> a\n"
         "post 2 by bob\n  agree a\n",
)  # fmt: skip
def empty_post(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    t = tables(doc)
    used = t.proposition_posts | t.posts
    for post in doc.posts:
        if not post.quotes and post.id not in used:
            yield Finding(f"post {post.id} puts forward nothing", post.span)
