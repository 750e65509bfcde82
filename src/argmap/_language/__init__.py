"""The language: annotated text → statements → Document, and Document → canonical text.

``grammars/argmap.lark`` is the language's one definition (``lexicon`` reads
its words).  ``parse`` reads well-formed lines with the fast path and hands
anything else to the lark pass, which reports every syntax error; both give
the typed records of ``statements``, which ``build`` assembles.
"""

from .formatter import format_document, post_header, quote_string
from .lexicon import KEYWORDS
from .lexicon import FIRST
from .occurrences import Namespace, Occurrence, occurrences
from .parsing import (
    MAX_SYNTAX_ERRORS,
    Parsed,
    decode_text,
    parse,
    parse_in_full,
    parse_with_diagnostics,
    read_text,
)

__all__ = [
    "FIRST",
    "KEYWORDS",
    "MAX_SYNTAX_ERRORS",
    "Namespace",
    "Occurrence",
    "Parsed",
    "decode_text",
    "format_document",
    "occurrences",
    "parse",
    "parse_in_full",
    "parse_with_diagnostics",
    "post_header",
    "quote_string",
    "read_text",
]
