"""The checker: rules as units with codes, run over a Document like a linter.

``registry`` holds every rule by code (the reference rules come from the
model), ``rules/`` the checker's own rules by family, ``check`` chooses and
runs them (the project's ``[tool.argmap]`` settings from ``config``), and
``catalogue`` writes docs/rules.md from the rules themselves.
"""

from .checking import check, diagnostics_schema, header_warnings, report, rules_for
from .config import Config, config_for
from .fixes import apply_fixes
from .registry import RULES, codes, known_prefixes, selected_rules

__all__ = [
    "RULES",
    "Config",
    "apply_fixes",
    "check",
    "codes",
    "config_for",
    "diagnostics_schema",
    "header_warnings",
    "known_prefixes",
    "report",
    "rules_for",
    "selected_rules",
]
