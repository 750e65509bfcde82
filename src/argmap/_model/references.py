"""Reference rules: every id is defined once and every reference resolves.

:func:`argmap.parse` refuses text that breaks these, and the importers
refuse documents that do; :func:`argmap.check` reports them for documents
built in code.  They live in the model, below the parser and the checker,
because both need them.
"""

from __future__ import annotations

from typing import Collection, Iterator, Mapping

from .document import Document
from .errors import Diagnostic, Edit, Fix, Related
from .items import Inference, Post, Proposition, Span
from .rule_tables import named_ids, tables
from .rules import Context, Finding, Rule, registrar, run_rules
from .suggest import closest

__all__ = ["REFERENCE_RULES", "reference_diagnostics"]

#: the reference rules by code, in the order they run
REFERENCE_RULES: dict[str, Rule] = {}
rule = registrar(REFERENCE_RULES)

#: Suggestions cost a scan of all ids; give them for this many findings per rule.
_SUGGEST_LIMIT = 25


@rule(
    "R001", "duplicate-id", "error",
    summary="Two propositions, supports or named attacks (or two posts) share an id.",
    bad="post 1 by ann\n  claim c1: Tea is good.\n  claim c1: Coffee is good.\n",
    good="post 1 by ann\n  claim c1: Tea is good.\n  claim c2: Coffee is good.\n",
)  # fmt: skip
def duplicate_id(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    props, inferences = doc.propositions_by_id, doc.inferences_by_id
    named: list[Inference] = [*doc.supports, *(r for r in doc.rebuttals if r.id), *(r for r in doc.undercuts if r.id)]
    if (len(props) == len(doc.propositions) and len(inferences) == len(named)
            and props.keys().isdisjoint(inferences) and len(doc.posts_by_id) == len(doc.posts)):  # fmt: skip
        return  # the indexes keep one object per id: equal sizes mean no id is taken twice
    seen: dict[str, Proposition | Inference] = {}
    everything: list[Proposition | Inference] = [*doc.propositions, *named]
    for obj in everything:
        assert obj.id is not None
        first = seen.setdefault(obj.id, obj)
        if first is not obj:
            what = "proposition" if isinstance(first, Proposition) else first.kind
            yield Finding(
                f"id {obj.id!r} is already used by a {what}",
                obj.span,
                hint="give each proposition, support and named attack its own id",
                related=[Related(f"{obj.id} first defined here", first.span)],
            )
    posts: dict[str, Post] = {}
    for post in doc.posts:
        first_post = posts.setdefault(post.id, post)
        if first_post is not post:
            yield Finding(
                f"post id {post.id!r} is already used",
                post.span,
                related=[Related(f"post {post.id} first defined here", first_post.span)],
            )


class _Suggester:
    """Did-you-mean hints, with the replacement as a fix, for the first few unknown ids of a rule
    (each costs a scan of every id)."""

    def __init__(self, ids: Mapping[str, object]):
        self.ids = ids
        self.pool: list[str] | None = None
        self.used = 0

    def finding(self, message: str, obj: object, index: int, word: str) -> Finding:
        """The finding for unknown id ``word``, the ``index``-th reference of ``obj``."""
        span = Context.ref_span(obj, index)
        if self.used >= _SUGGEST_LIMIT:
            return Finding(message, span)
        self.used += 1
        if self.pool is None:
            self.pool = list(self.ids)
        guess = closest(word, self.pool)
        if guess is None:
            return Finding(message, span)
        spans: tuple[Span | None, ...] = getattr(obj, "ref_spans", ())
        exact = spans[index] if index < len(spans) else None  # the id itself, not the whole line
        fix = Fix(f"replace {word!r} with {guess!r}", [Edit(exact, guess)]) if exact is not None else None
        return Finding(message, span, f"did you mean {guess!r}?", (), fix)


@rule(
    "R002", "unknown-proposition", "error",
    summary="A relation names a proposition that the document does not define.",
    bad="post 1 by ann\n  claim c1: Tea is good.\n  rebut c2 -> c1\n",
    good="post 1 by ann\n  claim c1: Tea is good.\n  claim c2: Tea stains teeth.\n  rebut c2 -> c1\n",
)  # fmt: skip
def unknown_proposition(ctx: Context) -> Iterator[Finding]:
    t = tables(ctx.doc)
    if t.named <= t.ids:  # in C, with the hashes the sets keep
        return
    props = ctx.doc.propositions_by_id
    suggest = _Suggester(props)
    for rel in ctx.doc.relations:
        for i, ref in named_ids(rel):
            if ref not in props and ref not in ctx.unsure:
                yield suggest.finding(f"unknown proposition {ref!r}", rel, i, ref)


@rule(
    "R003", "unknown-post", "error",
    summary="A reply, quote or assertion names a post that the document does not have.",
    bad="post 1 by ann\npost 2 by bob reply-to 3\n",
    good="post 1 by ann\npost 2 by bob reply-to 1\n",
)  # fmt: skip
def unknown_post(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    posts = doc.posts_by_id
    suggest = _Suggester(posts)
    for post in doc.posts:
        if post.reply_to is not None and post.reply_to not in posts and post.reply_to not in ctx.unsure:
            message = f"post {post.id} replies to post {post.reply_to!r}, which does not exist"
            yield suggest.finding(message, post, 0, post.reply_to)
        for q in post.quotes:
            if q.source not in posts and q.source not in ctx.unsure:
                yield suggest.finding(f"quote from post {q.source!r}, which does not exist", q, 0, q.source)
    t = tables(doc)
    for objs, named in ((doc.propositions, t.proposition_posts), (doc.relations, t.posts)):
        if any(p is not None and p not in posts for p in named):  # else no need to look closer
            for obj in objs:
                if obj.post is not None and obj.post not in posts:
                    yield Finding(f"asserted in post {obj.post!r}, which does not exist", obj.span)


@rule(
    "R004", "unknown-support", "error",
    summary="An undercut names an inference (a support or a named attack) that the document does not define.",
    bad="post 1 by ann\n  claim c1: Tea is good.\n  claim c2: It is hot.\n"
        "  claim c3: Hot drinks are not always good.\n  support s1: c2 -> c1\n  undercut c3 -> s2\n",
    good="post 1 by ann\n  claim c1: Tea is good.\n  claim c2: It is hot.\n"
         "  claim c3: Hot drinks are not always good.\n  support s1: c2 -> c1\n  undercut c3 -> s1\n",
)  # fmt: skip
def unknown_support(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    inferences = doc.inferences_by_id
    suggest = _Suggester(inferences)
    for rel in doc.undercuts:
        known = rel.target in inferences or rel.target in doc.propositions_by_id
        if not known and rel.target not in ctx.unsure:
            what = "support" if not doc.rebuttals and len(inferences) == len(doc.supports) else "inference"
            yield suggest.finding(f"unknown {what} {rel.target!r}", rel, len(rel.attackers), rel.target)


@rule(
    "R005", "undercut-not-support", "error",
    summary="An undercut targets a proposition; undercuts attack an inference (a support or a named attack).",
    bad="post 1 by ann\n  claim c1: Tea is good.\n  claim c2: Tea is bitter.\n  undercut c2 -> c1\n",
    good="post 1 by ann\n  claim c1: Tea is good.\n  claim c2: Tea is bitter.\n  rebut c2 -> c1\n",
)  # fmt: skip
def undercut_not_support(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    for rel in doc.undercuts:
        if rel.target not in doc.inferences_by_id and rel.target in doc.propositions_by_id:
            yield Finding(
                f"undercut target {rel.target!r} is a proposition, not a support",
                ctx.ref_span(rel, len(rel.attackers)),
                hint=f"to attack the claim itself write: rebut {' & '.join(rel.attackers)} -> {rel.target}",
            )


def reference_diagnostics(doc: Document, unsure: Collection[str] = frozenset()) -> list[Diagnostic]:
    """The reference rules' findings (duplicate and unknown ids), which :func:`argmap.parse` enforces.

    References to ids in ``unsure`` (words on lines with syntax errors) are not
    reported: they are most likely defined on such a line.
    """
    return run_rules(REFERENCE_RULES.values(), Context(doc, unsure), doc.path)
