"""Argdown's logical lines: front matter, blocks, indentation, continuation lines, inference bars.

A logical line is what ``grammars/argdown.lark`` reads (``tokens.py`` scans it):
lines that start no new element continue the one above; blank lines end a block;
``--`` lines are inference bars, with the rule between two of them.
"""

from __future__ import annotations

import re
from typing import AbstractSet

import attrs

from .grammar import NEW_ELEMENT, NUMBER, RELATION, RELATION_STARTS

__all__ = ["FRONT", "Line", "bar_rule", "logical_lines"]

FRONT = re.compile(r"\A\s*(===+)[ \t]*\n(.*?)\n[ \t]*===+[ \t]*(?:\n|\Z)", re.S)
_BAR = re.compile(r"-{2,}\s*$")


def bar_rule(content: str) -> str | None:
    """The rule of an inference line ``-- rule --`` (None if ``content`` is not one).

    The same as ``re.match(r"-{2,}\\s+(.+?)\\s+-{2,}\\s*$", content).group(1)``, without
    that expression's quadratic time on long runs of blanks: the rule ends where the
    longest possible tail of blanks and dashes starts (tests/convert/test_limits.py::
    test_long_runs_of_blanks_in_an_inference_line_are_read_in_linear_time).

    >>> bar_rule("-- Modus ponens --"), bar_rule("-- --"), bar_rule("----")
    ('Modus ponens', None, None)
    """
    lead = len(content) - len(content.lstrip("-"))
    core = content.rstrip()
    n = len(core)
    trail = n - len(core.rstrip("-"))
    if lead < 2 or trail < 2 or lead >= n - trail:
        return None
    blanks_after = len(content[lead:]) - len(content[lead:].lstrip())
    blanks_before = (n - trail) - len(core[: n - trail].rstrip())
    if blanks_after == 0 or blanks_before == 0:
        return None
    lo, hi = n - trail - blanks_before, n - trail - 1  # where the tail may start
    s = min(blanks_after, hi - 1 - lead)  # the blanks after the leading dashes, as many as can be
    if s < 1:
        return None
    start = lead + s
    return content[start : max(start + 1, lo)]


@attrs.define
class Line:
    """One logical line: its number (of its first line), indentation, text and block."""

    number: int
    indent: int
    text: str
    block: int
    kind: str = "element"  # element | bar | heading
    rule: str | None = None
    #: continuation lines, joined to ``text`` at the end: joining each in turn cost the square of
    #: the text (tests/convert/test_limits.py::test_continuation_lines_are_joined_in_linear_time)
    more: list[str] = attrs.Factory(list)


def logical_lines(text: str, commented: AbstractSet[int] = frozenset()) -> list[Line]:
    """Join continuation lines; mark blocks (separated by blank lines) and inference bars."""
    lines: list[Line] = []
    block, blank = 0, True
    inference: Line | None = None
    rule: list[str] = []
    for number, raw in enumerate(text.split("\n"), 1):
        content = raw.strip()
        if not content and number in commented:
            continue
        if not content:
            if not blank:
                block, blank = block + 1, True
            continue
        margin = len(raw) - len(raw.lstrip(" \t"))
        indent = margin + raw.count("\t", 0, margin) * 3
        if inference is not None:  # inside "--" ... "--": the inference rule
            if _BAR.match(content):
                inference.rule, inference, rule = " ".join(rule) or None, None, []
            else:
                rule.append(content)
            blank = False
            continue
        # each pattern below starts with one of a few characters: testing that first saves three
        # matches a line on long texts (test_continuation_lines_are_joined_in_linear_time: 800,000)
        first = content[0]
        with_rule = bar_rule(content) if first == "-" else None
        if with_rule is not None or (first == "-" and _BAR.match(content)):
            line = Line(number, indent, content, block, "bar", with_rule)
            lines.append(line)
            if with_rule is None and len(content) == 2:
                inference = line  # an opening "--": rule lines and a closing "--" follow
            blank = False
            continue
        starts = (first == "(" and NUMBER.match(content) is not None) or (
            first in "#[<*" and NEW_ELEMENT.match(content) is not None
        )
        starts = starts or (indent > 0 and first in RELATION_STARTS and RELATION.match(content) is not None)
        if starts or blank or not lines or lines[-1].kind != "element":
            lines.append(Line(number, indent, content, block))
        else:
            lines[-1].more.append(content)
        blank = False
    if inference is not None:
        inference.rule = " ".join(rule) or None
    for line in lines:
        if line.more:
            line.text = " ".join([line.text, *line.more])
            line.more = []
    return lines
