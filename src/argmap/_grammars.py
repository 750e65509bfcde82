"""The grammar files, read as package data, and the lexical facts taken from them.

``grammars/`` sits at the top of the repository; a wheel carries it as
``argmap/grammars/`` (package data, read through the package's loader with
:func:`pkgutil.get_data`, as lark's ``Lark.open_from_package`` does; this also
works from a zipped install, and loads less than :mod:`importlib.resources`).  An editable install has no copy
in the package: the files are then read from the checkout, two levels above
this file.

The grammar is the one source of the language's words: the model's id
pattern, the parser's keywords and the formatter's layout all come from the
terminals read here, without building a parser.  This module is the lowest
layer of argmap (it imports nothing of argmap's).
"""

from __future__ import annotations

import functools
import os
import pkgutil
import re

__all__ = ["grammar_text", "rule_first_terminals", "terminal_patterns", "terminal_words"]


def grammar_text(name: str) -> str:
    """The text of grammar file ``name`` (e.g. ``"argmap.lark"``).

    >>> grammar_text("argmap.lark").startswith("//")
    True
    """
    try:
        data = pkgutil.get_data("argmap", f"grammars/{name}")
    except OSError:
        data = None
    if data is None:  # an editable install: the checkout's own folder
        checkout = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "grammars", name)
        try:
            with open(checkout, "rb") as f:
                data = f.read()
        except OSError:
            raise FileNotFoundError(
                f"argmap grammar {name!r} is missing from the installation (looked in the package's "
                f"grammars/ and in {os.path.normpath(os.path.dirname(checkout))}); reinstall argmap"
            ) from None
    return data.decode("utf-8")


_TERMINAL = re.compile(r'^([A-Z_][A-Z0-9_]*)(?:\.-?\d+)?\s*:\s*(?:/(.*)/([imsux]*)|"((?:[^"\\]|\\.)*)")\s*$')
_IGNORE = re.compile(r"^%ignore\s+/(.*)/\s*$")
_RULE = re.compile(r"^([a-z_][a-z0-9_]*)\s*:\s*(.*)$")


@functools.cache
def terminal_patterns(name: str) -> dict[str, str]:
    """The terminals a grammar file defines as one regular expression or string, as regexes
    (``%ignore`` under that name), so other code matches exactly what the lexer matches.

    >>> print(terminal_patterns("argmap.lark")["POST"])
    post(?![\\w.\\-])
    """
    out: dict[str, str] = {}
    for line in grammar_text(name).splitlines():
        line = line.strip()
        ignore = _IGNORE.match(line)
        if ignore:
            out["%ignore"] = ignore.group(1)
        m = _TERMINAL.match(line)
        if m:
            regex, flags, string = m.group(2), m.group(3), m.group(4)
            out[m.group(1)] = (
                (f"(?{flags})" if flags else "") + regex if regex is not None else re.escape(string)
            )
    return out


#: a keyword terminal: one word, or words in a group, each a whole word (a negative lookahead follows)
_WORDS = re.compile(r"^\(?([a-z][a-z\-]*(?:\|[a-z][a-z\-]*)*)\)?\(\?!\[[^\]]*\]\)$")


@functools.cache
def terminal_words(name: str, terminal: str) -> tuple[str, ...]:
    """The words a keyword terminal matches, in the grammar's order; () for other terminals.

    >>> terminal_words("argmap.lark", "KIND")
    ('thesis', 'claim', 'premise', 'evidence', 'question')
    >>> terminal_words("argmap.lark", "ID")
    ()
    """
    m = _WORDS.match(terminal_patterns(name).get(terminal, ""))
    return tuple(m.group(1).split("|")) if m else ()


@functools.cache
def rule_first_terminals(name: str, start: str) -> dict[str, tuple[str, ...]]:
    """For each alternative of rule ``start`` (a rule name each), the terminals its line may begin with.

    >>> rule_first_terminals("argmap.lark", "_stmt")["prop"]
    ('KIND',)
    >>> rule_first_terminals("argmap.lark", "_stmt")["agree"]
    ('AGREE', 'CONCEDE')
    """
    rules: dict[str, str] = {}
    current = None
    for line in grammar_text(name).splitlines():
        m = _RULE.match(line)
        if m:
            current = m.group(1)
            rules[current] = m.group(2)
        elif current is not None and line.startswith((" ", "\t")) and line.strip().startswith("|"):
            rules[current] += " " + line.strip()
        else:
            current = None
    alternatives = [a.strip() for a in rules[start].split("|")]
    return {alt: _first_terminals(rules[alt]) for alt in alternatives}


def _first_terminals(expansion: str) -> tuple[str, ...]:
    """``KIND ID …`` gives (KIND,); ``(AGREE | CONCEDE) ID`` gives (AGREE, CONCEDE)."""
    if expansion.startswith("("):
        return tuple(t.strip() for t in expansion[1 : expansion.index(")")].split("|"))
    return (expansion.split()[0],)
