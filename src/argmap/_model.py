"""The immutable document model: what a parsed thread *is*.

Every class is a frozen, slotted attrs class.  Source spans are carried for
messages but take no part in equality, so a document compares equal to the
same document parsed from differently laid-out text.

References between objects are by id (a support names its premises by
proposition id, a post names the post it replies to), so a document can hold
dangling references; :func:`argmap.parse` refuses those, :func:`argmap.check`
reports them for documents built in code or imported from other formats.
"""

from __future__ import annotations

import enum
import re
from operator import attrgetter
from types import MappingProxyType
from typing import NamedTuple, Iterator, Mapping, Union

import attrs

__all__ = [
    "Agreement",
    "Concession",
    "Document",
    "Kind",
    "Metadata",
    "Participant",
    "Post",
    "Proposition",
    "Quote",
    "Rebuttal",
    "Relation",
    "Restatement",
    "Span",
    "Support",
    "Undercut",
]


class Span(NamedTuple):
    """A region of source text; lines and columns count from 1.

    ``end_column`` is one past the last character, as in lark.  A named tuple:
    a large file has hundreds of thousands of them, and they are made fast.

    >>> Span(3, 5, 3, 9)
    Span(line=3, column=5, end_line=3, end_column=9)
    """

    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


def _span_field():
    return attrs.field(default=None, eq=False, repr=False, kw_only=True)


def _refs_field():
    """Where each referenced id stands in the source (parallel to the references)."""
    return attrs.field(default=(), eq=False, repr=False, kw_only=True, converter=tuple)


def _comments_field():
    return attrs.field(default=(), eq=False, repr=False, kw_only=True, converter=tuple)


_ID = re.compile(r"\w(?:[\w.\-]*\w)?")


_IS_ID = _ID.fullmatch


def _check_id(inst, attribute, value):
    if type(value) is not str or not _IS_ID(value):
        raise ValueError(
            f"{attribute.name} must be an id (letters, digits, '_', '.', '-'; "
            f"not ending in '.' or '-'), got {value!r}"
        )


def _check_optional_id(inst, attribute, value):
    if value is not None:
        _check_id(inst, attribute, value)


def _check_line(inst, attribute, value):
    """Text that fits on one line of the language without changing."""
    if value is None:
        return
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a string, got {type(value).__name__}")
    if "\n" in value or "\r" in value or value != value.strip():
        raise ValueError(f"{attribute.name} must be one line without surrounding blanks, got {value!r}")


def _check_quotable(inst, attribute, value):
    """Any single line: the language writes it in quotes when it needs to."""
    if value is not None and (not isinstance(value, str) or "\n" in value or "\r" in value):
        raise ValueError(f"{attribute.name} must be a single line, got {value!r}")


def _check_name(inst, attribute, value):
    if not isinstance(value, str) or not value or "\n" in value or "\r" in value:
        raise ValueError(f"{attribute.name} must be a non-empty single line, got {value!r}")


def _check_tags(inst, attribute, value):
    for tag in value:
        if not tag or any(c.isspace() or c == "," for c in tag):
            raise ValueError(f"a tag is one word without commas, got {tag!r}")


class Kind(str, enum.Enum):
    """What a proposition does in its post.

    ``thesis`` is a main claim of the thread or a post, ``claim`` any other
    contestable statement, ``premise`` a reason offered for another claim,
    ``evidence`` a report of fact, experience or testimony, ``question`` a
    (often rhetorical) question.
    """

    THESIS = "thesis"
    CLAIM = "claim"
    PREMISE = "premise"
    EVIDENCE = "evidence"
    QUESTION = "question"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Metadata:
    """Facts about the thread as a whole."""

    title: str | None = attrs.field(default=None, validator=_check_line)
    source: str | None = attrs.field(default=None, validator=_check_line)
    date: str | None = attrs.field(default=None, validator=_check_line)
    language: str | None = attrs.field(default=None, validator=_check_line)
    #: checker rule codes (or prefixes) silenced for this document
    ignore: tuple[str, ...] = attrs.field(default=(), converter=tuple, validator=_check_tags)


@attrs.frozen
class Participant:
    """Someone who wrote in the thread, by the handle they used."""

    name: str = attrs.field(validator=_check_name)


@attrs.frozen
class Quote:
    """Verbatim words that a post takes from an earlier post ``source``."""

    source: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=_check_line)
    span: Span | None = _span_field()
    ref_spans: tuple[Span | None, ...] = _refs_field()
    comments: tuple[str, ...] = _comments_field()


def _body_lines(value):
    """An empty body is no body: the language cannot tell them apart."""
    return tuple(value) or None if value is not None else None


def _check_body(inst, attribute, value):
    if value is None:
        return
    for line in value:
        if "\n" in line or "\r" in line or line != line.rstrip():
            raise ValueError(f"body lines must be single lines without trailing blanks: {line!r}")


@attrs.frozen
class Post:
    """One contribution to the thread.

    Attributes:
        id: the thread's own number where it has one, so "@6" resolves.
        author: the handle as written (any Unicode, spaces and commas too).
        timestamp: when it was written, as written (ISO 8601 recommended).
        reply_to: id of the post this one answers.
        quotes: verbatim quotations of earlier posts.
        body: the post's own text, line by line, if the annotator kept it.
    """

    id: str = attrs.field(validator=_check_id)
    author: str = attrs.field(validator=_check_name)
    timestamp: str | None = attrs.field(default=None, validator=_check_quotable)
    reply_to: str | None = attrs.field(default=None, validator=_check_optional_id)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=tuple)
    body: tuple[str, ...] | None = attrs.field(default=None, converter=_body_lines, validator=_check_body)
    span: Span | None = _span_field()
    ref_spans: tuple[Span | None, ...] = _refs_field()
    comments: tuple[str, ...] = _comments_field()

    @property
    def text(self) -> str | None:
        """The body joined into one string, or None."""
        return None if self.body is None else "\n".join(self.body)


def _check_base(inst, attribute, value):
    if value is not None and not (0.0 <= value <= 1.0):
        raise ValueError(f"base score must lie in [0, 1], got {value!r}")


@attrs.frozen
class Proposition:
    """A claim put forward in the thread.

    Attributes:
        id: unique in the document.
        text: the annotator's paraphrase.
        kind: see :class:`Kind`.
        anchor: the words in the post that the proposition stands for.
        tags: free labels.
        base: base score for gradual semantics, in [0, 1].
        post: id of the post that asserted it (None: no post).
    """

    id: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=_check_line)
    kind: Kind = attrs.field(default=Kind.CLAIM, converter=Kind)
    anchor: str | None = attrs.field(default=None, validator=_check_line)
    tags: tuple[str, ...] = attrs.field(default=(), converter=tuple, validator=_check_tags)
    base: float | None = attrs.field(default=None, validator=_check_base)
    post: str | None = attrs.field(default=None, validator=_check_optional_id)
    span: Span | None = _span_field()
    comments: tuple[str, ...] = _comments_field()


@attrs.frozen
class Support:
    """Premises that together give a reason for a conclusion.

    Several premises make a *linked* argument: they only work together.
    Independent reasons are separate supports of the same conclusion.
    """

    id: str = attrs.field(validator=_check_id)
    premises: tuple[str, ...] = attrs.field(converter=tuple)
    conclusion: str = attrs.field(validator=_check_id)
    scheme: str | None = attrs.field(default=None, validator=_check_line)
    post: str | None = attrs.field(default=None, validator=_check_optional_id)
    span: Span | None = _span_field()
    ref_spans: tuple[Span | None, ...] = _refs_field()
    comments: tuple[str, ...] = _comments_field()

    kind = "support"

    @premises.validator
    def _premises(self, attribute, value):
        if not value:
            raise ValueError("a support needs at least one premise")
        for p in value:
            _check_id(self, attribute, p)

    @property
    def linked(self) -> bool:
        return len(self.premises) > 1


@attrs.frozen
class _Attack:
    attacker: str = attrs.field(validator=_check_id)
    target: str = attrs.field(validator=_check_id)
    post: str | None = attrs.field(default=None, validator=_check_optional_id)
    span: Span | None = _span_field()
    ref_spans: tuple[Span | None, ...] = _refs_field()
    comments: tuple[str, ...] = _comments_field()


@attrs.frozen
class Rebuttal(_Attack):
    """``attacker`` (a proposition) speaks against ``target`` (a proposition)."""

    kind = "rebuttal"


@attrs.frozen
class Undercut(_Attack):
    """``attacker`` denies that support ``target`` is a good inference."""

    kind = "undercut"


@attrs.frozen
class Agreement:
    """Post ``post`` accepts proposition ``target``."""

    target: str = attrs.field(validator=_check_id)
    post: str | None = attrs.field(default=None, validator=_check_optional_id)
    span: Span | None = _span_field()
    ref_spans: tuple[Span | None, ...] = _refs_field()
    comments: tuple[str, ...] = _comments_field()

    kind = "agreement"


@attrs.frozen
class Concession(Agreement):
    """Post ``post`` grants proposition ``target`` while arguing otherwise."""

    kind = "concession"


@attrs.frozen
class Restatement:
    """``source`` says again what ``target`` said."""

    source: str = attrs.field(validator=_check_id)
    target: str = attrs.field(validator=_check_id)
    post: str | None = attrs.field(default=None, validator=_check_optional_id)
    span: Span | None = _span_field()
    ref_spans: tuple[Span | None, ...] = _refs_field()
    comments: tuple[str, ...] = _comments_field()

    kind = "restatement"


Relation = Union[Support, Rebuttal, Undercut, Agreement, Restatement]

def trusted(cls):
    """A constructor that skips ``cls``'s converters and validators: for the parser only.

    It takes every field in declaration order, each already in its final form
    and known to be valid (the grammar guarantees ids, one-line texts and
    tags; the builder converts kinds, tuples and scores).  It is about three
    times as fast as the checked constructor, which matters at tens of
    thousands of objects; tests/parse/test_trusted.py checks that parsed
    documents equal their rebuilt-through-the-constructors copies.
    """
    setters = tuple(getattr(cls, a.name).__set__ for a in attrs.fields(cls))
    new = object.__new__

    def make(*values):
        obj = new(cls)
        for set_, value in zip(setters, values, strict=True):
            set_(obj, value)
        return obj

    make.__name__ = f"trusted_{cls.__name__}"
    return make


#: Relation kinds in the order reports list them.
RELATION_KINDS = ("support", "rebuttal", "undercut", "agreement", "concession", "restatement")


def relation_sources(rel: Relation) -> tuple[str, ...]:
    """Ids of the propositions a relation starts from (none for agreements)."""
    if isinstance(rel, Support):
        return rel.premises
    if isinstance(rel, (Rebuttal, Undercut)):
        return (rel.attacker,)
    if isinstance(rel, Restatement):
        return (rel.source,)
    return ()


def relation_target(rel: Relation) -> str:
    """Id of what a relation points at (a support id for undercuts)."""
    return rel.conclusion if isinstance(rel, Support) else rel.target


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
        return self._derived("props_by_post", lambda: _group(self.propositions, _POST_OF, "")).get(post or "", ())

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
