"""Comments and markup in Argdown text, taken out by scans that run in linear time.

The regular expressions these replace (kept in tests/convert/test_argdown.py, which checks
each scan against its expression on generated text) searched again from every ``<!--``,
``/*``, ``[``, ``**`` or ``__`` that does not close: minutes on long hostile lines
(tests/convert/test_limits.py times each on them).
"""

from __future__ import annotations

import bisect
import re

__all__ = ["Next", "bracketed", "link_end", "plain", "strip_comments"]

_WORD_CHAR = re.compile(r"\w")


class Next:
    """Where ``needle`` next occurs in ``text`` at or after a position (-1: nowhere).

    Asked with positions that never decrease, a search runs only past the last
    occurrence found, so all of them together read the text about once: this is
    what makes the scans below linear (tests/convert/test_limits.py::
    test_a_long_hostile_line_is_read_in_linear_time).  Any order of questions gets
    right answers; only a falling position searches again.
    """

    __slots__ = ("text", "needle", "start", "found")

    def __init__(self, text: str, needle: str) -> None:
        self.text, self.needle = text, needle
        self.start, self.found = len(text) + 1, -1  # nothing searched yet

    def __call__(self, start: int) -> int:
        if start >= self.start and (self.found == -1 or self.found >= start):
            return self.found  # no occurrence in [self.start, self.found): none in [start, self.found)
        self.start, self.found = start, self.text.find(self.needle, start)
        return self.found


def bracketed(text: str, i: int, close: Next, newline: Next) -> int:
    """The end of ``[^X\\n]+X`` where ``text[i]`` opens it (``close`` finds X), or -1."""
    j = close(i + 1)
    if j < i + 2:
        return -1
    n = newline(i + 1)
    return -1 if n != -1 and n < j else j + 1


# -- comments -----------------------------------------------------------------------------


def strip_comments(text: str) -> tuple[str, set[int]]:
    """Comments replaced by as many line breaks (lines keep their numbers); escapes and links kept.

    Also returns the numbers of the lines that held comments: left blank, they end no block.

    The same as ``re.sub(r"(\\\\.)|(\\[[^\\]\\n]+\\]\\([^)\\n]+\\))|(<!--.*?-->|/\\*.*?\\*/|//[^\\n]*)",
    …, re.S)`` keeping groups 1 and 2, but linear: that expression searched for the
    end of a comment again from every ``<!--`` or ``/*`` that has none, and the line
    of each comment was counted from the start of the text
    (tests/convert/test_limits.py: the ``<!--`` and ``/*`` lines,
    test_comment_lines_are_counted_in_linear_time).

    >>> strip_comments("a // b\\n<!-- c\\nd --> e \\\\// f [x](//y)")
    ('a \\n\\n e \\\\// f [x](//y)', {1, 2, 3})
    """
    commented: set[int] = set()
    out: list[str] = []
    close_bracket, close_paren = Next(text, "]"), Next(text, ")")
    newline, newline2 = Next(text, "\n"), Next(text, "\n")
    html_end, block_end = Next(text, "-->"), Next(text, "*/")
    line, counted = 1, 0  # the number of the line that holds offset `counted`
    pos, i, n = 0, 0, len(text)
    while True:
        m = _COMMENT_START.search(text, i)
        if m is None:
            break
        i = m.start()
        c = text[i]
        end = -1
        if c == "\\":
            i += 2  # an escaped character, kept (\\. matches a line break too)
            continue
        if c == "[":
            link = link_end(text, i, close_bracket, close_paren, newline, newline2)
            i = link if link != -1 else i + 1
            continue
        if text.startswith("<!--", i):
            k = html_end(i + 4)
            end = k + 3 if k != -1 else -1
        elif text.startswith("/*", i):
            k = block_end(i + 2)
            end = k + 2 if k != -1 else -1
        elif text.startswith("//", i):
            k = newline(i)
            end = k if k != -1 else n
        if end == -1:
            i += 1
            continue
        line += text.count("\n", counted, i)
        counted = i
        breaks = text.count("\n", i, end)
        commented.update(range(line, line + breaks + 1))
        out += [text[pos:i], "\n" * breaks]
        pos = i = end
    out.append(text[pos:])
    return "".join(out), commented


_COMMENT_START = re.compile(r"[\\\[</]")


def link_end(
    text: str, i: int, close_bracket: Next, close_paren: Next, newline: Next, newline2: Next
) -> int:
    """The end of a link ``[^\\]\\n]+](…)`` that ``text[i]`` (a ``[``) opens, or -1.

    ``newline2`` is a second finder of line breaks, for the part in parentheses (each
    finder is asked with positions that only grow)."""
    j = bracketed(text, i, close_bracket, newline)
    if j == -1 or text[j : j + 1] != "(":
        return -1
    k = close_paren(j + 1)
    if k < j + 2:
        return -1
    nl = newline2(j + 1)
    return -1 if nl != -1 and nl < k else k + 1


# -- markup -------------------------------------------------------------------------------


def _links(text: str) -> str:
    """``re.sub(r"\\[([^\\]\\n]+)\\]\\([^)\\n]+\\)", r"\\1", text)``, in linear time."""
    if "](" not in text:
        return text
    finders = (Next(text, "]"), Next(text, ")"), Next(text, "\n"), Next(text, "\n"))
    out: list[str] = []
    pos, i = 0, text.find("[")
    while i != -1:
        end = link_end(text, i, *finders)
        if end == -1:
            i = text.find("[", i + 1)
            continue
        j = text.index("](", i)
        out += [text[pos:i], text[i + 1 : j]]
        pos = end
        i = text.find("[", pos)
    out.append(text[pos:])
    return "".join(out)


def _unwrap(text: str, mark: str, words: bool) -> str:
    """``re.sub(MARK(\\S(?:.*?\\S)?)MARK, r"\\1", text)`` for a mark such as ``**``, with
    ``(?<!\\w)`` before and ``(?!\\w)`` after it when ``words`` — in linear time.

    That expression ends a match at the first closing mark that leaves two
    characters or more inside (one if no other does); from an opening mark with
    no close it read the rest of the line, and again from the next one (``**a
    **a **a …``: quadratic).  Where a mark may close does not depend on where
    the opening one is, so those places are found once, in order
    (tests/convert/test_limits.py: the ``__a`` and ``**a`` lines).
    """
    if "\n" in text:  # no match spans a line break, which is neither a blank nor a word character
        return "\n".join(_unwrap(part, mark, words) for part in text.split("\n"))
    m, n = len(mark), len(text)
    closers: list[int] = []  # where a mark may close: after a non-blank (and before no word character)
    q = text.find(mark, 1)
    while q != -1:
        if not text[q - 1].isspace() and not (words and q + m < n and _WORD_CHAR.match(text, q + m)):
            closers.append(q)
        q = text.find(mark, q + 1)
    if not closers:
        return text
    closing = set(closers)
    out: list[str] = []
    pos, c = 0, 0
    i = text.find(mark)
    while i != -1:
        opens = (
            i + m < n and not text[i + m].isspace() and not (words and i and _WORD_CHAR.match(text, i - 1))
        )
        if opens:
            # the optional "(?:.*?\S)?" is tried first: two characters or more inside if any
            # closing mark allows it, else one
            c = bisect.bisect_left(closers, i + m + 2, c)
            q = closers[c] if c < len(closers) else i + m + 1 if i + m + 1 in closing else -1
            if q != -1:
                out += [text[pos:i], text[i + m : q]]
                pos = q + m
                i = text.find(mark, pos)
                continue
        i = text.find(mark, i + 1)
    out.append(text[pos:])
    return "".join(out)


_BULLET = re.compile(r"^[*]\s+")  # a list item's bullet


def plain(text: str) -> str:
    """Argdown's bold, italics, links and bullets reduced to their words.

    >>> plain("* a **bold** and _italic_ [link](https://x.org) snake_case")
    'a bold and italic link snake_case'
    """
    text = _links(text)
    for mark, words in (("**", False), ("__", True), ("*", False), ("_", True)):  # bold, then italics
        if mark in text:
            text = _unwrap(text, mark, words)
    return _BULLET.sub("", text)
