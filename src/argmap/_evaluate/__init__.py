"""Evaluation: which claims of a map stand, and why.

``framework`` translates a map into an abstract framework (``argmap.af``
computes its semantics), ``labels`` gives each proposition a label or score
with a reason, ``dfquad`` computes DF-QuAD strengths on the map itself.
"""

from .framework import SUPPORT_READINGS, SupportReading, Translation, to_framework
from .labels import SEMANTICS_NAMES, Evaluation, SemanticsName, evaluate, semantics_name

__all__ = [
    "SEMANTICS_NAMES",
    "SUPPORT_READINGS",
    "Evaluation",
    "SemanticsName",
    "SupportReading",
    "Translation",
    "evaluate",
    "semantics_name",
    "to_framework",
]
