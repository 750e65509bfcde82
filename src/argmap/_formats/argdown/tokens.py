"""One logical line of Argdown, read as ``grammars/argdown.lark`` reads it: by hand, in linear time.

:func:`scan_line` gives what a lark parser built from the grammar gives (its
contextual lexer and LALR parser), without the grammar's terminals
(``\\[[^\\]\\n]+\\]\\(…``, ``\\{.*\\}\\s*$`` …), which rescan the rest of the line from
every ``[``, ``@``, ``#(`` or ``{`` that does not close (minutes on long hostile lines).
tests/convert/test_argdown.py checks the two agree on generated lines
(``test_scan_line_reads_what_the_grammar_reads``); tests/convert/test_limits.py times
the lines that were slow.  The marks it tests for come from the grammar (``grammar.py``).
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from .grammar import BLANKS, HEADING_LEVELS, NOT_WORD, RELATION_STARTS, RELATION_SYMBOLS, WORDS
from .scan import Next, bracketed, link_end

__all__ = ["Scanned", "Token", "scan_line"]

_WORD_CHAR = re.compile(r"\w")


class Token(NamedTuple):
    """One token of a logical line: its terminal's name in ``grammars/argdown.lark``, its text,
    and where it starts and ends in the line."""

    type: str
    value: str
    start: int
    end: int


class Scanned(NamedTuple):
    """What one logical line says (the grammar's ``heading`` or ``element``)."""

    kind: Literal["heading", "element"]
    #: HEADING, RELATION, NUMBER and the head (STATEMENT_DEF, STATEMENT_REF, ARGUMENT_DEF,
    #: ARGUMENT_REF) where the line has them
    heading: Token | None
    relation: Token | None
    number: Token | None
    head: Token | None
    #: WORD, TAG, LINK, MENTION, ESCAPED and STRAY tokens, then DATA if the line ends in it
    body: list[Token]


class _Scanner:
    """The tokens of one line, in the order of precedence lark gives the grammar's terminals."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.brackets, self.angles = Next(text, "]"), Next(text, ">")
        self.mention_brackets, self.mention_angles = Next(text, "]"), Next(text, ">")
        self.link_parens, self.tag_parens = Next(text, ")"), Next(text, ")")
        self.no_newline = Next(text, "\n")  # (a logical line has none: it never finds one)
        last = text.rfind("}")
        #: DATA (``\{.*\}\s*$``) can start before this: the last ``}``, if only blanks follow it
        self.data_before = last if last != -1 and text[last + 1 :].strip() == "" else -1

    def bracketed(self, i: int, close: Next) -> int:
        return bracketed(self.text, i, close, self.no_newline)

    def heading(self, i: int) -> int:
        """HEADING ``#{1,6}(?=\\s)``: its end, or -1."""
        lo, hi = HEADING_LEVELS
        j = i
        while j < self.n and j - i <= hi and self.text[j] == "#":
            j += 1
        return j if lo <= j - i <= hi and j < self.n and self.text[j].isspace() else -1

    def relation(self, i: int) -> int:
        for symbol in RELATION_SYMBOLS:
            j = i + len(symbol)
            if self.text.startswith(symbol, i) and j < self.n and self.text[j].isspace():
                return j
        return -1

    def number(self, i: int) -> int:
        """NUMBER ``\\(\\d+\\)(?=\\s|$)``: its end, or -1."""
        j = i + 1
        while j < self.n and self.text[j].isdecimal():
            j += 1
        ok = j > i + 1 and self.text[j : j + 1] == ")" and (j + 1 == self.n or self.text[j + 1].isspace())
        return j + 1 if ok else -1

    def head(self, i: int) -> tuple[str, int] | None:
        """STATEMENT_REF / STATEMENT_DEF or ARGUMENT_REF / ARGUMENT_DEF at ``i``: (type, end)."""
        c = self.text[i]
        if c not in "[<":
            return None
        j = self.bracketed(i, self.brackets if c == "[" else self.angles)
        if j == -1:
            return None
        after = self.text[j : j + 1]
        kind = "STATEMENT" if c == "[" else "ARGUMENT"
        if after == ":":
            return f"{kind}_DEF", j + 1
        if c == "[" and after == "(":
            return None  # a link
        return f"{kind}_REF", j

    def piece(self, i: int) -> tuple[str, int]:
        """The body token at ``i``, a character that starts no WORD: MENTION, LINK, TAG, DATA,
        ESCAPED or else STRAY, as (type, end)."""
        text, c = self.text, self.text[i]
        if c == "@":
            after = text[i + 1 : i + 2]
            if after in ("[", "<"):
                j = self.bracketed(i + 1, self.mention_brackets if after == "[" else self.mention_angles)
                if j != -1:
                    return "MENTION", j
        elif c == "[":
            j = link_end(text, i, self.brackets, self.link_parens, self.no_newline, self.no_newline)
            if j != -1:
                return "LINK", j
        elif c == "#":
            if text[i + 1 : i + 2] == "(":
                k = self.tag_parens(i + 2)
                if k > i + 2:
                    return "TAG", k + 1
            else:
                j = i + 1
                while j < self.n and (text[j] == "-" or _WORD_CHAR.match(text, j)):
                    j += 1
                if j > i + 1:
                    return "TAG", j
        elif c == "{":
            if i < self.data_before:
                return "DATA", self.n
        elif c == "\\":
            if i + 1 < self.n:
                return "ESCAPED", i + 2
        return "STRAY", i + 1




def scan_line(text: str) -> Scanned:
    """The tokens of one logical line (no line breaks), as ``grammars/argdown.lark`` reads it
    (but for one thing: words next to each other are one WORD token, blanks included).

    >>> s = scan_line("+ <Tea>: good #x {a: 1}")
    >>> s.relation.value, s.head.type, [(t.type, t.value) for t in s.body]
    ('+', 'ARGUMENT_DEF', [('WORD', 'good'), ('TAG', '#x'), ('DATA', '{a: 1}')])
    >>> [t.value for t in scan_line("tea is good #x").body]
    ['tea is good', '#x']
    """
    scanner = _Scanner(text)
    n = len(text)
    heading = relation = number = head = None
    body: list[Token] = []
    i = _skip(text, 0)
    # the line's start (the grammar's contextual lexer: HEADING, or RELATION? NUMBER? head?)
    end = scanner.heading(i) if text[i : i + 1] == "#" else -1
    if end != -1:
        heading, i = Token("HEADING", text[i:end], i, end), _skip(text, end)
    else:
        end = scanner.relation(i) if text[i : i + 1] in RELATION_STARTS else -1
        if end != -1:
            relation, i = Token("RELATION", text[i:end], i, end), _skip(text, end)
        end = scanner.number(i) if text[i : i + 1] == "(" else -1
        if end != -1:
            number, i = Token("NUMBER", text[i:end], i, end), _skip(text, end)
        found = scanner.head(i) if i < n else None
        if found is not None:
            head, i = Token(found[0], text[i : found[1]], i, found[1]), _skip(text, found[1])
    # the body: words (a run of them with the blanks between, taken at once: a token per word
    # cost a Python step each, seconds on a long text; test_continuation_lines_are_joined_in_linear_time
    # reads a line of 800,000 words), or what starts with a markup character
    word = WORDS.match
    while i < n:
        if text[i] in NOT_WORD:
            kind, end = scanner.piece(i)
        else:
            kind, end = "WORD", word(text, i).end()  # type: ignore[union-attr]  # a word starts here
        body.append(Token(kind, text[i:end], i, end))
        i = _skip(text, end)
    return Scanned("heading" if heading else "element", heading, relation, number, head, body)


def _skip(text: str, i: int) -> int:
    """Past the blanks at ``i`` (the grammar ignores them)."""
    m = BLANKS.match(text, i)
    return m.end() if m is not None else i
