"""Applying the checker's mechanical fixes to the source text.

A diagnostic may carry a :class:`~argmap._model.Fix`: edits of the text it
points into (a did-you-mean id put in place, a missing ``reply-to`` added to a
post's header).  :func:`apply_fixes` applies each fix whole or not at all.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from .._model import Diagnostic, Edit

__all__ = ["apply_fixes"]


def _offsets(text: str) -> list[int]:
    """Where each line of ``text`` starts."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic]) -> tuple[str, list[Diagnostic]]:
    """``text`` with the fixes of ``diagnostics`` applied, and the diagnostics whose fix was applied.

    A fix whose edits overlap one applied before it (in the diagnostics' order) is left out,
    and so is one whose edits fall outside the text.

    >>> from argmap._model import Edit, Fix, Span
    >>> d = Diagnostic("R002", "error", "unknown", fix=Fix("k1", [Edit(Span(1, 7, 1, 9), "k1")]))
    >>> apply_fixes("rebut kl -> k2\\n", [d])[0]
    'rebut k1 -> k2\\n'
    """
    starts = _offsets(text)

    def offset(line: int, column: int) -> int | None:
        if not 1 <= line <= len(starts):
            return None
        end = starts[line] - 1 if line < len(starts) else len(text)
        at = starts[line - 1] + column - 1
        return at if starts[line - 1] <= at <= end else None

    taken: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, str]] = []
    applied: list[Diagnostic] = []
    for d in diagnostics:
        if d.fix is None:
            continue
        spans = [_range(e, offset) for e in d.fix.edits]
        if any(s is None for s in spans):
            continue
        ranges = [(s[0], s[1]) for s in spans if s is not None]
        if any(a < y and x < b or a == b == x for a, b in ranges for x, y in taken):
            continue  # overlaps a fix already chosen
        taken += ranges
        chosen += [(a, b, e.text) for (a, b), e in zip(ranges, d.fix.edits)]
        applied.append(d)
    for start, end, replacement in sorted(chosen, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text, applied


def _range(edit: Edit, offset: Callable[[int, int], int | None]) -> tuple[int, int] | None:
    at = offset(edit.span.line, edit.span.column)
    to = offset(edit.span.end_line, edit.span.end_column)
    if at is None or to is None or to < at:
        return None
    return at, to
