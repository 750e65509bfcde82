"""Completeness rules: parts of the map that nothing connects or answers."""

from __future__ import annotations

from typing import Iterable, Iterator

from ..._model import Concession, Context, Finding, Kind, Support, Voice, tables
from ..registry import rule


@rule(
    "M101", "orphan-proposition", "warning",
    summary="A proposition takes part in no relation at all. (A supposition is M105's: it is raised to be "
            "answered, and says so when nothing answers it.)",
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
        if p.id in orphans and p.voice is not Voice.SUPPOSED:
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
    summary="A rebuttal that nobody answers: no attacker is rebutted or undercut, nor is the rebuttal. "
            "(Not a rebuttal of a proposition its post puts forward as reported, supposed or ironic: nobody "
            "in the thread holds it, so nobody is expected to defend it; nor one with a supposed attacker, "
            "which M105 reports when nothing answers it.)",
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
    props = doc.propositions_by_id
    for r in doc.rebuttals:
        if r.id is not None and r.id in t.undercut:
            continue  # the rebuttal itself is undercut
        target = props.get(r.target)
        if target is not None and not target.own:
            continue  # a reported, supposed or ironic view: no one holds it
        if any((a := props.get(x)) is not None and a.voice is Voice.SUPPOSED for x in r.attackers):
            continue  # M105's
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


@rule(
    "M105", "unanswered-supposition", "warning",
    summary="A proposition put forward as supposed (a supposition, or an objection raised in order to be "
            "answered) that nothing answers: nothing rebuts it, undercuts an inference or attack it is part "
            "of, and no post concedes it. Either the answer is missing from the map, or the proposition is "
            "the author's own (or a report) and its voice is wrong.",
    bad="post 1 by ann\n  thesis a: Tea is good.\n  claim b: Tea stains teeth.\n    voice: supposed\n"
        "  rebut b -> a\n",
    good="post 1 by ann\n  thesis a: Tea is good.\n  claim b: Tea stains teeth.\n    voice: supposed\n"
         "  claim c: Brushing removes the stain.\n  rebut b -> a\n  rebut c -> b\n",
)  # fmt: skip
def unanswered_supposition(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    supposed = [p for p in doc.propositions if p.voice is Voice.SUPPOSED]
    if not supposed:
        return
    t = tables(doc)
    answered = set(t.rebutted)
    answered.update(a.target for a in doc.agreements if isinstance(a, Concession))
    for name in t.undercut:  # an undercut inference or attack answers what it is made of
        inference = doc.inferences_by_id.get(name)
        if isinstance(inference, Support):
            answered.update(inference.premises)
        elif inference is not None:
            answered.update(inference.attackers)
    for p in supposed:
        if p.id not in answered:
            yield Finding(
                f"{p.id} is supposed, raised to be answered, but nothing answers it",
                p.span,
                hint=f"rebut or concede {p.id}, or undercut the inference it makes; "
                "if the author holds it, or reports it, change its voice",
            )
