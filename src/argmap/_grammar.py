"""Finding the grammar files and building lark parsers from them.

The grammars live in the repository's ``grammars/`` folder.  A wheel carries
them as ``argmap/grammars/``; an editable install reads them from the
repository, two levels above this file.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

__all__ = ["grammar_text"]


def grammar_text(name: str) -> str:
    """Return the text of grammar file ``name`` (e.g. ``"argmap.lark"``)."""
    packaged = resources.files("argmap").joinpath("grammars", name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[2] / "grammars" / name
    if checkout.is_file():
        return checkout.read_text(encoding="utf-8")
    raise FileNotFoundError(
        f"argmap grammar {name!r} is missing from the installation "
        f"(looked in {packaged} and {checkout}); reinstall argmap"
    )


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
