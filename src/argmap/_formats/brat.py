"""brat standoff (``.ann`` beside its ``.txt``): argument components and their relations.

Text-bound annotations (``T1<TAB>Claim 10 42<TAB>text``) become propositions
(``MajorClaim`` a thesis, ``Premise`` a premise, other types a claim tagged
with the type).  Relations ``R1<TAB>supports Arg1:T2 Arg2:T1`` become supports,
``attack``/``rebuttal`` rebuttals, ``undercutter`` an undercut of the one
support that leads from its target, ``agreement`` an agreement.  A ``Stance``
attribute (For/Against) on a claim without a relation of its own links it to
the major claim, as the argument-annotated essays do.  When the offsets no
longer fit the ``.txt`` (edited text), the words are looked for nearby and the
drift is reported.
"""

from __future__ import annotations

import os
import re

from .._model import Agreement, Diagnostic, Document, Kind, Proposition, Rebuttal, Relation, Support, Undercut
from .common import Ids, Report, one_line

__all__ = ["from_brat"]

_KINDS = {"majorclaim": Kind.THESIS, "claim": Kind.CLAIM, "premise": Kind.PREMISE, "evidence": Kind.EVIDENCE}
_SUPPORT = {"support", "supports", "sup", "supporting"}
_ATTACK = {"attack", "attacks", "rebuttal", "rebut", "rebuts", "contra", "att"}
_UNDERCUT = {"undercut", "undercuts", "undercutter"}
_AGREE = {"agreement", "agree", "agrees"}
_SPAN = re.compile(r"^(\S+) (\d+) (\d+)((?:;\d+ \d+)*)$")


def _read_txt(path: str | None, report: Report) -> str | None:
    if path is None or path == "<stdin>":
        return None
    txt = os.path.splitext(path)[0] + ".txt"
    try:
        with open(txt, encoding="utf-8-sig") as f:
            return f.read()
    except OSError:
        report.warn("X601", f"{os.path.basename(txt)} is missing: offsets cannot be checked")
        return None


def from_brat(
    text: str, *, path: str | None = None, source: str | None = None
) -> tuple[Document, list[Diagnostic]]:
    """Read a brat ``.ann`` (``source``: the ``.txt``; read from beside ``path`` if not given)."""
    report = Report(path)
    if source is None:
        source = _read_txt(path, report)
    ids = Ids()
    props: dict[str, Proposition] = {}
    relations: list[tuple[str, str, str, str, int]] = []  # (key, kind, arg1, arg2, line)
    stance: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        key = fields[0]
        if key.startswith("T") and len(fields) >= 2:
            m = _SPAN.match(fields[1])
            if not m:
                report.warn("X602", f"annotation {key} has no readable offsets; left out", number)
                continue
            label, start, end = m.group(1), int(m.group(2)), int(m.group(3))
            words = fields[2] if len(fields) > 2 else ""
            words = _located(words, start, end, source, key, number, report)
            role = _KINDS.get(label.lower(), Kind.CLAIM)
            tags = [] if label.lower() in _KINDS else [re.sub(r"[\s,]+", "-", label)]
            props[key] = Proposition(ids.get(key), one_line(words), role, tags=tags)
        elif key.startswith("R") and len(fields) >= 2:
            parts = fields[1].split()
            args = dict(p.split(":", 1) for p in parts[1:] if ":" in p)
            if len(parts) < 3 or len(args) < 2:
                report.warn("X603", f"relation {key} needs two arguments; left out", number)
                continue
            first, second = list(args.values())[:2]
            relations.append((key, parts[0].lower(), first, second, number))
        elif key.startswith("A") and len(fields) >= 2:
            parts = fields[1].split()
            if len(parts) == 3 and parts[0].lower() == "stance":
                stance[parts[1]] = parts[2].lower()
    rels: list[Relation] = []
    supports: dict[str, Support] = {}
    for key, kind, a, b, number in relations:
        if a not in props or b not in props:
            report.warn(
                "X603", f"relation {key} names {a if a not in props else b}, which is not a component", number
            )
        elif kind in _SUPPORT:
            supports[key] = Support(ids.get(key), [props[a].id], props[b].id)
            rels.append(supports[key])
        elif kind in _ATTACK:
            rels.append(Rebuttal(props[a].id, props[b].id))
        elif kind in _AGREE:
            rels.append(Agreement(props[b].id))
        elif kind not in _UNDERCUT:
            report.warn(
                "X604", f"relation type {kind!r} of {key} has no argmap counterpart; left out", number
            )
    for key, kind, a, b, number in relations:
        if kind in _UNDERCUT and a in props and b in props:
            leading = [s for s in supports.values() if s.premises == (props[b].id,)]
            if len(leading) == 1:
                rels.append(Undercut(props[a].id, leading[0].id))
            else:
                report.warn(
                    "X604",
                    f"undercutter {key}: {b} leads to {len(leading)} supports, not one; left out",
                    number,
                )
    related = {a for _, _, a, _, _ in relations}
    majors = [p.id for p in props.values() if p.kind is Kind.THESIS]
    for key, value in stance.items():
        if key in props and key not in related and majors:
            for major in majors:
                if value == "for":
                    rels.append(Support(ids.fresh(f"stance-{key}"), [props[key].id], major))
                elif value == "against":
                    rels.append(Rebuttal(props[key].id, major))
    return Document(propositions=list(props.values()), relations=rels, path=path), report.diagnostics


def _located(
    words: str, start: int, end: int, source: str | None, key: str, line: int, report: Report
) -> str:
    """The annotated words, checked against the text; drifted offsets are looked for nearby."""
    if source is None:
        return words
    if source[start:end] == words or not words:
        return words or source[start:end]
    found = [m.start() for m in re.finditer(re.escape(words), source)]
    if found:
        nearest = min(found, key=lambda i: abs(i - start))
        report.warn(
            "X605",
            f"annotation {key}: the words stand at offset {nearest}, not {start} (the text has shifted)",
            line,
        )
    else:
        report.warn(
            "X605",
            f"annotation {key}: its words are not in the text (offsets {start}-{end}); the annotation's words are kept",
            line,
        )
    return words


def read(text: str, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """The format registry's reader: :func:`from_brat`."""
    return from_brat(text, path=path)
