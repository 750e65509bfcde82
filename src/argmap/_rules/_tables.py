"""What several rules need from the relations, gathered in one walk of them.

A map of 100,000 propositions no longer fits in the CPU caches: each walk over
its relations waits on memory for every relation and every id it names.  So
the rules do not each walk the relations to build their own sets of
conclusions, rebuttal targets and so on; :func:`tables` walks them once, and
the document keeps the result (it never changes).
"""

from __future__ import annotations

from operator import attrgetter
from typing import Iterable, NamedTuple

from .._model import Agreement, Rebuttal, Restatement, Support, Undercut

__all__ = ["Tables", "named_ids", "tables"]


class Tables(NamedTuple):
    """Sets of ids (and two lists) taken from every relation of a document."""

    #: ids that some support concludes
    conclusions: set
    #: ids that are a premise of some support
    premises: set
    #: ids that some rebuttal attacks
    rebutted: set
    #: ids that rebut something
    rebutters: set
    #: ids that some undercut attacks (supports, normally)
    undercut: set
    #: proposition ids that relations name: premises, conclusions, attackers,
    #: and the targets of rebuttals, agreements and restatements
    named: set
    #: posts that put forward a relation
    posts: set
    #: posts that put forward a proposition
    proposition_posts: set
    #: the ids of the propositions
    ids: set
    #: (relation, the earlier relation it repeats) pairs (S107): same kind and ends,
    #: premises as a set, and for agreements the same post (different posts may each agree)
    repeats: list


def named_ids(rel) -> Iterable[tuple[int, str]]:
    """(position, id) of each proposition a relation names: premises and conclusion,
    attacker (and a rebuttal's target), source and target, an agreement's target.
    ``Tables.named`` is the union of these over all relations (the walk below inlines it)."""
    if isinstance(rel, Support):
        return enumerate((*rel.premises, rel.conclusion))
    if isinstance(rel, Rebuttal):
        return ((0, rel.attacker), (1, rel.target))
    if isinstance(rel, Restatement):
        return ((0, rel.source), (1, rel.target))
    if isinstance(rel, Undercut):
        return ((0, rel.attacker),)
    return ((0, rel.target),)  # an agreement


def tables(doc) -> Tables:
    """The document's :class:`Tables`, made on first use."""
    found = doc._memo.get("rule tables")
    if found is None:
        found = doc._memo["rule tables"] = _walk(doc.relations, doc.propositions)
    return found


def _walk(relations, propositions) -> Tables:
    conclusions, premises, rebutted, rebutters, undercut, posts = (set() for _ in range(6))
    others: set = set()  # what undercuts, agreements and restatements name
    repeats: list = []
    seen: dict = {}
    for r in relations:
        t = type(r)
        posts.add(r.post)
        # by exact type first (the parser's classes); subclasses made elsewhere below
        if t is Support or (t not in _EXACT and isinstance(r, Support)):
            c, ps = r.conclusion, r.premises
            conclusions.add(c)
            premises.update(ps)
            key = ("support", ps if len(ps) == 1 else tuple(sorted(set(ps))), c)
        elif t is Rebuttal or (t not in _EXACT and isinstance(r, Rebuttal)):
            a, g = r.attacker, r.target
            rebutted.add(g)
            rebutters.add(a)
            key = (r.kind, a, g)
        elif t is Undercut or (t not in _EXACT and isinstance(r, Undercut)):
            a, g = r.attacker, r.target
            undercut.add(g)
            others.add(a)
            key = (r.kind, a, g)
        elif isinstance(r, Agreement):
            g = r.target
            others.add(g)
            key = (r.kind, r.post, g)
        else:
            s, g = r.source, r.target
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
