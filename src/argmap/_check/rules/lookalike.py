"""Names that deceive: hidden characters in authors, and ids or authors that look like another.

A thread is often pasted from the web, where a handle can carry a zero-width
space or a right-to-left override, and where ``а1`` (Cyrillic а) passes for
``a1``.  These rules say so; they change nothing.
"""

from __future__ import annotations

import unicodedata
from typing import Iterator

from ..._model import Context, Finding, Related, Span
from ..registry import rule

#: Characters that change how text shows without showing themselves: bidirectional controls,
#: zero-width characters, the byte-order mark (all of Unicode's category Cf), and controls (Cc).
_HIDDEN_CATEGORIES = ("Cf", "Cc")

#: Letters of other scripts that look like Latin ones, the common ones of homograph attacks
#: (after Unicode TR 39's confusables): Cyrillic and Greek, each with the Latin letter it passes for.
_LOOKALIKES = (
    "а a", "е e", "о o", "р p", "с c", "у y", "х x", "і i", "ј j", "ѕ s", "ԁ d", "һ h", "ӏ l", "ԛ q",
    "ԝ w", "А A", "В B", "Е E", "К K", "М M", "Н H", "О O", "Р P", "С C", "Т T", "Х X", "І I",
    "Ј J", "Ѕ S", "Ԍ G", "Ӏ I", "α a", "ε e", "ι i", "κ k", "ν v", "ο o", "ρ p", "τ t", "υ u",
    "χ x", "Α A", "Β B", "Ε E", "Ζ Z", "Η H", "Ι I", "Κ K", "Μ M", "Ν N", "Ο O", "Ρ P", "Τ T",
    "Υ Y", "Χ X",
)  # fmt: skip
_LATIN_LOOKALIKE = {ord(pair[0]): pair[2] for pair in _LOOKALIKES}
_LATIN_LOOKALIKE_LETTERS = frozenset(pair[0] for pair in _LOOKALIKES)


def _hidden(text: str) -> list[str]:
    """The hidden characters of ``text``, as U+XXXX with their Unicode names."""
    return [
        f"U+{ord(c):04X} {unicodedata.name(c, 'CONTROL')}"
        for c in dict.fromkeys(text)
        if unicodedata.category(c) in _HIDDEN_CATEGORIES and c != "\t"
    ]


@rule(
    "T103", "hidden-characters", "warning",
    summary="An author's name holds characters that do not show: a zero-width space, a bidirectional "
            "control (which reorders what follows), a control character.",
    bad='post 1 by "ann\u200b"\n  claim a: Tea is good.\n',
    good="post 1 by ann\n  claim a: Tea is good.\n",
)  # fmt: skip
def hidden_characters(ctx: Context) -> Iterator[Finding]:
    seen: set[str] = set()
    for post in ctx.doc.posts:
        if post.author in seen or post.author.isprintable():
            continue  # isprintable is false for every Cf and Cc character (and a few blanks)
        seen.add(post.author)
        hidden = _hidden(post.author)
        if hidden:
            yield Finding(
                f"the author of post {post.id} has characters that do not show: {', '.join(hidden)}",
                post.span,
                hint="remove them, unless the handle really holds them",
            )


def skeleton(name: str) -> str:
    """What ``name`` looks like: its compatibility form (NFKC: NFD and NFC Hangul, fullwidth and
    ASCII letters become one), hidden characters dropped, and Cyrillic and Greek look-alikes of
    Latin letters read as Latin.

    >>> skeleton("а1") == skeleton("a1")  # Cyrillic а
    True
    """
    folded = unicodedata.normalize("NFKC", name)
    shown = "".join(c for c in folded if unicodedata.category(c) not in _HIDDEN_CATEGORIES)
    return shown.translate(_LATIN_LOOKALIKE)


def _script(c: str) -> str | None:
    """LATIN, CYRILLIC or GREEK for a letter of those scripts, else None."""
    if not c.isalpha():
        return None
    first = unicodedata.name(c, "").split(" ", 1)[0]
    return first if first in ("LATIN", "CYRILLIC", "GREEK") else None


def _mixed(name: str) -> bool:
    """Whether ``name`` mixes Latin letters with Cyrillic or Greek look-alikes of Latin ones."""
    if name.isascii():
        return False
    scripts = {_script(c) for c in name} - {None}
    return "LATIN" in scripts and any(c in _LATIN_LOOKALIKE_LETTERS for c in name)


def _plain(name: str) -> bool:
    """A name that is its own skeleton: printable ASCII (nearly every id)."""
    return name.isascii() and name.isprintable()


def _collisions(named: dict[str, Span | None], what: str) -> Iterator[Finding]:
    if all(map(_plain, named)):  # two different ASCII names never look alike: the common case
        return
    first: dict[str, str] = {}
    for name, span in named.items():
        if _plain(name):
            key = name
        else:
            key = skeleton(name)
            if _mixed(name):
                yield Finding(f"{what} {name!r} mixes Latin letters with Cyrillic or Greek look-alikes",
                              span, hint="write it in one script")  # fmt: skip
        other = first.setdefault(key, name)
        if other != name:
            yield Finding(
                f"{what} {name!r} looks like {what} {other!r} but is not the same",
                span,
                hint="if they are one, write them the same way; if not, make them differ visibly",
                related=[Related(f"{other!r} is here", named[other])],
            )


@rule(
    "T104", "lookalike-names", "warning",
    summary="Two ids, or two authors, look the same but are not (Cyrillic а for Latin a, NFD for NFC "
            "Hangul, a hidden character), or an id mixes Latin letters with Cyrillic or Greek ones.",
    bad="post 1 by ann\n  claim a1: Tea is good.\n  claim \u04301: Tea is bad.\n  rebut \u04301 -> a1\n",
    good="post 1 by ann\n  claim a1: Tea is good.\n  claim a2: Tea is bad.\n  rebut a2 -> a1\n",
)  # fmt: skip
def lookalike_names(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    lookups = (doc.propositions_by_id, doc.supports_by_id, doc.posts_by_id)
    if not all(all(map(_plain, by_id)) for by_id in lookups):  # (the lookups exist already)
        ids: dict[str, Span | None] = {}
        for by_id in lookups:
            for name, item in by_id.items():
                ids.setdefault(name, item.span)
        yield from _collisions(ids, "id")
    authors: dict[str, Span | None] = {}
    for post in doc.posts:
        authors.setdefault(post.author, post.span)
    yield from _collisions(authors, "author")
