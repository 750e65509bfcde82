"""What the language server knows of one open file: its document, its problems, where each id stands.

Made anew from the whole text on every change: parsing and checking the seed
thread takes a few milliseconds, a 20,000-proposition file well under a
second (benchmarks/bench_lsp.py), so nothing is cached across edits.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from .._check import Config, config_for, report
from .._language import Occurrence, occurrences, parse_in_full
from .._model import Diagnostic, Document, without_gc

__all__ = ["Analysis", "analyse"]


class Analysis(NamedTuple):
    """One version of an open file, read and checked."""

    text: str
    doc: Document
    #: parse problems and the checker's findings, as ``argmap check`` shows them
    diagnostics: list[Diagnostic]
    occurrences: list[Occurrence]

    def at(self, line: int, column: int) -> Occurrence | None:
        """The id occurrence that covers 1-based ``line`` and ``column`` (its end included, so that
        a cursor just after an id finds it)."""
        for o in self.occurrences:
            s = o.span
            if s.line == line and s.column <= column <= s.end_column:
                return o
        return None

    def all_of(self, occurrence: Occurrence) -> list[Occurrence]:
        """Every occurrence of the same id in the same namespace: definition and references."""
        return [o for o in self.occurrences if o.id == occurrence.id and o.namespace == occurrence.namespace]

    def definition(self, occurrence: Occurrence) -> Occurrence | None:
        return next((o for o in self.all_of(occurrence) if o.defines), None)

    def ids(self, namespace: str, role: str | None = None) -> list[str]:
        """The ids defined in ``namespace`` (with ``role``: only propositions, only supports, or
        "inference": what an undercut can attack, supports and named rebuttals and undercuts)."""
        roles = _INFERENCES if role == "inference" else (role,)
        out = [
            o.id
            for o in self.occurrences
            if o.defines and o.namespace == namespace and (role is None or o.role in roles)
        ]
        return list(dict.fromkeys(out))


_INFERENCES = ("support", "rebuttal", "undercut")


@without_gc  # tens of thousands of small records on a large heap, no cycles
def analyse(text: str, path: str | None) -> Analysis:
    """Read and check ``text`` (the file at ``path``, whose project settings apply)."""
    parsed = parse_in_full(text, path=path)
    config = config_for(path) if path and os.path.isfile(path) else Config()
    found = report(parsed.doc, parsed.diagnostics, config=config)
    return Analysis(text, parsed.doc, found, occurrences(parsed.statements))
