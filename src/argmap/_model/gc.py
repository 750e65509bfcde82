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
    """Run the body with the collector off (if it was on), and back as it was afterwards.

    Nothing else changes: the caller's objects stay in their generations (an
    earlier version moved everything into the oldest with ``gc.freeze``, which
    delayed collecting the caller's cycles; tests/parse/test_gc_pause.py).

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
            gc.enable()


def without_gc(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorator form of :func:`paused`."""

    @functools.wraps(fn)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with paused():
            return fn(*args, **kwargs)

    return wrapper
