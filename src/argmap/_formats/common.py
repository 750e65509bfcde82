"""Helpers every importer needs: ids, one-line text, post order, warnings, JSON."""

from __future__ import annotations

import json
import re
import sys
from typing import Any, NoReturn

import attrs

from .._model import UNHOLDABLE, Diagnostic, ParseError, Post, Severity, Span, is_id

_NOT_ID = re.compile(r"[^\w.\-]+")
_SPACE = re.compile(r"\s+")
#: a JSON escape that may give a character no text can hold: \u0000, or half of a surrogate pair
_UNHOLDABLE_ESCAPE = re.compile(r"\\u(?:0000|[dD][89a-fA-F])")
#: what :func:`load_json` reports when the C parser runs out of stack: nesting past this depth
MAX_JSON_DEPTH = 500


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


def scalar(value: object) -> str | None:
    """A foreign value (from JSON, YAML, XML) as text if it is a string or a number, else None.

    Never the text of a list or an object: those may be nested too deeply to
    write out, and are not what a name or a text field holds.

    >>> scalar("a"), scalar(3), scalar(2.5), scalar(True), scalar([1]), scalar(None)
    ('a', '3', '2.5', None, None, None)
    """
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def brief(value: object) -> str:
    """A short description of a foreign value for a message (never the text of a deep structure).

    >>> brief("node 7"), brief({"a": [1]}), brief(["x"] * 3), brief("x" * 100)[-2:]
    ("'node 7'", 'an object', 'a list', "…'")
    """
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    text = repr(value) if isinstance(value, str) else scalar(value) or repr(value)
    return text if len(text) <= 60 else text[:58] + "…" + text[-1]


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
    """Collects the warnings an import produces; raises for fatal problems.

    It also mends text: :meth:`clean` and :meth:`source` replace what no text can
    hold (NUL, lone surrogates) by U+FFFD and count it; :meth:`finish` adds one
    ``X001`` warning per kind replaced and returns the warnings.
    """

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []
        #: NUL (True) or lone surrogate (False) -> [how many, line and column of the first (0: unknown)]
        self.replaced: dict[bool, list[int]] = {}

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

    def clean(self, text: str) -> str:
        """``text`` with each character no text can hold made U+FFFD (counted for :meth:`finish`)."""
        if UNHOLDABLE.search(text) is None:  # the usual case, one search in C (what is found is tested by
            return text  # tests/convert/test_hostile.py::test_characters_no_text_can_hold_are_replaced_…)
        for m in UNHOLDABLE.finditer(text):
            self.replaced.setdefault(m.group() == "\x00", [0, 0, 0])[0] += 1
        return UNHOLDABLE.sub("\ufffd", text)

    def source(self, text: str) -> str:
        """A whole text file, cleaned as by :meth:`clean`; the warnings name the line and column of
        the first character of each kind replaced."""
        if UNHOLDABLE.search(text) is None:  # as in clean()
            return text
        for m in UNHOLDABLE.finditer(text):
            entry = self.replaced.setdefault(m.group() == "\x00", [0, 0, 0])
            if not entry[1]:  # the first of its kind: counting lines once per kind stays linear
                entry[1], entry[2] = _line_column(text, m.start())
            entry[0] += 1
        return UNHOLDABLE.sub("\ufffd", text)

    def clean_data(self, data: Any) -> Any:
        """Parsed JSON with every string (keys too) cleaned as by :meth:`clean`; walks the data
        without recursion (it may be nested as deeply as the JSON parser allows)."""
        if isinstance(data, str):
            return self.clean(data)
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                for i, v in enumerate(item):
                    if isinstance(v, str):
                        item[i] = self.clean(v)
                    elif isinstance(v, (list, dict)):
                        stack.append(v)
            elif isinstance(item, dict):
                for k in [k for k in item if UNHOLDABLE.search(k) is not None]:
                    item[self.clean(k)] = item.pop(k)
                for k, v in item.items():
                    if isinstance(v, str):
                        item[k] = self.clean(v)
                    elif isinstance(v, (list, dict)):
                        stack.append(v)
        return data

    def text(self, value: object, what: str, line: int | None = None) -> str | None:
        """A foreign field that should hold text, as one line: a string or a number as it is
        (cleaned, white space made single blanks); None for nothing, and for a list or an
        object, which is not text (with an ``X002`` warning naming ``what``)."""
        if value is None:
            return None
        text = scalar(value)
        if text is None:
            self.warn("X002", f"{what} is {brief(value)}, not text; left out", line)
            return None
        return as_line(self.clean(text))

    def finish(self) -> list[Diagnostic]:
        """The warnings, with one ``X001`` per kind of character replaced."""
        for nul, (count, line, column) in sorted(self.replaced.items(), reverse=True):
            what = "NUL character(s) (U+0000)" if nul else "lone surrogate(s) (half a UTF-16 pair)"
            where = " (the first here)" if line else ""
            self.warn("X001", f"{count} {what}, which no text can hold, replaced by U+FFFD{where}",
                      line or None, column or 1)  # fmt: skip
        self.replaced = {}
        return self.diagnostics


def load_json(text: str, report: Report, code: str = "J001", *, clean: bool = False) -> Any:
    """Parse JSON or fail with the line and column of the problem.

    Besides syntax errors, two limits of Python's JSON reader are errors here,
    located: nesting deeper than its stack allows (reported at the first bracket
    past :data:`MAX_JSON_DEPTH` levels) and integers of more digits than Python
    converts (``sys.get_int_max_str_digits()``, 4,300 by default).  With
    ``clean``, strings holding NUL or lone surrogates are mended (see
    :meth:`Report.clean_data`).
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        report.fail(code, f"not valid JSON: {e.msg}", e.lineno, e.colno)
    except RecursionError:
        depth, at = _too_deep(text)
        line, column = _line_column(text, at)
        report.fail(code, f"not readable JSON: arrays and objects nested more than {depth} deep",
                    line, column, hint="argmap's formats nest a few levels at most")  # fmt: skip
    except ValueError:  # an integer too long to convert (the only other error json.loads raises)
        limit = sys.get_int_max_str_digits()
        at = _long_integer(text, limit)
        line, column = _line_column(text, at)
        report.fail(code, f"not readable JSON: an integer of more than {limit} digits", line, column)
    # walking the data costs a pass in Python; two searches in C tell whether it can hold anything to
    # mend (tests/convert/test_hostile.py::test_json_escapes_of_characters_no_text_can_hold_are_replaced)
    if clean and (UNHOLDABLE.search(text) is not None or _UNHOLDABLE_ESCAPE.search(text) is not None):
        data = report.clean_data(data)
    return data


#: a JSON string, or a bracket (what :func:`_too_deep` counts)
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]', re.DOTALL)


def _too_deep(text: str) -> tuple[int, int]:
    """(depth, offset): the first bracket nested past :data:`MAX_JSON_DEPTH`, or if none is, the
    first at the deepest level (Python's parser may stop earlier when called deep in a stack)."""
    depth, deepest, at = 0, 0, 0
    for m in _STRING_OR_BRACKET.finditer(text):
        c = m.group()
        if c in "[{":
            depth += 1
            if depth > deepest:
                deepest, at = depth, m.start()
                if depth > MAX_JSON_DEPTH:
                    return MAX_JSON_DEPTH, at
        elif c in "]}":
            depth -= 1
    return max(deepest - 1, 0), at


def _long_integer(text: str, limit: int) -> int:
    """The offset of the first JSON integer (outside strings) of more than ``limit`` digits."""
    # a run of digits is tried once, from its start (the lookbehind): no quadratic rescans
    pattern = re.compile(rf'"(?:[^"\\]++|\\.)*+"|(?<![0-9])([0-9]{{{limit + 1},}})(?![0-9.eE])', re.DOTALL)
    for m in pattern.finditer(text):
        if m.group(1) is not None:
            return m.start()
    return 0


def _line_column(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


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
