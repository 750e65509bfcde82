"""Which claims stand, and why: labels under Dung's semantics, or gradual scores, each with a reason."""

from __future__ import annotations

from html import escape
from typing import Any, Literal, TypeAlias

import attrs

from .._model import Document, Proposition, Rebuttal, Support, UsageError, Voice, strongly_connected
from ..af import AF, SEMANTICS, grounded_labelling, skeptical_labels
from .framework import SupportReading, to_framework

__all__ = ["NAMES", "SEMANTICS_NAMES", "Evaluation", "SemanticsName", "evaluate", "semantics_name"]

#: the semantics :func:`evaluate` knows, by the names the command line and the library take
SemanticsName: TypeAlias = Literal[
    "grounded", "complete", "preferred", "stable", "semi-stable", "stage", "ideal", "h-categorizer", "df-quad"
]
NAMES: dict[SemanticsName, str] = {
    "grounded": "GR", "complete": "CO", "preferred": "PR", "stable": "ST",
    "semi-stable": "SST", "stage": "STG", "ideal": "ID",
}  # fmt: skip
SEMANTICS_NAMES: tuple[str, ...] = (*NAMES, "h-categorizer", "df-quad")


@attrs.frozen
class Evaluation:
    """Labels (IN / OUT / UNDEC) or scores, with a reason for each proposition."""

    #: the semantics, by the name :func:`evaluate` takes ("grounded", "preferred", …, "df-quad")
    semantics: str
    #: proposition id → "IN", "OUT" or "UNDEC", or a score in [0, 1]
    labels: dict[str, str | float]
    #: proposition id → why it has its label, in words
    reasons: dict[str, str]
    #: whether the semantics gives the map at least one extension: False only for stable
    #: semantics when there is no stable extension; None for gradual semantics.  (The
    #: extensions are not counted: counting them means listing them all.)
    has_extension: bool | None = None

    def table(self) -> str:
        """One line per proposition, its id and then its reason (which starts with its label): what
        ``argmap eval`` prints."""
        width = max((len(k) for k in self.labels), default=0)
        return "".join(f"{pid:<{width}}  {self.reasons[pid]}\n" for pid in self.labels)

    def _repr_html_(self) -> str:
        """In a notebook: a table of propositions, labels and reasons (every text escaped)."""
        rows = "".join(
            f"<tr><td>{escape(pid)}</td><td>{escape(str(value))}</td>"
            f"<td style=\"text-align:left\">{escape(self.reasons[pid].partition(': ')[2])}</td></tr>"
            for pid, value in self.labels.items()
        )
        head = f"<caption>{escape(self.semantics)}</caption><tr><th>id</th><th>label</th><th>why</th></tr>"
        return f"<table>{head}{rows}</table>"

    def as_dict(self) -> dict[str, Any]:
        """The JSON form ``argmap eval --format json`` prints."""
        return {
            "semantics": self.semantics,
            "has_extension": self.has_extension,
            "propositions": {k: {"value": v, "reason": self.reasons[k]} for k, v in self.labels.items()},
        }


def evaluate(
    doc: Document, semantics: SemanticsName = "grounded", *, support: SupportReading = "deductive"
) -> Evaluation:
    """Which propositions of ``doc`` stand under ``semantics``, and why.

    With several extensions a proposition is IN when it is in all of them, OUT
    when every one of them attacks it, UNDEC otherwise: acceptance queries on the
    framework (``argmap.af.skeptical_labels``), never a list of its extensions.

    >>> from argmap import parse
    >>> doc = parse("claim a: Tea.\\nclaim b: No tea.\\nclaim c: b is wrong.\\nrebut b -> a\\nrebut c -> b\\n")
    >>> ev = evaluate(doc)
    >>> ev.labels
    {'a': 'IN', 'b': 'OUT', 'c': 'IN'}
    >>> ev.reasons["b"]
    'OUT: attacked by c (c rebuts b), which is IN because nothing attacks it'
    """
    return _voiced(doc, _evaluate(doc, semantics, support))


def _voiced(doc: Document, ev: Evaluation) -> Evaluation:
    """``ev`` with each proposition that is not its author's own saying so at the end of its reason
    (docs/evaluation.md, "Voice"): the label does not change, the reader learns whose it is."""
    notes = {p.id: voice_note(p) for p in doc.propositions_by_id.values() if not p.own}
    if not notes:
        return ev
    reasons = {k: r + notes[k] if k in notes else r for k, r in ev.reasons.items()}
    return attrs.evolve(ev, reasons=reasons)


def voice_note(p: Proposition) -> str:
    """What a reason adds for a proposition that is not its author's own, e.g.
    ``" (reported by a columnist: not the author's own assertion)"``; "" for the author's own."""
    if p.voice is Voice.REPORTED:
        who = f" by {p.reported_by}" if p.reported_by is not None else ""
        return f" (reported{who}: not the author's own assertion)"
    if p.voice is Voice.SUPPOSED:
        return " (supposed: raised to be answered, not the author's own assertion)"
    if p.voice is Voice.IRONIC:
        return " (ironic: the author does not mean it literally)"
    return ""


def semantics_name(semantics: str) -> SemanticsName:
    """The name :func:`evaluate` gives the semantics ``semantics`` names: ``"GR"``, ``"Grounded"``
    and ``"grounded"`` are all ``"grounded"``, ``"dfquad"`` is ``"df-quad"``.

    Raises:
        UsageError: no semantics has that name.
    """
    key = semantics.lower()
    if key in ("h-categorizer", "hcat"):
        return "h-categorizer"
    if key in ("df-quad", "dfquad"):
        return "df-quad"
    code = NAMES.get(key, semantics.upper())  # type: ignore[call-overload]  # (any text may be asked)
    for name, c in NAMES.items():
        if c == code:
            return name
    choices = ", ".join(list(NAMES) + ["h-categorizer", "df-quad"])
    raise UsageError(f"unknown semantics {semantics!r}; choose from {choices}")


def _evaluate(doc: Document, semantics: SemanticsName, support: SupportReading) -> Evaluation:
    name = semantics_name(semantics)
    if name == "h-categorizer":
        return _h_categorizer(doc, support)
    if name == "df-quad":
        return _df_quad(doc)
    code = NAMES[name]
    tr = to_framework(doc, support=support)
    af = tr.af
    exists = True
    if code == "GR":
        lab = grounded_labelling(af)
        status = {a: ("UNDEC", "IN", "OUT")[lab[i]] for i, a in enumerate(af.arguments)}
    else:
        found = skeptical_labels(af, code)
        exists = found is not None
        status = dict(found) if found is not None else dict.fromkeys(af.arguments, "UNDEC")
    labels: dict[str, str | float] = {p: status[p] for p in doc.propositions_by_id}
    circles = _Circles(af)
    reasons = {p: _reason(p, af, tr.why, status, name, exists, circles) for p in labels}
    return Evaluation(name, labels, reasons, exists)


class _Circles:
    """Which arguments lie on a common cycle of attacks (strongly connected), computed once if asked."""

    def __init__(self, af: AF) -> None:
        self.af = af
        self.part: dict[str, int] | None = None

    def together(self, a: str, b: str) -> bool:
        if self.part is None:
            af = self.af
            comps = strongly_connected(range(len(af)), af.attacked.__getitem__)
            self.part = {af.arguments[x]: k for k, comp in enumerate(comps) for x in comp}
        return self.part[a] == self.part[b]


def _reason(
    p: str,
    af: AF,
    why: dict[tuple[str, str], str],
    status: dict[str, str],
    semantics: str,
    exists: bool,
    circles: _Circles,
) -> str:
    label = status[p]
    attackers = list(af.attackers_of(p))
    if not exists:
        return f"{label}: there is no {semantics} extension at all"
    if label == "IN":
        if not attackers:
            return "IN: nothing attacks it"
        first = attackers[0]
        if all(status[a] == "OUT" for a in attackers):
            return f"IN: every attacker is OUT, e.g. {first} ({why[(first, p)]}), which is {_brief(first, af, why, status)}"
        # stage extensions need not defend their members: an attacker can be left unattacked
        b = next(a for a in attackers if status[a] != "OUT")
        return f"IN: in every {semantics} extension; its attacker {b} ({why[(b, p)]}) is in none of them"
    if label == "OUT":
        for a in attackers:
            if status[a] == "IN":
                return f"OUT: attacked by {a} ({why[(a, p)]}), which is IN because {_because(a, af, status, semantics)}"
        return f"OUT: in every {semantics} extension something attacks it"
    open_ = [a for a in attackers if status[a] != "OUT"]
    if open_:
        a = open_[0]
        circle = ": the attacks go round in a circle" if circles.together(a, p) else ""
        return f"UNDEC: attacked by {a} ({why[(a, p)]}), which is itself {status[a]}{circle}"
    return f"UNDEC: some {semantics} extensions leave it out, and not all of them attack it"


def _because(a: str, af: AF, status: dict[str, str], semantics: str) -> str:
    attackers = af.attackers_of(a)
    if not attackers:
        return "nothing attacks it"
    if all(status[b] == "OUT" for b in attackers):
        return "every attacker of it is OUT"
    return f"it is in every {semantics} extension"


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
        against = [" & ".join(r.attackers) for r in doc.relations_to(p) if isinstance(r, Rebuttal)]
        for_ = [r.id for r in doc.relations_to(p) if isinstance(r, Support)]
        parts = [f"base {base:g}"]
        if for_:
            parts.append("raised by " + ", ".join(for_))
        if against:
            parts.append("lowered by " + ", ".join(against))
        reasons[p] = f"{labels[p]:.3f}: " + "; ".join(parts) + note
    return Evaluation("df-quad", labels, reasons, None)
