"""The TextMate grammar (editors/vscode/syntaxes/argmap.tmLanguage.json): committed as generated from
the grammar, and read by VS Code's own engine (vscode-textmate with vscode-oniguruma, installed from npm
into .tools/textmate on the first run; skipped without node and npm).  Every example and docs block
colours without an error, each part of a line gets its scope, a line the parser refuses shows
``invalid.illegal`` (and nothing the parser accepts does), and Korean or emoji text stays whole.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import strategies
from argmap._highlight import textmate
from argmap._language.lexicon import FIRST, KEYWORDS
from npm_tools import npm_tools

ROOT = Path(__file__).resolve().parents[2]
GRAMMAR_JSON = ROOT / "editors/vscode/syntaxes/argmap.tmLanguage.json"
MARKDOWN_JSON = ROOT / "editors/vscode/syntaxes/argmap.markdown.tmLanguage.json"
TOKENIZE = Path(__file__).with_name("tokenize.js")
#: the engine of VS Code, exact versions
ENGINE = ("vscode-textmate@9.3.2", "vscode-oniguruma@2.0.1")


# ---- without node --------------------------------------------------------------------------------
def test_the_committed_grammar_is_the_generated_one():
    assert GRAMMAR_JSON.read_text(encoding="utf-8") == textmate.render(), (
        "editors/vscode/syntaxes/argmap.tmLanguage.json is stale: run "
        "python -m argmap._highlight.textmate > editors/vscode/syntaxes/argmap.tmLanguage.json"
    )


def test_running_the_module_prints_the_grammar():
    proc = subprocess.run([sys.executable, "-m", "argmap._highlight.textmate"], capture_output=True,
                          check=True, timeout=60)  # fmt: skip
    assert proc.stdout.decode("utf-8").replace("\r\n", "\n") == textmate.render()
    assert json.loads(proc.stdout)["scopeName"] == "source.argmap"


def test_every_statement_of_the_grammar_has_its_rule():
    grammar = textmate.build()
    assert set(textmate.STATEMENTS) == set(FIRST.values())
    assert grammar["patterns"] == [{"include": f"#{s}"} for s in textmate.STATEMENTS] + [
        {"include": "#unknown"}
    ]


def test_the_grammar_reads_the_rules_as_the_lexicon_does():
    """The first terminals of each statement, as read here, are those the lexicon reads."""
    from argmap._grammars import rule_first_terminals

    for statement, terminals in rule_first_terminals("argmap.lark", "_stmt").items():
        automaton = textmate._AUTOMATA[statement]
        assert [automaton.tokens[i].terminal for i in automaton.start] == list(terminals), statement


# ---- the engine ----------------------------------------------------------------------------------


Token = tuple[str, tuple[str, ...]]  # its text and its scopes


class Engine:
    """tokenize.js, running: one request per call, the engine's complaints checked after each."""

    def __init__(self, modules: Path, grammar: Path, injection: Path | None = None):
        self.errors = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 (closed by close())
        self.proc = subprocess.Popen(
            ["node", str(TOKENIZE), str(grammar), *([str(injection)] if injection else [])],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors, encoding="utf-8",
            env={**os.environ, "NODE_PATH": str(modules)},
        )  # fmt: skip

    def lines(self, *texts: str) -> list[list[list[Token]]]:
        """For each text, its lines, each a list of tokens."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(texts) + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        self.errors.seek(0)
        complaints = self.errors.read()
        assert answer and not complaints, f"the TextMate engine: {complaints}"
        return [
            [[(t["text"], tuple(t["scopes"])) for t in line] for line in text] for text in json.loads(answer)
        ]

    def tokens(self, text: str) -> list[Token]:
        """The tokens of ``text``, all its lines together."""
        return [t for line in self.lines(text)[0] for t in line]

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.errors.close()


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    running = Engine(npm_tools("textmate", ENGINE), GRAMMAR_JSON)
    yield running
    running.close()


def invalid(tokens: list[Token]) -> list[str]:
    return [text for text, scopes in tokens if any(s.startswith("invalid.illegal") for s in scopes)]


def scope_of(tokens: list[Token], text: str) -> tuple[str, ...]:
    """The scopes of the token that is ``text`` (the first such)."""
    found = [scopes for t, scopes in tokens if t == text]
    assert found, f"no token {text!r} in {[t for t, _ in tokens]}"
    return found[0]


def blocks() -> list[tuple[str, str]]:
    """Every file in examples/, every ```argmap block in README, docs/ and the extension's README."""
    out = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.argmap"))]
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "editors/vscode/README.md"]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        name = page.relative_to(ROOT).as_posix()
        out += [
            (f"{name} block {i}", b)
            for i, b in enumerate(re.findall(r"```argmap\n(.*?)```", text, re.DOTALL))
        ]
    return out


@pytest.mark.parametrize(("name", "text"), blocks(), ids=[n for n, _ in blocks()])
def test_examples_and_docs_blocks_have_no_invalid_token(engine, name, text):
    tokens = engine.tokens(text)
    assert invalid(tokens) == []
    assert [t for t, scopes in tokens if scopes[-1].startswith("keyword")], "no keyword coloured"


@pytest.mark.parametrize("word", list(FIRST))
def test_each_word_that_starts_a_statement_starts_that_one(engine, word):
    """Every keyword of the grammar (and the marks | and #), as a whole word only."""
    tokens = engine.tokens(f"  {word} x")
    assert f"meta.statement.{FIRST[word]}.argmap" in scope_of(tokens, word)
    if word.isalpha():
        assert invalid(engine.tokens(f"  {word}x y")) == [f"{word}x y"]


def test_every_part_of_a_post_header_gets_its_scope(engine):
    header = 'post 6 by "wjk, 검은 머리 외국인" reply-to 5 at 2010-12-29T14:05:09+09:00\n'
    tokens = engine.tokens(header)
    assert scope_of(tokens, "post")[1:] == ("meta.statement.post.argmap", "keyword.control.post.argmap")
    assert scope_of(tokens, "6")[-1] == "entity.name.section.post.argmap"
    assert scope_of(tokens, "by")[-1] == "keyword.other.by.argmap"
    assert scope_of(tokens, "wjk, 검은 머리 외국인")[-1] == "string.quoted.double.author.argmap"
    assert scope_of(tokens, '"')[-1] == "punctuation.definition.string.begin.argmap"
    assert scope_of(tokens, "reply-to")[-1] == "keyword.other.reply-to.argmap"
    assert scope_of(tokens, "5")[-1] == "variable.other.post.argmap"
    assert scope_of(tokens, "2010-12-29T14:05:09+09:00")[-1] == "constant.numeric.timestamp.argmap"
    tokens = engine.tokens('post 7 by aaronm at "Dec 29, 9:41 pm"\n')
    assert scope_of(tokens, "aaronm")[-1] == "entity.name.label.author.argmap"
    assert scope_of(tokens, "Dec 29, 9:41 pm")[-1] == "string.quoted.double.timestamp.argmap"
    tokens = engine.tokens('post 8 by "Ben \\"O\\" Neil"\n')
    assert scope_of(tokens, '\\"')[-2:] == (
        "string.quoted.double.author.argmap",
        "constant.character.escape.argmap",
    )


def test_every_statement_gets_its_scopes(engine):
    text = (
        "title: Tea or coffee\n"
        "ignore: M101, T102\n"
        "post 1 by ann\n"
        "  | We should switch to tea. # not a comment\n"
        "  quote 0: the words\n"
        "  thesis 주장1: Tea.\n"
        "    anchor: switch to tea\n"
        "    tags: cost, health\n"
        "    base: 0.75\n"
        "  evidence c2: Tea calms.\n"
        "  support s1: c2 & c3 -> 주장1\n"
        "    scheme: cause to effect\n"
        "  rebut c2 -> c3\n"
        "  undercut c3 -> s1\n"
        "  restate c4 -> c2\n"
        "  agree c2\n"
        "  concede c3\n"
        "  # a comment\n"
    )
    lines = engine.lines(text)[0]
    assert invalid([t for line in lines for t in line]) == []

    def last(line: int, token: str) -> str:
        return scope_of(lines[line], token)[-1]

    assert last(0, "title") == "keyword.control.meta-key.argmap"
    assert last(0, ":") == "punctuation.separator.key-value.argmap"
    assert last(0, "Tea or coffee") == "string.unquoted.text.argmap"
    assert (
        last(1, "M101") == "constant.other.rule-code.argmap"
        and last(1, ",") == "punctuation.separator.comma.argmap"
    )
    assert last(3, "|") == "punctuation.definition.body.argmap"
    assert last(3, " We should switch to tea. # not a comment") == "string.unquoted.body.argmap"
    assert last(4, "quote") == "keyword.control.quote.argmap" and last(4, "0") == "variable.other.post.argmap"
    assert last(5, "thesis") == "storage.type.kind.argmap"
    assert last(5, "주장1") == "entity.name.type.proposition.argmap"
    assert last(6, "anchor") == "keyword.control.anchor.argmap"
    assert last(7, "cost") == "entity.name.tag.argmap"
    assert last(8, "0.75") == "constant.numeric.decimal.argmap"
    assert last(9, "evidence") == "storage.type.kind.argmap"
    assert last(10, "support") == "keyword.control.support.argmap"
    assert last(10, "s1") == "entity.name.function.support.argmap"
    assert last(10, "c2") == "variable.other.proposition.argmap"
    assert (
        last(10, "&") == "keyword.operator.and.argmap" and last(10, "->") == "keyword.operator.arrow.argmap"
    )
    assert last(10, "주장1") == "variable.other.proposition.argmap"
    assert last(11, "cause to effect") == "string.unquoted.text.argmap"
    assert last(12, "rebut") == "keyword.control.rebut.argmap"
    assert last(13, "s1") == "variable.other.support.argmap"
    assert last(14, "restate") == "keyword.control.restate.argmap"
    assert (
        last(15, "agree") == "keyword.control.agree.argmap"
        and last(15, "c2") == "variable.other.proposition.argmap"
    )
    assert last(16, "concede") == "keyword.control.concede.argmap"
    assert scope_of(lines[17], "#")[-2:] == (
        "comment.line.number-sign.argmap",
        "punctuation.definition.comment.argmap",
    )
    assert last(17, " a comment") == "comment.line.number-sign.argmap"


@pytest.mark.parametrize(
    "line", ["  cliam c1: Tea.", "posts 1 by ann", "Claim c1: Tea.", "c1 -> c2", "-> c2"]
)
def test_a_line_whose_first_word_is_no_statement_is_invalid(engine, line):
    tokens = engine.tokens(line)
    assert invalid(tokens) == [line.strip()]
    assert scope_of(tokens, line.strip())[-1] == "invalid.illegal.unknown-statement.argmap"


@pytest.mark.parametrize(
    ("line", "wrong"),
    [
        ("  claim c1 Tea is calming.", "Tea is calming."),  # no ':'
        ("  rebut c1 -> c2 c3", "c3"),
        ("  support s1: a & -> c", "-> c"),
        ("  base: 0.5x", "0.5x"),
        ("post 1by ann", "ann"),  # one id "1by", as the parser reads it
        ('post 1 by "unclosed', '"unclosed'),
        ("post 1 by ann at yesterday", "yesterday"),
        ("  agree c1 -> c2", "-> c2"),
        ("  rebut c1 -> c2 # why", "# why"),  # a comment stands on a line of its own
    ],
)
def test_a_line_is_invalid_from_the_first_part_that_does_not_fit(engine, line, wrong):
    assert invalid(engine.tokens(line)) == [wrong]
    with pytest.raises(argmap.ParseError):
        argmap.parse(line + "\n")


@pytest.mark.parametrize("line", ["claim c1", "post 1 by", "support s1: a &", "title", "tags: a,"])
def test_a_line_cut_short_while_typing_shows_no_error(engine, line):
    assert invalid(engine.tokens(line)) == []


def test_korean_and_emoji_text_stays_one_string_token(engine):
    text = "검은 머리 외국인 🎉👩🏽‍💻 tea — ok # still text"
    tokens = engine.tokens(f"  claim c1: {text}\n  | {text}\n  quote 3: {text}\n")
    assert scope_of(tokens, text)[-1] == "string.unquoted.text.argmap"
    assert scope_of(tokens, f" {text}")[-1] == "string.unquoted.body.argmap"
    assert [t for t, _ in tokens].count(text) == 2


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(strategies.source_texts())
def test_no_text_the_parser_accepts_shows_an_error(engine, text):
    assert invalid(engine.tokens(text)) == []


#: pieces of lines, to make lines that are right or wrong in many ways
PIECES = [*KEYWORDS, "by", "reply-to", "at", "own", "reported", "supposed", "ironic", "c1", "s1", "주장1", "x.", "-", "2010-12-29",
          "2010-12-29 14:05", '"a b"', '"x\\"y"', '"', "->", "&", ":", ",", "|", "#", "0.5", "1.", "Tea.",
          "🎉", " ", "\t"]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(["", " "])), min_size=1, max_size=9))
def test_what_the_grammar_marks_invalid_the_parser_refuses(engine, pieces):
    """Never a false alarm: a line with an invalid token is a line with a syntax error (P100).  (The
    converse holds but for lines cut short, which the grammar leaves to the language server.)"""
    line = "".join(p + blank for p, blank in pieces)
    tokens = engine.lines(line)[0][0]
    assert "".join(t for t, _ in tokens) == line
    if invalid(tokens):
        with pytest.raises(argmap.ParseError) as caught:
            argmap.parse(line + "\n")
        assert "P100" in {d.code for d in caught.value.diagnostics}


def test_argmap_blocks_in_markdown_are_coloured_by_the_injection():
    """The extension's injection grammar colours ```argmap blocks in Markdown with the argmap grammar
    (hosted by a stand-in for VS Code's Markdown grammar), and nothing outside them."""
    markdown = Engine(npm_tools("textmate", ENGINE), GRAMMAR_JSON, MARKDOWN_JSON)
    try:
        text = (
            "Some text: post 1 by ann\n\n```argmap\npost 1 by ann\n  claim c1: Tea.\n```\n\npost 2 by ben\n"
        )
        lines = markdown.lines(text)[0]
    finally:
        markdown.close()
    coloured = [i for i, line in enumerate(lines) if any(s.endswith(".argmap") for _, ss in line for s in ss)]
    assert coloured == [3, 4]
    assert scope_of(lines[3], "post")[-1] == "keyword.control.post.argmap"
    assert scope_of(lines[4], "c1")[-1] == "entity.name.type.proposition.argmap"
    assert "meta.embedded.block.argmap" in scope_of(lines[4], "claim")
    assert "fenced_code.block.language.markdown" in scope_of(lines[2], "argmap")


def test_a_voice_line_gets_its_scopes(engine):
    text = ("post 1 by ann\n  claim c1: Tea.\n    voice: reported by a Chosun Ilbo columnist\n"
            "  claim c2: Tea.\n    voice: supposed\n    voice: ironic\n    voice: own\n    voice: reported\n")
    lines = engine.lines(text)[0]
    assert invalid([t for line in lines for t in line]) == []
    assert scope_of(lines[2], "voice")[-1] == "keyword.control.voice.argmap"
    assert scope_of(lines[2], "reported")[-1] == "storage.modifier.voice.argmap"
    assert scope_of(lines[2], "by")[-1] == "keyword.other.by.argmap"
    assert scope_of(lines[2], "a Chosun Ilbo columnist")[-1] == "entity.name.label.reporter.argmap"
    for i, word in ((4, "supposed"), (5, "ironic"), (6, "own"), (7, "reported")):
        assert scope_of(lines[i], word)[-1] == "storage.modifier.voice.argmap"


@pytest.mark.parametrize(
    ("line", "wrong"),
    [("    voice: supposed by a columnist", "by a columnist"),  # only 'reported' takes 'by'
     ("    voice: hearsay", "hearsay"),
     ("    voice: Reported", "Reported"),
     ("    voice: ironic indeed", "indeed")],
)  # fmt: skip
def test_a_voice_line_the_parser_refuses_is_invalid_where_it_goes_wrong(engine, line, wrong):
    assert invalid(engine.tokens(line)) == [wrong]
    with pytest.raises(argmap.ParseError):
        argmap.parse(f"claim c1: Tea.\n{line}\n")
