"""Fuzzing: whatever the input, parse, check, format, JSON conversion and DOT
generation raise nothing but ArgmapError subclasses.

The default (CI) profile runs 100 cases per test; the fuzz profile 25,000 per
test, 100,000 in all:

    HYPOTHESIS_PROFILE=fuzz python -m pytest tests/fuzz -q
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError, strategies

# Pieces of the language, so that random text often gets past the first token.
FRAGMENTS = [
    "post ", "by ", "reply-to ", " at ", "claim ", "thesis ", "premise ", "evidence ", "question ",
    "anchor:", "tags:", "base:", "scheme:", "quote ", "support ", "rebut ", "undercut ", "agree ",
    "concede ", "restate ", "title:", "ignore:", "#", "|", ":", " -> ", " & ", ",", '"', "\\",
    "\n", "\r\n", "\t", " ", "c1", "c2", "s1", "1", "2", "2010-12-29", "0.5", "내꺼야", "それは", "🙂",
    "\ufeff", "\x00", "\u2028",
]  # fmt: skip

language_soup = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=5), max_size=60).map("".join)


def exercise(text: str) -> None:
    """Run every stage that takes a document; only ArgmapError may escape."""
    try:
        doc = argmap.parse(text)
    except ArgmapError:
        return
    argmap.check(doc)
    argmap.to_graphviz(doc).source
    argmap.to_graphviz(doc, cluster="post").source
    argmap.stats(doc)
    assert argmap.parse(argmap.format(doc)) == doc
    assert argmap.from_json(argmap.to_json(doc)) == doc


@given(st.text())
def test_arbitrary_text_raises_only_argmap_errors(text):
    exercise(text)


@given(language_soup)
def test_language_soup_raises_only_argmap_errors(text):
    exercise(text)


@st.composite
def mutated_sources(draw):
    lines = draw(strategies.source_texts(max_posts=4, max_propositions=8)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate", "splice"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            pos = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:pos] + draw(st.sampled_from(FRAGMENTS)) + lines[i][pos:]
        elif op == "truncate":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i] = lines[i][: len(lines[i]) // 2] + lines[j][len(lines[j]) // 2 :]
    return "\n".join(lines)


@given(mutated_sources())
def test_mutated_valid_documents_raise_only_argmap_errors(text):
    exercise(text)


@given(strategies.documents(shape="cyclic"), st.sampled_from(sorted(strategies.DEFECTS)), st.data())
def test_defective_documents_check_and_render_without_crashing(doc, code, data):
    bad = strategies.DEFECTS[code](
        data.draw, doc if len(doc.posts) >= 2 else data.draw(strategies.documents(min_posts=2))
    )
    assert code in {d.code for d in argmap.check(bad)}
    argmap.to_graphviz(bad).source
