"""The fast path accepts exactly the text the grammar accepts and reads the same statements and spans."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lark.exceptions import UnexpectedInput

import argmap
from argmap import strategies
from argmap._language.fastpath import statements
from argmap._language.larkpass import parser as _parser


def lark_statements(src: str):
    try:
        return _parser().parse(src)
    except UnexpectedInput:
        return None


def agree(src: str) -> None:
    # the fast path accepts exactly what the grammar accepts, and reads it the same way
    assert statements(src) == lark_statements(src), src


@given(strategies.documents())
def test_canonical_text_reads_the_same_on_both_paths(doc):
    """For every formatted document the fast path succeeds and equals the lark pass."""
    src = argmap.format(doc)
    assert statements(src) is not None
    assert statements(src) == lark_statements(src)


def _messy(text: str, rng) -> str:
    """The same statements with hand-written spacing: odd blanks, tabs, CRLF line ends."""
    out = []
    for line in text.split("\n"):
        for token, choices in ((" -> ", ["->", " ->", "->\t", "  ->  "]), (" & ", ["&", " &", "&  "]),
                              (": ", [":", " : ", ":\t", ":   "]), (", ", [",", " , ", ",\t"])):  # fmt: skip
            line = line.replace(token, rng.choice(choices + [token]))
        line = rng.choice(["", " ", "\t", "    ", "\f"]) + line.lstrip() + rng.choice(["", " ", "\t"])
        out.append(line + rng.choice(["", "", "\r"]))
    return "\n".join(out)


@given(strategies.source_texts(), st.randoms(use_true_random=False))
def test_hand_written_spacing_reads_the_same(src, rng):
    """Blanks, tabs and CRLF where a person might put them: both paths read the same statements."""
    agree(_messy(src, rng) + "\n")


PIECES = [
    "post", "by", "reply-to", "at", "claim", "thesis", "question", "support", "rebut", "undercut",
    "restate", "agree", "concede", "quote", "anchor", "tags", "base", "scheme", "title", "ignore",
    "c1", "a-b", "x.y", "s1", "1", "0.5", ".5", "1.", "2024-03-04", "2024-03-04T09:12Z", '"a b"', '"x\\"y"',
    ":", ",", "&", "->", "-", ".", "|", "#", " ", "  ", "\t", "\f", "\r", "\v", "é", "名", "\u00a0", "reply",
]  # fmt: skip


@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=9).map("".join), max_size=6))
def test_token_soup_never_reads_differently(lines):
    """Random lines from the language's own pieces: the fast path agrees with lark or gives up."""
    agree("\n".join(lines) + "\n")


def test_the_fast_path_is_taken_for_the_seed(seed_example):
    src = seed_example.read_text(encoding="utf-8")
    assert statements(src) is not None and statements(src) == lark_statements(src)
