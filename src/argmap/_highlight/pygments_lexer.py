"""A Pygments lexer for argmap text, so that Sphinx, MkDocs, Jupyter and ``pygmentize`` colour it.

Registered under the ``pygments.lexers`` entry point (pyproject.toml), as
``argmap``.  Its keywords are the grammar's (``_language.lexicon``); a line it
cannot read shows as an error token, as the parser would report it.
"""

from __future__ import annotations

from typing import Any, Callable, ClassVar, cast

from pygments.lexer import RegexLexer
from pygments.lexer import bygroups as _bygroups
from pygments.token import Comment, Keyword, Literal, Name, Number, Operator, Punctuation, String, Whitespace

from .._language.lexicon import TERMINALS, words

__all__ = ["ArgmapLexer"]


def _alt(*terminals: str) -> str:
    """A regex matching the words of ``terminals`` as whole words."""
    found = [w for t in terminals for w in words(t)]
    return "(?:" + "|".join(sorted(found, key=len, reverse=True)) + r")(?![\w.\-])"


#: pygments' stubs leave bygroups untyped: it takes token types and gives a callback
bygroups = cast(Callable[..., Any], _bygroups)

_ID = f"(?:{TERMINALS['ID']})"
_B = r"[ \t\f]*"  # blanks between tokens
_STRING = r'"(?:[^"\\\r\n]|\\.)*"'
_NUMBER = f"(?:{TERMINALS['NUMBER']})"


class ArgmapLexer(RegexLexer):
    """argmap's annotation language (``*.argmap``)."""

    name = "argmap"
    aliases: ClassVar[list[str]] = ["argmap"]
    filenames: ClassVar[list[str]] = ["*.argmap"]
    mimetypes: ClassVar[list[str]] = ["text/x-argmap"]

    tokens: ClassVar[dict[str, list]] = {  # type: ignore[type-arg]
        "root": [
            (r"\n", Whitespace),
            (rf"^({_B})(#.*)$", bygroups(Whitespace, Comment.Single)),
            (rf"^({_B})(\|)(.*)$", bygroups(Whitespace, Punctuation, String.Doc)),
            (rf"^({_B})({_alt('POST')})", bygroups(Whitespace, Keyword.Declaration), "post"),
            (rf"^({_B})({_alt('KIND')})({_B})({_ID})({_B})(:)({_B})(.*)$",
             bygroups(Whitespace, Keyword.Type, Whitespace, Name.Variable, Whitespace, Punctuation, Whitespace, String)),
            (rf"^({_B})({_alt('SUPPORT', 'REBUT', 'UNDERCUT')})({_B})({_ID})({_B})(:)", bygroups(
                Whitespace, Keyword, Whitespace, Name.Function, Whitespace, Punctuation), "relation"),
            (rf"^({_B})({_alt('REBUT', 'UNDERCUT', 'RESTATE', 'AGREE', 'CONCEDE')})",
             bygroups(Whitespace, Keyword), "relation"),
            (rf"^({_B})({_alt('QUOTE')})({_B})({_ID})({_B})(:)({_B})(.*)$",
             bygroups(Whitespace, Keyword, Whitespace, Name.Namespace, Whitespace, Punctuation, Whitespace, String)),
            (rf"^({_B})({_alt('TAGS', 'IGNORE')})({_B})(:)", bygroups(Whitespace, Keyword, Whitespace, Punctuation), "list"),
            (rf"^({_B})({_alt('BASE')})({_B})(:)({_B})({_NUMBER})",
             bygroups(Whitespace, Keyword, Whitespace, Punctuation, Whitespace, Number)),
            (rf"^({_B})({_alt('VOICE')})({_B})(:)({_B})({_alt('REPORTED')})({_B})({_alt('BY')})({_B})(.+)$",
             bygroups(Whitespace, Keyword, Whitespace, Punctuation, Whitespace, Keyword.Constant, Whitespace,
                      Keyword, Whitespace, Name.Label)),
            (rf"^({_B})({_alt('VOICE')})({_B})(:)({_B})({_alt('VOICE_KIND', 'REPORTED')})",
             bygroups(Whitespace, Keyword, Whitespace, Punctuation, Whitespace, Keyword.Constant)),
            (rf"^({_B})({_alt('META_KEY', 'ANCHOR', 'SCHEME')})({_B})(:)({_B})(.*)$",
             bygroups(Whitespace, Keyword, Whitespace, Punctuation, Whitespace, String)),
            (r"[ \t\f]+$", Whitespace),  # (never an empty match: the lexer would not move on)
        ],
        "post": [
            (r"\n", Whitespace, "#pop"),
            (r"[ \t\f]+", Whitespace),
            (rf"{_alt('BY')}", Keyword, "author"),
            (rf"{_alt('REPLY_TO')}", Keyword),
            (rf"{_alt('AT')}", Keyword, "stamp"),
            (_ID, Name.Namespace),
        ],
        "author": [
            (r"[ \t\f]+", Whitespace),
            (_STRING, Name.Label, "#pop"),
            (r'[^\s"]+', Name.Label, "#pop"),
        ],
        "stamp": [
            (r"[ \t\f]+", Whitespace),
            (_STRING, Literal.Date, "#pop"),
            (f"(?:{TERMINALS['TIMESTAMP']})", Literal.Date, "#pop"),
        ],
        "relation": [
            (r"\n", Whitespace, "#pop"),
            (r"[ \t\f]+", Whitespace),
            (r"->|&", Operator),
            (_ID, Name.Variable),
        ],
        "list": [
            (r"\n", Whitespace, "#pop"),
            (r"[ \t\f]+", Whitespace),
            (",", Punctuation),
            (r"[^\s,]+", Name.Tag),
        ],
    }

