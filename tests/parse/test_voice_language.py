"""The ``voice:`` attribute: reading it on both paths, the model's rules for it, its canonical form,
and its errors with their hints (docs/language.md, "Voice")."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ParseError, Proposition, Voice, strategies
from argmap._grammars import grammar_text
from argmap._language import KEYWORDS, fastpath, lexicon
from argmap._language.larkpass import statements_and_errors

EXAMPLE = """\
post 3 by ann
  claim c3.1: Korea should keep Japan at arm's length.
    voice: reported by a Chosun Ilbo columnist
  claim c3.2: Japan has apologised enough.
    voice: supposed
  claim c3.3: What a great ally Japan has been.
    voice: ironic
  claim c3.4: Plain claims are the author's own.
    voice: reported
"""


def test_the_example_of_the_issue_reads_into_voices_and_who_said_it():
    doc = argmap.parse(EXAMPLE)
    assert [(p.id, p.voice, p.reported_by) for p in doc.propositions] == [
        ("c3.1", Voice.REPORTED, "a Chosun Ilbo columnist"),
        ("c3.2", Voice.SUPPOSED, None),
        ("c3.3", Voice.IRONIC, None),
        ("c3.4", Voice.REPORTED, None),
    ]
    assert argmap.parse("claim c: x\n").propositions[0].voice is Voice.OWN


def test_voice_values_and_the_keyword_are_the_grammars():
    """Read from the grammar's text here, not through the lexicon under test."""
    text = grammar_text("argmap.lark")
    kinds = re.search(r"^VOICE_KIND: /\((.*?)\)", text, re.MULTILINE).group(1).split("|")
    reported = re.search(r"^REPORTED: /(\w+)", text, re.MULTILINE).group(1)
    assert sorted(v.value for v in Voice) == sorted([*kinds, reported])
    assert "voice" in KEYWORDS and lexicon.FIRST["voice"] == "voice"
    assert str(Voice.REPORTED) == "reported" and Voice("ironic") is Voice.IRONIC


@pytest.mark.parametrize(
    "line",
    ["voice: reported by a Chosun Ilbo columnist", "voice:reported   by   x # y", "voice :own",
     "voice: supposed", "voice: ironic\t", "voice: reported", "voice: reported by 조선일보 칼럼니스트 🗞"],
)  # fmt: skip
def test_both_readers_give_the_same_statements_for_voice_lines(line):
    src = f"post 1 by ann\n  claim c: x\n    {line}\n"
    fast = fastpath.statements(src)
    assert fast is not None, "the fast path reads every well-formed voice line"
    slow, errors = statements_and_errors(src, None, 10)
    assert errors == [] and fast == slow


@pytest.mark.parametrize(
    "line", ["voice: supposed by x", "voice: own by x", "voice: reported by", "voice:", "voice: Reported",
             "voice: reported from x", "voice: ironic indeed"],
)  # fmt: skip
def test_the_fast_path_gives_up_on_every_line_the_grammar_refuses(line):
    src = f"claim c: x\n  {line}\n"
    assert fastpath.statements(src) is None
    _, errors = statements_and_errors(src, None, 10)
    assert [e.code for e in errors] == ["P100"]


def test_own_is_never_written_and_the_voice_comes_first_under_its_proposition():
    text = ("post 1 by ann\n  claim a: A.\n    voice: own\n  claim b: B.\n    anchor: B\n    voice: supposed\n"
            "    tags: t\n")  # fmt: skip
    assert argmap.format(argmap.parse(text)) == (
        "post 1 by ann\n  claim a: A.\n  claim b: B.\n    voice: supposed\n    anchor: B\n    tags: t\n"
    )
    assert argmap.format(argmap.parse(EXAMPLE)) == EXAMPLE


@given(strategies.documents())
def test_every_generated_voice_survives_the_text_form(doc):
    back = argmap.parse(argmap.format(doc))
    assert [(p.voice, p.reported_by) for p in back.propositions] == [
        (p.voice, p.reported_by) for p in doc.propositions
    ]


@given(strategies.propositions())
def test_only_a_reported_proposition_may_say_who_said_it(p):
    if p.voice is not Voice.REPORTED:
        with pytest.raises(ValueError, match="only for a reported proposition"):
            attrs.evolve(p, reported_by="a columnist")
    else:
        assert attrs.evolve(p, reported_by="a columnist").reported_by == "a columnist"


@pytest.mark.parametrize("bad", ["", " padded", "two\nlines", "nul\x00"])
def test_who_said_it_is_one_line_of_text(bad):
    with pytest.raises(ValueError):
        Proposition("c", "x", voice=Voice.REPORTED, reported_by=bad)


def test_existing_constructors_keep_working_and_the_voice_takes_its_word():
    p = Proposition("c", "x")
    assert (p.voice, p.reported_by, p.own) == (Voice.OWN, None, True)
    q = Proposition("c", "x", voice="supposed")
    assert q.voice is Voice.SUPPOSED and not q.own and q != p


def problems(text: str):
    with pytest.raises(ParseError) as info:
        argmap.parse(text, path="t.argmap")
    return [(d.code, d.span.line, d.span.column, d.message, d.hint) for d in info.value.diagnostics]


EXAMPLE_LINE = "voice: reported by a Chosun Ilbo columnist"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("voice: supposed by a columnist", (3, 21, "unexpected 'by'",
         f"a voice is one word, and only 'reported' takes 'by WHO': {EXAMPLE_LINE}")),
        ("voice: ironic indeed", (3, 19, "unexpected 'indeed'",
         f"a voice is one word, and only 'reported' takes 'by WHO': {EXAMPLE_LINE}")),
        ("voice: reported by", (3, 23, "the line ends too early", f"after 'by', say who said it: {EXAMPLE_LINE}")),
        ("voice: reported from a columnist", (3, 21, "unexpected 'from'",
         f"name who said it after 'by': {EXAMPLE_LINE}")),
        ("voice: Reported", (3, 12, "unexpected 'Reported'", "write the voice in lower case: voice: reported")),
        ("voice: sarcastic", (3, 12, "unexpected 'sarcastic'", "argmap writes ironic, not 'sarcastic'")),
        ("voice: hearsay", (3, 12, "unexpected 'hearsay'",
         f"write voice: own, reported, supposed or ironic, e.g. {EXAMPLE_LINE}")),
    ],
)  # fmt: skip
def test_a_wrong_voice_line_says_what_to_write(line, expected):
    assert problems(f"post 1 by ann\n  claim c: x\n    {line}\n") == [("P100", *expected)]


def test_an_empty_voice_line_lists_the_voices():
    with pytest.raises(ParseError) as info:
        argmap.parse("claim c: x\n  voice:\n")
    (d,) = info.value.diagnostics
    assert d.expected == ("a voice (own, reported, supposed, ironic)",)


def test_a_voice_with_nothing_to_describe_or_given_twice_is_refused():
    assert problems("post 1 by ann\n  voice: supposed\n") == [
        ("P101", 2, 3, "'voice:' must follow a proposition line (claim, premise, …)",
         "put it right under the proposition it describes"),
    ]  # fmt: skip
    assert problems("claim c: x\n  voice: supposed\n  voice: reported by y\n") == [
        ("P102", 3, 3, "'voice:' is given twice for c", None)
    ]
    support = "claim a: A.\nclaim b: B.\nsupport s1: a -> b\n  voice: supposed\n"
    assert [p[0] for p in problems(support)] == ["P101"]  # a support has no voice


@given(st.sampled_from(["own", "reported", "supposed", "ironic", "reported by x"]))
def test_a_voice_line_after_an_anchor_still_describes_the_proposition(voice):
    doc = argmap.parse(f"claim c: x\n  anchor: y\n  voice: {voice}\n")
    assert doc.propositions[0].voice.value == voice.split()[0] and doc.propositions[0].anchor == "y"
