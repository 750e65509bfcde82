"""The Document: a whole thread, with lookups built on first use.

The items it holds (posts, propositions, relations) are in ``items.py``.
"""

from __future__ import annotations

from operator import attrgetter
from types import MappingProxyType
from typing import Any, Callable, Collection, Hashable, Iterable, Iterator, Mapping, TypeVar

import attrs

from .items import (
    Agreement,
    Concession,
    Inference,
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
    check_comments,
    relation_sources,
    relation_target,
)

__all__ = ["Document", "set_display"]

_T = TypeVar("_T")
_K = TypeVar("_K")
_R = TypeVar("_R", Support, Rebuttal, Undercut, Agreement, Restatement)


def _index(items: Iterable[_T], key: Callable[[_T], _K]) -> Mapping[_K, _T]:
    out: dict[_K, _T] = {}
    items = tuple(items)
    for item, k in zip(items, map(key, items)):
        out.setdefault(k, item)
    return MappingProxyType(out)


def _group(
    items: tuple[_T, ...], key: Callable[[_T], Any], none_as: str | None = None
) -> Mapping[Any, tuple[_T, ...]]:
    """Items by ``key`` (a C-level getter: this runs over every object); None keys are
    left out, or filed under ``none_as``."""
    out: dict[Any, list[_T]] = {}
    for item, k in zip(items, map(key, items)):
        out.setdefault(k, []).append(item)
    if None in out:
        missing = out.pop(None)
        if none_as is not None:
            out[none_as] = missing
    return MappingProxyType({k: tuple(v) for k, v in out.items()})


def _ends(rel: Relation) -> tuple[str, tuple[str, ...]]:
    """(target, distinct sources) of a relation, by exact type first: this runs over every relation."""
    t = type(rel)
    if t is Rebuttal or t is Undercut:
        if rel.partners:  # type: ignore[union-attr]
            return rel.target, tuple(dict.fromkeys(rel.attackers))  # type: ignore[union-attr]
        return rel.target, (rel.attacker,)  # type: ignore[union-attr]
    if t is Support:
        premises = rel.premises  # type: ignore[union-attr]
        return rel.conclusion, premises if len(premises) == 1 else tuple(dict.fromkeys(premises))  # type: ignore[union-attr]
    return relation_target(rel), tuple(dict.fromkeys(relation_sources(rel)))


_ID_OF = attrgetter("id")
#: the relation classes the typed views sort by, and where each concrete class goes
_BASES: tuple[type, ...] = (Support, Rebuttal, Undercut, Agreement, Restatement)
_BASE_OF: dict[type, type] = {Support: Support, Rebuttal: Rebuttal, Undercut: Undercut, Agreement: Agreement,
                              Concession: Agreement, Restatement: Restatement}  # fmt: skip
_POST_OF = attrgetter("post")


# Converters, one per element type, so that type checkers know what the constructor takes.
def _posts(value: Iterable[Post]) -> tuple[Post, ...]:
    return tuple(value)


def _propositions(value: Iterable[Proposition]) -> tuple[Proposition, ...]:
    return tuple(value)


def _relations(value: Iterable[Relation]) -> tuple[Relation, ...]:
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


#: what Jupyter asks for and refuses (sets of MIME types, or None), and what is shown
Show = Callable[["Document", "Collection[str] | None", "Collection[str] | None"], dict[str, str]]

#: How a document shows itself in Jupyter; set by the package root, which can draw (the model cannot).
_display: Show | None = None


def set_display(show: Show | None) -> None:
    """Set what ``Document._repr_mimebundle_`` returns: a function of the document and the MIME
    types Jupyter includes and excludes, giving a MIME bundle.  ``argmap/__init__`` installs one
    that draws the map."""
    global _display
    _display = show


@attrs.frozen
class Document:
    """A whole annotated thread, in source order.

    Lookups (``propositions_by_id``, :meth:`relations_to`, …) are indexes built
    on first use and kept; with duplicate ids the first object wins.
    """

    metadata: Metadata = attrs.field(factory=Metadata)
    posts: tuple[Post, ...] = attrs.field(default=(), converter=_posts)
    propositions: tuple[Proposition, ...] = attrs.field(default=(), converter=_propositions)
    relations: tuple[Relation, ...] = attrs.field(default=(), converter=_relations)
    path: str | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    comments: tuple[str, ...] = attrs.field(
        default=(), eq=False, repr=False, kw_only=True, converter=_strings, validator=check_comments
    )
    trailing_comments: tuple[str, ...] = attrs.field(
        default=(), eq=False, repr=False, kw_only=True, converter=_strings, validator=check_comments
    )

    #: values derived on first use and kept, as a document never changes (see :meth:`derived`)
    _cache: dict[Hashable, Any] = attrs.field(init=False, eq=False, repr=False, factory=dict)

    def derived(self, key: Hashable, make: Callable[[], _T]) -> _T:
        """The value ``make()`` gives, made on first use under ``key`` and kept.

        A document never changes, so what is computed from it stays true: the
        lookups below, the checker's tables and findings use this.  ``key``
        must name what ``make`` computes, and nothing else may use it.
        """
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = make()
        return found

    def _typed(self, cls: type[_R]) -> tuple[_R, ...]:
        """The relations of class ``cls`` (a subclass's among them)."""
        cache: dict[Any, Any] = self._cache
        found = cache.get(cls)
        if found is None:
            if cls in _BASES and Support not in cache:  # sort them all in one pass
                buckets: dict[type, list[Relation]] = {base: [] for base in _BASES}
                for r in self.relations:
                    base = _BASE_OF.get(type(r))
                    if base is not None:
                        buckets[base].append(r)
                    else:  # a subclass made elsewhere
                        for base in _BASES:
                            if isinstance(r, base):
                                buckets[base].append(r)
                for base, items in buckets.items():
                    cache[base] = tuple(items)
                return cache[cls]  # type: ignore[no-any-return]
            found = cache[cls] = tuple(r for r in self.relations if isinstance(r, cls))
        return found

    def _links(self) -> tuple[Mapping[str, tuple[Relation, ...]], Mapping[str, tuple[Relation, ...]]]:
        """Relations by target, and by source."""

        def make() -> tuple[Mapping[str, tuple[Relation, ...]], Mapping[str, tuple[Relation, ...]]]:
            into: dict[str, list[Relation]] = {}
            out_of: dict[str, list[Relation]] = {}
            for rel in self.relations:
                target, sources = _ends(rel)
                into.setdefault(target, []).append(rel)
                for src in sources:
                    out_of.setdefault(src, []).append(rel)
            return (MappingProxyType({k: tuple(v) for k, v in into.items()}),
                    MappingProxyType({k: tuple(v) for k, v in out_of.items()}))  # fmt: skip

        return self.derived("links", make)

    # -- typed views ---------------------------------------------------------
    @property
    def participants(self) -> tuple[Participant, ...]:
        """Authors in order of their first post."""
        return tuple(Participant(name) for name in dict.fromkeys(p.author for p in self.posts))

    @property
    def supports(self) -> tuple[Support, ...]:
        """The supports, in document order."""
        return self._typed(Support)

    @property
    def rebuttals(self) -> tuple[Rebuttal, ...]:
        """The rebuttals, in document order."""
        return self._typed(Rebuttal)

    @property
    def undercuts(self) -> tuple[Undercut, ...]:
        """The undercuts, in document order."""
        return self._typed(Undercut)

    @property
    def agreements(self) -> tuple[Agreement, ...]:
        """Agreements and concessions."""
        return self._typed(Agreement)

    @property
    def restatements(self) -> tuple[Restatement, ...]:
        """The restatements, in document order."""
        return self._typed(Restatement)

    @property
    def quotes(self) -> Iterator[tuple[Post, Quote]]:
        """Every (quoting post, quote) pair in source order."""
        return ((post, q) for post in self.posts for q in post.quotes)

    # -- lookups -------------------------------------------------------------
    @property
    def posts_by_id(self) -> Mapping[str, Post]:
        """Each post by its id (of a repeated id, the first: R001 reports the others)."""
        return self.derived("posts_by_id", lambda: _index(self.posts, _ID_OF))

    @property
    def propositions_by_id(self) -> Mapping[str, Proposition]:
        """Each proposition by its id (of a repeated id, the first: R001 reports the others)."""
        return self.derived("props_by_id", lambda: _index(self.propositions, _ID_OF))

    @property
    def supports_by_id(self) -> Mapping[str, Support]:
        """Each support by its id (of a repeated id, the first: R001 reports the others)."""
        return self.derived("supports_by_id", lambda: _index(self.supports, _ID_OF))

    @property
    def inferences_by_id(self) -> Mapping[str, Inference]:
        """What an undercut can attack, by id: every support, and the rebuttals and undercuts
        that have an id."""

        def make() -> Mapping[str, Inference]:
            named: list[Inference] = [*self.supports]
            named += [r for r in self.rebuttals if r.id is not None]
            named += [r for r in self.undercuts if r.id is not None]
            return _index(named, _ID_OF)

        return self.derived("inferences_by_id", make)

    def inference_ends(self, name: str) -> tuple[str, ...]:
        """The propositions inference ``name`` joins, in order: a support's premises and
        conclusion; a named attack's attackers, then the ends of what it attacks (a
        proposition, or through an undercut of an undercut the ends of that one).  Empty
        when nothing has that id."""
        out: list[str] = []
        seen: set[str] = set()
        while name not in seen and name in self.inferences_by_id:
            seen.add(name)
            r = self.inferences_by_id[name]
            if isinstance(r, Support):
                return (*out, *r.premises, r.conclusion)
            out += r.attackers
            if not isinstance(r, Undercut):
                return (*out, r.target)
            name = r.target
        return tuple(out)

    def relations_to(self, target: str) -> tuple[Relation, ...]:
        """Relations pointing at proposition (or, for undercuts, inference) ``target``."""
        return self._links()[0].get(target, ())

    def relations_from(self, source: str) -> tuple[Relation, ...]:
        """Relations whose premise, attacker or restating source is ``source``."""
        return self._links()[1].get(source, ())

    def posts_by(self, author: str) -> tuple[Post, ...]:
        """Posts written by ``author``, in thread order."""
        by_author = self.derived("by_author", lambda: _group(self.posts, attrgetter("author")))
        return by_author.get(author, ())

    def propositions_of(self, post: str | None) -> tuple[Proposition, ...]:
        """Propositions asserted in post ``post`` (None: in no post)."""
        by_post = self.derived("props_by_post", lambda: _group(self.propositions, _POST_OF, ""))
        return by_post.get(post or "", ())

    def relations_of(self, post: str | None) -> tuple[Relation, ...]:
        """Relations asserted in post ``post`` (None: in no post)."""
        by_post = self.derived("rels_by_post", lambda: _group(self.relations, _POST_OF, ""))
        return by_post.get(post or "", ())

    def replies_to(self, post: str) -> tuple[Post, ...]:
        """Posts that answer post ``post``."""
        replies = self.derived("replies", lambda: _group(self.posts, attrgetter("reply_to")))
        return replies.get(post, ())

    def summary(self) -> str:
        """One line: what the document holds.

        >>> Document().summary()
        '<argmap.Document: 0 posts, 0 propositions, 0 relations>'
        """
        title = f", {self.metadata.title[:40]!r}" if self.metadata.title else ""
        return (f"<argmap.Document{title}: {len(self.posts)} posts, "
                f"{len(self.propositions)} propositions, {len(self.relations)} relations>")  # fmt: skip

    def _repr_mimebundle_(
        self, include: Collection[str] | None = None, exclude: Collection[str] | None = None
    ) -> dict[str, str]:
        """Jupyter shows a Document as its map (SVG), or its one-line summary."""
        if _display is None:
            return {"text/plain": self.summary()}
        return _display(self, include, exclude)
