"""Pausing the garbage collector around work that allocates much and makes no cycles.

Parsing, checking and exporting a large map create hundreds of thousands of
small objects; each full collection would rescan all of them (and the
document) for cycles they cannot form.  Reference counting frees them as
before; the collector resumes afterwards in the state it was in.
"""

from __future__ import annotations

import functools
import gc
from contextlib import contextmanager
from typing import Callable, Iterator, ParamSpec, TypeVar

__all__ = ["paused", "without_gc"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextmanager
def paused() -> Iterator[None]:
    """Run the body with the collector off (if it was on).

    On the way out, what the body made is filed with the old objects (when
    nothing else uses the collector's freeze): otherwise the next allocation
    would scan all of it at once as young objects, and again as it ages, for
    cycles it cannot hold.  The next full collection still sees everything.

    >>> with paused():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()  # moves every generation into the frozen one (no scan) ...
                gc.unfreeze()  # ... and all of it back into the oldest
            gc.enable()


def without_gc(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorator form of :func:`paused`."""

    @functools.wraps(fn)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with paused():
            return fn(*args, **kwargs)

    return wrapper
