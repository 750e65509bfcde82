"""Big and deep inputs: nothing in parse, format or stats recurses per post."""

from __future__ import annotations

import argmap


def chain(n: int) -> str:
    lines = ["post 0 by p0", "  claim c0: Start."]
    for i in range(1, n):
        lines.append(f"post {i} by p{i % 50} reply-to {i - 1}")
        lines.append(f"  claim c{i}: Reply {i}.")
        lines.append(f"  rebut c{i} -> c{i - 1}")
    return "\n".join(lines) + "\n"


def test_ten_thousand_deep_reply_chain():
    doc = argmap.parse(chain(10_000))
    assert len(doc.posts) == 10_000
    assert doc.posts[-1].reply_to == "9998"
    assert argmap.stats(doc)["replies"] == 9_999
    assert argmap.parse(argmap.format(doc)) == doc


def test_fifty_thousand_posts():
    text = "".join(f"post {i} by user{i % 300}\n  claim c{i}: Claim {i}.\n" for i in range(50_000))
    doc = argmap.parse(text)
    counts = argmap.stats(doc)
    assert (counts["posts"], counts["authors"], counts["propositions"]) == (50_000, 300, 50_000)
    assert argmap.format(doc).count("\npost ") == 49_999
