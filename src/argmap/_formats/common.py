"""Helpers every importer needs: ids, one-line text, post order, warnings."""

from __future__ import annotations

import json
import re
from typing import Any, NoReturn

import attrs

from .._model import Diagnostic, ParseError, Post, Severity, Span, is_id

_NOT_ID = re.compile(r"[^\w.\-]+")
_SPACE = re.compile(r"\s+")


def one_line(text: object) -> str:
    """``text`` with every run of white space made one blank, ends trimmed.

    >>> one_line("  Tea\\n is   good ")
    'Tea is good'
    """
    return _SPACE.sub(" ", str(text or "")).strip()


def as_line(text: object) -> str:
    """``text`` unchanged if it is already one line without surrounding blanks, else :func:`one_line`."""
    if isinstance(text, str) and "\n" not in text and "\r" not in text and text == text.strip():
        return text
    return one_line(text)


class Ids:
    """Turns foreign identifiers into unique argmap ids, the same one each time.

    >>> ids = Ids()
    >>> ids.get("node 7"), ids.get("node 7"), ids.fresh("node_7")
    ('node_7', 'node_7', 'node_7-2')
    """

    def __init__(self, prefix: str = "n") -> None:
        self.prefix = prefix
        self.used: set[str] = set()
        self.known: dict[tuple[str, str], str] = {}
        #: base -> the suffix last given: the next fresh id starts there, not at 1
        #: (a writer asks for thousands of "ta", "ca", … nodes)
        self.last: dict[str, int] = {}

    def get(self, raw: object, namespace: str = "") -> str:
        """The id for ``raw`` (ids of different namespaces never clash)."""
        key = (namespace, str(raw))
        if key not in self.known:
            self.known[key] = self.fresh(raw)
        return self.known[key]

    def base(self, raw: object) -> str:
        """``raw`` as an id: unchanged if it is one, else its runs of other characters made ``_``."""
        base = str(raw)
        if not is_id(base):
            base = _NOT_ID.sub("_", base).strip("_.-") or self.prefix
        return base

    def fresh(self, raw: object) -> str:
        """An id made from ``raw`` that no earlier call gave."""
        base = self.base(raw)
        n = self.last.get(base, 1)
        candidate = base if n == 1 else f"{base}-{n}"
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        self.last[base] = n
        self.used.add(candidate)
        return candidate


class Report:
    """Collects the warnings an import produces; raises for fatal problems."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    def warn(
        self, code: str, message: str, line: int | None = None, column: int = 1, hint: str | None = None
    ) -> None:
        """Add a warning (at ``line``, ``column`` when given)."""
        span = Span(line, column, line, column + 1) if line else None
        self.diagnostics.append(Diagnostic(code, Severity.WARNING, message, span, self.path, hint=hint))

    def fail(
        self, code: str, message: str, line: int | None = None, column: int = 1, hint: str | None = None
    ) -> NoReturn:
        """Raise :class:`~argmap.ParseError` with this one error (at ``line``, ``column`` when given)."""
        span = Span(line, column, line, column + 1) if line else None
        raise ParseError([Diagnostic(code, Severity.ERROR, message, span, self.path, hint=hint)])


def load_json(text: str, report: Report, code: str = "J001") -> Any:
    """Parse JSON or fail with the line and column of the problem."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        report.fail(code, f"not valid JSON: {e.msg}", e.lineno, e.colno)


def replies_first(posts: list[Post], report: Report | None = None) -> list[Post]:
    """``posts`` reordered as little as possible so each comes after the post it replies to.

    A reply cycle cannot be ordered: the reply that closes it is dropped (with
    a warning on ``report``).
    """
    by_id = {p.id: p for p in posts}
    placed: set[str] = set()
    out: list[Post] = []

    post: Post | None
    for post in posts:
        chain: list[Post] = []
        seen: set[str] = set()
        while post is not None and post.id not in placed and post.id not in seen:
            seen.add(post.id)
            chain.append(post)
            post = by_id.get(post.reply_to) if post.reply_to else None
        for p in reversed(chain):
            placed.add(p.id)
            out.append(p)
    position = {p.id: i for i, p in enumerate(out)}
    for i, p in enumerate(out):
        if p.reply_to is not None and position.get(p.reply_to, -1) >= i:
            if report is not None:
                report.warn("X107", f"post {p.id} and post {p.reply_to} reply to each other; "
                            f"the reply of {p.id} is left out")  # fmt: skip
            out[i] = attrs.evolve(p, reply_to=None)
    return out
