"""Text rules: propositions must say something, and say it once."""

from __future__ import annotations

from typing import Iterator

from ..._model import Context, Finding, Proposition, Related
from ..registry import rule


@rule(
    "T101", "empty-text", "warning",
    summary="A proposition, anchor or scheme has no text.",
    bad="post 1 by ann\n  claim a:\n",
    good="post 1 by ann\n  claim a: Tea is good.\n",
)  # fmt: skip
def empty_text(ctx: Context) -> Iterator[Finding]:
    for p in ctx.doc.propositions:
        if not p.text:
            yield Finding(f"{p.id} has no text", p.span, hint="write the claim in your own words")
        if p.anchor == "":
            yield Finding(f"the anchor of {p.id} is empty", p.span)
    for s in ctx.doc.supports:
        if s.scheme == "":
            yield Finding(f"the scheme of {s.id} is empty", s.span)


def _key(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".!?")


@rule(
    "T102", "duplicate-text", "warning",
    summary="Two propositions have the same text but are not marked as restating each other.",
    bad="post 1 by ann\n  claim a: Tea is good.\npost 2 by bob\n  claim b: tea is good\n",
    good="post 1 by ann\n  claim a: Tea is good.\npost 2 by bob\n  claim b: tea is good\n  restate b -> a\n",
)  # fmt: skip
def duplicate_text(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    linked = {frozenset((r.source, r.target)) for r in doc.restatements}
    first: dict[str, Proposition] = {}
    for p in doc.propositions:
        key = _key(p.text)
        if not key:
            continue
        other = first.setdefault(key, p)
        if other is not p and frozenset((p.id, other.id)) not in linked:
            yield Finding(
                f"{p.id} has the same text as {other.id}",
                p.span,
                hint=f"if one restates the other, say so: restate {p.id} -> {other.id}",
                related=[Related(f"{other.id} says it first", other.span)],
            )
