"""Which claims stand, and why: labels under Dung's semantics, or gradual scores, each with a reason."""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

import attrs

from .._model import Document, Rebuttal, Support, UsageError
from ..af import AF, SEMANTICS, extensions, grounded_labelling
from .framework import SupportReading, to_framework

__all__ = ["NAMES", "SEMANTICS_NAMES", "Evaluation", "SemanticsName", "evaluate"]

#: the semantics :func:`evaluate` knows, by the names the command line and the library take
SemanticsName: TypeAlias = Literal[
    "grounded", "complete", "preferred", "stable", "semi-stable", "stage", "ideal", "h-categorizer", "df-quad"
]
NAMES = {
    "grounded": "GR", "complete": "CO", "preferred": "PR", "stable": "ST",
    "semi-stable": "SST", "stage": "STG", "ideal": "ID",
}  # fmt: skip
SEMANTICS_NAMES: tuple[str, ...] = (*NAMES, "h-categorizer", "df-quad")


@attrs.frozen
class Evaluation:
    """Labels (IN / OUT / UNDEC) or scores, with a reason for each proposition."""

    #: the semantics' code (GR, PR, …) or name (h-categorizer, df-quad)
    semantics: str
    #: proposition id → "IN", "OUT" or "UNDEC", or a score in [0, 1]
    labels: dict[str, str | float]
    #: proposition id → why it has its label, in words
    reasons: dict[str, str]
    #: how many extensions there are (None for gradual semantics)
    extensions: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON form ``argmap eval --format json`` prints."""
        return {
            "semantics": self.semantics,
            "extensions": self.extensions,
            "propositions": {k: {"value": v, "reason": self.reasons[k]} for k, v in self.labels.items()},
        }


def evaluate(
    doc: Document, semantics: SemanticsName = "grounded", *, support: SupportReading = "deductive"
) -> Evaluation:
    """Which propositions of ``doc`` stand under ``semantics``, and why.

    With several extensions a proposition is IN when it is in all of them, OUT
    when every one of them attacks it, UNDEC otherwise.

    >>> from argmap import parse
    >>> doc = parse("claim a: Tea.\\nclaim b: No tea.\\nclaim c: b is wrong.\\nrebut b -> a\\nrebut c -> b\\n")
    >>> ev = evaluate(doc)
    >>> ev.labels
    {'a': 'IN', 'b': 'OUT', 'c': 'IN'}
    >>> ev.reasons["b"]
    'OUT: attacked by c (c rebuts b), which is IN because nothing attacks it'
    """
    key = semantics.lower()
    if key in ("h-categorizer", "hcat"):
        return _h_categorizer(doc, support)
    if key in ("df-quad", "dfquad"):
        return _df_quad(doc)
    code = NAMES.get(key, semantics.upper())
    if code not in SEMANTICS or code in ("CF", "AD"):
        choices = ", ".join(list(NAMES) + ["h-categorizer", "df-quad"])
        raise UsageError(f"unknown semantics {semantics!r}; choose from {choices}")
    tr = to_framework(doc, support=support)
    af = tr.af
    if code == "GR":
        lab = grounded_labelling(af)
        status = {a: "UNDEC IN OUT".split()[lab[i]] for i, a in enumerate(af.arguments)}
        count = 1
    else:
        exts = extensions(af, code)
        count = len(exts)
        status = {}
        for a in af.arguments:
            attackers = set(af.attackers_of(a))
            if exts and all(a in e for e in exts):
                status[a] = "IN"
            elif exts and all(attackers & e for e in exts):
                status[a] = "OUT"
            else:
                status[a] = "UNDEC"
    labels: dict[str, str | float] = {p: status[p] for p in doc.propositions_by_id}
    reasons = {p: _reason(p, af, tr.why, status, code, count) for p in labels}
    return Evaluation(code, labels, reasons, count)


def _reason(
    p: str, af: AF, why: dict[tuple[str, str], str], status: dict[str, str], code: str, count: int
) -> str:
    label = status[p]
    attackers = list(af.attackers_of(p))
    if count == 0:
        return f"{label}: there is no {code} extension at all"
    if label == "IN":
        if not attackers:
            return "IN: nothing attacks it"
        first = attackers[0]
        return f"IN: every attacker is OUT, e.g. {first} ({why[(first, p)]}), which is {_brief(first, af, why, status)}"
    if label == "OUT":
        for a in attackers:
            if status[a] == "IN":
                return f"OUT: attacked by {a} ({why[(a, p)]}), which is IN because {_because(a, af, status)}"
        return f"OUT: in every {code} extension something attacks it"
    open_ = [a for a in attackers if status[a] != "OUT"]
    if open_:
        a = open_[0]
        return f"UNDEC: attacked by {a} ({why[(a, p)]}), which is itself {status[a]}: the attacks go round in a circle"
    return f"UNDEC: in some {code} extensions but not all"


def _because(a: str, af: AF, status: dict[str, str]) -> str:
    attackers = af.attackers_of(a)
    if not attackers:
        return "nothing attacks it"
    return "every attacker of it is OUT"


def _brief(a: str, af: AF, why: dict[tuple[str, str], str], status: dict[str, str]) -> str:
    for b in af.attackers_of(a):
        if status[b] == "IN":
            return f"OUT, attacked by {b}, which is IN"
    return status[a]


def _h_categorizer(doc: Document, support: SupportReading) -> Evaluation:
    from ..af import h_categorizer

    tr = to_framework(doc, support=support)
    weights = {p.id: p.base for p in doc.propositions if p.base is not None}
    scores = h_categorizer(tr.af, weights)
    labels: dict[str, str | float] = {p: round(scores[p], 6) for p in doc.propositions_by_id}
    reasons: dict[str, str] = {}
    for p in labels:
        attackers = tr.af.attackers_of(p)
        base = weights.get(p, 1.0)
        if not attackers:
            reasons[p] = f"{labels[p]:.3f}: its base score ({base:g}); nothing attacks it"
        else:
            names = ", ".join(f"{a} ({scores[a]:.2f})" for a in attackers[:5])
            reasons[p] = f"{labels[p]:.3f}: base {base:g} divided by 1 + the scores of its attackers {names}"
    return Evaluation("h-categorizer", labels, reasons, None)


def _df_quad(doc: Document) -> Evaluation:
    from .dfquad import DEFAULT_BASE, df_quad

    scores, converged = df_quad(doc)
    labels: dict[str, str | float] = {p: round(v, 6) for p, v in scores.items()}
    note = "" if converged else " (the iteration did not settle: cycles; the value is approximate)"
    reasons: dict[str, str] = {}
    for p, q in doc.propositions_by_id.items():
        base = q.base if q.base is not None else DEFAULT_BASE
        against = [r.attacker for r in doc.relations_to(p) if isinstance(r, Rebuttal)]
        for_ = [r.id for r in doc.relations_to(p) if isinstance(r, Support)]
        parts = [f"base {base:g}"]
        if for_:
            parts.append("raised by " + ", ".join(for_))
        if against:
            parts.append("lowered by " + ", ".join(against))
        reasons[p] = f"{labels[p]:.3f}: " + "; ".join(parts) + note
    return Evaluation("df-quad", labels, reasons, None)
