"""Parsing pauses the garbage collector without changing what it eventually collects."""

from __future__ import annotations

import gc
import weakref

import argmap
from argmap._model import paused


class _Node:
    pass


def _cycle():
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def test_cycles_made_before_a_parse_are_still_collected():
    assert gc.isenabled()
    gone = _cycle()  # garbage, but only the collector can free it
    argmap.parse("post 1 by ann\n  claim c1: Tea.\n")
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.collect()
    assert gone() is None


def test_a_users_frozen_objects_stay_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with paused():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    try:
        argmap.parse("claim c1: Tea.\n")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_pausing_leaves_the_callers_young_objects_young():
    """A cycle the caller made just before a parse is found by a young-generation collection after
    it, as it would have been without the parse: nothing was moved into the oldest generation."""
    gc.collect()
    gone = _cycle()
    argmap.parse("post 1 by ann\n  claim c1: Tea.\n")
    gc.collect(0)
    gc.collect(1)
    assert gone() is None
