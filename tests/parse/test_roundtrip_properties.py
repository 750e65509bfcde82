"""Property tests: the language, the formatter and the model agree."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import strategies
from argmap._model import relation_sources, relation_target


@given(strategies.documents())
def test_parse_of_format_equals_the_document(doc):
    assert argmap.parse(argmap.format(doc)) == doc


@given(strategies.documents(shape="cyclic", replies="chain"))
def test_parse_of_format_equals_the_document_for_cyclic_maps_and_reply_chains(doc):
    assert argmap.parse(argmap.format(doc)) == doc


@given(strategies.source_texts())
def test_formatting_is_idempotent(text):
    once = argmap.format(argmap.parse(text))
    assert once == text
    assert argmap.format(argmap.parse(once)) == once


@given(strategies.documents())
def test_lookups_agree_with_brute_force_scans(doc):
    for p in doc.propositions:
        assert doc.propositions_by_id[p.id] is next(q for q in doc.propositions if q.id == p.id)
        assert doc.relations_to(p.id) == tuple(r for r in doc.relations if relation_target(r) == p.id)
        assert doc.relations_from(p.id) == tuple(r for r in doc.relations if p.id in relation_sources(r))
    for post in doc.posts:
        assert doc.posts_by(post.author) == tuple(q for q in doc.posts if q.author == post.author)
        assert doc.replies_to(post.id) == tuple(q for q in doc.posts if q.reply_to == post.id)
        assert doc.propositions_of(post.id) == tuple(p for p in doc.propositions if p.post == post.id)
        assert doc.relations_of(post.id) == tuple(r for r in doc.relations if r.post == post.id)
    assert doc.propositions_of(None) == tuple(p for p in doc.propositions if p.post is None)


@attrs.frozen
class _MyRebuttal(argmap.Rebuttal):
    """A relation class made outside argmap."""


@given(strategies.documents(), st.data())
def test_typed_views_agree_with_isinstance_scans(doc, data):
    """supports, rebuttals, … are the relations of that class in order, subclasses made elsewhere included."""
    if doc.rebuttals and data.draw(st.booleans()):
        mine = [_MyRebuttal(r.attacker, r.target, r.post) if isinstance(r, argmap.Rebuttal) else r
                for r in doc.relations]  # fmt: skip
        doc = attrs.evolve(doc, relations=mine)
    first = data.draw(st.sampled_from(["supports", "rebuttals", "undercuts", "agreements", "restatements"]))
    getattr(doc, first)  # whichever view is asked first sorts them all
    for name, cls in (("supports", argmap.Support), ("rebuttals", argmap.Rebuttal), ("undercuts", argmap.Undercut),
                      ("agreements", argmap.Agreement), ("restatements", argmap.Restatement)):  # fmt: skip
        assert getattr(doc, name) == tuple(r for r in doc.relations if isinstance(r, cls))


@given(st.text(max_size=200))
def test_arbitrary_text_either_parses_or_raises_parse_error(text):
    try:
        doc = argmap.parse(text)
    except argmap.ParseError as e:
        assert e.diagnostics and all(d.span is not None for d in e.diagnostics)
    else:
        assert isinstance(doc, argmap.Document)


@given(strategies.source_texts(max_posts=3), st.data())
def test_deleting_one_line_either_parses_or_reports_a_location(text, data):
    lines = text.split("\n")
    i = data.draw(st.integers(0, len(lines) - 1))
    mutated = "\n".join(lines[:i] + lines[i + 1 :])
    try:
        argmap.parse(mutated)
    except argmap.ParseError as e:
        assert all(1 <= d.span.line <= len(lines) for d in e.diagnostics)
