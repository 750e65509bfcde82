"""Property tests: the language, the formatter and the model agree."""

from __future__ import annotations

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
