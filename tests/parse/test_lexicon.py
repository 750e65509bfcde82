"""The grammar is the one source of the language's words: what the parts of argmap read from it,
and what must match it, agree with it."""

from __future__ import annotations

import re

import attrs
import pytest

import argmap
from argmap._grammars import grammar_text, rule_first_terminals, terminal_patterns, terminal_words
from argmap._language import fastpath, lexicon, statements
from argmap._language.larkpass import parser
from argmap._language.syntax_errors import describe

GRAMMAR = grammar_text("argmap.lark")
#: the statement rules, read from the grammar's text here (not through the code under test)
STATEMENT_RULES = set(re.search(r"^_stmt:(.*?)\n\n", GRAMMAR, re.S | re.M).group(1).replace("|", " ").split())


def missing(rules: set[str], handled: set[str]) -> set[str]:
    """Statement rules that a reader lacks."""
    return rules - handled


def test_the_statement_rules_are_read_from_the_grammar():
    assert set(rule_first_terminals("argmap.lark", "_stmt")) == STATEMENT_RULES
    assert {"post", "prop", "support", "rebut", "agree", "comment"} <= STATEMENT_RULES


def test_every_statement_rule_has_a_record_a_fast_path_reader_and_a_lark_transform():
    transformer = parser().options.transformer
    assert missing(STATEMENT_RULES, set(statements.STATEMENTS)) == set()
    assert missing(STATEMENT_RULES, set(fastpath.READERS)) == set()
    assert (
        missing(STATEMENT_RULES, {r for r in STATEMENT_RULES if callable(getattr(transformer, r, None))})
        == set()
    )
    assert set(lexicon.FIRST.values()) == STATEMENT_RULES  # every rule is reachable by its first word


def test_a_rule_added_to_the_grammar_without_a_reader_is_reported():
    """The check above is not vacuous: a statement rule the fast path lacks shows up."""
    assert missing(STATEMENT_RULES | {"verdict"}, set(fastpath.READERS)) == {"verdict"}


def test_every_keyword_of_the_grammar_starts_its_statement_in_the_lexicon():
    for rule, terminals in rule_first_terminals("argmap.lark", "_stmt").items():
        for terminal in terminals:
            for word in terminal_words("argmap.lark", terminal):
                assert lexicon.FIRST[word] == rule
    assert "concede" in lexicon.KEYWORDS and "by" not in lexicon.KEYWORDS


def test_proposition_kinds_are_the_grammars_kind_words():
    assert [k.value for k in argmap.Kind] == list(terminal_words("argmap.lark", "KIND"))


def test_metadata_keys_are_the_grammars_meta_words():
    fields = [f.name for f in attrs.fields(argmap.Metadata) if f.name not in ("ignore", "ignore_span")]
    assert fields == list(lexicon.META_KEYS) == list(terminal_words("argmap.lark", "META_KEY"))


def test_the_id_pattern_is_the_grammars():
    from argmap._model import ID_PATTERN

    assert ID_PATTERN.pattern == terminal_patterns("argmap.lark")["ID"]


@pytest.mark.parametrize(
    "terminal", sorted(t for t in terminal_patterns("argmap.lark") if not t.startswith("%"))
)
def test_every_terminal_can_be_named_in_an_error_message(terminal):
    assert describe(terminal) != terminal


def test_keyword_terminals_are_whole_words():
    """``posts`` is not ``post`` + ``s``: every keyword terminal refuses a longer word."""
    for name, pattern in terminal_patterns("argmap.lark").items():
        for word in terminal_words("argmap.lark", name):
            assert re.match(pattern, word) and not re.match(pattern, word + "s")
