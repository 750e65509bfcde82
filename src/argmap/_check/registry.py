"""The rule catalogue: every rule by its code, and choosing rules by code prefixes.

The reference rules come from the model (the parser enforces them too); the
rest register themselves here with :func:`rule` when ``rules/`` is imported.
Each rule carries a failing example and its fix, which docs/rules.md and the
tests are generated from, so documentation cannot drift from the code.
"""

from __future__ import annotations

from typing import Iterable

from .._model import REFERENCE_RULES, Rule, UsageError, registrar

__all__ = ["RULES", "codes", "known_prefixes", "rule", "selected_rules"]

#: every rule, by code
RULES: dict[str, Rule] = dict(REFERENCE_RULES)

#: ``@rule(code, name, severity, summary=…, bad=…, good=…)`` registers a rule in :data:`RULES`
rule = registrar(RULES)


def codes(spec: Iterable[str] | str | None) -> list[str] | None:
    """Rule codes or prefixes, upper-cased, from a list or a comma-separated string (None stays None)."""
    if spec is None:
        return None
    if isinstance(spec, str):
        spec = spec.split(",")
    return [s.strip().upper() for s in spec if s.strip()]


def selected_rules(
    select: Iterable[str] | str | None = None, ignore: Iterable[str] | str | None = None
) -> list[Rule]:
    """Rules whose code starts with a prefix in ``select`` (all when None) and with none in ``ignore``.

    Raises:
        UsageError: a prefix that starts no rule's code (``P`` codes, the parser's, are let through).
    """
    sel, ign = codes(select), codes(ignore) or []
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


def known_prefixes(spec: Iterable[str] | str | None) -> list[str]:
    """The codes (or prefixes) that name at least one rule; :func:`argmap.check` reports the others."""
    return [c for c in codes(spec) or [] if any(code.startswith(c) for code in RULES)]


# Importing the rule modules registers their rules; they need the names above.
from .rules import completeness, dialogue, lookalike, misreading, structure, text  # noqa: E402,F401
