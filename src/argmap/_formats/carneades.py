"""Carneades argument graphs in YAML (Carneades 4): statements, issues, arguments, assumptions.

Statements become propositions, arguments supports (an ``undercutter`` or ``exceptions`` of one
undercuts it), the positions of an issue rebut each other (they are alternatives), assumptions
are tagged ``assumed``.  What argmap cannot hold — proof standards, weights, argument schemes,
the expected labels of ``tests`` … — is named once per kind in a warning with its count
(docs/formats.md has the table).
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from typing import Any

from .._model import Diagnostic, Document, Metadata, ParseError, Proposition, Rebuttal, Support, Undercut
from .common import Ids, Report, brief, scalar

__all__ = ["from_carneades", "looks_like_carneades", "read"]

#: the top-level keys of a Carneades graph (``tests``: the labels Carneades should give)
_KNOWN = ("meta", "statements", "issues", "arguments", "assumptions", "tests", "argument_schemes",
          "issue_schemes", "language", "weighing_functions", "labels")  # fmt: skip
#: blocks argmap does not instantiate: left out, counted (X805)
_RULES = {"argument_schemes": "argument scheme(s)", "issue_schemes": "issue scheme(s)",
          "language": "language template(s)", "weighing_functions": "weighing function(s)",
          "labels": "label(s)"}  # fmt: skip
MAX_CHARS = (
    1_000_000  #: a larger file is refused (the corpus's largest is 15,000 characters; YAML reads ~0.4 MB/s)
)
MAX_DEPTH = 32  #: YAML nested deeper is refused (a Carneades graph nests 5 levels)
MAX_POSITIONS = 20  #: positions of one issue that rebut each other (the rest are left out, X802)
MAX_ISSUE_REBUTTALS = 100_000  #: rebuttals all issues together give (the rest are left out, X802)
#: the comment on the premise made for an argument without premises (X808)
APPLIES = "Carneades argument without premises: this premise stands for its applying"
_LOOKS = re.compile(r"(?m)^(statements|arguments)[ \t]*:")


def looks_like_carneades(text: str) -> bool:
    """Whether YAML ``text`` (of no known suffix) has top-level ``statements`` and ``arguments``."""
    return {m.group(1) for m in _LOOKS.finditer(text[:MAX_CHARS])} == {"statements", "arguments"}


def _load(text: str, report: Report) -> Any:
    """The YAML data, or a located X800 error: too large, aliases, too deep, not YAML."""
    import yaml

    if len(text) > MAX_CHARS:
        report.fail("X800", f"too large a Carneades file: {len(text):,} characters (at most {MAX_CHARS:,})",
                    text.count("\n", 0, MAX_CHARS) + 1)  # fmt: skip
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        depth = 0
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):  # each alias stands for a copy of what it names
                report.fail("X800", "a YAML alias (*name), which argmap does not expand: write the value out",
                            *_at(event.start_mark))  # fmt: skip
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
            if depth > MAX_DEPTH:
                report.fail("X800", f"YAML nested more than {MAX_DEPTH} deep", *_at(event.start_mark))
        data = yaml.load(text, Loader=loader)
    except ParseError:
        raise
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        report.fail("X800", f"not valid YAML: {getattr(e, 'problem', None) or e}", *_at(mark))
    except ValueError as e:  # an integer of more digits than Python converts
        report.fail("X800", f"not readable YAML: {str(e).splitlines()[0]}", 1)
    return report.clean_data(data) if "\\" in text else data


def _at(mark: Any) -> tuple[int, int]:
    """The line and column of a YAML mark (counted from 1)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _scalar(value: object) -> str | None:
    """A key or a name: text, a number or a date (YAML reads ``2008-04-13`` as one)."""
    return value.isoformat() if isinstance(value, datetime.date) else scalar(value)


class _Reader:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.ids = Ids("s")
        self.props: dict[str, Proposition] = {}  # by Carneades key
        self.relations: list[Support | Rebuttal | Undercut] = []

    def text(self, value: object, what: str) -> str | None:
        """A field holding text, as one line (a date as ``2008-04-13``; a list or mapping: X002)."""
        return self.report.text(value.isoformat() if isinstance(value, datetime.date) else value, what)

    def mapping(self, value: object, what: str) -> dict[Any, Any]:
        if value is None or isinstance(value, dict):
            return value or {}
        self.report.warn("X002", f"{what} is {brief(value)}, not a mapping; left out")
        return {}

    def keys(self, value: object, what: str) -> list[str]:
        """A statement key or a list of them, as text (what is not text is left out, X002)."""
        items = value if isinstance(value, list) else [] if value is None else [value]
        out = []
        for item in items:
            key = _scalar(item)
            if key is None:
                self.report.warn("X002", f"{what} is {brief(item)}, not a statement; left out")
            else:
                out.append(self.report.clean(key))
        return out

    def statement(self, key: str, text: str | None = None) -> str:
        """The id of statement ``key``, made on first mention (text: the key, unless given)."""
        if key not in self.props:
            sid = self.ids.fresh(key.replace("¬", "not_"))  # ¬ is part of a name: no negation
            line = self.text(key, "a statement key") or sid
            note = () if sid == key else (f"Carneades statement {line}",)
            self.props[key] = Proposition(sid, text or line, comments=note)
        return self.props[key].id

    def assume(self, key: str) -> None:
        p = self.props[key]
        if "assumed" not in p.tags:
            self.props[key] = Proposition(p.id, p.text, tags=(*p.tags, "assumed"), comments=p.comments)


def from_carneades(text: str, *, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """Read a Carneades 4 argument graph in YAML; return the document and warnings."""
    report = Report(path)
    data = _load(report.source(text.lstrip("\ufeff")), report)
    if not isinstance(data, dict) or not any(k in data for k in _KNOWN):
        report.fail("X800", "not a Carneades argument graph: no mapping with statements, arguments or issues",
                    1, hint="the top level holds meta, statements, issues, arguments, assumptions")  # fmt: skip
    r = _Reader(report)
    extra = [str(k) for k in data if k not in _KNOWN]
    if extra:
        report.warn("X807", f"unknown top-level field(s) left out: {', '.join(sorted(extra)[:10])}")
    meta = r.mapping(data.get("meta"), "meta")
    title, source = (r.text(meta.get(k), f"meta.{k}") for k in ("title", "source"))
    notes = [r.text(f"{k}: {v}", "a note") or "" for k, v in meta.items() if k not in ("title", "source")
             for v in [r.text(v, f"meta.{k}")] if v]  # fmt: skip
    unknown: Counter[str] = Counter()
    for key, value in r.mapping(data.get("statements"), "statements").items():
        k = _scalar(key)
        if k is None:
            report.warn("X002", f"a statement key is {brief(key)}, not text; left out")
            continue
        fields = value if isinstance(value, dict) else {"text": value}
        unknown.update(f"statements.{f}" for f in fields if f not in ("text", "assumed"))
        r.statement(report.clean(k), r.text(fields.get("text"), f"the text of statement {k}"))
        if fields.get("assumed") is True:
            r.assume(report.clean(k))
        elif fields.get("assumed") not in (None, False):
            report.warn("X002", f"assumed of statement {k} is {brief(fields['assumed'])}, not true or false")
    for key in r.keys(data.get("assumptions"), "an assumption"):
        r.statement(key)
        r.assume(key)
    weights = _arguments(r, r.mapping(data.get("arguments"), "arguments"), unknown)
    _issues(r, r.mapping(data.get("issues"), "issues"), unknown)
    for block, what in _RULES.items():
        value = data.get(block)
        if value:
            count = len(value) if isinstance(value, (list, dict)) else 1
            report.warn("X805", f"{count} {what} left out: argmap holds an argument graph, not the rules "
                        "that build one")  # fmt: skip
            if block == "argument_schemes" and isinstance(value, list):
                weights += sum(isinstance(s, dict) and s.get("weight") is not None for s in value)
    if weights:
        report.warn("X804", f"{weights} weight(s) left out: argmap's arguments have no weights")
    if data.get("tests"):
        report.warn("X806", "the expected labels (tests: in, out, undecided) are not kept")
    if unknown:
        report.warn(
            "X807", "unknown field(s) left out: " + ", ".join(f"{f} ({n})" for f, n in unknown.items())
        )
    doc = Document(Metadata(title=title, source=source), (), list(r.props.values()), r.relations, path=path,
                   comments=notes)  # fmt: skip
    return doc, report.finish()


def _arguments(r: _Reader, arguments: dict[Any, Any], unknown: Counter[str]) -> int:
    """Each argument as a support, its undercutter and exceptions as undercuts; the weights found."""
    weights, dropped, bare = 0, [], 0
    for key, arg in arguments.items():
        name = _scalar(key)
        if name is None or not isinstance(arg, dict):
            r.report.warn("X002", f"an argument {brief(key)} is {brief(arg)}, not a mapping; left out")
            continue
        name = r.report.clean(name)
        unknown.update(
            f"arguments.{f}"
            for f in arg
            if f not in ("conclusion", "premises", "scheme", "undercutter", "exceptions", "weight")
        )
        weights += arg.get("weight") is not None
        raw = arg.get("premises")
        roles = raw if isinstance(raw, dict) else {}
        premises = r.keys(list(roles.values()) if roles else raw, f"a premise of argument {name}")
        conclusion = r.keys(arg.get("conclusion"), f"the conclusion of argument {name}")
        attackers = r.keys(arg.get("undercutter"), f"the undercutter of argument {name}")
        attackers += r.keys(arg.get("exceptions"), f"an exception of argument {name}")
        if len(conclusion) != 1:
            dropped.append(f"{name}{f' (and {len(attackers)} undercutter(s))' if attackers else ''}")
            continue
        ids = [r.statement(k) for k in (*conclusion, *premises, *attackers)]  # statements first: their names
        sid = r.ids.fresh(name)
        if not premises:  # a support needs a premise: one that stands for the argument's applying
            pid = r.ids.fresh(f"app_{sid}")
            r.props["\0" + name] = Proposition(pid, f"Argument {sid} applies.", comments=[APPLIES])
            ids.insert(1, pid)
            premises, bare = [pid], bare + 1
        notes = [] if sid == name else [f"Carneades argument {name}"]
        if roles:
            notes.append(
                "premises: " + ", ".join(f"{role} {_scalar(k) or brief(k)}" for role, k in roles.items())
            )
        scheme = r.text(arg.get("scheme"), f"the scheme of argument {name}")
        r.relations.append(Support(sid, list(dict.fromkeys(ids[1 : 1 + len(premises)])), ids[0], scheme or None,
                                   comments=[r.text(n, "a note") or "" for n in notes]))  # fmt: skip
        for attacker in dict.fromkeys(ids[1 + len(premises) :]):
            r.relations.append(Undercut(attacker, sid))
    if dropped:
        r.report.warn("X801", f"{len(dropped)} argument(s) without one conclusion left out: "
                      f"{'; '.join(dropped[:5])}{' …' if len(dropped) > 5 else ''}")  # fmt: skip
    if bare:
        r.report.warn("X808", f"{bare} argument(s) without premises: each is given one premise, app_<id> "
                      "'Argument <id> applies.', as argmap's supports need one")  # fmt: skip
    return weights


def _issues(r: _Reader, issues: dict[Any, Any], unknown: Counter[str]) -> None:
    """The positions of each issue rebut each other; proof standards are kept in comments (X803)."""
    standards: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    small, cut = [], 0
    for key, issue in issues.items():
        name = r.report.clean(_scalar(key) or brief(key))
        if not isinstance(issue, dict):
            r.report.warn("X002", f"issue {name} is {brief(issue)}, not a mapping; left out")
            continue
        unknown.update(f"issues.{f}" for f in issue if f not in ("positions", "standard"))
        raw = issue.get("positions")
        positions = list(dict.fromkeys(map(r.statement, r.keys(raw, f"a position of issue {name}"))))
        standard = r.text(issue.get("standard"), f"the standard of issue {name}")
        if standard:
            standards[standard] += 1
        if len(positions) < 2:
            small.append(name)
            continue
        if len(positions) > MAX_POSITIONS:
            cut += len(positions) - MAX_POSITIONS
            positions = positions[:MAX_POSITIONS]
        note = r.text(f"issue {name}" + (f" (proof standard {standard})" if standard else ""), "a note")
        for a in positions:
            for b in positions:
                if a != b and (a, b) not in seen and len(seen) < MAX_ISSUE_REBUTTALS:
                    seen.add((a, b))
                    r.relations.append(Rebuttal(a, b, comments=[note or "issue"]))
                elif a != b and (a, b) not in seen:
                    cut += 1
    if small:
        r.report.warn("X802", f"{len(small)} issue(s) with fewer than two positions give no rebuttal: "
                      f"{', '.join(small[:5])}")  # fmt: skip
    if cut:
        r.report.warn(
            "X802",
            f"{cut} position(s) or rebuttals of issues past argmap's limits "
            f"({MAX_POSITIONS} positions an issue, {MAX_ISSUE_REBUTTALS:,} rebuttals) left out",
        )
    if standards:
        r.report.warn(
            "X803",
            f"{sum(standards.values())} proof standard(s) ("
            + ", ".join(f"{s} ×{n}" for s, n in standards.items())
            + ") kept only as comments: argmap's evaluation has no proof standards",
        )


def read(text: str, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """The format registry's reader: :func:`from_carneades`."""
    return from_carneades(text, path=path)
