"""Kialo's text export: ``Discussion Title:``, then numbered claims ``1.2.3. Pro: text``.

Each claim becomes a proposition whose id is its number; ``Pro`` gives a
support of the parent claim, ``Con`` a rebuttal of it.  ``-> See 1.2.2.``
claims are links: the claim named supports (or rebuts) this parent too, so the
discussion becomes a graph rather than a tree.
"""

from __future__ import annotations

import re

from .._model import Diagnostic, Document, Kind, Metadata, Proposition, Rebuttal, Support
from .common import Report, one_line

__all__ = ["from_kialo"]

_CLAIM = re.compile(r"^((?:\d+\.)+)\s*(?:(Pro|Con):\s*)?(.*)$")
_LINK = re.compile(r"^->\s*See\s+((?:\d+\.)*\d+)\.?\s*$")
#: a Markdown backslash escape, as Kialo writes them (``\(`` …): any ASCII punctuation mark
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _text(raw: str) -> str:
    """A claim's text as one line, its backslash escapes undone (``\\(NAAWP\\)`` is ``(NAAWP)``)."""
    return one_line(_ESCAPE.sub(r"\1", raw))


def from_kialo(text: str, *, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """Read a Kialo text export; return the document and warnings (unknown links, stray lines)."""
    report = Report(path)
    title: str | None = None
    #: (number, stance, the lines of its text, line)
    entries: list[tuple[str, str | None, list[str], int]] = []
    for number, raw in enumerate(report.source(text.lstrip("\ufeff")).splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if title is None and not entries and line.startswith("Discussion Title:"):
            title = _text(line[len("Discussion Title:") :]) or None
            continue
        m = _CLAIM.match(line)
        if m:
            entries.append((m.group(1).rstrip("."), m.group(2), [m.group(3)], number))
        elif entries:  # a claim that runs over several lines, joined once at the end: joining each
            # in turn cost the square (tests/convert/test_limits.py::
            # test_kialo_continuation_lines_are_joined_in_linear_time)
            entries[-1][2].append(line)
        else:
            report.warn("X401", "text before the first numbered claim is left out", number)
    if not entries:
        report.fail("X400", "not a Kialo export: no numbered claims ('1. ...', '1.1. Pro: ...')")
    props: dict[str, Proposition] = {}
    rels: list[Support | Rebuttal | None] = []
    links: list[tuple[str, str | None, str, int]] = []
    numbers: set[str] = set()
    claims: list[tuple[str, str | None, int]] = []
    for num, stance, lines, at in entries:
        body = " ".join(lines)
        if num in numbers:  # a claim or a link: each number names one (and gives the support's id)
            report.warn("X402", f"claim {num} appears twice; the second is left out", at)
            continue
        numbers.add(num)
        link = _LINK.match(body.strip())
        if link:
            links.append((num, stance, link.group(1), at))
            continue
        kind = Kind.THESIS if "." not in num else Kind.CLAIM
        props[num] = Proposition(num, _text(body), kind)
        claims.append((num, stance, at))
    for num, stance, at in claims:
        if "." in num:
            rels.append(_relation(num, num, stance, props, report, at))
    for num, stance, target, at in links:
        if target not in props:
            report.warn("X403", f"claim {num} links to {target}, which is not in the discussion", at)
            continue
        rels.append(_relation(num, target, stance, props, report, at))
    relations = [r for r in rels if r is not None]
    doc = Document(Metadata(title=title), (), list(props.values()), relations, path=path)
    return doc, report.finish()


def _relation(
    num: str, source: str, stance: str | None, props: dict[str, Proposition], report: Report, line: int
) -> Support | Rebuttal | None:
    parent = num.rsplit(".", 1)[0]
    if parent not in props:
        report.warn("X403", f"claim {num} has no parent claim {parent}", line)
        return None
    if stance == "Con":
        return Rebuttal(source, parent)
    return Support(f"s{num}", [source], parent)


def read(text: str, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """The format registry's reader: :func:`from_kialo`."""
    return from_kialo(text, path=path)
