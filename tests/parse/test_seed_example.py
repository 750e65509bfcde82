"""The annotated seed thread in examples/ is complete and faithful."""

from __future__ import annotations

import re

import argmap


def test_seed_example_has_the_required_coverage(seed_example):
    counts = argmap.stats(argmap.load(seed_example))
    assert counts["authors"] >= 20
    assert counts["propositions"] >= 70
    assert counts["supports"] >= 25
    assert counts["rebuttals"] >= 15
    assert counts["undercuts"] >= 2
    assert counts["quotes"] >= 6
    assert counts["posts"] == 39  # post, 36 comments, 2 pingbacks


def test_numbered_replies_resolve_to_the_posts_they_name(seed_example):
    doc = argmap.load(seed_example)
    # "@6:" (comment 10), "@9" (comment 14), "#14:" (comment 16), "@18" (comment 20)
    assert {p: doc.posts_by_id[p].reply_to for p in ("10", "14", "16", "20")} == {
        "10": "6",
        "14": "9",
        "16": "14",
        "20": "18",
    }
    assert doc.posts_by_id["10"].author == "8675309" and doc.posts_by_id["6"].author == "aaronm"


def test_korean_and_japanese_are_kept_as_written(seed_example):
    text = seed_example.read_text(encoding="utf-8")
    for words in ("내꺼야!", "それは私です!", "大東亜共栄圏", "검은 머리 외국인", "샌프란시스코 강화조약"):
        assert words in text
    doc = argmap.load(seed_example)
    assert "wjk, 검은 머리 외국인" in {p.name for p in doc.participants}


def test_seed_example_is_canonically_formatted(seed_example):
    text = seed_example.read_text(encoding="utf-8")
    assert argmap.format(argmap.parse(text)) == text


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def test_quotes_and_anchors_are_verbatim_from_the_seed_thread(seed_example, shared):
    seed = _norm((shared / "seed" / "000_c8931174f63e2c7a.txt").read_text(encoding="utf-8"))
    doc = argmap.load(seed_example)
    missing = [q.text for _, q in doc.quotes if _norm(q.text) not in seed]
    missing += [p.anchor for p in doc.propositions if p.anchor and _norm(p.anchor) not in seed]
    assert missing == []


def test_tutorial_examples_parse_and_are_canonical():
    from conftest import EXAMPLES

    tutorials = sorted(EXAMPLES.glob("tutorial-*.argmap"))
    assert len(tutorials) >= 2
    for path in tutorials:
        text = path.read_text(encoding="utf-8")
        assert argmap.format(argmap.parse(text)) == text, path.name
