"""Spans (1-based lines, 1-based code-point columns) to LSP positions and back.

LSP counts lines from 0 and characters in the client's units: UTF-16 code units
unless the client chose UTF-8 or UTF-32.  A Hangul syllable is one unit in
UTF-16 and three in UTF-8; an emoji two in UTF-16.  Lines are taken from the
analysed text once, so that converting many ranges stays linear.
"""

from __future__ import annotations

from typing import Sequence

from lsprotocol import types

from .._model import Span

__all__ = ["Lines"]


def _units(text: str, encoding: str) -> int:
    if text.isascii() or encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class Lines:
    """The lines of one text, and conversions in the client's ``encoding`` (utf-16, utf-8, utf-32)."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.lines: Sequence[str] = text.split("\n")
        self.encoding = encoding

    def line(self, number: int) -> str:
        """Line ``number`` (from 1), without its line break; "" past the end."""
        return self.lines[number - 1].rstrip("\r") if 1 <= number <= len(self.lines) else ""

    def position(self, line: int, column: int) -> types.Position:
        """The LSP position of 1-based ``line`` and code-point ``column``."""
        text = self.line(line)
        return types.Position(max(0, line - 1), _units(text[: max(0, column - 1)], self.encoding))

    def range(self, span: Span | None) -> types.Range:
        """The LSP range of ``span`` (the file's start when it has none)."""
        if span is None:
            return types.Range(types.Position(0, 0), types.Position(0, 0))
        return types.Range(
            self.position(span.line, span.column), self.position(span.end_line, span.end_column)
        )

    def column(self, position: types.Position) -> tuple[int, int]:
        """The 1-based line and code-point column of an LSP position (past the end of a line stays
        past it: nothing there is found)."""
        text = self.line(position.line + 1)
        if text.isascii() or self.encoding == "utf-32":
            return position.line + 1, position.character + 1
        units = 0
        for i, c in enumerate(text):
            if units >= position.character:
                return position.line + 1, i + 1
            units += _units(c, self.encoding)
        return position.line + 1, len(text) + 1 + position.character - units

    def prefix(self, position: types.Position) -> str:
        """The text of the position's line before it (all of it, for a position past its end)."""
        line, column = self.column(position)
        return self.line(line)[: column - 1]

    def end(self) -> types.Position:
        """The position after the last character."""
        return self.position(len(self.lines), len(self.line(len(self.lines))) + 1)
