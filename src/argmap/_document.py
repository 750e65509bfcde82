"""The Document: a whole thread, with lookups built on first use.

The items it holds (posts, propositions, relations) are in ``_model.py``.
"""

from __future__ import annotations

from operator import attrgetter
from types import MappingProxyType
from typing import Iterator, Mapping

import attrs

from ._model import (
    Agreement,
    Concession,
    Metadata,
    Participant,
    Post,
    Proposition,
    Quote,
    Rebuttal,
    Relation,
    Restatement,
    Support,
    Undercut,
    _comments_field,
    relation_sources,
    relation_target,
)

__all__ = ["Document"]


def _index(items, key) -> Mapping:
    out: dict = {}
    for item, k in zip(items, map(key, items)):
        out.setdefault(k, item)
    return MappingProxyType(out)


def _group(items, key, none_as=None) -> Mapping:
    """Items by ``key`` (a C-level getter: this runs over every object); None keys are
    left out, or filed under ``none_as``."""
    out: dict = {}
    for item, k in zip(items, map(key, items)):
        out.setdefault(k, []).append(item)
    if None in out:
        missing = out.pop(None)
        if none_as is not None:
            out[none_as] = missing
    return MappingProxyType({k: tuple(v) for k, v in out.items()})


def _ends(rel) -> tuple[str, tuple[str, ...]]:
    """(target, distinct sources) of a relation, by exact type first: this runs over every relation."""
    t = type(rel)
    if t is Rebuttal or t is Undercut:
        return rel.target, (rel.attacker,)
    if t is Support:
        premises = rel.premises
        return rel.conclusion, premises if len(premises) == 1 else tuple(dict.fromkeys(premises))
    return relation_target(rel), tuple(dict.fromkeys(relation_sources(rel)))


_ID_OF = attrgetter("id")
#: the relation classes the typed views sort by, and where each concrete class goes
_BASES = (Support, Rebuttal, Undercut, Agreement, Restatement)
_BASE_OF = {Support: Support, Rebuttal: Rebuttal, Undercut: Undercut, Agreement: Agreement,
            Concession: Agreement, Restatement: Restatement}  # fmt: skip
_POST_OF = attrgetter("post")


@attrs.frozen
class Document:
    """A whole annotated thread, in source order.

    Lookups (``propositions_by_id``, :meth:`relations_to`, …) are indexes built
    on first use and kept; with duplicate ids the first object wins.
    """

    metadata: Metadata = attrs.field(factory=Metadata)
    posts: tuple[Post, ...] = attrs.field(default=(), converter=tuple)
    propositions: tuple[Proposition, ...] = attrs.field(default=(), converter=tuple)
    relations: tuple[Relation, ...] = attrs.field(default=(), converter=tuple)
    path: str | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    comments: tuple[str, ...] = _comments_field()
    trailing_comments: tuple[str, ...] = _comments_field()

    #: values derived on first use and kept, as a document never changes: the
    #: lookups below, typed views, what the checker's rules found
    _memo: dict = attrs.field(init=False, eq=False, repr=False, factory=dict)

    def _derived(self, key, make):
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = make()
        return found

    def _typed(self, cls) -> tuple:
        """The relations of class ``cls`` (a subclass's among them)."""
        found = self._memo.get(cls)
        if found is None:
            if cls in _BASES and Support not in self._memo:  # sort them all in one pass
                buckets: dict = {base: [] for base in _BASES}
                for r in self.relations:
                    base = _BASE_OF.get(type(r))
                    if base is not None:
                        buckets[base].append(r)
                    else:  # a subclass made elsewhere
                        for base in _BASES:
                            if isinstance(r, base):
                                buckets[base].append(r)
                for base, items in buckets.items():
                    self._memo[base] = tuple(items)
                return self._memo[cls]
            found = self._memo[cls] = tuple(r for r in self.relations if isinstance(r, cls))
        return found

    def _links(self) -> tuple[Mapping, Mapping]:
        """Relations by target, and by source."""

        def make():
            into: dict = {}
            out_of: dict = {}
            for rel in self.relations:
                target, sources = _ends(rel)
                into.setdefault(target, []).append(rel)
                for src in sources:
                    out_of.setdefault(src, []).append(rel)
            return (MappingProxyType({k: tuple(v) for k, v in into.items()}),
                    MappingProxyType({k: tuple(v) for k, v in out_of.items()}))  # fmt: skip

        return self._derived("links", make)

    # -- typed views ---------------------------------------------------------
    @property
    def participants(self) -> tuple[Participant, ...]:
        """Authors in order of their first post."""
        return tuple(Participant(name) for name in dict.fromkeys(p.author for p in self.posts))

    @property
    def supports(self) -> tuple[Support, ...]:
        return self._typed(Support)

    @property
    def rebuttals(self) -> tuple[Rebuttal, ...]:
        return self._typed(Rebuttal)

    @property
    def undercuts(self) -> tuple[Undercut, ...]:
        return self._typed(Undercut)

    @property
    def agreements(self) -> tuple[Agreement, ...]:
        """Agreements and concessions."""
        return self._typed(Agreement)

    @property
    def restatements(self) -> tuple[Restatement, ...]:
        return self._typed(Restatement)

    @property
    def quotes(self) -> Iterator[tuple[Post, Quote]]:
        """Every (quoting post, quote) pair in source order."""
        return ((post, q) for post in self.posts for q in post.quotes)

    # -- lookups -------------------------------------------------------------
    @property
    def posts_by_id(self) -> Mapping[str, Post]:
        return self._derived("posts_by_id", lambda: _index(self.posts, _ID_OF))

    @property
    def propositions_by_id(self) -> Mapping[str, Proposition]:
        return self._derived("props_by_id", lambda: _index(self.propositions, _ID_OF))

    @property
    def supports_by_id(self) -> Mapping[str, Support]:
        return self._derived("supports_by_id", lambda: _index(self.supports, _ID_OF))

    def relations_to(self, target: str) -> tuple[Relation, ...]:
        """Relations pointing at proposition (or, for undercuts, support) ``target``."""
        return self._links()[0].get(target, ())

    def relations_from(self, source: str) -> tuple[Relation, ...]:
        """Relations whose premise, attacker or restating source is ``source``."""
        return self._links()[1].get(source, ())

    def posts_by(self, author: str) -> tuple[Post, ...]:
        """Posts written by ``author``, in thread order."""
        return self._derived("by_author", lambda: _group(self.posts, attrgetter("author"))).get(author, ())

    def propositions_of(self, post: str | None) -> tuple[Proposition, ...]:
        """Propositions asserted in post ``post`` (None: in no post)."""
        return self._derived("props_by_post", lambda: _group(self.propositions, _POST_OF, "")).get(
            post or "", ()
        )

    def relations_of(self, post: str | None) -> tuple[Relation, ...]:
        """Relations asserted in post ``post`` (None: in no post)."""
        return self._derived("rels_by_post", lambda: _group(self.relations, _POST_OF, "")).get(post or "", ())

    def replies_to(self, post: str) -> tuple[Post, ...]:
        """Posts that answer post ``post``."""
        return self._derived("replies", lambda: _group(self.posts, attrgetter("reply_to"))).get(post, ())

    def _repr_mimebundle_(self, include=None, exclude=None):
        """Jupyter shows a Document as its map (SVG), or as text when Graphviz is missing."""
        from ._errors import ArgmapError
        from ._format import format_document
        from ._graphviz_run import render

        bundle = {
            "text/plain": f"<argmap.Document: {len(self.posts)} posts, {len(self.propositions)} propositions>"
        }
        try:
            bundle["text/plain"] = format_document(self)
            bundle["image/svg+xml"] = render(self, "svg").decode("utf-8")
        except ArgmapError:
            pass
        return bundle
