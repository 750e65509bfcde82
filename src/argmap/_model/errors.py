"""Errors and diagnostics: problems are values with locations.

One root, :class:`ArgmapError`; each subclass also inherits the builtin it
resembles, so ``except ValueError`` keeps working for callers who do not know
argmap.  A :class:`Diagnostic` is one problem at one place; a
:class:`ParseError` carries every diagnostic found in a file, not just the
first.
"""

from __future__ import annotations

import enum
import unicodedata
from typing import Any, Callable, Final, Iterable, Iterator, Sequence

import attrs

from .items import Span

__all__ = [
    "ArgmapError",
    "ArgmapWarning",
    "Diagnostic",
    "Edit",
    "Fix",
    "FormatError",
    "Paint",
    "ParseError",
    "Related",
    "Severity",
    "UsageError",
    "VISIBLE",
    "render_all",
]


class Severity(str, enum.Enum):
    """How bad a problem is: errors make ``argmap check`` exit 1, warnings and infos do not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Related:
    """Another place that bears on a diagnostic (e.g. the first definition)."""

    message: str
    span: Span | None = None


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _related(value: Iterable[Related]) -> tuple[Related, ...]:
    return tuple(value)


@attrs.frozen
class Edit:
    """Replace the text at ``span`` (within one line) with ``text``; an empty span inserts."""

    span: Span
    text: str


def _edits(value: Iterable[Edit]) -> tuple[Edit, ...]:
    return tuple(value)


@attrs.frozen
class Fix:
    """A mechanical change that resolves a diagnostic: what it does, in words, and its edits of the
    source text (``argmap check --fix`` applies them; an editor offers them as code actions)."""

    description: str
    edits: tuple[Edit, ...] = attrs.field(converter=_edits)


#: How :meth:`Diagnostic.render` styles a part of its text: ``paint(part, text)``, where part is
#: ``"error"``, ``"warning"`` or ``"info"`` (the severity word), ``"code"``, ``"caret"`` or ``"hint"``.
Paint = Callable[[str, str], str]


def _plain(part: str, text: str) -> str:
    return text


@attrs.frozen
class Diagnostic:
    """One problem found in a document.

    Attributes:
        code: stable identifier, e.g. ``P100`` or ``R201``.
        severity: error, warning or info.
        message: one sentence for a person.
        span: where, if known.
        path: the file, if known.
        hint: how to fix it, if there is a usual fix.
        expected: for syntax errors, what would have been accepted (plain words).
        related: other places involved (every member of a cycle, a first definition).
        fix: the mechanical change that resolves it, where there is one.
    """

    code: str
    severity: Severity = attrs.field(converter=Severity)
    message: str
    span: Span | None = None
    path: str | None = None
    hint: str | None = None
    expected: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    related: tuple[Related, ...] = attrs.field(default=(), converter=_related)
    fix: Fix | None = None

    @property
    def location(self) -> str:
        """``path:line:column`` with whatever parts are known."""
        parts = [self.path or "<string>"]
        if self.span is not None:
            parts += [str(self.span.line), str(self.span.column)]
        return ":".join(parts)

    def __str__(self) -> str:
        return self.headline()

    def headline(self, paint: Paint = _plain) -> str:
        """``path:line:column: CODE severity: message`` (control characters made visible)."""
        severity = self.severity.value
        where = self.location.translate(VISIBLE)  # a file name is user text too
        return f"{where}: {paint('code', self.code)} {paint(severity, severity)}: {self.message.translate(VISIBLE)}"

    def render(self, source: str | Sequence[str] | None = None, *, paint: Paint = _plain) -> str:
        """Several lines: the message, the source line with a caret, hint, related.

        Args:
            source: the text the span points into, or its lines (``text.split("\\n")``):
                to render many diagnostics of one text, split it once and pass the lines.
            paint: styles the parts (colour on a terminal); by default plain text.
        """
        out = [self.headline(paint)]
        line = _source_line(source, self.span)
        if line is not None:
            assert self.span is not None
            out.append(f"  | {line.translate(VISIBLE)}")
            width = max(1, _caret_width(line, self.span))
            out.append(
                "  | " + " " * _display_width(line[: self.span.column - 1]) + paint("caret", "^" * width)
            )
        if self.expected:
            out.append(f"  expected {_or_list(self.expected)}")
        if self.hint:
            out.append(f"  {paint('hint', 'hint')}: {self.hint.translate(VISIBLE)}")
        for rel in self.related:
            where = f" (line {rel.span.line}, column {rel.span.column})" if rel.span else ""
            out.append(f"  note: {rel.message.translate(VISIBLE)}{where}")
        return "\n".join(out)

    def as_dict(self) -> dict[str, Any]:
        """The JSON form ``argmap check --format json`` prints."""
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "line": self.span.line if self.span else None,
            "column": self.span.column if self.span else None,
        }
        if self.span is not None:
            out["end_line"] = self.span.end_line
            out["end_column"] = self.span.end_column
        if self.hint:
            out["hint"] = self.hint
        if self.expected:
            out["expected"] = list(self.expected)
        if self.fix is not None:
            out["fix"] = {
                "description": self.fix.description,
                "edits": [
                    {"line": e.span.line, "column": e.span.column, "end_line": e.span.end_line,
                     "end_column": e.span.end_column, "text": e.text}
                    for e in self.fix.edits
                ],
            }  # fmt: skip
        if self.related:
            out["related"] = [
                {
                    "message": r.message,
                    "line": r.span.line if r.span else None,
                    "column": r.span.column if r.span else None,
                }
                for r in self.related
            ]
        return out


#: For text shown on a terminal: control characters (an escape sequence could recolour the screen or
#: write to the clipboard) and bidirectional controls (they reorder what follows) as visible marks,
#: one column each, so carets stay aligned: C0 controls as their Control Pictures (ESC as ␛), the
#: rest as U+FFFD.  Line breaks and tabs stay.
VISIBLE: Final = {
    **{c: 0x2400 + c for c in range(32) if c not in (9, 10)},
    0x7F: 0x2421,
    **dict.fromkeys(range(0x80, 0xA0), 0xFFFD),
    **dict.fromkeys((0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)), 0xFFFD),
}


def render_all(
    diagnostics: Iterable[Diagnostic], source: str | None, *, paint: Paint = _plain
) -> Iterator[str]:
    """Each diagnostic rendered (see :meth:`Diagnostic.render`), the text split into lines once
    for all of them: splitting it per diagnostic costs the square of a large file."""
    lines = source.split("\n") if source is not None else None
    return (d.render(lines, paint=paint) for d in diagnostics)


def _or_list(words: Iterable[str]) -> str:
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def _source_line(source: str | Sequence[str] | None, span: Span | None) -> str | None:
    if source is None or span is None or span.line < 1:
        return None
    lines = source.split("\n") if isinstance(source, str) else source
    if span.line > len(lines):
        return None
    return lines[span.line - 1].rstrip("\r")


def _display_width(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two, tabs count as one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _caret_width(line: str, span: Span) -> int:
    end = span.end_column if span.end_line == span.line else len(line) + 1
    return _display_width(line[span.column - 1 : max(end - 1, span.column)])


class ArgmapError(Exception):
    """Root of every error argmap raises on purpose."""


class ArgmapWarning(UserWarning):
    """What a reader left out or repaired, issued by :func:`argmap.load` through Python's
    :mod:`warnings` (``argmap.read`` returns the same diagnostics instead)."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        #: the reader's diagnostic: code, message, location
        self.diagnostic = diagnostic


class UsageError(ArgmapError, ValueError):
    """An argument or option the caller gave cannot be used."""


class FormatError(ArgmapError, ValueError):
    """A document cannot be written in the requested form."""


class ParseError(ArgmapError, ValueError):
    """A text could not be read as a document.

    Attributes:
        diagnostics: every problem found, in source order.
        source: the text, to show offending lines.
    """

    diagnostics: tuple[Diagnostic, ...]
    source: str | None

    def __init__(self, diagnostics: Iterable[Diagnostic], source: str | None = None):
        self.diagnostics = tuple(diagnostics)
        self.source = source
        super().__init__(self._summary())

    def _summary(self) -> str:
        n = len(self.diagnostics)
        if n == 1:
            return str(self.diagnostics[0])
        return f"{n} problems, the first: {self.diagnostics[0]}" if n else "parse error"

    def __str__(self) -> str:
        return "\n".join(render_all(self.diagnostics, self.source))

    @property
    def line(self) -> int | None:
        """Line of the first problem (as lark's errors have)."""
        span = self.diagnostics[0].span if self.diagnostics else None
        return span.line if span else None

    @property
    def column(self) -> int | None:
        """The column of the first problem, where it has one."""
        span = self.diagnostics[0].span if self.diagnostics else None
        return span.column if span else None
