"""Every rule fires on its failing example, at the right place, and not on the near miss."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap import Document, Post, Proposition, Rebuttal, Support, Undercut
from argmap._check import catalogue, selected_rules
from argmap._language import parse_with_diagnostics

ROOT = Path(__file__).resolve().parents[2]
ALL_RULES = selected_rules()


def codes_of(text: str) -> list[str]:
    doc, diags = parse_with_diagnostics(text)
    parse_codes = [d.code for d in diags]
    return parse_codes + [d.code for d in argmap.check(doc) if d.code not in parse_codes]


@pytest.mark.parametrize("rule", ALL_RULES, ids=[r.code for r in ALL_RULES])
def test_failing_example_triggers_the_rule(rule):
    assert rule.code in codes_of(rule.bad)


@pytest.mark.parametrize("rule", ALL_RULES, ids=[r.code for r in ALL_RULES])
def test_near_miss_does_not_trigger_the_rule(rule):
    assert rule.code not in codes_of(rule.good)


def found(text: str, code: str):
    doc = argmap.parse(text)
    return [(d.span.line, d.span.column, d.message) for d in argmap.check(doc, select=[code])]


H = "post 1 by ann\n  claim a: A.\n  claim b: B.\n  claim c: C.\n"

LOCATED = [
    ("S101", H + "  support s1: b & a -> a\n", [(5, 19, "support s1 gives a as a reason for itself")]),
    (
        "S102",
        H + "  rebut b -> b\n  restate c -> c\n",
        [(5, 3, "b rebuts itself"), (6, 3, "c restates itself")],
    ),
    (
        "S103",
        H + "  support s1: b -> a\n  support s2: c -> b\n  support s3: a -> c\n",
        [(5, 3, "circular support: b -> a -> c -> b")],
    ),
    (
        "S104",
        H + "  support s1: b & c -> a\n  rebut c -> a\n",
        [(6, 3, "c both supports (in s1) and rebuts a")],
    ),
    (
        "S105",
        H + "  support s1: c & c -> a\n",
        [(5, 3, "linked support s1 has only one distinct premise: a premise is repeated")],
    ),
    (
        "S106",
        H + "  support s1: b -> a\n  undercut a -> s1\n",
        [(6, 3, "a undercuts support s1, of which it is a part")],
    ),
    (
        "S107",
        H + "  support s1: b -> a\n  support s2: b -> a\n",
        [(6, 3, "this support repeats an earlier one")],
    ),
    (
        "D101",
        "post 1 by ann\npost 2 by bob reply-to 2\npost 3 by cat reply-to 1\n",
        [(2, 24, "post 2 replies to itself")],
    ),
    (
        "D102",
        "post 1 by ann\n  quote 2: x\npost 2 by bob\n",
        [(2, 9, "post 1 quotes post 2, which comes later")],
    ),
    (
        "D103",
        'post 1 by ann\n  | “Tea” is   good.\npost 2 by bob\n  quote 1: "Tea" is good.\n  quote 1: Tea is bad.\n',
        [(5, 3, "the quoted words do not occur in post 1")],
    ),
    (
        "D104",
        "post 1 by ann\n  | Tea is good.\n  claim a: x\n    anchor: Tea is good\n  claim b: y\n    anchor: Tea is bad\n",
        [(5, 3, "the anchor of b does not occur in post 1")],
    ),
    (
        "D105",
        "post 1 by ann\n  claim a: x\npost 2 by bob\n  claim b: y\n  agree a\npost 3 by bob\n  claim c: z\n  rebut c -> a\n",
        [(8, 3, "bob rebuts a, which they agreed with in post 2")],
    ),
    ("M101", H + "  support s1: b -> a\n", [(4, 3, "c is not related to anything")]),
    (
        "M102",
        "post 1 by ann\n  thesis a: A.\n  thesis b: B.\n  support s1: b -> a\n",
        [(3, 3, "thesis b has no support")],
    ),
    (
        "M103",
        H + "  rebut b -> a\n  rebut c -> b\n",
        [(6, 3, "nobody answers c's rebuttal of b")],
    ),
    ("M104", "post 1 by ann\n  claim a: A.\npost 2 by bob\n", [(3, 1, "post 2 puts forward nothing")]),
    (
        "M105",
        (
            "post 1 by ann\n  claim a: A.\n  claim b: B.\n    voice: supposed\n  claim d: D.\n    voice: supposed\n"
            "  claim c: C.\n  rebut b -> a\n  rebut d -> a\n  rebut c -> b\n"
        ),  # b is answered by c, d by nobody
        [(5, 3, "d is supposed, raised to be answered, but nothing answers it")],
    ),
    (
        "T101",
        "post 1 by ann\n  claim a:\n    anchor:\n",
        [(2, 3, "a has no text"), (2, 3, "the anchor of a is empty")],
    ),
    (
        "T102",
        "post 1 by ann\n  claim a: Tea is good.\n  claim b: TEA IS  GOOD!\n",
        [(3, 3, "b has the same text as a")],
    ),
    (
        "D106",
        "post 1 by ann\n  | @0 no\npost 2 by bob\n  | @1: no.\n  claim b: B.\npost 3 by cat\n"
        "  quote 2: no.\n  quote 1: @0 no\n",
        [
            (3, 1, "post 2 addresses post 1 but replies to no post"),
            (6, 1, "post 3 quotes post 2 but replies to no post"),
        ],
    ),
    (
        "D107",
        H + "  concede b\n  rebut b -> a\n  rebut c -> a\n",  # b is granted, c is not
        [(7, 3, "post 1 rebuts its own claim a with c, and neither concedes nor answers c")],
    ),
    (
        "D108",
        H + "  support s1: b -> a\npost 2 by bob reply-to 1\n  claim d: D.\n  claim e: E.\n  rebut d -> a\n"
        "  undercut e -> s1\npost 3 by ann reply-to 2\n  agree d\n  agree e\npost 4 by cat reply-to 2\n  agree d\n",
        [
            (12, 3, "ann agrees with d, which rebuts a, ann's own claim from post 1"),
            (13, 3, "ann agrees with e, which undercuts support s1, ann's own support from post 1"),
        ],
    ),
    (
        "D109",
        "post 1 by ann\n  claim a: A.\npost 2 by bob\n  claim b: B.\n  rebut b -> a\npost 3 by cat\n"
        "  quote 1: x\n  claim c: C.\n  rebut c -> a\n",  # post 3 quotes post 1: D106's
        [(3, 1, "post 2 answers post 1 but replies to no post")],
    ),
    (
        "S108",
        H + "  restate b -> a\n  restate c -> b\n  rebut a -> c\n  rebut b -> a\n",
        [
            (7, 3, "a rebuts c, though restatements make them one claim: a = b = c"),
            (8, 3, "b rebuts a, which it restates"),
        ],
    ),
    (
        "T103",
        'post 1 by ann\n  claim a: A.\npost 2 by "bob\u202e"\n  agree a\n',
        [(3, 1, "the author of post 2 has characters that do not show: U+202E RIGHT-TO-LEFT OVERRIDE")],
    ),
    (
        "T104",
        # Cyrillic а in the second id; the same Hangul syllable in NFD and NFC as two authors
        'post 1 by "\u1112\u1161\u11ab"\n  claim a1: A.\n  claim \u04301: B.\n  rebut \u04301 -> a1\n'
        'post 2 by "\ud55c"\n  agree a1\n',
        [
            (3, 3, "id '\u04301' looks like id 'a1' but is not the same"),
            (5, 1, "author '\ud55c' looks like author '\u1112\u1161\u11ab' but is not the same"),
        ],
    ),
]


@pytest.mark.parametrize("code, text, expected", LOCATED, ids=[c for c, *_ in LOCATED])
def test_rule_reports_exact_message_and_location(code, text, expected):
    assert found(text, code) == expected


def test_every_rule_has_a_location_test_or_is_a_parser_reference_rule():
    located = {c for c, *_ in LOCATED}
    assert {r.code for r in ALL_RULES} - located == {"R001", "R002", "R003", "R004", "R005"}


@pytest.mark.parametrize(
    "text",
    [
        "post 1 by ann\n  claim a1: A.\n  claim a2: B.\n  rebut a2 -> a1\n",  # different ids
        'post 1 by "Ann Lee"\npost 2 by "ann lee"\n',  # case is visible
        "post 1 by 한국\n  claim 가1: A.\n  claim 가2: B.\n  rebut 가2 -> 가1\n",  # Hangul ids alone
        "post 1 by ann\n  claim α: Α is alpha.\n",  # one Greek id, nothing it could pass for
        'post 1 by "ann\tlee"\n',  # a tab shows as a blank
    ],
)
def test_names_that_only_seem_alike_are_not_reported(text):
    assert found(text, "T103") == [] and found(text, "T104") == []


def test_an_id_mixing_latin_and_cyrillic_is_reported_alone():
    assert found("claim p\u043eint: A.\n", "T104") == [
        (1, 1, "id 'p\u043eint' mixes Latin letters with Cyrillic or Greek look-alikes")
    ]


def test_quote_with_omission_marks_is_faithful():
    text = "post 1 by ann\n  | One two three four five.\npost 2 by bob\n  quote 1: One … four five.\n"
    assert found(text, "D103") == []


def test_circular_support_names_every_member():
    doc = argmap.parse(H + "  support s1: b -> a\n  support s2: c -> b\n  support s3: a -> c\n")
    (d,) = argmap.check(doc, select=["S103"])
    assert [r.message for r in d.related] == ["support s3", "support s2", "support s1"] or sorted(
        r.message for r in d.related
    ) == ["support s1", "support s2", "support s3"]
    assert {r.span.line for r in d.related} == {5, 6, 7}


def test_two_separate_cycles_are_two_diagnostics():
    text = (
        H
        + "  claim e: E.\n  support s1: b -> a\n  support s2: a -> b\n  support s3: c -> e\n  support s4: e -> c\n"
    )
    assert len(found(text, "S103")) == 2


def test_long_cycle_does_not_recurse():
    n = 5000
    props = [Proposition(f"p{i}", f"claim {i}") for i in range(n)]
    sups = [Support(f"s{i}", [f"p{(i + 1) % n}"], f"p{i}") for i in range(n)]
    (d,) = argmap.check(Document(propositions=props, relations=sups), select=["S103"])
    assert len(d.related) == n


def test_check_reports_dangling_references_in_documents_built_in_code():
    doc = Document(
        posts=[Post("1", "ann", reply_to="7")],
        propositions=[Proposition("a", "A.", post="9")],
        relations=[Rebuttal("a", "zz"), Undercut("a", "s9"), Support("s1", ["a"], "a")],
    )
    codes = [d.code for d in argmap.check(doc)]
    assert {"R002", "R003", "R004", "S101"} <= set(codes)


def test_select_and_ignore_take_prefixes():
    doc = argmap.parse(H + "  rebut b -> b\n")
    assert {d.code for d in argmap.check(doc, select=["S"])} == {"S102"}
    assert {d.code for d in argmap.check(doc, ignore=["S", "M"])} == set()
    assert {d.code for d in argmap.check(doc, select="M101,S102")} == {"M101", "S102"}


def test_unknown_code_is_a_usage_error():
    with pytest.raises(argmap.UsageError):
        argmap.check(argmap.parse(""), select=["Q9"])


def test_document_header_can_silence_rules():
    doc = argmap.parse("ignore: M101, T\n" + H)
    assert [d.code for d in argmap.check(doc)] == []
    assert doc.metadata.ignore == ("M101", "T")


def test_checking_stays_off_recursion_on_deep_threads():
    text = "".join(f"post {i} by u reply-to {i - 1}\n  claim c{i}: x{i}\n" for i in range(1, 3000))
    text = "post 0 by u\n" + text
    assert {d.code for d in argmap.check(argmap.parse(text))} == {"M101", "M104"}


def test_rules_doc_is_generated_from_the_code():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == catalogue.markdown()
