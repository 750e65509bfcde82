"""What several rules need from the relations, gathered in one walk of them.

A map of 100,000 propositions no longer fits in the CPU caches: each walk over
its relations waits on memory for every relation and every id it names.  So
the rules do not each walk the relations to build their own sets of
conclusions, rebuttal targets and so on; :func:`tables` walks them once, and
the document keeps the result (it never changes).
"""

from __future__ import annotations

from operator import attrgetter
from typing import NamedTuple

from .._model import Agreement, Rebuttal, Support, Undercut

__all__ = ["Tables", "tables"]


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
    #: (relation, position, id) for each id named that is not a proposition (R002)
    unknown: list
    #: (relation, the earlier relation it repeats) pairs (S107): same kind and ends,
    #: premises as a set, and for agreements the same post (different posts may each agree)
    repeats: list


def tables(doc) -> Tables:
    """The document's :class:`Tables`, made on first use."""
    found = doc._memo.get("rule tables")
    if found is None:
        found = doc._memo["rule tables"] = _walk(doc.relations, doc.propositions_by_id, doc.propositions)
    return found


def _walk(relations, props, propositions) -> Tables:
    conclusions, premises, rebutted, rebutters, undercut, named, posts = (set() for _ in range(7))
    unknown: list = []
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
            named.add(c)
            named.update(ps)
            for i, p in enumerate(ps):
                if p not in props:
                    unknown.append((r, i, p))
            if c not in props:
                unknown.append((r, len(ps), c))
            key = ("support", ps if len(ps) == 1 else tuple(sorted(set(ps))), c)
        elif t is Rebuttal or t is Undercut or (t not in _EXACT and isinstance(r, (Rebuttal, Undercut))):
            a, g = r.attacker, r.target
            named.add(a)
            if a not in props:
                unknown.append((r, 0, a))
            if isinstance(r, Rebuttal):
                rebutted.add(g)
                rebutters.add(a)
                named.add(g)
                if g not in props:
                    unknown.append((r, 1, g))
            else:
                undercut.add(g)
            key = (r.kind, a, g)
        elif isinstance(r, Agreement):
            g = r.target
            named.add(g)
            if g not in props:
                unknown.append((r, 0, g))
            key = (r.kind, r.post, g)
        else:
            s, g = r.source, r.target
            named.add(s)
            named.add(g)
            if s not in props:
                unknown.append((r, 0, s))
            if g not in props:
                unknown.append((r, 1, g))
            key = (r.kind, s, g)
        first = seen.setdefault(key, r)
        if first is not r:
            repeats.append((r, first))
    return Tables(conclusions, premises, rebutted, rebutters, undercut, named, posts,
                  set(map(_POST_OF, propositions)), unknown, repeats)  # fmt: skip


_EXACT = frozenset({Support, Rebuttal, Undercut})
_POST_OF = attrgetter("post")
