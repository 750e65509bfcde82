"""What a user can put in a file never escapes a reader as anything but a ParseError.

Every reader either refuses the text with located diagnostics, or returns a
document that meets the same invariants as parsed text (the reference rules:
written as argmap text it parses back) with warnings naming what it changed or
left out.  Writers refuse what they cannot write with a FormatError.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import strategies
from argmap._formats import FORMATS, Format, argdown, brat, detect, microtext

READABLE = [name for name, f in FORMATS.items() if f.read is not None]


def read(fmt: str, text: str, path: str | None = None):
    """Read through the registry (as the CLI does); the document must meet the invariants."""
    doc, problems = FORMATS[fmt].read(text, path)
    errors = [p for p in problems if p.severity is argmap.Severity.ERROR]
    assert not errors, errors
    argmap.parse(argmap.format(doc))  # what argmap text cannot hold raises here
    return doc, problems


def codes(problems) -> list[str]:
    return [p.code for p in problems]


# -- the registry checks references for every format ----------------------------------------


def test_every_format_reader_checks_the_reference_rules():
    from argmap._formats import Checked

    for name in READABLE:
        reader = FORMATS[name].read
        assert isinstance(reader, Checked)
        assert reader.checks_itself == (name in ("argmap", "json")), name  # those two run them inside


def test_a_reader_that_leaves_a_reference_dangling_gets_its_error():
    def loose(text: str, path: str | None):
        return argmap.Document(
            propositions=[argmap.Proposition("a", "A")], relations=[argmap.Rebuttal("b", "a")], path=path
        ), []

    fmt = Format("argmap", (".x",), loose, None)
    _, problems = fmt.read("", "f.x")
    assert [(p.code, p.severity.value, p.path) for p in problems] == [("R002", "error", "f.x")]


def test_kialo_link_with_a_number_used_twice_is_left_out_not_a_duplicate_support():
    """The link 1.2 and the claim 1.2 both gave support s1.2: the import checked clean, but its
    argmap text did not parse."""
    text = "Discussion Title: T\n\n1. Thesis\n1.1. Pro: a\n1.2. Pro: b\n1.2. Pro: -> See 1.1.\n"
    doc, problems = read("kialo", text)
    assert codes(problems) == ["X402"] and [s.id for s in doc.supports] == ["s1.1", "s1.2"]


def test_an_argdown_argument_equal_to_another_keeps_its_undercut():
    """<B> draws A's inference: the support is kept once, as A, and B's undercut aims at it (it
    named a support that was not there, and the SADFace writer crashed on it)."""
    text = "<A>\n\n(1) [a]: a\n----\n(2) [b]: b\n\n<B>\n\n(1) [a]\n----\n(2) [b]\n\n[x]: x\n  _> <B>\n"
    doc, problems = read("argdown", text)
    assert codes(problems) == ["X206"]
    assert [(u.attacker, u.target) for u in doc.undercuts] == [("x", "A")]
    argmap.write(doc, "sadface")


def test_the_sadface_writer_refuses_a_reference_to_nothing():
    doc = argmap.Document(propositions=[argmap.Proposition("x", "X")], relations=[argmap.Undercut("x", "s9")])
    with pytest.raises(
        argmap.FormatError, match=r"undercut names inference \(support or named attack\) 's9'"
    ):
        argmap.write(doc, "sadface")


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(strategies.defective_documents(sorted(strategies.DEFECTS)))
def test_writers_write_any_document_or_refuse_it_with_a_format_error(doc):
    for name, fmt in FORMATS.items():
        if fmt.write is not None:
            try:
                fmt.write(doc)
            except argmap.FormatError:
                assert name == "sadface"


# -- JSON: the parser's limits are located J001 errors ------------------------------------


JSON_READERS = ["json", "aif", "sadface"]


@pytest.mark.parametrize("fmt", JSON_READERS)
def test_json_nested_too_deeply_is_a_located_error(fmt):
    text = '{"nodes":\n ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(argmap.ParseError) as e:
        FORMATS[fmt].read(text, "deep.json")
    (d,) = e.value.diagnostics
    assert (d.code, d.span.line, d.span.column) == ("J001", 2, 501) and "500" in d.message


@pytest.mark.parametrize("fmt", JSON_READERS)
def test_json_integer_too_long_for_python_is_a_located_error(fmt):
    text = '{"nodes": [],\n "n": "1111", "m": ' + "1" * 5000 + "}"
    with pytest.raises(argmap.ParseError) as e:
        FORMATS[fmt].read(text, "long.json")
    (d,) = e.value.diagnostics
    assert (d.code, d.span.line, d.span.column) == ("J001", 2, 20) and "4300 digits" in d.message


def test_telling_json_formats_apart_survives_what_json_cannot_read():
    assert detect("x.json", "[" * 100_000).name == "json"  # then the reader says where
    assert detect("x.json", '{"n": ' + "1" * 5000 + "}").name == "json"


def _deepest_json() -> int:
    """How deeply nested JSON Python's parser reads from here (it counts against the stack)."""
    lo, hi = 1, 100_000
    while lo < hi:
        mid = (lo + hi + 1) // 2
        try:
            json.loads("[" * mid + "]" * mid)
            lo = mid
        except RecursionError:
            hi = mid - 1
    return lo


def test_argmap_json_nested_deeply_under_a_field_is_a_j002_not_a_crash():
    """Just shallow enough to parse, so deep that jsonschema overflowed the stack writing the
    value into its message."""
    depth = _deepest_json() - 10
    text = '{"format": "argmap", "version": 1, "comments": [' + "[" * depth + "]" * depth + "]}"
    with pytest.raises(argmap.ParseError) as e:
        argmap.from_json(text)
    (d,) = e.value.diagnostics
    assert d.code == "J002" and d.message.startswith("at $.comments[0][0][0][0][0]: nested deeper")


# -- shapes a reader does not expect ------------------------------------------------------


@pytest.mark.parametrize(
    "data, expected",
    [
        ({"nodes": [], "locutions": 1.5}, ["X002"]),
        ({"nodes": [{"nodeID": 1, "type": "L", "text": "x"}], "participants": 5}, ["X002", "X106"]),
        (
            {"nodes": [{"nodeID": [1]}, {"nodeID": 2, "type": ["I"], "text": {"a": 1}}]},
            ["X102", "X002", "X002"],
        ),
        (
            {
                "nodes": [{"nodeID": 1, "type": "L", "text": "ann : hi"}],
                "locutions": [{"nodeID": 1, "personID": [2], "start": {"t": 1}}, 7],
            },
            ["X002", "X106"],
        ),
    ],
)
def test_aif_fields_of_the_wrong_shape_are_left_out_with_a_warning(data, expected):
    _, problems = read("aif", json.dumps(data))
    assert sorted(codes(problems)) == sorted(expected)


@pytest.mark.parametrize(
    "data, expected",
    [
        ({"nodes": [], "metadata": "x"}, ["X002"]),
        ({"nodes": [], "metadata": {"core": {"title": ["T"]}}}, ["X002"]),
        (
            {"nodes": [{"id": "a", "type": "atom", "text": "t", "metadata": {"argmap": {"base": "high"}}}]},
            ["X002"],
        ),
        (
            {
                "nodes": [
                    {
                        "id": "a",
                        "type": "atom",
                        "text": "t",
                        "metadata": {"argmap": {"kind": ["x"], "tags": "a b", "anchor": {}, "post": "p 1"}},
                    }
                ]
            },
            ["X002", "X002", "X002", "X305"],
        ),
        (
            {
                "nodes": [{"id": "a", "type": "atom", "metadata": []}, {"type": "atom"}, {"id": "a"}],
                "edges": 3,
            },
            ["X002", "X304", "X304", "X002"],
        ),
        (
            {
                "nodes": [],
                "resources": [
                    {
                        "metadata": {
                            "argmap": {"id": "p 1", "body": ["a  ", "b\nc"], "reply_to": 4, "author": ["x"]}
                        }
                    },
                    5,
                ],
            },
            ["X002", "X304", "X305"],
        ),
    ],
)
def test_sadface_fields_of_the_wrong_shape_are_left_out_with_a_warning(data, expected):
    _, problems = read("sadface", json.dumps(data))
    assert sorted(codes(problems)) == sorted(expected)


def test_sadface_post_ids_that_are_not_ids_become_ids_everywhere():
    data = {
        "nodes": [{"id": "a", "type": "atom", "text": "t", "metadata": {"argmap": {"post": "p 1"}}}],
        "resources": [
            {"metadata": {"argmap": {"id": "p 1", "author": "ann", "body": ["x  ", "y\nz"]}}},
            {"metadata": {"argmap": {"id": "p 2", "author": "bob", "reply_to": "p 1"}}},
        ],
    }
    doc, problems = read("sadface", json.dumps(data))
    assert problems == []
    assert [(p.id, p.reply_to, p.body) for p in doc.posts] == [
        ("p_1", None, ("x", "y", "z")),
        ("p_2", "p_1", None),
    ]
    assert doc.propositions[0].post == "p_1"


@pytest.mark.parametrize(
    "text, expected",
    [
        ('# H {post: "a b", author: x}\n\n[A]: a\n', ["X205"]),
        ("# H {post: p1, author: ''}\n\n[A]: a\n", ["X205"]),
        (
            (
                "# H {post: p1, author: x, replyTo: p9, quotes: [{source: p9, text: t}, 3], "
                "agrees: 5, restates: 5}"
                "\n\n[A]: a\n"
            ),
            ["X205"] * 5,
        ),
        ("===\ntitle: [x]\nignore: [a b, M101]\nagrees: [Z]\n===\n\n[A]: a\n", ["X205"] * 3),
        ("[A]: a {tags: [1, [2]], base: .nan, anchor: {x: 1}}\n", ["X207"] * 3),
        (
            "[A]: a {kind: [x], base: true}\n[B]: b {kind: {a: 1}, tags: " + "[" * 900 + "]" * 900 + "}\n",
            ["X207"] * 4,
        ),
        ("[A]: a {post: 100000000000000000000000000000000000000000000000000000000000000000000000000}\n", []),
        ("[A]: a {x: " + "1" * 5000 + "}\n", ["X202"]),
    ],
)
def test_argdown_data_argmap_cannot_use_is_left_out_with_a_warning(text, expected):
    doc, problems = read("argdown", text)
    assert codes(problems) == expected and doc.propositions[0].id == "A"


def test_argdown_post_heading_that_cannot_be_a_post_opens_none():
    doc, problems = read(
        "argdown", '# H {post: p1, author: ann}\n\n[A]: a\n\n# H {post: "a b", author: x}\n\n[B]: b\n'
    )
    assert codes(problems) == ["X205"] and "not an id" in problems[0].message
    assert [p.id for p in doc.posts] == ["p1"] and {p.post for p in doc.propositions} == {"p1"}


def test_argdown_escaped_blank_at_the_start_of_a_text_is_trimmed():
    doc, _ = read("argdown", "[A]: \\  x\n")
    assert doc.propositions[0].text == "x"


def test_argdown_line_holding_the_placeholder_of_escapes_keeps_both():
    doc, _ = read("argdown", "[A]: a\x01b \\* c\n")
    assert doc.propositions[0].text == "a\x01b * c"


@pytest.mark.parametrize("title", [" x", "x&#10;y", "x&#13;&#10;y", ""])
def test_microtext_title_is_one_line(title):
    doc, _ = read(
        "microtext",
        f'<arggraph id="{title}"><edu id="e1">A</edu><adu id="a1" type="pro"/>'
        '<edge id="c1" src="e1" trg="a1" type="seg"/></arggraph>',
    )
    assert doc.metadata.title == (" ".join(title.replace("&#10;", " ").replace("&#13;", " ").split()) or None)


def test_brat_text_that_is_not_utf8_is_a_warning(tmp_path):
    (tmp_path / "e.txt").write_bytes("Tea is good. Caf\xe9.".encode("latin-1"))
    (tmp_path / "e.ann").write_text("T1\tClaim 0 12\tTea is good.\n", encoding="utf-8")
    doc, problems = read("brat", (tmp_path / "e.ann").read_text("utf-8"), str(tmp_path / "e.ann"))
    assert codes(problems) == ["X601"] and "not UTF-8" in problems[0].message
    assert doc.propositions[0].text == "Tea is good."


def test_brat_offsets_too_long_to_be_numbers_are_unreadable():
    _, problems = brat.from_brat("T1\tClaim 0 " + "9" * 5000 + "\tTea\n", source="Tea")
    assert codes(problems) == ["X602"]


# -- characters no text can hold ----------------------------------------------------------


def _aif(text: str) -> str:
    return json.dumps(
        {
            "nodes": [
                {"nodeID": 1, "type": "I", "text": text},
                {"nodeID": 2, "type": "I", "text": text},
                {"nodeID": 3, "type": "L", "text": f"ann{text} : hi"},
            ]
        }
    )


def _sadface(text: str) -> str:
    return json.dumps(
        {"metadata": {"core": {"title": text}}, "nodes": [{"id": "a", "type": "atom", "text": text}]}
    )


@pytest.mark.parametrize(
    "fmt, make, count",
    [
        ("aif", _aif, 3),
        ("sadface", _sadface, 2),
        ("argdown", lambda t: f"[A]: x{t}y\n\n[B]: {t}\n", 2),
        ("kialo", lambda t: f"Discussion Title: {t}\n\n1. x{t}y\n", 2),
        ("brat", lambda t: f"T1\tClaim 0 3\tx{t}y\n", 1),
    ],
)
@pytest.mark.parametrize("bad, kind", [("\x00", "NUL"), ("\ud800", "lone surrogate")])
def test_characters_no_text_can_hold_are_replaced_with_one_warning_per_kind(fmt, make, count, bad, kind):
    doc, problems = read(fmt, make(bad))
    (d,) = problems
    assert d.code == "X001" and d.message.startswith(f"{count} {kind}") and "U+FFFD" in d.message
    assert "\ufffd" in argmap.format(doc) and bad not in argmap.format(doc)


@pytest.mark.parametrize("escape", ["\\u0000", "\\ud800", "\\uDC00"])
def test_json_escapes_of_characters_no_text_can_hold_are_replaced(escape):
    _, problems = read(
        "aif", '{"nodes": [{"nodeID": "n' + escape + '", "type": "I", "text": "a' + escape + '"}]}'
    )
    assert codes(problems) == ["X001"] and problems[0].message.startswith("2 ")


def test_json_escape_of_a_whole_surrogate_pair_is_kept():
    doc, problems = read("aif", '{"nodes": [{"nodeID": 1, "type": "I", "text": "\\ud83d\\ude00"}]}')
    assert problems == [] and doc.propositions[0].text == "\U0001f600"


def test_argdown_yaml_escape_of_nul_is_replaced():
    doc, problems = read("argdown", '[A]: a {anchor: "x\\0y"}\n')
    assert codes(problems) == ["X001"] and doc.propositions[0].anchor == "x\ufffdy"


def test_argdown_located_warning_names_the_first_place():
    _, problems = read("argdown", "[A]: a\n[B]: b\x00\x00\n")
    (d,) = problems
    assert (d.span.line, d.span.column) == (2, 7) and d.message.startswith("2 NUL")


@pytest.mark.parametrize("bad", ["\x00", "\ud800"])
def test_microtext_xml_holding_what_xml_cannot_is_a_located_error(bad):
    with pytest.raises(argmap.ParseError) as e:
        microtext.from_microtext(f'<arggraph id="t">\n<edu id="e1">a{bad}</edu></arggraph>')
    (d,) = e.value.diagnostics
    assert (d.code, d.span.line, d.span.column) == ("X500", 2, 15)


# -- generated hostile input --------------------------------------------------------------

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-5, 5)
    | st.floats(allow_nan=True)
    | st.sampled_from(
        [
            "",
            " ",
            "a b",
            "1",
            "I",
            "RA",
            "CA",
            "MA",
            "L",
            "TA",
            "YA",
            "PA",
            "atom",
            "inference",
            "conflict",
            "scheme",
            "rephrase",
            "x\n y",
            "\x00",
            "\ud800",
            "claim",
            "thesis",
            "p1",
            "a,b",
            "Asserting",
            "Agreeing",
            "ann : hi",
        ]
    )
)
_VALUES = st.recursive(
    _SCALARS,
    lambda c: (
        st.lists(c, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "nodeID",
                    "text",
                    "type",
                    "name",
                    "metadata",
                    "argmap",
                    "post",
                    "kind",
                    "base",
                    "tags",
                    "anchor",
                    "scheme",
                    "body",
                    "author",
                    "reply_to",
                    "core",
                    "title",
                ]
            ),
            c,
            max_size=4,
        )
    ),
    max_leaves=8,
)
_IDS = st.sampled_from([1, 2, 3, "1", "2", "a", "b", None, [1]])


@st.composite
def _aif_data(draw):
    nodes = draw(
        st.lists(
            st.fixed_dictionaries(
                {"nodeID": _IDS, "type": _SCALARS, "text": _VALUES}, optional={"scheme": _SCALARS}
            ),
            max_size=6,
        )
    )
    edges = draw(st.lists(st.fixed_dictionaries({"fromID": _IDS, "toID": _IDS}) | _VALUES, max_size=8))
    data = {"nodes": nodes, "edges": edges}
    for key in ("locutions", "participants"):
        data[key] = draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "nodeID": _IDS,
                        "personID": _IDS,
                        "participantID": _IDS,
                        "firstname": _SCALARS,
                        "start": _VALUES,
                    }
                )
                | _VALUES,
                max_size=3,
            )
            | _VALUES
        )
    return data


@st.composite
def _sadface_data(draw):
    nodes = draw(
        st.lists(
            st.fixed_dictionaries(
                {"id": _IDS, "type": _SCALARS},
                optional={"text": _VALUES, "name": _SCALARS, "metadata": _VALUES},
            ),
            max_size=6,
        )
    )
    edges = draw(
        st.lists(st.fixed_dictionaries({"source_id": _IDS, "target_id": _IDS}) | _VALUES, max_size=8)
    )
    return {
        "nodes": nodes,
        "edges": edges,
        "resources": draw(st.lists(_VALUES, max_size=3) | _VALUES),
        "metadata": draw(_VALUES),
    }


_FUZZ = settings(
    max_examples=2 * settings.default.max_examples, deadline=None, suppress_health_check=list(HealthCheck)
)


def _survives(fmt: str, text: str) -> None:
    try:
        doc, _ = read(fmt, text)
    except argmap.ParseError:
        return
    for fmt in FORMATS.values():
        if fmt.write is not None:
            fmt.write(doc)


@_FUZZ
@given(_aif_data())
def test_aif_reader_survives_generated_nodesets(data):
    _survives("aif", json.dumps(data))


@_FUZZ
@given(_sadface_data())
def test_sadface_reader_survives_generated_documents(data):
    _survives("sadface", json.dumps(data))


_ARGDOWN = st.sampled_from(
    [
        "[A]",
        "[A]: ",
        "<B>",
        "<B>: ",
        "\n",
        "\n\n",
        "  ",
        "+ ",
        "- ",
        "_ ",
        "<_ ",
        "_> ",
        "-> ",
        "><",
        "(1) ",
        "(2) ",
        "--\n",
        "----\n",
        "-- r --\n",
        "# H {post: p1, author: a}\n",
        "# H {post: p2, author: b, replyTo: p1}\n",
        "{kind: thesis}",
        "{agrees: [A]}",
        "#t ",
        "a ",
        "\\",
        "*",
        "_",
        "\x00",
        "\ud800",
        "===\n",
        "title: &a x\n",
        "//",
        "<!--",
        "-->",
        "/*",
        "*/",
        "{post: *a}",
        "@[A]",
        "[l](u)",
    ]
)


@_FUZZ
@given(st.lists(_ARGDOWN, max_size=25).map("".join))
def test_argdown_reader_survives_generated_text(text):
    _survives("argdown", text)


_KIALO = st.sampled_from(
    [
        "Discussion Title: T\n",
        "1. a\n",
        "1.1. Pro: b\n",
        "1.1. Con: c\n",
        "1.2. Pro: -> See 1.1.\n",
        "1.2. Con: -> See 1.\n",
        "1.1.1. Pro: -> See 1.1.1.\n",
        "x\n",
        "\n",
        "\x00",
    ]
)


@_FUZZ
@given(st.lists(_KIALO, max_size=12).map("".join))
def test_kialo_reader_survives_generated_text(text):
    _survives("kialo", text)


_MICRO = st.sampled_from(
    [
        '<edu id="e1">a</edu>',
        '<edu id="e2">b</edu>',
        '<joint id="j1"/>',
        '<adu id="a1" type="pro"/>',
        '<adu id="a2" type="opp"/>',
        '<adu id=" x&#10;" type="pro"/>',
    ]
    + [
        f'<edge id="c{i}" src="{s}" trg="{t}" type="{k}"/>'
        for i, (s, t, k) in enumerate(
            [
                ("e1", "a1", "seg"),
                ("e2", "j1", "seg"),
                ("j1", "a2", "seg"),
                ("j1", "j1", "seg"),
                ("a1", "a2", "sup"),
                ("a2", "a1", "reb"),
                ("a1", "c4", "und"),
                ("a2", "c5", "und"),
                ("a1", "c4", "add"),
                ("a2", "a2", "exa"),
                ("e1", "a2", "seg"),
            ]
        )
    ]
)


@_FUZZ
@given(st.lists(_MICRO, max_size=14).map(lambda parts: '<arggraph id="t">' + "".join(parts) + "</arggraph>"))
def test_microtext_reader_survives_generated_graphs(text):
    _survives("microtext", text)


_BRAT = st.sampled_from(
    [
        "T1\tClaim 0 3\tTea\n",
        "T2\tPremise 4 9\tcalms\n",
        "T3\tMajorClaim 0 3\tTea\n",
        "T4\tX,y 0 3\tzzz\n",
        "R1\tsupports Arg1:T2 Arg2:T1\n",
        "R2\tattacks Arg1:T3 Arg2:T2\n",
        "R3\tundercutter Arg1:T1 Arg2:T2\n",
        "R4\tagreement Arg1:T1 Arg2:T9\n",
        "A1\tStance T2 For\n",
        "A2\tStance T4 Against\n",
        "T5\tClaim 99 x\n",
        "\x00",
        "#c\n",
    ]
)


@_FUZZ
@given(st.lists(_BRAT, max_size=12).map("".join))
def test_brat_reader_survives_generated_annotations(text):
    try:
        doc, _ = brat.from_brat(text, source="Tea calms people.")
    except argmap.ParseError:
        return
    argmap.parse(argmap.format(doc))


# -- Argdown: what the writer writes, the reader and the Argdown CLI read back ---------------


SCHEMES = [
    "--",
    "----",
    "-",
    "- x",
    "-- x --",
    "x --",
    "x -- y",
    "--x",
    "-->",
    "x\t--",
    "---- x ----",
    "a, b",
    "(1) x",
    "+ x",
    "===",
    "<!-- x -->",
    "// x",
    "#x",
    "{a: b}",
    "\\",
]


def _schemes_document() -> argmap.Document:
    props = [argmap.Proposition(f"p{i}", f"P{i}") for i in range(len(SCHEMES) + 1)]
    supports = [argmap.Support(f"s{i}", [f"p{i}"], f"p{i + 1}", s) for i, s in enumerate(SCHEMES)]
    return argmap.Document(propositions=props, relations=supports)


def test_schemes_that_look_like_inference_bars_survive():
    doc = _schemes_document()
    back, problems = argdown.from_argdown(argdown.to_argdown(doc))
    assert problems == [] and back.supports == doc.supports


def test_schemes_that_look_like_inference_bars_survive_the_argdown_cli(argdown_cli, tmp_path):
    import subprocess

    doc = _schemes_document()
    (tmp_path / "s.argdown").write_text(argdown.to_argdown(doc), encoding="utf-8")
    proc = subprocess.run(
        [argdown_cli, "json", str(tmp_path / "s.argdown"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    rules = {
        k: [m["inference"].get("inferenceRules") for m in a["pcs"] if "inference" in m]
        for k, a in data["arguments"].items()
    }
    assert rules == {s.id: [[s.scheme]] for s in doc.supports}
