"""ChangeMyView threads annotated inline (CMV-modes XML): posts, components, relations, errors.

The fixtures here are written for these tests; the corpus files are tested in
test_cmv_corpus.py (when ../shared is present).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap._cli import main
from argmap._formats import FORMATS, detect
from argmap._formats.cmv import from_cmv

THREAD = """<?xml version="1.0"?>
<thread ID="t1">
<title><claim type="interpretation"> CMV: Tea is better than coffee.</claim></title>
<source>https://www.reddit.com/r/changemyview/comments/t1/</source>
<OP author="ann">

I drink tea every day.
<claim type="evaluation_rational" id="0" rel="agreement" ref="title">Tea calms people down.</claim>
<premise type="logos" id="1" rel="support" rid="a" ref="0">Tea has L-theanine</premise> and
<premise type="logos" id="2" rel="support" rid="a" ref="0">L-theanine relaxes.</premise>
</OP>
<reply id="r1" author="bob">

&gt; Tea calms people down.

<claim type="disagreement" id="3" rel="rebuttal" ref="0">Tea has caffeine too.</claim>
<claim type="agreement" id="4" rel="agreement" ref="title">Tea tastes better, granted.</claim>
<claim type="agreement" id="5" rel="agreement" ref="title">It is cheaper &#8710;</claim>
<premise type="logos" id="6" rel="undercutter" ref="1">Theanine doses in tea are tiny.</premise>
<claim type="interpretation" id="7" rel="partial_attack" ref="2">Relaxing is not calming.</claim>
</reply>
<reply id="r2" author="ann">
<claim type="interpretation" id="8" rel="undercutter" ref="3">Caffeine in tea acts slower.</claim>
<claim type="interpretation" id="9" rel="undercutter" ref="title">Taste is no argument.</claim>
<claim type="interpretation" id="10" rel="understand" ref="6">I see the dose point.</claim>
<claim type="interpretation" id="11" rel="contradiction" ref="7">No.</claim>
</reply>
</thread>
"""


def read(text: str = THREAD, relation_map=None):
    doc, warnings = FORMATS["cmv"].with_relation_map(relation_map).read(text, "t.xml")
    assert not [w for w in warnings if w.severity is argmap.Severity.ERROR], warnings
    return doc, warnings


def test_posts_in_order_with_authors_reply_chain_body_and_quotes():
    doc, _ = read()
    assert doc.metadata.title == "CMV: Tea is better than coffee."
    assert doc.metadata.source == "https://www.reddit.com/r/changemyview/comments/t1/"
    assert [(p.id, p.author, p.reply_to) for p in doc.posts] == [
        ("t1", "ann", None), ("r1", "bob", "t1"), ("r2", "ann", "r1")]  # fmt: skip
    op, r1 = doc.posts[0], doc.posts[1]
    assert op.body[:3] == ("CMV: Tea is better than coffee.", "", "I drink tea every day.")  # the title first
    assert r1.body[0] == "> Tea calms people down." and "It is cheaper \u2206" in r1.body
    assert [(q.source, q.text) for q in r1.quotes] == [("t1", "Tea calms people down.")]


def test_components_are_propositions_with_anchor_type_tag_and_post():
    doc, _ = read()
    title, first = doc.propositions_by_id["title"], doc.propositions_by_id["1"]
    assert (title.kind.value, title.post, title.tags, title.anchor) == (
        "thesis", "t1", ("interpretation",), "CMV: Tea is better than coffee.")  # fmt: skip
    assert (first.kind.value, first.text, first.anchor, first.post, first.tags) == (
        "premise", "Tea has L-theanine", "Tea has L-theanine", "t1", ("logos",))  # fmt: skip
    assert doc.propositions_by_id["7"].tags == ("interpretation", "partial_attack")  # the relation's name too
    assert [p.id for p in doc.propositions] == ["title", *map(str, range(12))]


def test_relations_linked_supports_agreements_and_undercutters():
    doc, warnings = read()
    assert [(s.id, s.premises, s.conclusion, s.post) for s in doc.supports] == [
        ("s0", ("0",), "title", "t1"),  # an agreement within one author's words: a support
        ("s1", ("1", "2"), "0", "t1"),  # rid="a": linked
    ]  # fmt: skip
    assert doc.supports[0].comments == ("agreement of 0, by the author of both: read as a support",)
    assert {(r.attacker, r.target, r.post) for r in doc.rebuttals} == {
        ("3", "0", "r1"), ("7", "2", "r1"), ("9", "title", "r2")}  # fmt: skip
    # 8 undercuts the attack of 3 (argmap could not hold that before: it was left out), named r3
    assert [(u.attacker, u.target, u.post) for u in doc.undercuts] == [("6", "s1", "r1"), ("8", "r3", "r2")]
    assert [(r.id, r.attacker, r.target) for r in doc.rebuttals if r.id] == [("r3", "3", "0")]
    # who agrees: the post of the agreeing components, named in the comments (one move per post)
    (agreement,) = [r for r in doc.relations if r.kind == "agreement"]
    assert (agreement.target, agreement.post, agreement.comments) == (
        "title", "r1", ("from 4 (agreement)", "from 5 (agreement)"))  # fmt: skip
    (understand,) = [r for r in doc.relations if r.kind == "concession"]
    assert (understand.target, understand.post) == ("6", "r2")
    warnings = sorted(warnings, key=lambda w: w.span.line)
    assert [(w.code, w.span.line) for w in warnings] == [("X707", 24), ("X704", 26)]
    assert "read as a rebuttal of title" in warnings[0].message
    assert "'contradiction'" in warnings[1].message


def test_the_thread_converts_to_text_that_checks_and_comes_back_through_json():
    doc, _ = read()
    text = argmap.format(doc)
    parsed = argmap.parse(text)
    assert not [d for d in argmap.check(parsed) if d.severity is argmap.Severity.ERROR]
    assert argmap.format(argmap.from_json(argmap.to_json(parsed))) == text


def test_a_relation_map_extends_the_vocabulary():
    doc, warnings = read(relation_map={"Contradiction": "rebuttal"})
    assert ("11", "7") in {(r.attacker, r.target) for r in doc.rebuttals}
    assert "X704" not in [w.code for w in warnings]
    doc, _ = argmap.read(THREAD, "cmv", relation_map={"contradictions": "rebuttal"})
    assert ("11", "7") in {(r.attacker, r.target) for r in doc.rebuttals}


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        (THREAD.replace('</reply>\n<reply id="r2"', '\n<reply id="r2"', 1), (28, 3), "mismatched tag"),
        ('<thread ID="t">\n<OP author="a">x &nbsp; y</OP></thread>', (2, 18), "undefined entity"),
        ('<?xml version="1.0"?>\n<!DOCTYPE thread [<!ENTITY a "aaaa">]>\n<thread/>', (2, 18), "DTD"),
        ('<arggraph id="x">\n</arggraph>', (1, 1), "root element is <arggraph>"),
        ('<thread ID="t">\n<OP author="a">\x00</OP></thread>', (2, 16), "U+0000"),
        ("", (1, 1), "no element found"),
    ],
)
def test_what_is_not_a_well_formed_thread_is_a_located_error(text, where, words):
    with pytest.raises(argmap.ParseError) as e:
        from_cmv(text, path="t.xml")
    (d,) = e.value.diagnostics
    assert (d.code, (d.span.line, d.span.column)) == ("X700", where) and words in d.message


def test_the_unclosed_reply_names_the_element_still_open(tmp_path, capsys):
    bad = tmp_path / "bad.xml"
    bad.write_text(THREAD.replace('</reply>\n<reply id="r2"', '\n<reply id="r2"', 1), encoding="utf-8")
    assert main(["convert", str(bad), "-o", str(tmp_path / "bad.argmap")]) == 1
    err = capsys.readouterr().err
    assert "bad.xml:28:3: X700 error: not well-formed XML: mismatched tag (<reply>, opened on line 12" in err
    assert "Traceback" not in err


def test_detected_by_content_and_usable_with_from(tmp_path, capsys):
    assert detect("t.xml", THREAD).name == "cmv"
    assert detect("t.xml", "<!-- x -->\n<thread>").name == "cmv"
    assert detect("m.xml", '<?xml version="1.0"?>\n<arggraph id="m"/>').name == "microtext"
    path = tmp_path / "thread.cmv"
    path.write_text(THREAD, encoding="utf-8")
    assert main(["stats", str(path), "--from", "cmv", "--format", "json"]) == 0
    assert '"posts": 3' in capsys.readouterr().out
    (tmp_path / "t.xml").write_text(THREAD, encoding="utf-8")
    assert main(["convert", str(tmp_path / "t.xml"), "-o", str(tmp_path / "t.argmap")]) == 0
    assert "post r1 by bob reply-to t1" in (tmp_path / "t.argmap").read_text(encoding="utf-8")


def test_odd_but_well_formed_threads_are_read_with_warnings():
    text = (
        '<thread>\n<claim id="x">Outside.</claim>\n<OP><claim id="a" rel="support">A</claim>'
        '<claim id="a">B</claim><premise ref="a">C</premise></OP>\n<reply id="r 1" author="z">'
        '<claim id="b" rel="support" ref="b">D</claim></reply></thread>'
    )
    doc, warnings = read(text)
    assert [(p.id, p.author) for p in doc.posts] == [("OP-0", "unknown"), ("r_1", "z")]
    assert [p.id for p in doc.propositions] == ["x", "a", "a-2", "premise", "b"]
    assert doc.propositions_by_id["x"].anchor is None  # its words are in no post
    assert sorted(w.code for w in warnings) == ["X703", "X703", "X703", "X705", "X705", "X705", "X706"]
    argmap.parse(argmap.format(doc))


_PIECES = st.sampled_from([
    "<thread>", "</thread>", '<OP author="a">', "</OP>", '<reply id="r" author="b">', "</reply>",
    '<claim id="1" rel="support" ref="2">', '<premise id="2" rel="undercutter" ref="1">', "</claim>",
    "</premise>", '<claim rel="agreement" ref="title">', "<title>", "</title>", "x", " y ", "\n", "&gt;",
    '<claim id="1">', 'rid="a"', "<!-- c -->", "&#0;", "\u2028", "> x", "<source>u</source>",
])  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_the_reader_survives_generated_threads(text):
    try:
        doc, _ = FORMATS["cmv"].read(text, None)
    except argmap.ParseError:
        return
    argmap.parse(argmap.format(doc))  # what argmap text cannot hold raises here
    for fmt in FORMATS.values():
        if fmt.write is not None:
            fmt.write(doc)


# -- linear time and memory (as tests/convert/test_limits.py checks the other readers) --------


def test_big_threads_are_read_in_linear_time():
    """5,000 posts, each quoting the one before, agreeing with the title and holding a claim;
    claims nested 10,000 deep; 5,000 premises outside every post: quotes were looked for in
    every earlier post, a piece of text went to every claim it was in, and a claim outside the
    posts looked through every post."""
    from test_limits import bounded

    setup = """
        posts = "".join(f'<reply id="r{i}" author="a{i % 2}">&gt; words {i - 1}\\nwords {i}\\n'
                        f'<claim id="c{i}" rel="agreement" ref="title">Claim {i}</claim></reply>\\n'
                        for i in range(5000))
        nested = '<reply id="n" author="z">' + '<claim>x' * 10000 + '</claim>' * 10000 + '</reply>'
        outside = "".join(f'<premise id="o{i}" rel="support" ref="c1">o</premise>\\n' for i in range(5000))
        text = ('<thread ID="t"><title><claim>T</claim></title><OP author="op">words -1</OP>\\n'
                + posts + nested + outside + '</thread>')
        """
    result = bounded(setup, 'FORMATS["cmv"].read(text, None)')
    assert result["propositions"] == 1 + 5000 + 8 + 5000
    assert set(result["codes"]) == {"X705", "X708"}
