"""What several rules need from the relations, gathered in one walk of them.

A map of 100,000 propositions no longer fits in the CPU caches: each walk over
its relations waits on memory for every relation and every id it names.  So
the rules do not each walk the relations to build their own sets of
conclusions, rebuttal targets and so on; :func:`tables` walks them once, and
the document keeps the result (it never changes).
"""

from __future__ import annotations

from operator import attrgetter
from typing import Hashable, Iterable, NamedTuple

from .document import Document
from .items import Agreement, Proposition, Rebuttal, Relation, Restatement, Support, Undercut

__all__ = ["Tables", "named_ids", "tables"]


class Tables(NamedTuple):
    """Sets of ids (and two lists) taken from every relation of a document."""

    #: ids that some support concludes
    conclusions: set[str]
    #: ids that are a premise of some support
    premises: set[str]
    #: ids that some rebuttal attacks
    rebutted: set[str]
    #: ids that rebut something
    rebutters: set[str]
    #: ids that some undercut attacks (supports, normally)
    undercut: set[str]
    #: proposition ids that relations name: premises, conclusions, attackers,
    #: and the targets of rebuttals, agreements and restatements
    named: set[str]
    #: posts that put forward a relation (None: a relation in no post)
    posts: set[str | None]
    #: posts that put forward a proposition
    proposition_posts: set[str | None]
    #: the ids of the propositions
    ids: set[str]
    #: (relation, the earlier relation it repeats) pairs (S107): same kind and ends,
    #: premises as a set, and for agreements the same post (different posts may each agree)
    repeats: list[tuple[Relation, Relation]]


def named_ids(rel: Relation) -> Iterable[tuple[int, str]]:
    """(position, id) of each proposition a relation names: premises and conclusion,
    attackers (and a rebuttal's target), source and target, an agreement's target.  The
    position is the reference's index in the relation's ``ref_spans``.
    ``Tables.named`` is the union of these over all relations (the walk below inlines it)."""
    if isinstance(rel, Support):
        return enumerate((*rel.premises, rel.conclusion))
    if isinstance(rel, Rebuttal):
        return enumerate((*rel.attackers, rel.target))
    if isinstance(rel, Restatement):
        return ((0, rel.source), (1, rel.target))
    if isinstance(rel, Undercut):
        return enumerate(rel.attackers)
    return ((0, rel.target),)  # an agreement


def tables(doc: Document) -> Tables:
    """The document's :class:`Tables`, made on first use and kept in its cache."""
    return doc.derived("rule tables", lambda: _walk(doc.relations, doc.propositions))


def _walk(relations: tuple[Relation, ...], propositions: tuple[Proposition, ...]) -> Tables:
    conclusions: set[str] = set()
    premises: set[str] = set()
    rebutted: set[str] = set()
    rebutters: set[str] = set()
    undercut: set[str] = set()
    posts: set[str | None] = set()
    others: set[str] = set()  # what undercuts, agreements and restatements name
    repeats: list[tuple[Relation, Relation]] = []
    seen: dict[Hashable, Relation] = {}
    for r in relations:
        t = type(r)
        posts.add(r.post)
        # by exact type first (the parser's classes); subclasses made elsewhere below.  A type
        # test does not narrow the union for mypy as isinstance does, hence the ignores.
        key: Hashable
        if t is Support or (t not in _EXACT and isinstance(r, Support)):
            c, ps = r.conclusion, r.premises  # type: ignore[union-attr]
            conclusions.add(c)
            premises.update(ps)
            key = ("support", ps if len(ps) == 1 else tuple(sorted(set(ps))), c)
        elif t is Rebuttal or (t not in _EXACT and isinstance(r, Rebuttal)):
            a, g, more = r.attacker, r.target, r.partners  # type: ignore[union-attr]
            rebutted.add(g)
            rebutters.add(a)
            if more:
                rebutters.update(more)
            key = (r.kind, tuple(sorted({a, *more})) if more else a, g)  # linked: attackers as a set
        elif t is Undercut or (t not in _EXACT and isinstance(r, Undercut)):
            a, g, more = r.attacker, r.target, r.partners  # type: ignore[union-attr]
            undercut.add(g)
            others.add(a)
            if more:
                others.update(more)
            key = (r.kind, tuple(sorted({a, *more})) if more else a, g)
        elif isinstance(r, Agreement):
            g = r.target
            others.add(g)
            key = (r.kind, r.post, g)
        else:
            s, g = r.source, r.target  # type: ignore[union-attr]
            others.add(s)
            others.add(g)
            key = (r.kind, s, g)
        first = seen.setdefault(key, r)
        if first is not r:
            repeats.append((r, first))
    named = conclusions | premises | rebutted | rebutters | others  # unions in C, with the kept hashes
    return Tables(conclusions, premises, rebutted, rebutters, undercut, named, posts,
                  set(map(_POST_OF, propositions)), set(map(_ID_OF, propositions)), repeats)  # fmt: skip


_EXACT = frozenset({Support, Rebuttal, Undercut})
_POST_OF, _ID_OF = attrgetter("post"), attrgetter("id")
