"""Abstract argumentation frameworks (Dung): the type, ICCMA file formats and semantics.

>>> from argmap.af import AF, extensions
>>> af = AF(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> [sorted(e) for e in extensions(af, "GR")]
[['a', 'c']]
"""

from ._formats import AF_FORMATS, read_af, write_af
from ._framework import AF
from ._gradual import h_categorizer
from ._semantics import (
    SEMANTICS,
    credulous,
    extensions,
    grounded,
    grounded_labelling,
    skeptical,
    some_extension,
)

__all__ = [
    "AF",
    "AF_FORMATS",
    "SEMANTICS",
    "credulous",
    "extensions",
    "grounded",
    "grounded_labelling",
    "h_categorizer",
    "read_af",
    "skeptical",
    "some_extension",
    "write_af",
]
