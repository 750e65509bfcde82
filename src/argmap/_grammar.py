"""Finding the grammar files and building lark parsers from them.

The grammars live in the repository's ``grammars/`` folder.  A wheel carries
them as ``argmap/grammars/``; an editable install reads them from the
repository, two levels above this file.
"""

from __future__ import annotations

import functools
import os
import re

__all__ = ["grammar_text", "lalr_parser", "terminal_patterns"]


def grammar_text(name: str) -> str:
    """Return the text of grammar file ``name`` (e.g. ``"argmap.lark"``)."""
    here = os.path.dirname(os.path.abspath(__file__))
    places = [os.path.join(here, "grammars", name), os.path.join(here, "..", "..", "grammars", name)]
    for place in places:  # a wheel's layout, then a checkout's (editable install)
        if os.path.isfile(place):
            with open(place, encoding="utf-8") as f:
                return f.read()
    from importlib import resources  # anything else, e.g. a zipped install

    packaged = resources.files("argmap").joinpath("grammars", name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    raise FileNotFoundError(
        f"argmap grammar {name!r} is missing from the installation "
        f"(looked in {', '.join(map(os.path.normpath, places))}); reinstall argmap"
    )


_TERMINAL = re.compile(r'^([A-Z_][A-Z0-9_]*)(?:\.-?\d+)?\s*:\s*(?:/(.*)/([imsux]*)|"((?:[^"\\]|\\.)*)")\s*$')


@functools.cache
def terminal_patterns(name: str) -> dict[str, str]:
    """The terminals a grammar file defines as one regular expression or string, as regexes.

    Read from the file itself (no parser is built), so other code can match
    exactly what the lexer matches.

    >>> print(terminal_patterns("argmap.lark")["POST"])
    post(?![\\w.\\-])
    """
    out = {}
    for line in grammar_text(name).splitlines():
        ignore = re.match(r"^%ignore\s+/(.*)/\s*$", line.strip())
        if ignore:
            out["%ignore"] = ignore.group(1)
        m = _TERMINAL.match(line.strip())
        if m:
            regex, flags, string = m.group(2), m.group(3), m.group(4)
            out[m.group(1)] = (
                (f"(?{flags})" if flags else "") + regex if regex is not None else re.escape(string)
            )
    return out


@functools.cache
def lalr_parser(name: str, transformer_factory):
    """A LALR parser with the contextual lexer and an inline transformer, built once."""
    import lark

    return lark.Lark(
        grammar_text(name),
        parser="lalr",
        lexer="contextual",
        transformer=transformer_factory(),
        maybe_placeholders=False,
    )
