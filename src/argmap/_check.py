"""Run the rule catalogue over a document."""

from __future__ import annotations

from typing import Iterable

from ._document import Document
from ._errors import Diagnostic, UsageError
from ._gc import without_gc
from ._rules import RULES, Context, run

__all__ = ["check", "diagnostics_schema", "selected_rules"]


def _codes(spec: Iterable[str] | str | None) -> list[str] | None:
    if spec is None:
        return None
    if isinstance(spec, str):
        spec = spec.split(",")
    return [s.strip().upper() for s in spec if s.strip()]


def selected_rules(select=None, ignore=None):
    """Rules whose code starts with a prefix in ``select`` and with none in ``ignore``."""
    sel, ign = _codes(select), _codes(ignore) or []
    for prefix in (sel or []) + ign:
        if not any(code.startswith(prefix) for code in RULES) and not prefix.startswith("P"):
            raise UsageError(f"no rule code starts with {prefix!r}")
    out = []
    for code in sorted(RULES):
        if sel is not None and not any(code.startswith(p) for p in sel):
            continue
        if any(code.startswith(p) for p in ign):
            continue
        out.append(RULES[code])
    return out


def known_prefixes(codes) -> list[str]:
    """The codes (or prefixes) that name at least one rule; the parser reports the others."""
    codes = _codes(codes) or []
    return [c for c in codes if any(code.startswith(c) for code in RULES)]


@without_gc
def check(doc: Document, *, select=None, ignore=None) -> list[Diagnostic]:
    """Every problem the rules find in ``doc``, sorted by location.

    Args:
        select: rule codes or code prefixes to run (default: all), e.g. ``["R", "S101"]``.
        ignore: rule codes or prefixes to skip.
    """
    ignore = list(_codes(ignore) or []) + known_prefixes(doc.metadata.ignore)
    diags = run(selected_rules(select, ignore), Context(doc), doc.path)
    return sorted(diags, key=_where)


def _where(d: Diagnostic):
    return (d.span.line, d.span.column, d.code) if d.span else (0, 0, d.code)


def diagnostics_schema() -> dict:
    """The JSON Schema that ``argmap check --format json`` output satisfies."""
    import json
    from importlib import resources

    text = resources.files("argmap").joinpath("schemas", "diagnostics.schema.json").read_text("utf-8")
    return json.loads(text)
