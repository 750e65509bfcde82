"""The parser builds objects without re-validating them; they must be what the checked constructors make."""

from __future__ import annotations

import attrs
from hypothesis import given

import argmap
from argmap import strategies


def rebuilt(obj):
    """``obj`` made again through its public constructor (converters and validators run)."""
    if type(obj) is tuple:
        return tuple(rebuilt(x) for x in obj)
    if not attrs.has(type(obj)):
        return obj
    values = {a.alias: rebuilt(getattr(obj, a.name)) for a in attrs.fields(type(obj)) if a.init}
    return type(obj)(**values)


def same(a, b) -> None:
    """Equal field by field, spans and comments included, and of the same types."""
    assert type(a) is type(b), (a, b)
    if type(a) is tuple:
        assert len(a) == len(b)
        for x, y in zip(a, b):
            same(x, y)
    elif attrs.has(type(a)):
        for f in attrs.fields(type(a)):
            if f.init:
                same(getattr(a, f.name), getattr(b, f.name))
    else:
        assert a == b


MESSY = """title:   A thread
# about the first post
post 1 by "Ann Lee" at "2024-01-02 10:00"
  |  first line of the body
  |
  quote 1:   quoted words
  thesis t1:    Tea is better than coffee.
    anchor: tea   is better
    tags: drink,taste , x
    base: .25
  evidence e1:x
  support s1: e1&t1->t1
    scheme: from   example
post 2 by bob reply-to 1
  claim c2: No.
  rebut c2 -> t1
  undercut c2->s1
  restate e1 -> c2
  concede t1
  agree e1
# trailing
"""


def test_hand_written_text_builds_the_same_objects_as_the_constructors():
    doc = argmap.parse(MESSY)
    assert doc.propositions[0].anchor == "tea   is better"  # the text really went through the fast path
    same(doc, rebuilt(doc))
    assert doc == rebuilt(doc)


@given(strategies.documents())
def test_parsed_documents_equal_their_rebuilt_copies(doc):
    """Every object the parser makes equals, field for field and type for type, its checked rebuild."""
    parsed = argmap.parse(argmap.format(doc))
    same(parsed, rebuilt(parsed))
