"""The language: annotated text → statements → Document, and Document → canonical text.

``grammars/argmap.lark`` is the language's one definition (``lexicon`` reads
its words).  ``parse`` reads well-formed lines with the fast path and hands
anything else to the lark pass, which reports every syntax error; both give
the typed records of ``statements``, which ``build`` assembles.
"""

from .formatter import format_document, post_header, quote_string
from .lexicon import KEYWORDS
from .parsing import MAX_SYNTAX_ERRORS, decode_text, parse, parse_with_diagnostics, read_text

__all__ = [
    "KEYWORDS",
    "MAX_SYNTAX_ERRORS",
    "decode_text",
    "format_document",
    "parse",
    "parse_with_diagnostics",
    "post_header",
    "quote_string",
    "read_text",
]
