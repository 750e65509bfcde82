"""The words and marks of Argdown's lines, read from ``grammars/argdown.lark`` (the one place they are written).

The line scanner (``tokens.py``) and the line joiner (``lines.py``) read by hand
what the grammar's terminals match; the sets and expressions they test with
come from the grammar here, as the argmap language's words come from
``grammars/argmap.lark`` (``_language/lexicon.py``), so that the grammar cannot
say one thing and the scanner another.

>>> RELATION_SYMBOLS
('+>', '<+', '+', '->', '<-', '-', '_>', '<_', '><')
>>> RELATIONS["<_"], RELATIONS["+>"], RELATIONS["><"]
(('undercut', True), ('support', False), ('contradiction', False))
>>> sorted(NOT_WORD)
['\\t', ' ', '#', '<', '@', '[', '\\\\', '{']
"""

from __future__ import annotations

import re
from typing import Final

from ..._grammars import terminal_patterns

__all__ = [
    "BLANKS",
    "HEADING_LEVELS",
    "NEW_ELEMENT",
    "NOT_WORD",
    "NUMBER",
    "RELATION",
    "RELATIONS",
    "RELATION_STARTS",
    "RELATION_SYMBOLS",
    "TERMINALS",
    "WORDS",
]

#: every terminal of ``grammars/argdown.lark`` as a regular expression (``%ignore``: the blanks)
TERMINALS: Final = terminal_patterns("argdown.lark")


def _alternatives(pattern: str) -> tuple[str, ...]:
    """The literal alternatives of a terminal ``(a|b|…)(?=…)``, in the grammar's order."""
    m = re.fullmatch(r"\(((?:[^()\\]|\\.)*)\)(?:\(\?=.*\))?", pattern)
    if m is None:
        raise ValueError(f"not a group of literal alternatives: {pattern}")
    return tuple(re.sub(r"\\(.)", r"\1", alt) for alt in m.group(1).split("|"))


def _excluded(pattern: str) -> frozenset[str]:
    """The characters a negated class ``[^…]+`` leaves out."""
    m = re.fullmatch(r"\[\^((?:[^\]\\]|\\.)*)\]\+", pattern)
    if m is None:
        raise ValueError(f"not a negated character class: {pattern}")
    escapes = {"t": "\t", "n": "\n", "r": "\r"}
    return frozenset(escapes.get(c[1], c[1]) if len(c) == 2 else c for c in re.findall(r"\\.|.", m.group(1)))


#: the relation symbols (RELATION's alternatives), in the grammar's order: the first that fits wins
RELATION_SYMBOLS: Final = _alternatives(TERMINALS["RELATION"])

#: the characters a relation symbol starts with
RELATION_STARTS: Final = frozenset(s[0] for s in RELATION_SYMBOLS)


def _meaning(symbol: str) -> tuple[str, bool]:
    """What a relation symbol says: (kind, whether the line it starts is the relation's source).

    ``+ - _`` and ``<+ <- <_`` point from the child line to its parent, ``+> -> _>`` from
    the parent to the child; ``><`` is a contradiction, both ways.
    """
    if symbol == "><":
        return "contradiction", False
    kind = {"+": "support", "-": "attack", "_": "undercut"}[symbol.strip("<>")]
    return kind, not symbol.endswith(">")


#: relation symbol → (kind, whether the child is the source)
RELATIONS: Final = {symbol: _meaning(symbol) for symbol in RELATION_SYMBOLS}

#: what starts no WORD (the grammar's WORD is a run of any other character)
NOT_WORD: Final = _excluded(TERMINALS["WORD"])

#: the blanks the grammar ignores between tokens
BLANKS: Final = re.compile(TERMINALS["%ignore"])

#: WORDs and the blanks between them, at once (the two classes share no character: the
#: expression cannot backtrack more than once over a run of blanks at its end)
WORDS: Final = re.compile(f"{TERMINALS['WORD']}(?:{TERMINALS['%ignore']}{TERMINALS['WORD']})*")


def _levels(pattern: str) -> tuple[int, int]:
    m = re.match(r"#\{(\d+),(\d+)\}", pattern)
    if m is None:
        raise ValueError(f"not a run of '#': {pattern}")
    return int(m.group(1)), int(m.group(2))


#: how many ``#`` a HEADING has, at least and at most
HEADING_LEVELS: Final = _levels(TERMINALS["HEADING"])

#: a line that starts with a relation symbol (then a blank)
RELATION: Final = re.compile(TERMINALS["RELATION"])

#: a line that starts with a statement number ``(1)`` of a premise–conclusion structure
NUMBER: Final = re.compile(TERMINALS["NUMBER"])

#: a line that starts a new element rather than continuing the one above: a heading, a
#: definition ``[T]:`` / ``<A>:``, a lone reference (with its data), or a list item ``* ``
NEW_ELEMENT: Final = re.compile(
    "|".join([
        TERMINALS["HEADING"], TERMINALS["STATEMENT_DEF"], TERMINALS["ARGUMENT_DEF"],
        f"(?:{TERMINALS['STATEMENT_REF']}|{TERMINALS['ARGUMENT_REF']})\\s*(?:{TERMINALS['DATA']}|$)",
        r"[*]\s",
    ])
)  # fmt: skip
