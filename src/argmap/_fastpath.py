"""A line-at-a-time reader for well-formed text, about five times faster than the lark pass.

Each statement's line is matched by one regular expression assembled from the
grammar's own terminals (read from ``grammars/argmap.lark``), each terminal in
an atomic group so that, like lark's lexer, a token once matched is never
taken back.  The result is the statement list the lark transformer in
``_parse.py`` produces, spans included.  Any line this reader does not
recognise makes it give up (return None): the lark pass then reads the file
and reports its errors exactly.  ``tests/parse/test_fastpath.py`` checks the
two readers agree.
"""

from __future__ import annotations

import functools
import re
from typing import Iterator

from ._grammar import terminal_patterns
from ._model import Span

__all__ = ["Unreadable", "read", "statements"]


@functools.cache
def _line_patterns() -> dict[str, re.Pattern]:
    t = terminal_patterns("argmap.lark")
    _ = f"(?:{t['%ignore']})?"  # blanks between tokens

    def tok(name: str, group: str | None = None, *names: str) -> str:
        body = "|".join(f"(?:{t[n]})" for n in (name, *names))
        return f"(?P<{group}>(?>{body}))" if group else f"(?>{body})"

    def rest(*parts: str) -> re.Pattern:
        return re.compile(_ + _.join(parts) + _ + r"\Z")

    colon = tok("_COLON")
    text = f"(?:{_}{tok('TEXT', 'text')})?"
    return {
        "meta": rest(tok("META_KEY", "key"), colon + text),
        "ignore": rest(
            tok("IGNORE", "key"), colon + f"(?P<list>{_}{tok('TAG')}(?:{_}{tok('_COMMA')}{_}{tok('TAG')})*)?"
        ),
        "post": rest(
            tok("POST", "key"),
            tok("ID", "id"),
            tok("BY"),
            tok("WORD", "author", "STRING")
            + f"(?:{_}{tok('REPLY_TO')}{_}{tok('ID', 'reply')})?"
            + f"(?:{_}{tok('AT')}{_}{tok('TIMESTAMP', 'stamp', 'STRING')})?",
        ),
        "prop": rest(tok("KIND", "key"), tok("ID", "id"), colon + text),
        "anchor": rest(tok("ANCHOR", "key"), colon + text),
        "scheme": rest(tok("SCHEME", "key"), colon + text),
        "tags": rest(
            tok("TAGS", "key"), colon + f"(?P<list>{_}{tok('TAG')}(?:{_}{tok('_COMMA')}{_}{tok('TAG')})*)?"
        ),
        "base": rest(tok("BASE", "key"), colon, tok("NUMBER", "number")),
        "body": rest(tok("BODY", "body")),
        "comment": rest(tok("COMMENT", "comment")),
        "quote": rest(tok("QUOTE", "key"), tok("ID", "id"), colon + text),
        "support": rest(
            tok("SUPPORT", "key"),
            tok("ID", "id"),
            colon,
            f"(?P<list>{tok('ID')}(?:{_}{tok('_AMP')}{_}{tok('ID')})*)",
            tok("_ARROW"),
            tok("ID", "target"),
        ),  # fmt: skip
        "pair": rest(
            tok("REBUT", "key", "UNDERCUT", "RESTATE"), tok("ID", "id"), tok("_ARROW"), tok("ID", "target")
        ),
        "agree": rest(tok("AGREE", "key"), tok("ID", "id")),
        "list_item": re.compile(t["TAG"]),
        "id": re.compile(t["ID"]),
        "blank": re.compile(_ + r"\Z"),
        "first": re.compile(_ + r"([a-z][a-z\-]*|[|#])"),
    }


#: first word of a line → the pattern that reads it
_BY_WORD = {
    "title": "meta", "source": "meta", "date": "meta", "language": "meta", "ignore": "ignore",
    "post": "post", "thesis": "prop", "claim": "prop", "premise": "prop", "evidence": "prop",
    "question": "prop", "anchor": "anchor", "scheme": "scheme", "tags": "tags", "base": "base",
    "|": "body", "#": "comment", "quote": "quote", "support": "support", "rebut": "pair",
    "undercut": "pair", "restate": "pair", "agree": "agree", "concede": "agree",
}  # fmt: skip


def _unquote(s: str) -> str:
    return re.sub(r'\\(["\\])', r"\1", s[1:-1]) if s.startswith('"') else s


class Unreadable(Exception):
    """A line the fast path does not read: the lark pass must read the file."""


def read(src: str) -> Iterator[tuple]:
    """The statements of ``src`` (which ends with a line break), one by one.

    Raises:
        Unreadable: at the first line that needs the lark pass.
    """
    p = _line_patterns()
    first, blank = p["first"], p["blank"]
    readers = {word: (p[kind].match, _READERS[kind]) for word, kind in _BY_WORD.items()}
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
        if m is None:
            raise Unreadable(number)
        yield reader[1](m, number)


def statements(src: str) -> list | None:
    """All statements of ``src``, or None if a line needs the lark pass."""
    try:
        return list(read(src))
    except Unreadable:
        return None


_new = tuple.__new__  # Span(...) without the Python-level __new__: there is one per token read


def _s(m: re.Match, group: str, line: int) -> Span:
    start, end = m.span(group)
    return _new(Span, (line, start + 1, line, end + 1))


def _whole(m: re.Match, line: int) -> Span:
    """Like lark's: from the first token to the end of the last one present (groups close in order)."""
    return _new(Span, (line, m.start("key") + 1, line, m.end(m.lastindex) + 1))


def _body(m, n):
    line = m.group("body")[1:]
    return ("body", _s(m, "body", n), (line[1:] if line.startswith(" ") else line).rstrip())


def _comment(m, n):
    return ("comment", _s(m, "comment", n), m.group("comment").rstrip())


def _meta(m, n):
    return ("meta", _whole(m, n), m.group("key"), m.group("text") or "")


def _prop(m, n):
    g = m.group
    return ("prop", _whole(m, n), g("key"), g("id"), _s(m, "id", n), g("text") or "")


def _quote(m, n):
    return ("quote", _whole(m, n), m.group("id"), _s(m, "id", n), m.group("text") or "")


def _list(m) -> list:
    return _line_patterns()["list_item"].findall(m.group("list") or "")


def _support(m, n):
    g = m.group
    base = m.start("list")
    refs = [(r.group(), _new(Span, (n, base + r.start() + 1, n, base + r.end() + 1)))
            for r in _line_patterns()["id"].finditer(g("list"))]  # fmt: skip
    return ("support", _whole(m, n), g("id"), _s(m, "id", n), refs, (g("target"), _s(m, "target", n)))


def _pair(m, n):
    g = m.group
    return (g("key"), _whole(m, n), (g("id"), _s(m, "id", n)), (g("target"), _s(m, "target", n)))


def _post(m, n):
    g = m.group
    reply, stamp = g("reply"), g("stamp")
    return ("post", _whole(m, n), g("id"), _s(m, "id", n), _unquote(g("author")),
            _unquote(stamp) if stamp is not None else None,
            reply, _s(m, "reply", n) if reply is not None else None)  # fmt: skip


#: pattern name → the function that turns its match on line ``n`` into a statement
_READERS = {
    "body": _body,
    "comment": _comment,
    "meta": _meta,
    "anchor": lambda m, n: ("anchor", _whole(m, n), m.group("text") or ""),
    "scheme": lambda m, n: ("scheme", _whole(m, n), m.group("text") or ""),
    "prop": _prop,
    "quote": _quote,
    "ignore": lambda m, n: ("meta", _whole(m, n), "ignore", tuple(_list(m))),
    "tags": lambda m, n: ("tags", _whole(m, n), _list(m)),
    "base": lambda m, n: ("base", _whole(m, n), m.group("number"), _s(m, "number", n)),
    "pair": _pair,
    "agree": lambda m, n: ("agree", _whole(m, n), m.group("key"), (m.group("id"), _s(m, "id", n))),
    "support": _support,
    "post": _post,
}
