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
#: offsets of up to 18 digits: longer ones point past any text (and past what int() converts)
_SPAN = re.compile(r"^(\S+) (\d{1,18}) (\d{1,18})((?:;\d+ \d+)*)$")
#: how far from its offsets (and from them shifted as the last drifted annotation was) an
#: annotation's words are looked for when they are not at the offsets
_NEAR = 2000


def _read_txt(path: str | None, report: Report) -> str | None:
    if path is None or path == "<stdin>":
        return None
    txt = os.path.splitext(path)[0] + ".txt"
    try:
        with open(txt, encoding="utf-8-sig") as f:
            return report.clean(f.read())
    except OSError:
        report.warn("X601", f"{os.path.basename(txt)} is missing: offsets cannot be checked")
    except UnicodeDecodeError as e:
        report.warn("X601", f"{os.path.basename(txt)} is not UTF-8 text (byte 0x{e.object[e.start]:02x} at "
                    f"offset {e.start}): offsets cannot be checked", hint="save it as UTF-8")  # fmt: skip
    return None


def from_brat(
    text: str, *, path: str | None = None, source: str | None = None
) -> tuple[Document, list[Diagnostic]]:
    """Read a brat ``.ann`` (``source``: the ``.txt``; read from beside ``path`` if not given)."""
    report = Report(path)
    text = report.source(text)
    if source is None:
        source = _read_txt(path, report)
    else:
        source = report.clean(source)
    drift = [0]  # the shift of the last annotation found away from its offsets
    ids = Ids()
    props: dict[str, Proposition] = {}
    relations: list[tuple[str, str, str, str, int]] = []  # (key, kind, arg1, arg2, line)
    stance: dict[str, str] = {}
    seen: set[str] = set()  # the ids of text-bound annotations and relations
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        key = fields[0]
        if key[:1] in ("T", "R") and len(fields) >= 2:
            if key in seen:
                report.warn("X606", f"annotation {key} appears twice; the second is left out", number)
                continue
            seen.add(key)
        if key.startswith("T") and len(fields) >= 2:
            m = _SPAN.match(fields[1])
            if not m:
                report.warn("X602", f"annotation {key} has no readable offsets; left out", number)
                continue
            label, start, end = m.group(1), int(m.group(2)), int(m.group(3))
            words = fields[2] if len(fields) > 2 else ""
            words = _located(words, start, end, source, key, number, report, drift)
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
    return Document(propositions=list(props.values()), relations=rels, path=path), report.finish()


def _located(
    words: str,
    start: int,
    end: int,
    source: str | None,
    key: str,
    line: int,
    report: Report,
    drift: list[int],
) -> str:
    """The annotated words, checked against the text; drifted offsets are looked for nearby.

    Nearby is within :data:`_NEAR` characters of the offsets, or of the offsets shifted as
    the last drifted annotation was (edited text shifts the annotations after the edit
    alike).  Searching the whole text for each drifted annotation took time proportional
    to the text times the annotations (tests/convert/test_limits.py::
    test_brat_looks_for_drifted_words_near_their_offsets_only).
    """
    if source is None:
        return words
    if source[start:end] == words or not words:
        return words or source[start:end]
    found = [_nearest(source, words, start + shift) for shift in dict.fromkeys((drift[0], 0))]
    at = min((f for f in found if f is not None), key=lambda i: abs(i - start - drift[0]), default=None)
    if at is not None:
        drift[0] = at - start
        report.warn(
            "X605",
            f"annotation {key}: the words stand at offset {at}, not {start} (the text has shifted)",
            line,
        )
    else:
        report.warn(
            "X605",
            f"annotation {key}: its words are not in the text near offsets {start}-{end}; "
            "the annotation's words are kept",
            line,
        )
    return words


def _nearest(source: str, words: str, center: int) -> int | None:
    """Where ``words`` stands in ``source`` nearest to offset ``center``, within :data:`_NEAR`."""
    lo, hi = max(0, center - _NEAR), min(len(source), center + _NEAR + len(words))
    after = source.find(words, max(center, lo), hi)
    before = source.rfind(words, lo, max(min(center, hi) + len(words) - 1, lo))
    found = [i for i in (after, before) if i != -1]
    return min(found, key=lambda i: abs(i - center)) if found else None


def read(text: str, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """The format registry's reader: :func:`from_brat`."""
    return from_brat(text, path=path)
