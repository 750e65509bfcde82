"""Every error the parser reports: exact code, message, location and hint."""

from __future__ import annotations

import pytest

import argmap
from argmap import ArgmapError, ParseError


def problems(text: str):
    with pytest.raises(ParseError) as info:
        argmap.parse(text, path="t.argmap")
    return [(d.code, d.span.line, d.span.column, d.message, d.hint) for d in info.value.diagnostics]


def only(text: str):
    (p,) = problems(text)
    return p


SYNTAX = [
    (
        "cliam c1: Tea.\n",
        ("P100", 1, 1, "unknown statement 'cliam'", "did you mean 'claim'?"),
    ),
    (
        "titel: x\n",
        ("P100", 1, 1, "unknown statement 'titel'", "did you mean 'title'?"),
    ),
    (
        "c1: Tea.\n",
        ("P100", 1, 1, "unknown statement 'c1'", "start a proposition line with its kind: claim c1: text"),
    ),
    (
        "> quoted\n",
        ("P100", 1, 1, "unknown statement '>'", "to quote an earlier post write: quote 6: the quoted words"),
    ),
    (
        "claim c1 Tea.\n",
        ("P100", 1, 10, "unexpected 'Tea.'", "put ':' after the id, then the text: claim c1: text"),
    ),
    (
        "claim c1\n",
        ("P100", 1, 9, "the line ends too early", "put ':' after the id, then the text: claim c1: text"),
    ),
    (
        "support c2 -> c1\n",
        ("P100", 1, 12, "unexpected '->'", "a support needs an id of its own: support s1: c2 & c3 -> c1"),
    ),
    (
        "support s1: c2, c3 -> c1\n",
        (
            "P100", 1, 15, "unexpected ','",
            "join linked premises with '&', e.g. support s1: c2 & c3 -> c1; write independent reasons as separate supports",
        ),
    ),
    (
        "rebut c2 c1\n",
        ("P100", 1, 10, "unexpected 'c1'", "write rebut FROM -> TO, e.g. rebut c2 -> c1; to name it, rebut r1: c2 -> c1"),
    ),
    (
        "post 1 by Zhang Fei\n",
        ("P100", 1, 17, "unexpected 'Fei'", 'put author names with spaces in quotes: post 7 by "Zhang Fei"'),
    ),
    (
        "post 2 by ann reply-to @1\n",
        ("P100", 1, 24, "unexpected '@1'", "write the post id without '@' or '#': reply-to 6"),
    ),
    (
        'post 3 by "unterminated\n',
        ("P100", 1, 11, "unexpected '\"unterminated'", "close the quotation mark on the same line"),
    ),
    (
        "post 1 by ann at yesterday\n",
        (
            "P100", 1, 18, "unexpected 'yesterday'",
            'write a date like 2010-12-29 14:05, or any text in quotes: at "Dec 29, 9:41 pm"',
        ),
    ),
    (
        "claim c1: x\n  base: high\n",
        ("P100", 2, 9, "unexpected 'high'", "a base score is a number from 0 to 1, e.g. base: 0.7"),
    ),
    (
        "claim c1: x\n  tags: a b\n",
        ("P100", 2, 11, "unexpected 'b'", "separate tags with commas: tags: history, alliance"),
    ),
    (
        "posts 1 by ann\n",
        ("P100", 1, 1, "unknown statement 'posts'", "did you mean 'post'?"),
    ),
]  # fmt: skip


@pytest.mark.parametrize("text, expected", SYNTAX, ids=[t for t, _ in SYNTAX])
def test_syntax_error(text, expected):
    assert only(text) == expected


STRUCTURE = [
    (
        "anchor: x\n",
        ("P101", 1, 1, "'anchor:' must follow a proposition line (claim, premise, …)",
         "put it right under the proposition it describes"),
    ),
    (
        "claim a: x\nclaim b: y\nsupport s1: a -> b\n  tags: t\n",
        ("P101", 4, 3, "'tags:' must follow a proposition line (claim, premise, …)",
         "put it right under the proposition it describes"),
    ),
    (
        "claim a: x\n  scheme: analogy\n",
        ("P101", 2, 3, "'scheme:' must follow a support line", "put it right under the support it describes"),
    ),
    (
        "claim a: x\n  anchor: y\n  anchor: z\n",
        ("P102", 3, 3, "'anchor:' is given twice for a", None),
    ),
    (
        "claim a: x\n  base: 1.5\n",
        ("P103", 2, 9, "base score 1.5 is outside [0, 1]", "a base score is a number from 0 to 1, e.g. base: 0.7"),
    ),
    (
        "| text\n",
        ("P104", 1, 1, "post text ('|' lines) must be inside a post", "add a 'post ID by AUTHOR' line above it"),
    ),
    (
        "quote 1: text\n",
        ("P104", 1, 1, "a quote must be inside a post", "add a 'post ID by AUTHOR' line above it"),
    ),
    (
        "claim a: x\nagree a\n",
        ("P104", 2, 1, "'agree' must be inside a post", "add a 'post ID by AUTHOR' line above it"),
    ),
    (
        "post 1 by ann\ntitle: late\n",
        ("P105", 2, 1, "metadata 'title:' must come before the first post or proposition",
         "move it to the top of the file"),
    ),
    (
        "title: a\ntitle: b\n",
        ("P106", 2, 1, "'title:' is given twice", "keep one of them"),
    ),
    (
        'post 1 by ""\n',
        ("P107", 1, 1, "the author name is empty", None),
    ),
]  # fmt: skip


@pytest.mark.parametrize("text, expected", STRUCTURE, ids=[t for t, _ in STRUCTURE])
def test_structure_error(text, expected):
    assert only(text) == expected


REFERENCES = [
    (
        "claim c1: a\nclaim c1: b\n",
        ("R001", 2, 1, "id 'c1' is already used by a proposition", "give each proposition, support and named attack its own id"),
    ),
    (
        "claim c1: a\nclaim c2: b\nsupport c1: c2 -> c1\n",
        ("R001", 3, 1, "id 'c1' is already used by a proposition", "give each proposition, support and named attack its own id"),
    ),
    (
        "post 1 by a\npost 1 by b\n",
        ("R001", 2, 1, "post id '1' is already used", None),
    ),
    (
        "claim claim1: a\nclaim c2: b\nrebut c2 -> claim2\n",
        ("R002", 3, 13, "unknown proposition 'claim2'", "did you mean 'claim1'?"),
    ),
    (
        "claim c1: a\nsupport s1: zz & c1 -> c1\n",
        ("R002", 2, 13, "unknown proposition 'zz'", None),
    ),
    (
        "post 10 by a\npost 11 by b reply-to 100\n",
        ("R003", 2, 23, "post 11 replies to post '100', which does not exist", "did you mean '10'?"),
    ),
    (
        "post 1 by a\npost 2 by b\n  quote 3: words\n",
        ("R003", 3, 9, "quote from post '3', which does not exist", None),
    ),
    (
        "claim a: x\nclaim b: y\nclaim c: z\nsupport s1: b -> a\nundercut c -> s11\n",
        ("R004", 5, 15, "unknown support 's11'", "did you mean 's1'?"),
    ),
    (
        "claim a: x\nclaim b: y\nundercut b -> a\n",
        ("R005", 3, 15, "undercut target 'a' is a proposition, not a support",
         "to attack the claim itself write: rebut b -> a"),
    ),
]  # fmt: skip


@pytest.mark.parametrize("text, expected", REFERENCES, ids=[t for t, _ in REFERENCES])
def test_reference_error(text, expected):
    assert only(text) == expected


def test_duplicate_points_at_first_definition():
    with pytest.raises(ParseError) as info:
        argmap.parse("claim c1: a\n\nclaim c1: b\n")
    (d,) = info.value.diagnostics
    assert [(r.message, r.span.line) for r in d.related] == [("c1 first defined here", 1)]


def test_every_error_in_the_file_is_reported_in_order():
    text = (
        "cliam a: x\n"  # 1 syntax
        "claim b: y\n"
        "rebut b c\n"  # 3 syntax
        "claim c: z\n"
        "  base: 7\n"  # 5 range
        "rebut c -> nope\n"  # 6 unknown
        "post 1 by Zhang Fei\n"  # 7 syntax
    )
    assert [(code, line) for code, line, *_ in problems(text)] == [
        ("P100", 1),
        ("P100", 3),
        ("P103", 5),
        ("R002", 6),
        ("P100", 7),
    ]


def test_ids_on_broken_lines_do_not_cascade_into_unknown_reference_errors():
    text = "claim c1 oops no colon\nclaim c2: y\nrebut c2 -> c1\n"
    assert [code for code, *_ in problems(text)] == ["P100"]


def test_error_count_is_capped():
    text = "nonsense\n" * 200
    diags = problems(text)
    assert len(diags) == argmap._language.MAX_SYNTAX_ERRORS + 1
    assert diags[-1][3] == "too many syntax errors; stopped after 50"


def test_parse_error_is_a_value_error_and_an_argmap_error():
    with pytest.raises(ValueError):
        argmap.parse("nonsense\n")
    with pytest.raises(ArgmapError):
        argmap.parse("nonsense\n")


def test_parse_error_renders_source_line_caret_expected_and_hint():
    with pytest.raises(ParseError) as info:
        argmap.parse("post 1 by ann\n  claim c1 Tea.\n", path="t.argmap")
    assert str(info.value) == (
        "t.argmap:2:12: P100 error: unexpected 'Tea.'\n"
        "  |   claim c1 Tea.\n"
        "  |            ^^^^\n"
        "  expected ':'\n"
        "  hint: put ':' after the id, then the text: claim c1: text"
    )
    assert info.value.line == 2 and info.value.column == 12


def test_caret_lines_up_under_wide_characters():
    with pytest.raises(ParseError) as info:
        argmap.parse("claim 주장: 한국어 텍스트\nrebut 주장 nope\n")
    rendered = str(info.value).splitlines()
    assert rendered[1] == "  | rebut 주장 nope"
    assert rendered[2] == "  |            ^^^^"  # 주장 is four columns wide


def test_non_utf8_file_is_reported_with_location(tmp_path):
    path = tmp_path / "latin1.argmap"
    path.write_bytes("claim c1: caf\u00e9\n".encode("latin-1"))
    with pytest.raises(ParseError) as info:
        argmap.load(path)
    (d,) = info.value.diagnostics
    assert (d.code, d.span.line, d.span.column) == ("P001", 1, 14)
    assert d.message == "the file is not UTF-8 text (byte 0xe9)"


def test_parse_refuses_bytes_with_a_type_error():
    with pytest.raises(TypeError):
        argmap.parse(b"claim c1: x\n")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "junk", ["\x00", "post", "post 1", "post 1 by", "support s1:", "->", '"', "\r\r", "&&&", "\u2028"]
)
def test_junk_raises_parse_error_not_a_lark_exception(junk):
    with pytest.raises(ParseError):
        argmap.parse(junk)


def test_unknown_code_in_ignore_header_is_a_checker_warning_with_location():
    doc = argmap.parse("ignore: M101, S1O3, by\nclaim c1: x\n")
    assert doc.metadata.ignore == ("M101", "S1O3", "by")
    found = argmap.check(doc)  # M101 silenced, the bad codes named (the checker knows the rules)
    assert [(d.code, d.severity.value, d.message, d.hint, d.span[:2]) for d in found] == [
        ("P108", "warning", "'ignore:' names no rule: 'S1O3'", "did you mean 'S103'?", (1, 1)),
        ("P108", "warning", "'ignore:' names no rule: 'by'", "see `argmap rules` for the codes", (1, 1)),
    ]


def test_a_diagnostic_renders_the_same_from_the_text_or_its_lines():
    """Rendering many diagnostics splits the text once: the lines give what the text gives."""
    text = "post 1 by ann\r\n  claim c1 Tea.\n  claim c2: 한국 차.\n  rebut c9 -> c2\n"
    doc, diags = argmap._language.parse_with_diagnostics(text, path="t.argmap")
    assert len(diags) >= 2
    lines = text.split("\n")
    for d in diags:
        assert d.render(lines) == d.render(text)
        assert d.render(text).splitlines()[1] == "  | " + lines[d.span.line - 1].rstrip("\r")
    err = ParseError(diags, source=text)
    assert str(err) == "\n".join(d.render(text) for d in diags)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (
            "post 1 by ann\n  attack b -> a\n",
            "argmap writes rebut (against a claim) or undercut (against an inference), not 'attack'",
        ),
        ("post 1 by ann reply_to 0\n", "argmap writes reply-to, not 'reply_to'"),
        ("post 1 by ann\n  supports s1: b -> a\n", "argmap writes support, not 'supports'"),
        (
            "post 1 by ann\n  support s1: b + a -> a\n",
            "join linked premises with '&', e.g. support s1: c2 & c3 -> c1; "
            "write independent reasons as separate supports",
        ),
        (
            "post 1 by ann\n  support s1: b a\n",
            "write support ID: PREMISES -> CONCLUSION, e.g. support s1: c2 & c3 -> c1",
        ),
    ],
)
def test_words_from_other_tools_get_argmaps_word(text, hint):
    with pytest.raises(ParseError) as e:
        argmap.parse(text)
    assert e.value.diagnostics[0].hint == hint


def test_every_example_in_a_syntax_hint_is_itself_valid():
    """A hint that shows how to write something shows a line the parser accepts."""
    import re

    from argmap._language import syntax_errors

    source = open(syntax_errors.__file__, encoding="utf-8").read()
    examples = set(re.findall(r"e\.g\. ((?:support|\{head\}|base:|tags:) [^\"';]+)", source))
    examples |= set(re.findall(r": ((?:quote|claim|support|tags:) [^\"']+)\"", source))
    assert len(examples) >= 5, examples
    defined = "post 6 by ann\npost 7 by bob\n" + "".join(f"  claim {i}: x\n" for i in ("c1", "c2", "c3"))
    for example in examples:
        for head in ("rebut", "undercut", "restate") if "{head}" in example else ("",):
            line = example.replace("{head}", head).strip()
            if head == "undercut":
                line = line.replace("-> c1", "-> s9") + "\n  support s9: c3 -> c1"
            context = "post 6 by ann\n" if line.startswith("claim") else defined
            argmap.parse(context + "  " + line + "\n")
