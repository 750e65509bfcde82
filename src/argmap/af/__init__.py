"""Abstract argumentation frameworks (Dung): the type, ICCMA file formats, semantics and tasks.

>>> from argmap.af import AF, extensions
>>> af = AF(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> [sorted(e) for e in extensions(af, "GR")]
[['a', 'c']]
"""

from ._formats import AF_FORMATS, read_af, write_af
from ._framework import AF
from ._gradual import h_categorizer
from ._iccma import TASKS, solve
from ._semantics import (
    SEMANTICS,
    Label,
    SemanticsCode,
    credulous,
    extensions,
    grounded,
    grounded_labelling,
    skeptical,
    skeptical_labels,
    some_extension,
)

__all__ = [
    "AF",
    "AF_FORMATS",
    "SEMANTICS",
    "TASKS",
    "Label",
    "SemanticsCode",
    "credulous",
    "extensions",
    "grounded",
    "grounded_labelling",
    "h_categorizer",
    "read_af",
    "skeptical",
    "skeptical_labels",
    "solve",
    "some_extension",
    "write_af",
]
