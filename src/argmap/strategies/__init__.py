"""Hypothesis strategies for argument maps, for your own property-based tests.

Everything here generates *valid model objects*: ids that the language
accepts, single-line texts, references that resolve.  Documents come out in
canonical order (items grouped by post, in post order), so that
``parse(format(doc)) == doc`` holds for every one of them.

>>> from hypothesis import given
>>> from argmap import format, parse, strategies
>>> @given(strategies.documents(max_posts=3))
... def test_round_trip(doc):
...     assert parse(format(doc)) == doc
>>> test_round_trip()

Requires the ``hypothesis`` package (``pip install argmap[strategies]``).
"""

from __future__ import annotations

import functools
from typing import (
    Any,
    Callable,
    Iterable,
    Literal,
    ParamSpec,
    Sequence,
    TypeAlias,
    TypedDict,
    TypeVar,
    Unpack,
    cast,
)

import attrs
from hypothesis import strategies as st

from .._language import format_document
from .._model import (
    RELATION_KINDS,
    Agreement,
    Concession,
    Document,
    Kind,
    Metadata,
    Participant,
    Post,
    Proposition,
    Quote,
    Rebuttal,
    Relation,
    RelationKind,
    Restatement,
    Support,
    Undercut,
    Voice,
    relation_sources,
    relation_target,
)
from ._defects import DEFECTS

__all__ = [
    "DEFECTS",
    "author_names",
    "defective_documents",
    "documents",
    "identifiers",
    "kinds",
    "participants",
    "posts",
    "propositions",
    "rebuttals",
    "source_texts",
    "supports",
    "texts",
    "timestamps",
    "undercuts",
    "voices",
]

#: Characters that stress the language: its own punctuation and escapes.
_SYNTAX = " \t#\\\"'|&,:->@.“”‘’"

#: Scripts an annotated thread may mix: Hangul, kana, CJK, Arabic, Hebrew, emoji.
_SCRIPTS = st.one_of(
    st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
    st.characters(min_codepoint=0x3040, max_codepoint=0x30FF),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x0590, max_codepoint=0x06FF),
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),
)

_DEFAULT_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from(_SYNTAX),
    _SCRIPTS,
    st.characters(exclude_categories=("Cs", "Cc")),
)

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _cached(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """:func:`functools.cache`, typed so that checkers keep the signature (arguments must be hashable)."""
    return cast("Callable[_P, _R]", functools.cache(fn))


@_cached
def texts(
    *, min_size: int = 0, max_size: int = 40, alphabet: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[str]:
    """Single-line text without surrounding blanks, as the language stores it.

    Args:
        min_size: least number of characters (after stripping).
        max_size: most characters before stripping.
        alphabet: a strategy for characters; default mixes ASCII, the
            language's punctuation, Hangul, kana, CJK, RTL scripts and emoji.
    """
    alphabet = _DEFAULT_ALPHABET if alphabet is None else alphabet
    raw = st.text(alphabet, max_size=max_size)
    clean = raw.map(lambda s: s.replace("\r", " ").replace("\n", " ").strip())
    return clean.filter(lambda s: len(s) >= min_size)


@_cached
def identifiers(prefix: str = "") -> st.SearchStrategy[str]:
    """Ids the language accepts: ``\\w`` first and last, ``.`` and ``-`` inside."""
    ascii_id = st.from_regex(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{0,6}[A-Za-z0-9_])?", fullmatch=True)
    unicode_id = st.from_regex(r"\w(?:[\w.\-]{0,4}\w)?", fullmatch=True)
    return st.one_of(ascii_id, unicode_id).map(lambda s: prefix + s if prefix else s)


@_cached
def author_names() -> st.SearchStrategy[str]:
    """Handles as people write them: spaces, commas, quotes, Hangul (``wjk, 검은 머리 외국인``)."""
    plain = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,10}", fullmatch=True)
    return st.one_of(plain, texts(min_size=1, max_size=20))


@_cached
def timestamps() -> st.SearchStrategy[str]:
    """ISO 8601 dates and times, or free text such as ``Dec 29, 9:41 pm``."""
    iso = st.datetimes().map(lambda d: d.isoformat(timespec="minutes"))
    day = st.dates().map(lambda d: d.isoformat())
    return st.one_of(iso, day, texts(max_size=20))


@_cached
def kinds() -> st.SearchStrategy[Kind]:
    """Any proposition :class:`~argmap.Kind`."""
    return st.sampled_from(list(Kind))


@_cached
def voices() -> st.SearchStrategy[Voice]:
    """Any :class:`~argmap.Voice`: own, reported, supposed or ironic."""
    return st.sampled_from(list(Voice))


@st.composite
def _voice_fields(draw: st.DrawFn) -> tuple[Voice, str | None]:
    """A voice and, for a reported one, sometimes who said it."""
    voice = draw(voices())
    by = draw(st.none() | texts(min_size=1, max_size=20)) if voice is Voice.REPORTED else None
    return voice, by


def _voiced(fields: tuple[Voice, str | None], **kwargs: Any) -> Proposition:
    return Proposition(**kwargs, voice=fields[0], reported_by=fields[1])


def participants() -> st.SearchStrategy[Participant]:
    """A participant with a name from :func:`author_names`."""
    return author_names().map(Participant)


def propositions(*, id: str | None = None, post: str | None = None) -> st.SearchStrategy[Proposition]:
    """A proposition with every optional field sometimes set."""
    base = _any_proposition()
    if id is None and post is None:
        return base
    return base.map(lambda p: attrs.evolve(p, id=p.id if id is None else id, post=post))


@_cached
def _any_proposition() -> st.SearchStrategy[Proposition]:
    return st.builds(
        _voiced,
        _voice_fields(),
        id=identifiers(),
        text=texts(),
        kind=kinds(),
        anchor=st.none() | texts(),
        tags=st.lists(st.from_regex(r"[^\s,\x00\ud800-\udfff]{1,8}", fullmatch=True), max_size=3).map(tuple),
        base=st.none() | st.floats(0.0, 1.0),
    )


def supports(
    premises: Sequence[str],
    conclusions: Sequence[str],
    *,
    id: str | None = None,
    linked: bool | None = None,
    post: str | None = None,
) -> st.SearchStrategy[Support]:
    """A support from ids in ``premises`` to one in ``conclusions`` (never to itself).

    Args:
        linked: True for two or more premises, False for one, None for either.
    """
    sizes = {True: (2, 4), False: (1, 1), None: (1, 4)}[linked]

    @st.composite
    def build(draw: st.DrawFn) -> Support:
        conclusion = draw(st.sampled_from(list(conclusions)))
        pool = [p for p in dict.fromkeys(premises) if p != conclusion]
        lo, hi = sizes
        if len(pool) < lo:
            raise ValueError(f"need at least {lo} premise ids other than the conclusion")
        chosen = draw(st.lists(st.sampled_from(pool), min_size=lo, max_size=min(hi, len(pool)), unique=True))
        sid = id if id is not None else draw(identifiers("s"))
        return Support(sid, chosen, conclusion, draw(st.none() | texts(max_size=15)), post)

    return build()


def rebuttals(
    attackers: Sequence[str], targets: Sequence[str], *, post: str | None = None
) -> st.SearchStrategy[Rebuttal]:
    """A rebuttal between two different ids."""
    pairs = [(a, t) for a in dict.fromkeys(attackers) for t in dict.fromkeys(targets) if a != t]
    return st.sampled_from(pairs).map(lambda p: Rebuttal(p[0], p[1], post))


def undercuts(
    attackers: Sequence[str], support_ids: Sequence[str], *, post: str | None = None
) -> st.SearchStrategy[Undercut]:
    """An undercut of one of ``support_ids``."""
    return st.builds(
        Undercut, st.sampled_from(list(attackers)), st.sampled_from(list(support_ids)), st.just(post)
    )


def posts(*, id: str | None = None, earlier: Sequence[str] = ()) -> st.SearchStrategy[Post]:
    """A post; it may reply to, and quote, posts in ``earlier``."""
    ref = st.sampled_from(list(earlier)) if earlier else st.nothing()
    return st.builds(
        Post,
        id=st.just(id) if id is not None else identifiers(),
        author=author_names(),
        timestamp=st.none() | timestamps(),
        reply_to=st.none() | ref,
        quotes=st.lists(st.builds(Quote, source=ref, text=texts()), max_size=2).map(tuple)
        if earlier
        else st.just(()),
        body=st.none() | st.lists(texts(max_size=30).map(str.rstrip), max_size=3),
    )


#: The support graphs :func:`documents` can make.
_Shape: TypeAlias = Literal["tree", "dag", "cyclic"]
#: How :func:`documents` lets posts reply to each other.
_Replies: TypeAlias = Literal["tree", "chain", "none"]


class _DocumentOptions(TypedDict, total=False):
    """The keyword arguments of :func:`documents`, for the functions that pass them on."""

    min_posts: int
    max_posts: int
    min_propositions: int
    max_propositions: int
    max_relations: int
    max_authors: int
    shape: _Shape
    replies: _Replies
    relation_mix: Sequence[RelationKind]


@st.composite
def documents(
    draw: st.DrawFn,
    *,
    min_posts: int = 0,
    max_posts: int = 6,
    min_propositions: int = 0,
    max_propositions: int = 12,
    max_relations: int = 12,
    max_authors: int = 4,
    shape: _Shape = "dag",
    replies: _Replies = "tree",
    relation_mix: Sequence[RelationKind] = RELATION_KINDS,
) -> Document:
    """Whole, well-formed threads: every reference resolves, ids are unique.

    Args:
        shape: the support graph: ``"tree"`` (each proposition is a premise of
            at most one support), ``"dag"`` (no circular support) or
            ``"cyclic"`` (circular support allowed).
        replies: ``"tree"`` (a post replies to any earlier post), ``"chain"``
            (each to the one before) or ``"none"``.
        relation_mix: which relation kinds to generate.
    """
    if shape not in ("tree", "dag", "cyclic"):
        raise ValueError(f"shape must be 'tree', 'dag' or 'cyclic', not {shape!r}")
    if replies not in ("tree", "chain", "none"):
        raise ValueError(f"replies must be 'tree', 'chain' or 'none', not {replies!r}")
    unknown = set(relation_mix) - set(RELATION_KINDS)
    if unknown:
        raise ValueError(f"unknown relation kinds {sorted(unknown)}; choose from {RELATION_KINDS}")

    n_posts = draw(st.integers(min_posts, max_posts))
    post_ids = draw(st.lists(identifiers(), min_size=n_posts, max_size=n_posts, unique=True))
    authors = draw(st.lists(author_names(), min_size=1, max_size=max_authors, unique=True))
    post_list: list[Post] = []
    for i, pid in enumerate(post_ids):
        reply: str | None = None
        if i and replies == "chain":
            reply = post_ids[i - 1]
        elif i and replies == "tree":
            reply = draw(st.none() | st.sampled_from(post_ids[:i]))
        body = draw(st.none() | st.lists(texts(max_size=30), max_size=3))
        quotes: list[Quote] = []
        for _ in range(draw(st.integers(0, 2 if i else 0))):
            src = post_list[draw(st.integers(0, i - 1))]
            if src.body is None or " ".join(src.body).split():  # a blank text cannot be quoted
                quotes.append(Quote(src.id, _quotable(draw, src)))
        post_list.append(
            Post(
                pid,
                draw(st.sampled_from(authors)),
                draw(st.none() | timestamps()),
                reply,
                quotes,
                body,
            )
        )

    owners: list[str | None] = [None] + post_ids
    n_props = draw(st.integers(min_propositions, max_propositions))
    ids = draw(st.lists(identifiers(), min_size=n_props, max_size=n_props, unique=True))
    props = [
        attrs.evolve(draw(_any_proposition()), id=pid, post=draw(st.sampled_from(owners))) for pid in ids
    ]
    by_id: dict[str | None, Post] = {p.id: p for p in post_list}
    for i, p in enumerate(props):  # anchors are verbatim words of the post's text, when it has text
        post = by_id.get(p.post)
        if post is not None and post.body and p.anchor is not None:
            props[i] = attrs.evolve(p, anchor=_quotable(draw, post) if "".join(post.body).strip() else None)

    rels = _relations(draw, props, owners, post_ids, shape, relation_mix, max_relations, taken=set(ids))

    order = {owner: i for i, owner in enumerate(owners)}
    props.sort(key=lambda p: order[p.post])
    rels.sort(key=lambda r: order[r.post])
    meta = draw(
        st.builds(
            Metadata,
            title=st.none() | texts(),
            source=st.none() | texts(),
            date=st.none() | timestamps(),
            language=st.none() | st.sampled_from(["en", "ko", "ja", "en, ko, ja"]),
        )
    )
    return Document(meta, post_list, props, rels)


def _quotable(draw: st.DrawFn, post: Post) -> str:
    """Words of ``post``'s body when it has one (quotes should be faithful)."""
    words = " ".join(post.body or ()).split()
    if not words:
        return draw(texts(min_size=1))
    start = draw(st.integers(0, len(words) - 1))
    stop = draw(st.integers(start + 1, len(words)))
    return " ".join(words[start:stop])


def _relations(
    draw: st.DrawFn,
    props: list[Proposition],
    owners: list[str | None],
    post_ids: list[str],
    shape: _Shape,
    mix: Sequence[RelationKind],
    max_relations: int,
    taken: set[str],
) -> list[Relation]:
    rels: list[Relation] = []
    if not props:
        return rels
    rank = {p.id: i for i, p in enumerate(props)}
    inferences: list[Support | Rebuttal | Undercut] = []  # what an undercut can attack
    pairs: set[tuple[str | None, ...]] = set()  # (source, target) pairs already related, (kind, post, id) too
    used_premises: set[str] = set()
    kinds = [k for k in mix if post_ids or k not in ("agreement", "concession")]
    if not kinds:
        return rels
    n = draw(st.integers(0, max_relations))
    for _ in range(n):
        kind = draw(st.sampled_from(kinds))
        owner = draw(st.sampled_from(owners if kind not in ("agreement", "concession") else post_ids))
        a = draw(st.sampled_from(props)).id
        if kind == "support":
            later = [p.id for p in props if shape == "cyclic" or rank[p.id] > rank[a]]
            if shape == "tree":
                later = [p for p in later if p not in used_premises]
            later = [p for p in later if p != a and (p, a) not in pairs]
            if not later:
                continue
            premises = draw(st.lists(st.sampled_from(later), min_size=1, max_size=3, unique=True))
            sid = _fresh(draw, taken, "s")
            pairs.update((p, a) for p in premises)
            used_premises.update(premises)
            sup = Support(sid, premises, a, draw(st.none() | texts(max_size=15)), owner)
            inferences.append(sup)
            rels.append(sup)
        elif kind == "undercut":
            if not inferences:
                continue
            target = draw(st.sampled_from(inferences))
            assert target.id is not None
            parts = {*relation_sources(target), relation_target(target)}
            if a in parts or (a, target.id) in pairs:
                continue
            pairs.add((a, target.id))
            extras = _attack_extras(draw, props, parts | {a}, taken, "u", pairs, target.id)
            undercut = Undercut(a, target.id, owner, **extras)
            rels.append(undercut)
            if undercut.id is not None:
                inferences.append(undercut)
        elif kind == "rebuttal":
            b = draw(st.sampled_from(props)).id
            if a == b or (a, b) in pairs or (b, a) in pairs:
                continue
            pairs.add((a, b))
            rebuttal = Rebuttal(a, b, owner, **_attack_extras(draw, props, {a, b}, taken, "r", pairs, b))
            rels.append(rebuttal)
            if rebuttal.id is not None:
                inferences.append(rebuttal)
        elif kind == "restatement":
            b = draw(st.sampled_from(props)).id
            if a == b or (a, b) in pairs or (b, a) in pairs:
                continue
            pairs.add((a, b))
            rels.append(Restatement(a, b, owner))
        elif (kind, owner, a) not in pairs:
            pairs.add((kind, owner, a))
            rels.append((Concession if kind == "concession" else Agreement)(a, owner))
    return rels


def _attack_extras(
    draw: st.DrawFn,
    props: list[Proposition],
    ends: set[str],
    taken: set[str],
    prefix: str,
    pairs: set[tuple[str | None, ...]],
    target: str,
) -> dict[str, Any]:
    """Now and then a name (so that the attack can be undercut) and linked partners, none of
    them one of ``ends`` nor already related to ``target`` (the pairs they make are added)."""
    extras: dict[str, Any] = {}
    if draw(st.integers(0, 3)) == 0:
        extras["id"] = _fresh(draw, taken, prefix)
    others = [p.id for p in props if p.id not in ends and (p.id, target) not in pairs and (target, p.id) not in pairs]
    if others and draw(st.integers(0, 4)) == 0:
        extras["partners"] = draw(st.lists(st.sampled_from(others), min_size=1, max_size=2, unique=True))
        pairs.update((p, target) for p in extras["partners"])
    return extras


def _fresh(draw: st.DrawFn, taken: set[str], prefix: str) -> str:
    while True:
        candidate = draw(identifiers(prefix))
        if candidate not in taken:
            taken.add(candidate)
            return candidate


def source_texts(**kwargs: Unpack[_DocumentOptions]) -> st.SearchStrategy[str]:
    """Annotated source text of a generated document (see :func:`documents`)."""
    return documents(**kwargs).map(format_document)


# ---------------------------------------------------------------------------
# Documents with one known defect, for testing checkers
# ---------------------------------------------------------------------------


def defective_documents(
    code: str | Iterable[str], **kwargs: Unpack[_DocumentOptions]
) -> st.SearchStrategy[Document]:
    """Well-formed documents (see :func:`documents`) with one defect that a checker rule reports.

    Args:
        code: a rule code such as ``"S103"``, or several codes to choose one from.

    >>> sorted(DEFECTS)[:3]
    ['D101', 'D102', 'D103']
    """
    codes = [code] if isinstance(code, str) else list(code)
    unknown = [c for c in codes if c not in DEFECTS]
    if unknown or not codes:
        raise ValueError(f"no defect injector for {unknown or codes!r}; choose from {sorted(DEFECTS)}")
    kwargs["min_posts"] = max(kwargs.get("min_posts", 0), 2)
    return st.sampled_from(codes).flatmap(lambda c: _defective(c, tuple(sorted(kwargs.items()))))


@st.composite
def _defective(draw: st.DrawFn, code: str, kwargs: tuple[tuple[str, object], ...]) -> Document:
    """A document drawn with ``kwargs`` (the items of a ``_DocumentOptions``), damaged by defect ``code``."""
    return DEFECTS[code](draw, draw(documents(**cast(_DocumentOptions, dict(kwargs)))))
