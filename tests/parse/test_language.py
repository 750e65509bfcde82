"""Every construct of the annotation language parses into the model it should."""

from __future__ import annotations

import pytest

import argmap
from argmap import (
    Agreement,
    Concession,
    Kind,
    Rebuttal,
    Restatement,
    Span,
    Support,
    Undercut,
)


def test_metadata_lines_fill_the_metadata():
    doc = argmap.parse(
        "title: Tea or coffee?\nsource: https://example.org/t/1\ndate: 2024-01-02\nlanguage: en, ko\n"
    )
    m = doc.metadata
    assert (m.title, m.source, m.date, m.language) == (
        "Tea or coffee?",
        "https://example.org/t/1",
        "2024-01-02",
        "en, ko",
    )


def test_empty_metadata_value_is_empty_string():
    assert argmap.parse("title:\n").metadata.title == ""


@pytest.mark.parametrize(
    "header, author, reply, stamp",
    [
        ("post 1 by ann", "ann", None, None),
        ("post 2 by ann reply-to 1", "ann", "1", None),
        ("post 2 by ann at 2010-12-29", "ann", None, "2010-12-29"),
        ("post 2 by ann reply-to 1 at 2010-12-29 14:05", "ann", "1", "2010-12-29 14:05"),
        ("post 2 by ann at 2010-12-29T14:05:09+09:00", "ann", None, "2010-12-29T14:05:09+09:00"),
        ('post 2 by ann at "Dec 29, 9:41 pm"', "ann", None, "Dec 29, 9:41 pm"),
        ('post 2 by ann at " padded "', "ann", None, " padded "),  # found by fuzzing
        ('post 2 by "Zhang Fei"', "Zhang Fei", None, None),
        ('post 2 by "wjk, 검은 머리 외국인" reply-to 1', "wjk, 검은 머리 외국인", "1", None),
        ('post 2 by "say \\"hi\\" \\\\ bye"', 'say "hi" \\ bye', None, None),
        ("post 2 by 8675309", "8675309", None, None),
        ("post 2 by http://example.org/~me", "http://example.org/~me", None, None),
    ],
)
def test_post_header(header, author, reply, stamp):
    doc = argmap.parse("post 1 by x\n" + header + "\n" if not header.startswith("post 1 ") else header)
    post = doc.posts[-1]
    assert (post.author, post.reply_to, post.timestamp) == (author, reply, stamp)


@pytest.mark.parametrize("kind", list(Kind))
def test_every_proposition_kind(kind):
    doc = argmap.parse(f"post 1 by ann\n  {kind.value} c1: Some text.\n")
    (p,) = doc.propositions
    assert (p.id, p.text, p.kind, p.post) == ("c1", "Some text.", kind, "1")


def test_proposition_attributes():
    doc = argmap.parse(
        "post 1 by ann\n"
        "  | I said it is calmer.\n"
        "  claim c1: Tea calms.\n"
        "    anchor: it is calmer\n"
        "    tags: health, 차\n"
        "    base: 0.75\n"
    )
    (p,) = doc.propositions
    assert (p.anchor, p.tags, p.base) == ("it is calmer", ("health", "차"), 0.75)


def test_proposition_may_have_empty_text():
    (p,) = argmap.parse("claim c1:\n").propositions
    assert p.text == ""


def test_hash_inside_text_is_text_not_a_comment():
    (p,) = argmap.parse("claim c1: We're #1 # really\n").propositions
    assert p.text == "We're #1 # really"


def test_body_lines_keep_inner_spacing_and_blank_lines():
    doc = argmap.parse("post 1 by ann\n  | first line\n  |\n  |   indented\n  |no space\n")
    assert doc.posts[0].body == ("first line", "", "  indented", "no space")
    assert doc.posts[0].text == "first line\n\n  indented\nno space"


def test_quote():
    doc = argmap.parse("post 1 by ann\npost 2 by bob reply-to 1\n  quote 1: Tea is better.\n")
    (q,) = doc.posts[1].quotes
    assert (q.source, q.text) == ("1", "Tea is better.")
    assert [(post.id, quote.text) for post, quote in doc.quotes] == [("2", "Tea is better.")]


SMALL = """\
post 1 by ann
  claim c1: Tea is better than coffee.
  premise c2: Tea is calming.
  premise c3: Calm people decide better.
  claim c4: Tea is cheaper.
  support s1: c2 & c3 -> c1
    scheme: practical reasoning
  support s2: c4 -> c1
post 2 by bob reply-to 1
  claim c5: Coffee calms some people more.
  claim c6: Calm is not the only thing that matters.
  rebut c5 -> c2
  undercut c6 -> s1
  agree c4
  concede c3
  restate c6 -> c6b
  claim c6b: Calm is not everything.
"""


def test_relations():
    doc = argmap.parse(SMALL)
    assert doc.relations == (
        Support("s1", ("c2", "c3"), "c1", "practical reasoning", "1"),
        Support("s2", ("c4",), "c1", None, "1"),
        Rebuttal("c5", "c2", "2"),
        Undercut("c6", "s1", "2"),
        Agreement("c4", "2"),
        Concession("c3", "2"),
        Restatement("c6", "c6b", "2"),
    )
    assert doc.supports_by_id["s1"].linked and not doc.supports_by_id["s2"].linked


def test_agreement_and_concession_are_different():
    assert Agreement("c1", "2") != Concession("c1", "2")
    assert isinstance(Concession("c1", "2"), Agreement)


def test_items_before_the_first_post_belong_to_no_post():
    doc = argmap.parse("claim c1: A.\nclaim c2: B.\nsupport s1: c2 -> c1\npost 1 by ann\n  agree c1\n")
    assert [p.post for p in doc.propositions] == [None, None]
    assert doc.relations[0].post is None and doc.relations[1].post == "1"


def test_keywords_can_be_ids_where_an_id_is_expected():
    doc = argmap.parse(
        "post by by post\n  claim post: x\n  claim claim: y\n  support support: post -> claim\n"
    )
    assert doc.posts[0].id == "by" and doc.posts[0].author == "post"
    assert doc.supports[0].premises == ("post",)


def test_ids_may_hold_dots_dashes_and_unicode():
    doc = argmap.parse("claim c1.2-a: x\nclaim 주장.1: y\nrebut c1.2-a -> 주장.1\n")
    assert doc.rebuttals[0] == Rebuttal("c1.2-a", "주장.1")


def test_arrow_needs_no_spaces():
    assert argmap.parse("claim a: x\nclaim b: y\nrebut a->b\n").rebuttals[0] == Rebuttal("a", "b")


def test_spans_point_at_the_statement():
    doc = argmap.parse("post 1 by ann\n\n  claim c1: Tea.\n")
    assert doc.propositions[0].span == Span(3, 3, 3, 17)
    assert doc.posts[0].span == Span(1, 1, 1, 14)


def test_spans_do_not_take_part_in_equality():
    a = argmap.parse("claim c1: x\n")
    b = argmap.parse("\n\n   claim   c1:    x\n")
    assert a == b and a.propositions[0].span != b.propositions[0].span


def test_comments_are_kept_for_the_formatter():
    text = "# header\ntitle: T\n\n# about ann\npost 1 by ann\n  # why\n  claim c1: x\n# the end\n"
    doc = argmap.parse(text)
    assert doc.comments == ("# header",)
    assert doc.posts[0].comments == ("# about ann",)
    assert doc.propositions[0].comments == ("# why",)
    assert doc.trailing_comments == ("# the end",)
    assert "# why" in argmap.format(doc)


def test_document_is_immutable():
    doc = argmap.parse("claim c1: x\n")
    with pytest.raises(AttributeError):
        doc.propositions = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        doc.propositions[0].text = "y"  # type: ignore[misc]


def test_lookups():
    doc = argmap.parse(SMALL)
    assert [r.kind for r in doc.relations_to("c1")] == ["support", "support"]
    assert [r.kind for r in doc.relations_from("c6")] == ["undercut", "restatement"]
    assert [r.kind for r in doc.relations_to("s1")] == ["undercut"]
    assert [p.id for p in doc.posts_by("bob")] == ["2"]
    assert [p.id for p in doc.propositions_of("2")] == ["c5", "c6", "c6b"]
    assert [p.id for p in doc.replies_to("1")] == ["2"]
    assert [p.name for p in doc.participants] == ["ann", "bob"]
    assert doc.propositions_by_id["c5"].text == "Coffee calms some people more."
    assert doc.posts_by_id["2"].reply_to == "1"


def test_model_validators_refuse_text_the_language_cannot_hold():
    with pytest.raises(ValueError):
        argmap.Proposition("c1", "two\nlines")
    with pytest.raises(ValueError):
        argmap.Proposition("bad id", "x")
    with pytest.raises(ValueError):
        argmap.Proposition("c1", "x", base=1.5)
    with pytest.raises(ValueError):
        argmap.Support("s1", (), "c1")


def test_stats_counts_every_kind():
    counts = argmap.stats(argmap.parse(SMALL))
    assert counts["posts"] == 2 and counts["authors"] == 2 and counts["propositions"] == 7
    assert (counts["supports"], counts["linked_supports"], counts["rebuttals"]) == (2, 1, 1)
    assert (counts["undercuts"], counts["agreements"], counts["concessions"]) == (1, 1, 1)
    assert (counts["restatements"], counts["quotes"], counts["replies"]) == (1, 0, 1)
