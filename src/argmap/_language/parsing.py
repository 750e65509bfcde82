"""Text → statements → Document: the entry points.

The statements come from the fast path (``fastpath.py``, one regular
expression per line, built from the grammar's terminals) when every line is
well formed; otherwise from the lark pass (``larkpass.py``), which parses the
file with the grammar itself and reports every syntax error.  lark is only
imported then, which keeps start-up short.
"""

from __future__ import annotations

import os
import re
from typing import Iterable, NamedTuple

from .._model import UNHOLDABLE, Diagnostic, Document, ParseError, Severity, Span, paused, unholdable
from .build import build
from .fastpath import Unreadable, read
from .statements import Statement
from .lexicon import TERMINALS

__all__ = [
    "MAX_SYNTAX_ERRORS",
    "Parsed",
    "decode_text",
    "parse",
    "parse_in_full",
    "parse_with_diagnostics",
    "read_text",
]

#: Stop collecting syntax errors after this many (each costs a re-parse).
MAX_SYNTAX_ERRORS = 50


class Parsed(NamedTuple):
    """A text read as far as it could be: the document, every problem, and the statements read
    (for an editor: where each id is defined and named)."""

    doc: Document
    diagnostics: list[Diagnostic]
    statements: list[Statement]


def parse_in_full(text: str, *, path: str | None = None) -> Parsed:
    """:func:`parse_with_diagnostics`, and the statements of every line that could be read."""
    statements: list[Statement] = []
    doc, diagnostics = parse_with_diagnostics(text, path=path, statements=statements)
    return Parsed(doc, diagnostics, statements)


def parse_with_diagnostics(
    text: str, *, path: str | None = None, statements: list[Statement] | None = None
) -> tuple[Document, list[Diagnostic]]:
    """Parse as far as possible; return the document and every problem found.

    Lines with syntax errors are left out of the document.  ``statements``, when given,
    receives the statement of every line that could be read.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes text (str), not {type(text).__name__}")
    if text.startswith("\ufeff"):
        text = " " + text[1:]  # a byte-order mark is not content; a blank keeps the columns
    held: list[Diagnostic] = []
    if UNHOLDABLE.search(text) is not None:  # one search in C; the rare text that fails it is mended
        text, held = _mend(text, path)
    src = text if text.endswith("\n") else text + "\n"
    with paused():  # parsing allocates hundreds of thousands of small objects and frees none of them
        doc, problems = _parse(src, path, statements)
    return doc, sorted(held + problems, key=_where) if held else problems


_MEND_HINT = {
    True: "delete it (NUL bytes often mean the file was saved as UTF-16, not UTF-8)",
    False: "delete it (a lone surrogate is half a character: the text was cut or decoded wrongly)",
}


def _mend(text: str, path: str | None) -> tuple[str, list[Diagnostic]]:
    """P002 for each character no text may hold (NUL, a lone surrogate), and the text with each
    replaced by U+FFFD, so that the document read from it holds none (columns stay as they are)."""
    out: list[Diagnostic] = []
    line, line_start = 1, 0
    for m in UNHOLDABLE.finditer(text):
        if len(out) == MAX_SYNTAX_ERRORS:
            break
        line += text.count("\n", line_start, m.start())
        line_start = text.rfind("\n", 0, m.start()) + 1
        column = m.start() - line_start + 1
        out.append(Diagnostic(
            "P002", Severity.ERROR, f"the text holds {unholdable(m.group())}, which argmap cannot keep",
            Span(line, column, line, column + 1), path,
            hint=_MEND_HINT[m.group() == "\x00"],
        ))  # fmt: skip
    return UNHOLDABLE.sub("\ufffd", text), out


def _parse(
    src: str, path: str | None, keep: list[Statement] | None = None
) -> tuple[Document, list[Diagnostic]]:
    try:  # statements go straight from the fast path into the builder (unless they are wanted)
        source: Iterable[Statement] = read(src)
        if keep is not None:
            source = list(source)
            keep.extend(source)
        doc, problems = build(source, path)
        return doc, sorted(problems, key=_where)
    except Unreadable:
        pass
    from .larkpass import statements_and_errors

    stmts, errors = statements_and_errors(src, path, MAX_SYNTAX_ERRORS)
    if keep is not None:
        keep.extend(stmts)
    lines = src.split("\n")
    any_id = re.compile(TERMINALS["ID"])
    # ids on lines that did not parse may be defined there: references to them are not reported
    unsure = frozenset(w for d in errors if d.span for w in any_id.findall(lines[d.span.line - 1]))
    doc, problems = build(stmts, path, unsure)
    return doc, sorted(errors + problems, key=_where)


def _where(d: Diagnostic) -> tuple[int, int]:
    return (d.span.line, d.span.column) if d.span else (0, 0)


def parse(text: str, *, path: str | None = None) -> Document:
    """Parse annotated text into a :class:`Document`.

    Raises:
        ParseError: with every syntax and reference problem in the text.

    >>> doc = parse("post 1 by ann\\n  claim c1: Tea is better than coffee.\\n")
    >>> doc.propositions[0].text
    'Tea is better than coffee.'
    """
    doc, diags = parse_with_diagnostics(text, path=path)
    if any(d.severity is Severity.ERROR for d in diags):
        raise ParseError(diags, source=text)
    return doc


def decode_text(data: bytes, path: str | None = None) -> str:
    """Decode UTF-8 (a leading BOM is dropped), reporting bad bytes with a location."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        before = data[: e.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        diag = Diagnostic(
            "P001", Severity.ERROR,
            f"the file is not UTF-8 text (byte 0x{data[e.start]:02x})",
            Span(line, col, line, col + 1), path,
            hint="save the file as UTF-8",
        )  # fmt: skip
        raise ParseError([diag]) from None


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 text file; see :func:`decode_text`."""
    with open(path, "rb") as f:
        return decode_text(f.read(), os.fspath(path))
