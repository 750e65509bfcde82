"""D103 says how a quote differs from its source: only in case or punctuation, or in its words."""

from __future__ import annotations

import argmap

THREAD = "post 1 by ann\n  | Tea is good for you, really.\npost 2 by bob reply-to 1\n"


def d103(quote: str) -> list[str]:
    doc = argmap.parse(THREAD + f"  quote 1: {quote}\n")
    return [d.message for d in argmap.check(doc, select=["D103"])]


def test_a_quote_differing_only_in_case_or_punctuation_says_so():
    assert d103("tea is good for you really") == [
        "the quoted words differ from post 1 only in case or punctuation"
    ]


def test_a_quote_with_other_words_is_not_in_the_source():
    assert d103("Tea is bad for you") == ["the quoted words do not occur in post 1"]


def test_an_exact_quote_or_one_with_an_omission_passes():
    assert d103("Tea is good for you, really.") == [] and d103("Tea is good ... really.") == []
