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

__all__ = ["paused", "without_gc"]


@contextmanager
def paused():
    """Run the body with the collector off (if it was on).

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


def without_gc(fn):
    """Decorator form of :func:`paused`."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with paused():
            return fn(*args, **kwargs)

    return wrapper
