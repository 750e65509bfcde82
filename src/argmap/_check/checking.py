"""Run the rule catalogue over a document: which rules, what they find, and what a report shows.

:func:`check` owns the choice of rules (``select``/``ignore``, the project's
``[tool.argmap]`` table, the file's own ``ignore:`` header), so the library
and ``argmap check`` find the same problems; :func:`report` adds what the
command shows besides: the problems met while reading the file, a severity
floor, and no source locations for files that are not argmap text.
"""

from __future__ import annotations

import os
from typing import Any, Iterable, Sequence

import attrs

from .._model import (
    REFERENCE_RULES,
    Context,
    Diagnostic,
    Document,
    Rule,
    Severity,
    did_you_mean,
    run_rules,
    without_gc,
)
from .config import Config, config_for
from .registry import RULES, codes, known_prefixes, selected_rules

__all__ = ["check", "diagnostics_schema", "header_warnings", "report", "rules_for"]


def rules_for(
    doc: Document,
    *,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    config: Config | None = None,
) -> list[Rule]:
    """The rules :func:`check` runs on ``doc`` (see there for the arguments)."""
    if config is None:
        config = config_for(doc.path) if doc.path and os.path.isfile(doc.path) else Config()
    chosen = codes(select)
    return selected_rules(
        chosen if chosen is not None else config.select,
        (codes(ignore) or []) + list(config.ignore) + known_prefixes(doc.metadata.ignore),
    )


@without_gc
def check(
    doc: Document,
    *,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    config: Config | None = None,
) -> list[Diagnostic]:
    """Every problem the rules find in ``doc``, sorted by location.

    Args:
        select: rule codes or code prefixes to run (default: all, or the project's ``select``),
            e.g. ``["R", "S101"]``.
        ignore: rule codes or prefixes to skip, besides those the project and the
            document's own ``ignore:`` header skip.
        config: the project's settings; by default the ``[tool.argmap]`` table of the
            nearest ``pyproject.toml`` above the document's file (none for a document
            without one).  ``Config()`` uses no project settings.

    Besides the rules' findings, a code in the document's ``ignore:`` header that names
    no rule is a P108 warning.

    Raises:
        UsageError: a code or prefix that names no rule, or an unreadable ``[tool.argmap]``.
    """
    rules = rules_for(doc, select=select, ignore=ignore, config=config)
    diags = run_rules(rules, Context(doc), doc.path) + header_warnings(doc)
    return sorted(diags, key=lambda d: (*_where(d), d.code))


def header_warnings(doc: Document) -> list[Diagnostic]:
    """P108: a code in the document's ``ignore:`` header that names no rule."""
    out = []
    for code in doc.metadata.ignore:
        if not known_prefixes([code]):
            hint = did_you_mean(code.upper(), sorted(RULES)) or "see `argmap rules` for the codes"
            out.append(Diagnostic("P108", Severity.WARNING, f"'ignore:' names no rule: {code!r}",
                                  doc.metadata.ignore_span, doc.path, hint=hint))  # fmt: skip
    return out


@without_gc  # thousands of findings sorted and filtered: no cycles, and a large heap to rescan
def report(
    doc: Document,
    read: Sequence[Diagnostic],
    *,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    config: Config | None = None,
    severity: Severity = Severity.INFO,
    located: bool = True,
) -> list[Diagnostic]:
    """What ``argmap check`` reports for one file: the problems met while reading it (``read``),
    then, if the document could be read, the checker's.

    Reading already ran the reference rules, with what it knew of unreadable lines; those
    findings stand in for the checker's own and obey ``select`` and ``ignore`` like them.
    Only problems of ``severity`` and worse are kept.  ``located=False`` (a file in another
    format) drops the checker's locations, which point into argmap text the file does not
    hold; reading problems (J…, X… codes) are located in the file itself.
    """
    chosen = {r.code for r in rules_for(doc, select=select, ignore=ignore, config=config)}
    diags = [d for d in read if d.code not in RULES or d.code in chosen]
    readable = not any(d.code not in RULES and d.severity is Severity.ERROR for d in diags)
    if readable:
        found = check(doc, select=select, ignore=ignore, config=config)
        diags += [d for d in found if d.code not in REFERENCE_RULES]
    else:
        diags += header_warnings(doc)
    floor = _SEVERITIES.index(severity)
    diags = [d for d in diags if _SEVERITIES.index(d.severity) <= floor]
    if not located:
        diags = [attrs.evolve(d, span=None, related=()) if d.code[0] not in "JX" else d for d in diags]
    return sorted(diags, key=_where)


_SEVERITIES = [Severity.ERROR, Severity.WARNING, Severity.INFO]


def _where(d: Diagnostic) -> tuple[int, int]:
    return (d.span.line, d.span.column) if d.span else (0, 0)


def diagnostics_schema() -> dict[str, Any]:
    """The JSON Schema that ``argmap check --format json`` output satisfies."""
    import json
    import pkgutil

    data = pkgutil.get_data("argmap", "schemas/diagnostics.schema.json")
    assert data is not None, "the package data is missing"
    schema: dict[str, Any] = json.loads(data)
    return schema
