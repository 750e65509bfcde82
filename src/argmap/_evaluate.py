"""Which claims stand: an annotated map → an abstract framework → labels with reasons.

The translation (docs/evaluation.md has worked examples):

* every proposition is an argument, and so is every support (its *inference*,
  named by the support's id);
* ``rebut a -> t`` is the attack (a, t); ``undercut u -> s`` the attack (u, s);
* an inference needs all its premises: each premise is a *necessary* support of
  it, so whatever attacks a premise attacks the inference;
* the inference supports its conclusion, read as *deductive* (the default: what
  attacks the conclusion attacks the argument for it, and the argument makes the
  conclusion's attacks its own) or as *necessary* (what attacks the inference
  attacks the conclusion, and the conclusion makes the inference's attacks its own);
* a restatement makes the two propositions interchangeable (necessary support
  both ways);
* agreements and concessions are moves in the dialogue, not logic: ignored.

Attacks are closed under these rules (Cayrol & Lagasquie-Schiex's supported,
mediated, secondary and extended attacks) until nothing changes.
"""

from __future__ import annotations

import attrs

from ._document import Document
from ._errors import UsageError
from ._gc import without_gc
from .af import AF, SEMANTICS, extensions, grounded_labelling

__all__ = ["Evaluation", "evaluate", "to_framework"]

NAMES = {
    "grounded": "GR", "complete": "CO", "preferred": "PR", "stable": "ST",
    "semi-stable": "SST", "stage": "STG", "ideal": "ID",
}  # fmt: skip
SUPPORT_READINGS = ("deductive", "necessary")


@attrs.frozen
class Translation:
    af: AF
    why: dict  # (attacker, attacked) -> how the attack arises, in words


@without_gc  # a large map gives hundreds of thousands of attack pairs and reasons, and no cycles
def to_framework(doc: Document, *, support: str = "deductive") -> Translation:
    """The abstract framework of ``doc`` (see the module docstring), with the origin of each attack."""
    if support not in SUPPORT_READINGS:
        raise UsageError(f"support must be 'deductive' or 'necessary', not {support!r}")
    props = list(doc.propositions_by_id)
    sups = [s for s in doc.supports_by_id.values() if s.id not in doc.propositions_by_id]
    known = set(props) | {s.id for s in sups}
    why: dict[tuple[str, str], str] = {}
    for r in doc.rebuttals:
        if r.attacker in known and r.target in known:
            why.setdefault((r.attacker, r.target), f"{r.attacker} rebuts {r.target}")
    for u in doc.undercuts:
        if u.attacker in known and u.target in known:
            why.setdefault((u.attacker, u.target), f"{u.attacker} undercuts the inference {u.target}")
    necessary: list[tuple[str, str]] = []  # (a, b): b needs a
    deductive: list[tuple[str, str]] = []  # (a, b): a holding makes b hold
    for s in sups:
        if s.conclusion not in known:
            continue
        necessary += [(p, s.id) for p in dict.fromkeys(s.premises) if p in known]
        (deductive if support == "deductive" else necessary).append((s.id, s.conclusion))
    for r in doc.restatements:
        if r.source in known and r.target in known and r.source != r.target:
            necessary += [(r.source, r.target), (r.target, r.source)]
    _close(why, necessary, deductive)
    return Translation(AF(props + [s.id for s in sups], why), why)


def _close(why: dict, necessary, deductive) -> None:
    """Add the attacks the support rules imply, until nothing changes."""
    need_of: dict[str, list[str]] = {}
    for a, b in necessary:
        need_of.setdefault(a, []).append(b)
    ded_into: dict[str, list[str]] = {}
    for a, b in deductive:
        ded_into.setdefault(b, []).append(a)
    todo = list(why)
    while todo:
        x, y = todo.pop()
        new = []
        for b in need_of.get(y, ()):  # secondary: x attacks y, y is needed by b
            new.append(((x, b), f"{x} attacks {y}, which {b} needs"))
        for b in need_of.get(x, ()):  # extended: x attacks y, x is needed by b
            new.append(((b, y), f"{b} needs {x}, which attacks {y}"))
        for a in ded_into.get(y, ()):  # mediated: x attacks y, a deductively supports y
            new.append(((x, a), f"{x} attacks {y}, the conclusion of {a}"))
        for a in ded_into.get(x, ()):  # supported: a deductively supports x, x attacks y
            new.append(((a, y), f"{a} supports {x}, which attacks {y}"))
        for pair, reason in new:
            if pair not in why:
                why[pair] = reason
                todo.append(pair)


@attrs.frozen
class Evaluation:
    """Labels (IN / OUT / UNDEC) or scores, with a reason for each proposition."""

    semantics: str
    labels: dict
    reasons: dict
    extensions: int | None = None

    def as_dict(self) -> dict:
        return {
            "semantics": self.semantics,
            "extensions": self.extensions,
            "propositions": {k: {"value": v, "reason": self.reasons[k]} for k, v in self.labels.items()},
        }


def evaluate(doc: Document, semantics: str = "grounded", *, support: str = "deductive") -> Evaluation:
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
    labels = {p: status[p] for p in doc.propositions_by_id}
    reasons = {p: _reason(p, af, tr.why, status, code, count) for p in labels}
    return Evaluation(code, labels, reasons, count)


def _reason(p, af, why, status, code, count) -> str:
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


def _because(a, af, status) -> str:
    attackers = af.attackers_of(a)
    if not attackers:
        return "nothing attacks it"
    return "every attacker of it is OUT"


def _brief(a, af, why, status) -> str:
    for b in af.attackers_of(a):
        if status[b] == "IN":
            return f"OUT, attacked by {b}, which is IN"
    return status[a]


def _h_categorizer(doc: Document, support: str) -> Evaluation:
    from .af import h_categorizer

    tr = to_framework(doc, support=support)
    weights = {p.id: p.base for p in doc.propositions if p.base is not None}
    scores = h_categorizer(tr.af, weights)
    labels = {p: round(scores[p], 6) for p in doc.propositions_by_id}
    reasons = {}
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
    from ._dfquad import DEFAULT_BASE, df_quad

    scores, converged = df_quad(doc)
    labels = {p: round(v, 6) for p, v in scores.items()}
    note = "" if converged else " (the iteration did not settle: cycles; the value is approximate)"
    reasons = {}
    for p, q in doc.propositions_by_id.items():
        base = q.base if q.base is not None else DEFAULT_BASE
        against = [r.attacker for r in doc.relations_to(p) if r.kind == "rebuttal"]
        for_ = [r.id for r in doc.relations_to(p) if r.kind == "support"]
        parts = [f"base {base:g}"]
        if for_:
            parts.append("raised by " + ", ".join(for_))
        if against:
            parts.append("lowered by " + ", ".join(against))
        reasons[p] = f"{labels[p]:.3f}: " + "; ".join(parts) + note
    return Evaluation("df-quad", labels, reasons, None)
