"""The language's words, read from ``grammars/argmap.lark`` (the one place they are written).

>>> KEYWORDS[:3]
('title', 'source', 'date')
>>> FIRST["concede"], FIRST["|"]
('agree', 'body')
"""

from __future__ import annotations

import re
from typing import Final

from .._grammars import rule_first_terminals, terminal_patterns, terminal_words

__all__ = ["FIRST", "GRAMMAR", "KEYWORDS", "META_KEYS", "TERMINALS", "keyword", "words"]

GRAMMAR: Final = "argmap.lark"

#: every terminal of the grammar as a regular expression (``%ignore``: the blanks between tokens)
TERMINALS: Final = terminal_patterns(GRAMMAR)


def words(terminal: str) -> tuple[str, ...]:
    """The words keyword terminal ``terminal`` matches (``KIND``: thesis, claim, …)."""
    return terminal_words(GRAMMAR, terminal)


def keyword(terminal: str) -> str:
    """The one word of a single-keyword terminal (``SUPPORT``: support)."""
    (word,) = words(terminal)
    return word


def _lead(terminal: str) -> str:
    """The character a punctuation-led terminal starts with (``BODY``: ``|``)."""
    m = re.match(r"\\?([^\w\s\\(\[])", TERMINALS[terminal])
    if m is None:
        raise ValueError(f"terminal {terminal} starts with neither a keyword nor a punctuation mark")
    return m.group(1)


def _first() -> dict[str, str]:
    out: dict[str, str] = {}
    for rule, terminals in rule_first_terminals(GRAMMAR, "_stmt").items():
        for terminal in terminals:
            for word in words(terminal) or (_lead(terminal),):
                out[word] = rule
    return out


#: the word (or mark, ``|`` and ``#``) a statement line starts with → the grammar rule that reads it
FIRST: Final = _first()

#: the words a statement can start with, in the grammar's order (for did-you-mean)
KEYWORDS: Final = tuple(w for w in FIRST if w[0].isalpha())

#: the metadata keys besides ``ignore`` (fields of :class:`argmap.Metadata`)
META_KEYS: Final = words("META_KEY")
