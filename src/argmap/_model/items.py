"""The items a thread is made of: posts, propositions and the relations between them.

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
from typing import Any, Callable, ClassVar, Final, Iterable, Literal, NamedTuple, TypeAlias, TypeVar

import attrs

from .._grammars import terminal_patterns

__all__ = [
    "ID_PATTERN",
    "UNHOLDABLE",
    "RELATION_KINDS",
    "Agreement",
    "Concession",
    "Inference",
    "Kind",
    "Metadata",
    "Participant",
    "Post",
    "Proposition",
    "Quote",
    "Rebuttal",
    "Relation",
    "RelationKind",
    "Restatement",
    "Span",
    "Support",
    "Undercut",
    "Voice",
    "is_id",
    "relation_sources",
    "relation_target",
    "trusted",
    "unholdable",
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


#: what an id is: the grammar's ``ID`` terminal (letters, digits, "_", "." and "-", not ending in "." or "-")
ID_PATTERN: Final = re.compile(terminal_patterns("argmap.lark")["ID"])


def is_id(value: object) -> bool:
    """Whether ``value`` is a string the language reads as one id.

    >>> is_id("c6.1"), is_id("c6."), is_id("a b")
    (True, False, False)
    """
    return type(value) is str and ID_PATTERN.fullmatch(value) is not None


#: What no text in argmap may hold, in any format: NUL (Graphviz, XML and C tools end a string
#: there) and lone surrogates (half of a UTF-16 pair: no UTF-8 file can hold one).
UNHOLDABLE: Final = re.compile("[\x00\ud800-\udfff]")


def unholdable(text: str) -> str | None:
    """A description of the first character of ``text`` that argmap cannot keep, or None.

    >>> unholdable("tea"), unholdable("te\\x00a")
    (None, 'U+0000 (NUL)')
    """
    m = UNHOLDABLE.search(text)
    if m is None:
        return None
    code = ord(m.group())
    return f"U+{code:04X} ({'NUL' if code == 0 else 'a lone surrogate'})"


def _check_chars(attribute: attrs.Attribute[Any], value: str) -> None:
    found = unholdable(value)
    if found is not None:
        raise ValueError(f"{attribute.name} holds {found}, which argmap cannot keep: {value!r}")


def _check_id(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not is_id(value):
        raise ValueError(
            f"{attribute.name} must be an id (letters, digits, '_', '.', '-'; "
            f"not ending in '.' or '-'), got {value!r}"
        )


def _check_optional_id(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_id(inst, attribute, value)


def _check_line(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Text that fits on one line of the language without changing."""
    if value is None:
        return
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a string, got {type(value).__name__}")
    if "\n" in value or "\r" in value or value != value.strip():
        raise ValueError(f"{attribute.name} must be one line without surrounding blanks, got {value!r}")
    _check_chars(attribute, value)


def _check_quotable(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Any single line: the language writes it in quotes when it needs to."""
    if value is not None and (not isinstance(value, str) or "\n" in value or "\r" in value):
        raise ValueError(f"{attribute.name} must be a single line, got {value!r}")
    if value is not None:
        _check_chars(attribute, value)


def _check_name(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value or "\n" in value or "\r" in value:
        raise ValueError(f"{attribute.name} must be a non-empty single line, got {value!r}")
    _check_chars(attribute, value)


def _check_tags(inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for tag in value:
        if not tag or any(c.isspace() or c == "," for c in tag):
            raise ValueError(f"a tag is one word without commas, got {tag!r}")
        _check_chars(attribute, tag)


def check_comments(inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """Comments are written one per line: each a single line the text form can hold."""
    for comment in value:
        if not isinstance(comment, str) or "\n" in comment or "\r" in comment:
            raise ValueError(f"a comment must be a single line, got {comment!r}")
        _check_chars(attribute, comment)


class Kind(str, enum.Enum):
    """What a proposition does in its post.

    ``thesis`` is a main claim of the thread or a post, ``claim`` any other
    contestable statement, ``premise`` a reason offered for another claim,
    ``evidence`` a report of fact, experience or testimony, ``question`` a
    (often rhetorical) question.  The values are the grammar's ``KIND`` words
    (tests/parse/test_lexicon.py holds the two together).
    """

    THESIS = "thesis"
    CLAIM = "claim"
    PREMISE = "premise"
    EVIDENCE = "evidence"
    QUESTION = "question"

    def __str__(self) -> str:
        return self.value


class Voice(str, enum.Enum):
    """Whose assertion a proposition is, in the post that puts it forward.

    ``own`` (the default) is the author's own assertion; ``reported`` is what
    someone else said (a columnist, a newspaper: :attr:`Proposition.reported_by`
    may name them); ``supposed`` is a supposition or an objection raised in order
    to be answered; ``ironic`` is said in irony: the author does not mean the
    literal text.  Only ``own`` commits the author (docs/evaluation.md).  The
    values are the grammar's ``VOICE_KIND`` words (tests/parse/test_lexicon.py
    holds the two together).
    """

    OWN = "own"
    REPORTED = "reported"
    SUPPOSED = "supposed"
    IRONIC = "ironic"

    def __str__(self) -> str:
        return self.value


# Converters, one per element type, so that type checkers know what each constructor takes.
def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _spans(value: Iterable[Span | None]) -> tuple[Span | None, ...]:
    return tuple(value)


@attrs.frozen
class Metadata:
    """Facts about the thread as a whole."""

    title: str | None = attrs.field(default=None, validator=_check_line)
    source: str | None = attrs.field(default=None, validator=_check_line)
    date: str | None = attrs.field(default=None, validator=_check_line)
    language: str | None = attrs.field(default=None, validator=_check_line)
    #: checker rule codes (or prefixes) silenced for this document
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_strings, validator=_check_tags)
    #: where the ``ignore:`` line is, when the document was parsed from text
    ignore_span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)


@attrs.frozen
class Participant:
    """Someone who wrote in the thread, by the handle they used."""

    name: str = attrs.field(validator=_check_name)


@attrs.frozen
class Quote:
    """Verbatim words that a post takes from an earlier post ``source``."""

    source: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=_check_line)
    span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    #: where each referenced id stands in the source (parallel to the references)
    ref_spans: tuple[Span | None, ...] = attrs.field(
        default=(), eq=False, repr=False, kw_only=True, converter=_spans
    )
    comments: tuple[str, ...] = attrs.field(
        default=(), eq=False, repr=False, kw_only=True, converter=_strings, validator=check_comments
    )


def _quotes(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(value)


def _body_lines(value: Iterable[str] | None) -> tuple[str, ...] | None:
    """An empty body is no body: the language cannot tell them apart."""
    return tuple(value) or None if value is not None else None


def _check_body(inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...] | None) -> None:
    if value is None:
        return
    for line in value:
        if "\n" in line or "\r" in line or line != line.rstrip():
            raise ValueError(f"body lines must be single lines without trailing blanks: {line!r}")
        _check_chars(attribute, line)


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
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quotes)
    body: tuple[str, ...] | None = attrs.field(default=None, converter=_body_lines, validator=_check_body)
    span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    ref_spans: tuple[Span | None, ...] = attrs.field(
        default=(), eq=False, repr=False, kw_only=True, converter=_spans
    )
    comments: tuple[str, ...] = attrs.field(
        default=(), eq=False, repr=False, kw_only=True, converter=_strings, validator=check_comments
    )

    @property
    def text(self) -> str | None:
        """The body joined into one string, or None."""
        return None if self.body is None else "\n".join(self.body)


def _check_reported_by(inst: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if inst.voice is not Voice.REPORTED:
        raise ValueError(f"reported_by is only for a reported proposition, not for voice {inst.voice.value!r}")
    if not value:
        raise ValueError("reported_by must name someone; leave it None when the source is not named")
    _check_line(inst, attribute, value)


def _check_base(inst: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
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
        voice: whose assertion it is in that post (see :class:`Voice`).
        reported_by: who said it, for a reported proposition (None: not named).
    """

    id: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=_check_line)
    kind: Kind = attrs.field(default=Kind.CLAIM, converter=Kind)
    anchor: str | None = attrs.field(default=None, validator=_check_line)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_strings, validator=_check_tags)
    base: float | None = attrs.field(default=None, validator=_check_base)
    post: str | None = attrs.field(default=None, validator=_check_optional_id)
    span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    comments: tuple[str, ...] = attrs.field(
        default=(), eq=False, repr=False, kw_only=True, converter=_strings, validator=check_comments
    )
    voice: Voice = attrs.field(default=Voice.OWN, kw_only=True, converter=Voice)
    reported_by: str | None = attrs.field(default=None, kw_only=True, validator=_check_reported_by)

    @property
    def own(self) -> bool:
        """Whether the proposition is its author's own assertion (voice ``own``)."""
        return self.voice is Voice.OWN


#: the names of the relation kinds, as ``kind`` gives them and reports list them
RelationKind: TypeAlias = Literal["support", "rebuttal", "undercut", "agreement", "concession", "restatement"]


def _check_premises(inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not value:
        raise ValueError("a support needs at least one premise")
    for p in value:
        _check_id(inst, attribute, p)


@attrs.frozen
class Support:
    """Premises that together give a reason for a conclusion.

    Several premises make a *linked* argument: they only work together.
    Independent reasons are separate supports of the same conclusion.
    """

    id: str = attrs.field(validator=_check_id)
    premises: tuple[str, ...] = attrs.field(converter=_strings, validator=_check_premises)
    conclusion: str = attrs.field(validator=_check_id)
    scheme: str | None = attrs.field(default=None, validator=_check_line)
    post: str | None = attrs.field(default=None, validator=_check_optional_id)
    span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    ref_spans: tuple[Span | None, ...] = attrs.field(
        default=(), eq=False, repr=False, kw_only=True, converter=_spans
    )
    comments: tuple[str, ...] = attrs.field(
        default=(), eq=False, repr=False, kw_only=True, converter=_strings, validator=check_comments
    )

    kind: ClassVar[RelationKind] = "support"

    @property
    def linked(self) -> bool:
        """Whether several premises give the reason only together."""
        return len(self.premises) > 1


def _check_ids(inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for p in value:
        _check_id(inst, attribute, p)


@attrs.frozen
class _Attack:
    attacker: str = attrs.field(validator=_check_id)
    target: str = attrs.field(validator=_check_id)
    post: str | None = attrs.field(default=None, validator=_check_optional_id)
    span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    ref_spans: tuple[Span | None, ...] = attrs.field(
        default=(), eq=False, repr=False, kw_only=True, converter=_spans
    )
    comments: tuple[str, ...] = attrs.field(
        default=(), eq=False, repr=False, kw_only=True, converter=_strings, validator=check_comments
    )
    #: a name, so that the attack itself can be undercut (None: unnamed)
    id: str | None = attrs.field(default=None, kw_only=True, validator=_check_optional_id)
    #: further attackers that attack only together with ``attacker`` (a linked attack)
    partners: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_strings, validator=_check_ids)

    @property
    def attackers(self) -> tuple[str, ...]:
        """Every attacker: ``attacker``, then its partners."""
        return (self.attacker, *self.partners) if self.partners else (self.attacker,)

    @property
    def linked(self) -> bool:
        """Whether several propositions attack together."""
        return bool(self.partners)


@attrs.frozen
class Rebuttal(_Attack):
    """``attacker`` (a proposition), with its ``partners`` if any, speaks against ``target`` (a
    proposition).  Named with ``id``, the rebuttal is an inference that an undercut can attack."""

    kind: ClassVar[RelationKind] = "rebuttal"


@attrs.frozen
class Undercut(_Attack):
    """``attacker`` (with its ``partners`` if any) denies that inference ``target`` is good: the
    id of a support, or of a named rebuttal or undercut."""

    kind: ClassVar[RelationKind] = "undercut"


@attrs.frozen
class Agreement:
    """Post ``post`` accepts proposition ``target``."""

    target: str = attrs.field(validator=_check_id)
    post: str | None = attrs.field(default=None, validator=_check_optional_id)
    span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    ref_spans: tuple[Span | None, ...] = attrs.field(
        default=(), eq=False, repr=False, kw_only=True, converter=_spans
    )
    comments: tuple[str, ...] = attrs.field(
        default=(), eq=False, repr=False, kw_only=True, converter=_strings, validator=check_comments
    )

    kind: ClassVar[RelationKind] = "agreement"


@attrs.frozen
class Concession(Agreement):
    """Post ``post`` grants proposition ``target`` while arguing otherwise."""

    kind: ClassVar[RelationKind] = "concession"


@attrs.frozen
class Restatement:
    """``source`` says again what ``target`` said."""

    source: str = attrs.field(validator=_check_id)
    target: str = attrs.field(validator=_check_id)
    post: str | None = attrs.field(default=None, validator=_check_optional_id)
    span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    ref_spans: tuple[Span | None, ...] = attrs.field(
        default=(), eq=False, repr=False, kw_only=True, converter=_spans
    )
    comments: tuple[str, ...] = attrs.field(
        default=(), eq=False, repr=False, kw_only=True, converter=_strings, validator=check_comments
    )

    kind: ClassVar[RelationKind] = "restatement"


#: Every relation between propositions (and posts): what ``Document.relations`` holds.
#: Each has ``kind``, ``post``, ``span``, ``ref_spans`` and ``comments``; narrow with isinstance.
Relation: TypeAlias = Support | Rebuttal | Undercut | Agreement | Restatement
#: relations that are inferences, which an undercut can attack by their id (supports always have
#: one; rebuttals and undercuts when named)
Inference: TypeAlias = Support | Rebuttal | Undercut

#: Relation kinds in the order reports list them.
RELATION_KINDS: Final[tuple[RelationKind, ...]] = tuple(
    cls.kind for cls in (Support, Rebuttal, Undercut, Agreement, Concession, Restatement)
)

_T = TypeVar("_T")


def trusted(cls: type[_T]) -> Callable[..., _T]:
    """A constructor that skips ``cls``'s converters and validators: for the parser only.

    It takes every field in declaration order, each already in its final form
    and known to be valid (the grammar guarantees ids, one-line texts and
    tags; the builder converts kinds, tuples and scores).  It is about three
    times as fast as the checked constructor, which matters at tens of
    thousands of objects; tests/parse/test_trusted.py checks that parsed
    documents equal their rebuilt-through-the-constructors copies.
    """
    setters = tuple(getattr(cls, a.name).__set__ for a in attrs.fields(cls))  # type: ignore[arg-type]
    new = object.__new__

    def make(*values: object) -> _T:
        obj = new(cls)
        for set_, value in zip(setters, values, strict=True):
            set_(obj, value)
        return obj

    make.__name__ = f"trusted_{cls.__name__}"
    return make


def relation_sources(rel: Relation) -> tuple[str, ...]:
    """Ids of the propositions a relation starts from (none for agreements)."""
    if isinstance(rel, Support):
        return rel.premises
    if isinstance(rel, (Rebuttal, Undercut)):
        return rel.attackers
    if isinstance(rel, Restatement):
        return (rel.source,)
    return ()


def relation_target(rel: Relation) -> str:
    """Id of what a relation points at (for undercuts, the id of a support or named attack)."""
    return rel.conclusion if isinstance(rel, Support) else rel.target
