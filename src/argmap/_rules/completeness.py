"""Completeness rules: parts of the map that nothing connects or answers."""

from __future__ import annotations

from operator import attrgetter

from .._model import Kind, Rebuttal, Undercut
from . import Finding, rule

_POST_OF = attrgetter("post")


@rule(
    "M101", "orphan-proposition", "warning",
    summary="A proposition takes part in no relation at all.",
    bad="post 1 by ann\n  claim a: Tea is good.\n  claim b: Tea is hot.\n  claim c: Cats purr.\n"
        "  support s1: b -> a\n",
    good="post 1 by ann\n  claim a: Tea is good.\n  claim b: Tea is hot.\n  support s1: b -> a\n",
)  # fmt: skip
def orphan_proposition(ctx):
    doc = ctx.doc
    related = doc._related_ids()
    for p in doc.propositions:
        if p.id not in related:
            yield Finding(f"{p.id} is not related to anything", p.span,
                          hint="connect it with support, rebut, restate … or remove it")  # fmt: skip


@rule(
    "M102", "unsupported-thesis", "warning",
    summary="A thesis has no support.",
    bad="post 1 by ann\n  thesis a: Tea is good.\n  claim b: Tea is hot.\n  rebut b -> a\n",
    good="post 1 by ann\n  thesis a: Tea is good.\n  claim b: Tea is hot.\n  support s1: b -> a\n",
)  # fmt: skip
def unsupported_thesis(ctx):
    doc = ctx.doc
    for p in doc.propositions:
        if p.kind is Kind.THESIS and not any(r.kind == "support" for r in doc.relations_to(p.id)):
            yield Finding(f"thesis {p.id} has no support", p.span, hint="give a reason for it")


@rule(
    "M103", "unanswered-rebuttal", "info",
    summary="A rebuttal whose attacker nobody rebuts or undercuts.",
    bad="post 1 by ann\n  claim a: Tea is good.\npost 2 by bob\n  claim b: Tea is bitter.\n  rebut b -> a\n",
    good="post 1 by ann\n  claim a: Tea is good.\npost 2 by bob\n  claim b: Tea is bitter.\n  rebut b -> a\n"
         "post 3 by ann\n  claim c: Honey fixes that.\n  rebut c -> b\n  rebut a -> c\n",
)  # fmt: skip
def unanswered_rebuttal(ctx):
    doc = ctx.doc
    for r in doc.rebuttals:
        answered = any(isinstance(x, Rebuttal) for x in doc.relations_to(r.attacker)) or any(
            isinstance(x, Undercut)
            for s in doc.relations_from(r.attacker)
            if s.kind == "support"
            for x in doc.relations_to(s.id)
        )
        if not answered:
            yield Finding(f"nobody answers {r.attacker}'s rebuttal of {r.target}", r.span)


@rule(
    "M104", "empty-post", "info",
    summary="A post puts forward nothing: no proposition, relation or quote.",
    bad="post 1 by ann\n  claim a: Tea is good.\n  claim b: Tea is hot.\n  support s1: b -> a\npost 2 by bob\n",
    good="post 1 by ann\n  claim a: Tea is good.\n  claim b: Tea is hot.\n  support s1: b -> a\n"
         "post 2 by bob\n  agree a\n",
)  # fmt: skip
def empty_post(ctx):
    doc = ctx.doc
    used = set(map(_POST_OF, doc.propositions))
    used.update(map(_POST_OF, doc.relations))
    for post in doc.posts:
        if not post.quotes and post.id not in used:
            yield Finding(f"post {post.id} puts forward nothing", post.span)
