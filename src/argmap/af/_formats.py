"""ICCMA file formats: APX (``arg(a). att(a,b).``), TGF and ICCMA'23 (``p af N``)."""

from __future__ import annotations

import re
from typing import TypeAlias

from .._model import Diagnostic, ParseError, Severity, Span, UsageError
from ._framework import AF

__all__ = ["read_af", "write_af", "AF_FORMATS"]

#: The framework file formats :func:`read_af` and :func:`write_af` know.
AF_FORMATS: tuple[str, ...] = ("apx", "tgf", "i23")

_APX = re.compile(r"\s*(arg|att)\s*\(\s*([^,()\s]+)\s*(?:,\s*([^,()\s]+)\s*)?\)\s*\.\s*")


#: What a reader finds: argument names, each attack with the line it is first on, and problems.
_Read: TypeAlias = tuple[list[str], dict[tuple[str, str], int], list[Diagnostic]]


def _error(path: str | None, line: int, message: str, column: int = 1) -> Diagnostic:
    return Diagnostic("A001", Severity.ERROR, message, Span(line, column, line, column + 1), path)


def read_af(text: str, format: str, *, path: str | None = None) -> AF:
    """Read a framework in ``format`` (apx, tgf or i23), reporting every bad line.

    Raises:
        ParseError: with code A001 and a location per problem.
        UsageError: ``format`` is none of these.
    """
    reader = {"apx": _apx, "tgf": _tgf, "i23": _i23}.get(format)
    if reader is None:
        raise UsageError(f"unknown framework format {format!r}; choose from {', '.join(AF_FORMATS)}")
    args, attacks, problems = reader(text, path)
    known = set(args)
    for (a, b), line in attacks.items():
        for x in (a, b):
            if x not in known:
                problems.append(_error(path, line, f"attack names argument {x!r}, which is not declared"))
    if problems:
        # every problem has a span: _error gives it one
        raise ParseError(sorted(problems, key=lambda d: d.span.line), source=text)  # type: ignore[union-attr]
    return AF(args, attacks)


def _apx(text: str, path: str | None) -> _Read:
    args: list[str] = []
    attacks: dict[tuple[str, str], int] = {}
    problems: list[Diagnostic] = []
    for n, line in enumerate(text.splitlines(), 1):
        body = line.split("%", 1)[0]
        if not body.strip():
            continue
        pos = 0
        while pos < len(body) and body[pos:].strip():
            m = _APX.match(body, pos)
            if not m:
                problems.append(_error(path, n, "expected arg(NAME). or att(NAME,NAME).", pos + 1))
                break
            kind, a, b = m.groups()
            if kind == "arg" and b is None:
                args.append(a)
            elif kind == "att" and b is not None:
                attacks.setdefault((a, b), n)
            else:
                problems.append(
                    _error(
                        path, n, f"{kind}(...) takes {'one name' if kind == 'arg' else 'two names'}", pos + 1
                    )
                )
            pos = m.end()
    return args, attacks, problems


def _tgf(text: str, path: str | None) -> _Read:
    args: list[str] = []
    attacks: dict[tuple[str, str], int] = {}
    problems: list[Diagnostic] = []
    in_edges = False
    for n, line in enumerate(text.splitlines(), 1):
        words = line.split()
        if not words:
            continue
        if words == ["#"]:
            in_edges = True
        elif not in_edges and len(words) >= 1:
            args.append(words[0])
        elif in_edges and len(words) >= 2:
            attacks.setdefault((words[0], words[1]), n)
        else:
            problems.append(_error(path, n, "expected an edge: ATTACKER ATTACKED"))
    return args, attacks, problems


def _i23(text: str, path: str | None) -> _Read:
    args: list[str] = []
    attacks: dict[tuple[str, str], int] = {}
    problems: list[Diagnostic] = []
    n_args: int | None = None
    for n, line in enumerate(text.splitlines(), 1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if n_args is None:
            if len(words) == 3 and words[:2] == ["p", "af"] and words[2].isdigit():
                n_args = int(words[2])
                args = [str(i) for i in range(1, n_args + 1)]
            else:
                problems.append(_error(path, n, "expected the header 'p af N'"))
                return args, attacks, problems
        elif len(words) == 2 and all(w.isdigit() for w in words):
            a, b = words
            for w in (a, b):
                if not 1 <= int(w) <= n_args:
                    problems.append(_error(path, n, f"argument {w} is outside 1..{n_args}"))
            attacks.setdefault((str(int(a)), str(int(b))), n)
        else:
            problems.append(_error(path, n, "expected an attack: two argument numbers"))
    if n_args is None:
        problems.append(_error(path, 1, "expected the header 'p af N'"))
    return args, attacks, problems


def write_af(af: AF, format: str) -> str:
    """Write ``af`` in ``format`` (apx, tgf or i23); i23 numbers the arguments in their order from 1.

    Raises:
        UsageError: ``format`` is none of these.
    """
    if format == "apx":
        return "".join(f"arg({a}).\n" for a in af.arguments) + "".join(
            f"att({a},{b}).\n" for a, b in sorted(af.attacks)
        )
    if format == "tgf":
        return (
            "".join(f"{a}\n" for a in af.arguments)
            + "#\n"
            + "".join(f"{a} {b}\n" for a, b in sorted(af.attacks))
        )
    if format == "i23":
        num = {a: i + 1 for i, a in enumerate(af.arguments)}
        pairs = sorted((num[a], num[b]) for a, b in af.attacks)
        return f"p af {len(af)}\n" + "".join(f"{a} {b}\n" for a, b in pairs)
    raise UsageError(f"unknown framework format {format!r}; choose from {', '.join(AF_FORMATS)}")
