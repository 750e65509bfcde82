"""What a writer leaves out: each format's losses, as data.

Every format argmap writes holds part of a document.  A writer module names
the kinds of content it cannot hold in a :class:`Losses` table, and the table
counts them in a given document: ``argmap convert`` prints one warning per kind
with its count (``AIF keeps no tags: 12 tags left out``), and the round-trip
tests (tests/convert/test_losses.py) check that what a writer drops is what its
table names.  The kinds of content are the :data:`CONTENT` catalogue below;
docs/formats.md lists each format's losses by the same names.
"""

from __future__ import annotations

from typing import Callable, Final, Iterable

import attrs

from .._model import Agreement, Concession, Document, Kind, Rebuttal, Restatement, Support, Undercut

__all__ = ["CONTENT", "Content", "Loss", "Losses", "comments", "count"]


def _comments(doc: Document) -> int:
    items: Iterable[object] = (*doc.posts, *doc.propositions, *doc.relations,
                               *(q for p in doc.posts for q in p.quotes))  # fmt: skip
    return len(doc.comments) + len(doc.trailing_comments) + sum(len(getattr(i, "comments", ())) for i in items)


def comments(doc: Document) -> int:
    """How many comment lines ``doc`` holds (above items, in the header, at the end)."""
    return _comments(doc)


def _metadata(doc: Document) -> int:
    m = doc.metadata
    return sum(v is not None for v in (m.title, m.source, m.date, m.language)) + (1 if m.ignore else 0)


def _attacks(doc: Document) -> Iterable[Rebuttal | Undercut]:
    return (r for r in doc.relations if isinstance(r, (Rebuttal, Undercut)))


@attrs.frozen
class Content:
    """A kind of content a document may hold, and how to count it."""

    #: the name docs/formats.md and the loss tables use: "tags"
    name: str
    #: the noun for one and for several ("tag", "tags")
    one: str
    many: str
    count: Callable[[Document], int]

    def noun(self, n: int) -> str:
        return self.one if n == 1 else self.many


def _content(*entries: tuple[str, str, str, Callable[[Document], int]]) -> dict[str, Content]:
    return {name: Content(name, one, many, count) for name, one, many, count in entries}


#: Every kind of content a writer may leave out, in the order warnings list them.
CONTENT: Final = _content(
    ("metadata", "metadata field", "metadata fields", _metadata),
    ("post texts", "post text", "post texts", lambda d: sum(p.body is not None for p in d.posts)),
    ("timestamps", "timestamp", "timestamps", lambda d: sum(p.timestamp is not None for p in d.posts)),
    ("quotes", "quote", "quotes", lambda d: sum(len(p.quotes) for p in d.posts)),
    ("proposition kinds", "proposition kind", "proposition kinds",
     lambda d: sum(p.kind is not Kind.CLAIM for p in d.propositions)),
    ("anchors", "anchor", "anchors", lambda d: sum(p.anchor is not None for p in d.propositions)),
    ("tags", "tag", "tags", lambda d: sum(len(p.tags) for p in d.propositions)),
    ("base scores", "base score", "base scores", lambda d: sum(p.base is not None for p in d.propositions)),
    ("voices", "voice", "voices", lambda d: sum(not p.own for p in d.propositions)),  # reported, supposed, ironic
    ("reporter names", "reporter name", "reporter names",
     lambda d: sum(p.reported_by is not None for p in d.propositions)),
    ("schemes", "scheme", "schemes", lambda d: sum(s.scheme is not None for s in d.supports)),
    ("linked attackers", "linked attacker", "linked attackers",
     lambda d: sum(len(getattr(r, "partners", ())) for r in _attacks(d))),
    ("attack ids", "attack id", "attack ids", lambda d: sum(getattr(r, "id", None) is not None for r in _attacks(d))),
    ("agreements", "agreement", "agreements",
     lambda d: sum(isinstance(r, Agreement) and not isinstance(r, Concession) for r in d.relations)),
    ("concessions", "concession", "concessions", lambda d: sum(isinstance(r, Concession) for r in d.relations)),
    ("restatements", "restatement", "restatements", lambda d: sum(isinstance(r, Restatement) for r in d.relations)),
    ("comments", "comment", "comments", _comments),
    # what a format cannot hold of any text (counted by the format: which characters depends on it)
    ("characters", "character", "characters", lambda d: 0),
)  # fmt: skip


def count(doc: Document, name: str) -> int:
    """How many items of content ``name`` (a key of :data:`CONTENT`) ``doc`` holds."""
    return CONTENT[name].count(doc)


@attrs.frozen
class Loss:
    """``count`` items of one kind of content that a format cannot hold, left out by its writer.

    >>> str(Loss("AIF", "tags", 12))
    'AIF keeps no tags: 12 tags left out'
    >>> str(Loss("AIF", "agreements", 1, "of no post"))
    'AIF keeps no agreements of no post: 1 agreement left out'
    """

    #: the format's name as people write it ("AIF", "Argdown", "GraphML")
    format: str
    #: the kind of content: a key of :data:`CONTENT`
    content: str
    count: int
    #: which of them, when the format keeps the others ("of no post", "but question")
    which: str | None = None

    def __str__(self) -> str:
        what = f"{self.content} {self.which}" if self.which else self.content
        return f"{self.format} keeps no {what}: {self.count} {CONTENT[self.content].noun(self.count)} left out"


#: counts the items of a kind of content a writer leaves out of a document (0: none)
Counter = Callable[[Document], int]


@attrs.frozen
class Losses:
    """A writer's table of what it leaves out: each kind of content, with what of it is lost.

    ``drops`` names kinds of content the format cannot hold at all; ``partly``
    maps a kind to ``(which, counter)`` for content it holds only in part (AIF
    keeps agreements only of a post: ``("of no post", counter)``).
    """

    format: str
    drops: tuple[str, ...] = ()
    partly: dict[str, tuple[str, Counter]] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        unknown = [c for c in (*self.drops, *self.partly) if c not in CONTENT]
        if unknown:
            raise ValueError(f"unknown kinds of content: {', '.join(unknown)}")

    @property
    def names(self) -> tuple[str, ...]:
        """Every kind of content the format may leave out, in :data:`CONTENT` order."""
        return tuple(c for c in CONTENT if c in self.drops or c in self.partly)

    def __call__(self, doc: Document) -> list[Loss]:
        """What writing ``doc`` leaves out: one :class:`Loss` per kind of content, with its count."""
        out: list[Loss] = []
        for name in self.names:
            if name in self.partly:
                which, counter = self.partly[name]
                n = counter(doc)
            else:
                which, n = None, CONTENT[name].count(doc)
            if n:
                out.append(Loss(self.format, name, n, which))
        return out


#: a format that keeps everything (argmap text, argmap JSON)
KEEPS_ALL: Final = Losses("argmap")


def supports_with_scheme(doc: Document, schemes: Iterable[str]) -> int:
    """How many supports have one of ``schemes`` (a format may read them back as no scheme)."""
    names = frozenset(schemes)
    return sum(isinstance(r, Support) and r.scheme in names for r in doc.relations)
