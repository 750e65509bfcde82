"""A line-at-a-time reader for well-formed text, about five times faster than the lark pass.

Each statement's line is matched by one regular expression assembled from the
grammar's own terminals (``lexicon.TERMINALS``), each terminal in an atomic
group so that, like lark's lexer, a token once matched is never taken back;
the line's first word picks the expression (``lexicon.FIRST``).  The result
is the same :mod:`statements` records the lark pass (``larkpass.py``) makes,
spans included.  Any line this reader does not recognise makes it give up:
the lark pass then reads the file and reports its errors exactly.
``tests/parse/test_fastpath.py`` checks that the two readers agree, and
``tests/parse/test_lexicon.py`` that every statement rule of the grammar has a
reader here.
"""

from __future__ import annotations

import functools
import re
from typing import Callable, Iterator

from .._model import Span
from .lexicon import FIRST, TERMINALS
from .statements import (
    Agree,
    Anchor,
    Base,
    Body,
    Comment,
    Ignore,
    Meta,
    PostLine,
    PropositionLine,
    QuoteLine,
    Rebut,
    Ref,
    Restate,
    Scheme,
    Statement,
    SupportLine,
    Tags,
    Undercut,
    VoiceLine,
)

__all__ = ["READERS", "Unreadable", "read", "statements"]


@functools.cache
def _line_patterns() -> dict[str, re.Pattern[str]]:
    """A pattern per grammar rule (a whole line), and a few helpers."""
    t = TERMINALS
    _ = f"(?:{t['%ignore']})?"  # blanks between tokens

    def tok(name: str, group: str | None = None, *names: str) -> str:
        body = "|".join(f"(?:{t[n]})" for n in (name, *names))
        return f"(?P<{group}>(?>{body}))" if group else f"(?>{body})"

    def rest(*parts: str) -> re.Pattern[str]:
        return re.compile(_ + _.join(parts) + _ + r"\Z")

    def pair(keyword: str) -> re.Pattern[str]:
        return rest(tok(keyword, "key"), tok("ID", "id"), tok("_ARROW"), tok("ID", "target"))

    colon = tok("_COLON")
    id_list = f"(?P<list>{tok('ID')}(?:{_}{tok('_AMP')}{_}{tok('ID')})*)"

    def attack(keyword: str) -> re.Pattern[str]:
        name = f"(?:{tok('ID', 'id')}{_}{colon}{_})?"  # an optional name
        return rest(tok(keyword, "key"), name + id_list, tok("_ARROW"), tok("ID", "target"))

    text = f"(?:{_}{tok('TEXT', 'text')})?"
    tag_list = f"(?P<list>{_}{tok('TAG')}(?:{_}{tok('_COMMA')}{_}{tok('TAG')})*)?"
    leads = "".join(re.escape(w) for w in FIRST if not w[0].isalpha())
    return {
        "meta": rest(tok("META_KEY", "key"), colon + text),
        "ignore": rest(tok("IGNORE", "key"), colon + tag_list),
        "post": rest(
            tok("POST", "key"),
            tok("ID", "id"),
            tok("BY"),
            tok("WORD", "author", "STRING")
            + f"(?:{_}{tok('REPLY_TO')}{_}{tok('ID', 'reply')})?"
            + f"(?:{_}{tok('AT')}{_}{tok('TIMESTAMP', 'stamp', 'STRING')})?",
        ),
        "prop": rest(tok("KIND", "key"), tok("ID", "id"), colon + text),
        # only ``reported`` takes ``by WHO`` (a conditional group: the voice word is one group)
        "voice": rest(
            tok("VOICE", "key"),
            colon,
            f"(?P<voice>{tok('VOICE_KIND')}|{tok('REPORTED', 'reported')})"
            + f"(?(reported)(?:{_}{tok('BY')}{_}{tok('TEXT', 'by')})?)",
        ),
        "anchor": rest(tok("ANCHOR", "key"), colon + text),
        "scheme": rest(tok("SCHEME", "key"), colon + text),
        "tags": rest(tok("TAGS", "key"), colon + tag_list),
        "base": rest(tok("BASE", "key"), colon, tok("NUMBER", "number")),
        "body": rest(tok("BODY", "body")),
        "comment": rest(tok("COMMENT", "comment")),
        "quote": rest(tok("QUOTE", "key"), tok("ID", "id"), colon + text),
        "support": rest(tok("SUPPORT", "key"), tok("ID", "id"), colon, id_list, tok("_ARROW"), tok("ID", "target")),
        "rebut": attack("REBUT"),
        "undercut": attack("UNDERCUT"),
        "restate": pair("RESTATE"),
        "agree": rest(tok("AGREE", "key", "CONCEDE"), tok("ID", "id")),
        "list_item": re.compile(t["TAG"]),
        "id": re.compile(t["ID"]),
        "blank": re.compile(_ + r"\Z"),
        # a keyword is a lower-case word (lexicon.FIRST says which); ``|`` and ``#`` lead the others
        "first": re.compile(_ + rf"([a-z][a-z\-]*|[{leads}])"),
    }


def _unquote(s: str) -> str:
    return re.sub(r'\\(["\\])', r"\1", s[1:-1]) if s.startswith('"') else s


class Unreadable(Exception):
    """A line the fast path does not read: the lark pass must read the file."""


def read(src: str) -> Iterator[Statement]:
    """The statements of ``src`` (which ends with a line break), one by one.

    Raises:
        Unreadable: at the first line that needs the lark pass.
    """
    p = _line_patterns()
    first, blank = p["first"], p["blank"]
    readers = {word: (p[rule].match, READERS[rule]) for word, rule in FIRST.items()}
    for number, line in enumerate(src.split("\n")[:-1], 1):
        if line.endswith("\r"):
            line = line[:-1]
        head = first.match(line)
        if head is None:
            if blank.match(line):
                continue
            raise Unreadable(number)
        reader = readers.get(head.group(1))
        m = reader[0](line) if reader is not None else None
        if m is None or reader is None:
            raise Unreadable(number)
        yield reader[1](m, number)


def statements(src: str) -> list[Statement] | None:
    """All statements of ``src``, or None if a line needs the lark pass."""
    try:
        return list(read(src))
    except Unreadable:
        return None


# Records are made with tuple.__new__ (no Python-level __new__): there is one per line, and a Span
# per token read.
_new = tuple.__new__


def _s(m: re.Match[str], group: str, line: int) -> Span:
    start, end = m.span(group)
    return _new(Span, (line, start + 1, line, end + 1))


def _whole(m: re.Match[str], line: int) -> Span:
    """Like lark's: from the first token to the end of the last one present (groups close in order)."""
    return _new(Span, (line, m.start("key") + 1, line, m.end(m.lastindex or 0) + 1))


def _body(m: re.Match[str], n: int) -> Body:
    line = m.group("body")[1:]
    return _new(Body, (_s(m, "body", n), (line[1:] if line.startswith(" ") else line).rstrip()))


def _comment(m: re.Match[str], n: int) -> Comment:
    return _new(Comment, (_s(m, "comment", n), m.group("comment").rstrip()))


def _meta(m: re.Match[str], n: int) -> Meta:
    return _new(Meta, (_whole(m, n), m.group("key"), m.group("text") or ""))


def _prop(m: re.Match[str], n: int) -> PropositionLine:
    g = m.group
    return _new(PropositionLine, (_whole(m, n), g("key"), g("id"), _s(m, "id", n), g("text") or ""))


def _quote(m: re.Match[str], n: int) -> QuoteLine:
    return _new(QuoteLine, (_whole(m, n), m.group("id"), _s(m, "id", n), m.group("text") or ""))


def _list(m: re.Match[str]) -> tuple[str, ...]:
    return tuple(_line_patterns()["list_item"].findall(m.group("list") or ""))


def _refs(m: re.Match[str], n: int) -> tuple[Ref, ...]:
    base = m.start("list")
    return tuple(_new(Ref, (r.group(), _new(Span, (n, base + r.start() + 1, n, base + r.end() + 1))))
                 for r in _line_patterns()["id"].finditer(m.group("list")))  # fmt: skip


def _support(m: re.Match[str], n: int) -> SupportLine:
    g = m.group
    return _new(SupportLine, (_whole(m, n), g("id"), _s(m, "id", n), _refs(m, n), g("target"), _s(m, "target", n)))


def _attack(cls: type[Rebut] | type[Undercut]) -> Callable[[re.Match[str], int], Statement]:
    def read(m: re.Match[str], n: int) -> Statement:
        g = m.group
        name = g("id")
        refs = _refs(m, n) if "&" in g("list") else (_new(Ref, (g("list"), _s(m, "list", n))),)
        return _new(cls, (_whole(m, n), name, _s(m, "id", n) if name is not None else None, refs,
                          g("target"), _s(m, "target", n)))  # fmt: skip

    return read


def _pair(cls: type[Restate]) -> Callable[[re.Match[str], int], Statement]:
    def read(m: re.Match[str], n: int) -> Statement:
        g = m.group
        return _new(cls, (_whole(m, n), g("id"), _s(m, "id", n), g("target"), _s(m, "target", n)))

    return read


def _post(m: re.Match[str], n: int) -> PostLine:
    g = m.group
    reply, stamp = g("reply"), g("stamp")
    return _new(PostLine, (_whole(m, n), g("id"), _s(m, "id", n), _unquote(g("author")),
                           _unquote(stamp) if stamp is not None else None,
                           reply, _s(m, "reply", n) if reply is not None else None))  # fmt: skip


#: grammar rule → the function that turns its line's match on line ``n`` into a statement
READERS: dict[str, Callable[[re.Match[str], int], Statement]] = {
    "body": _body,
    "comment": _comment,
    "meta": _meta,
    "voice": lambda m, n: _new(VoiceLine, (_whole(m, n), m.group("voice"), m.group("by"))),
    "anchor": lambda m, n: _new(Anchor, (_whole(m, n), m.group("text") or "")),
    "scheme": lambda m, n: _new(Scheme, (_whole(m, n), m.group("text") or "")),
    "prop": _prop,
    "quote": _quote,
    "ignore": lambda m, n: _new(Ignore, (_whole(m, n), _list(m))),
    "tags": lambda m, n: _new(Tags, (_whole(m, n), _list(m))),
    "base": lambda m, n: _new(Base, (_whole(m, n), m.group("number"), _s(m, "number", n))),
    "rebut": _attack(Rebut),
    "undercut": _attack(Undercut),
    "restate": _pair(Restate),
    "agree": lambda m, n: _new(Agree, (_whole(m, n), m.group("key"), m.group("id"), _s(m, "id", n))),
    "support": _support,
    "post": _post,
}
