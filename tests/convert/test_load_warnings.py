"""argmap.load says what a reader left out: each reader warning becomes an ArgmapWarning."""

from __future__ import annotations

import warnings

import pytest

import argmap
from argmap import ArgmapWarning


def test_load_issues_each_reader_warning_with_its_diagnostic(tmp_path):
    path = tmp_path / "tea.txt"
    path.write_text("Discussion Title: Tea\n\n1. Tea is better.\n1.1. Pro: It calms.\n1.2. Con: -> See 1.9.\n",
                    encoding="utf-8")  # fmt: skip
    with pytest.warns(ArgmapWarning) as caught:
        doc = argmap.load(path)
    assert [p.id for p in doc.propositions] == ["1", "1.1"]
    (only,) = caught
    found = only.message.diagnostic
    assert found.code == "X403" and found.span.line == 5 and "1.9" in found.message
    assert argmap.read(path.read_text(encoding="utf-8"), "kialo", path=str(path))[1] == [found]


def test_load_of_clean_argmap_text_warns_nothing(tmp_path):
    path = tmp_path / "t.argmap"
    path.write_text("post 1 by ann\n  claim a: Tea.\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert argmap.load(path).propositions[0].id == "a"
