"""The lark pass: the grammar's own LALR parser, for text the fast path gives up on.

It transforms each line into the same statement tuples as ``_fastpath.py``
while parsing (no tree is built).  When the file has syntax errors it is
parsed again in chunks, restarting after each bad line, so that *every* error
is reported with what was expected, in plain words; the grammar is flat (a
document parses exactly when each of its lines does), which makes this exact.
"""

from __future__ import annotations

import re

from lark import Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ._errors import Diagnostic, Severity
from ._grammar import lalr_parser
from ._model import Span
from ._suggest import did_you_mean

__all__ = ["statements_and_errors"]


def _span(first: Token, last: Token) -> Span:
    return Span(first.line, first.column, last.end_line, last.end_column)


def _tspan(tok: Token) -> Span:
    return Span(tok.line, tok.column, tok.end_line, tok.end_column)


def unquote(s: str) -> str:
    """Undo the two escapes of a quoted string: ``\\"`` and ``\\\\``."""
    return re.sub(r'\\(["\\])', r"\1", s[1:-1])


class _ToStatements(Transformer):
    """Turn each grammar rule into a statement tuple ``(tag, span, *fields)``."""

    def start(self, children):
        return children

    def meta(self, c):
        return ("meta", _span(c[0], c[-1]), c[0].value, c[1].value if len(c) > 1 else "")

    def ignore(self, c):
        return ("meta", _span(c[0], c[-1]), "ignore", tuple(t.value for t in c[1:]))

    def author(self, c):
        tok = c[0]
        return (unquote(tok.value) if tok.type == "STRING" else tok.value, tok)

    stamp = author

    def post(self, c):
        reply = reply_span = stamp = None
        last = c[-1][1] if isinstance(c[-1], tuple) else c[-1]
        i = 4
        while i < len(c):
            if c[i].type == "REPLY_TO":
                reply, reply_span = c[i + 1].value, _tspan(c[i + 1])
            else:
                stamp = c[i + 1][0]
            i += 2
        return ("post", _span(c[0], last), c[1].value, _tspan(c[1]), c[3][0], stamp, reply, reply_span)

    def prop(self, c):
        text = c[2].value if len(c) > 2 else ""
        return ("prop", _span(c[0], c[-1]), c[0].value, c[1].value, _tspan(c[1]), text)

    def anchor(self, c):
        return ("anchor", _span(c[0], c[-1]), c[1].value if len(c) > 1 else "")

    def scheme(self, c):
        return ("scheme", _span(c[0], c[-1]), c[1].value if len(c) > 1 else "")

    def tags(self, c):
        return ("tags", _span(c[0], c[-1]), [t.value for t in c[1:]])

    def base(self, c):
        return ("base", _span(c[0], c[-1]), c[1].value, _tspan(c[1]))

    def body(self, c):
        line = c[0].value[1:]
        if line.startswith(" "):
            line = line[1:]
        return ("body", _tspan(c[0]), line.rstrip())

    def quote(self, c):
        text = c[2].value if len(c) > 2 else ""
        return ("quote", _span(c[0], c[-1]), c[1].value, _tspan(c[1]), text)

    def support(self, c):
        refs = [(t.value, _tspan(t)) for t in c[2:]]
        return ("support", _span(c[0], c[-1]), c[1].value, _tspan(c[1]), refs[:-1], refs[-1])

    def _pair(self, tag, c):
        return (tag, _span(c[0], c[-1]), (c[1].value, _tspan(c[1])), (c[2].value, _tspan(c[2])))

    def rebut(self, c):
        return self._pair("rebut", c)

    def undercut(self, c):
        return self._pair("undercut", c)

    def restate(self, c):
        return self._pair("restate", c)

    def agree(self, c):
        return ("agree", _span(c[0], c[-1]), c[0].value, (c[1].value, _tspan(c[1])))

    def comment(self, c):
        return ("comment", _tspan(c[0]), c[0].value.rstrip())


def _parser():
    return lalr_parser("argmap.lark", _ToStatements)


def _shift(value, lines: int):
    """Move every Span inside a statement down by ``lines``."""
    if isinstance(value, Span):
        return Span(value.line + lines, value.column, value.end_line + lines, value.end_column)
    if isinstance(value, (tuple, list)):
        return type(value)(_shift(v, lines) for v in value)
    return value


def statements_and_errors(src: str, path: str | None, max_errors: int) -> tuple[list, list[Diagnostic]]:
    """Statements of every well-formed line and a diagnostic for each bad one (at most ``max_errors``)."""
    parser = _parser()
    try:
        return parser.parse(src), []
    except UnexpectedInput:
        pass
    stmts: list = []
    errors: list[Diagnostic] = []
    offset = lines_before = 0
    while offset < len(src):
        chunk = src[offset:]
        try:
            stmts.extend(_shift(parser.parse(chunk), lines_before))
            break
        except UnexpectedInput as e:
            if isinstance(e, UnexpectedEOF) or getattr(e, "line", -1) < 1:
                errors.append(_unexpected_eof(path, lines_before, chunk))
                break
            line_start = _nth_line_start(chunk, e.line)
            if line_start:
                stmts.extend(_shift(parser.parse(chunk[:line_start]), lines_before))
            errors.append(_syntax_diagnostic(e, chunk, lines_before, path))
            pos = e.pos_in_stream if e.pos_in_stream is not None else line_start
            nl = chunk.find("\n", max(pos, line_start))
            if nl < 0:
                break
            offset += nl + 1
            lines_before += e.line
            if len(errors) >= max_errors:
                errors.append(
                    Diagnostic(
                        "P100",
                        Severity.ERROR,
                        f"too many syntax errors; stopped after {max_errors}",
                        Span(lines_before + 1, 1, lines_before + 1, 1),
                        path,
                    )  # fmt: skip
                )
                break
    return stmts, errors


def _nth_line_start(text: str, line: int) -> int:
    pos = 0
    for _ in range(line - 1):
        pos = text.index("\n", pos) + 1
    return pos


_WORDS = {
    "META_KEY": "a metadata key",
    "IGNORE": "'ignore'",
    "POST": "'post'",
    "BY": "'by'",
    "REPLY_TO": "'reply-to'",
    "AT": "'at'",
    "KIND": "a proposition kind (thesis, claim, premise, evidence, question)",
    "ANCHOR": "'anchor'",
    "TAGS": "'tags'",
    "BASE": "'base'",
    "SCHEME": "'scheme'",
    "QUOTE": "'quote'",
    "SUPPORT": "'support'",
    "REBUT": "'rebut'",
    "UNDERCUT": "'undercut'",
    "AGREE": "'agree'",
    "RESTATE": "'restate'",
    "ID": "an id",
    "TEXT": "text",
    "WORD": "an author name",
    "STRING": "a quoted string",
    "TIMESTAMP": "a date or time like 2010-12-29 14:05",
    "TAG": "a tag",
    "NUMBER": "a number from 0 to 1",
    "BODY": "'|' and the post's text",
    "COMMENT": "a comment",
    "_COLON": "':'",
    "_COMMA": "','",
    "_AMP": "'&'",
    "_ARROW": "'->'",
    "_NL": "the end of the line",
}

_STATEMENT_START = {"POST", "KIND", "SUPPORT"}


def _expected_words(names) -> tuple[str, ...]:
    names = set(names)
    if _STATEMENT_START <= names:
        return ("a statement such as 'post', 'claim', 'support' or 'rebut'",)
    words = sorted({_WORDS.get(n, n) for n in names if not n.startswith("__")})
    return tuple(words)


def _line_of(chunk: str, line: int) -> str:
    start = _nth_line_start(chunk, line)
    end = chunk.find("\n", start)
    return chunk[start : end if end >= 0 else len(chunk)].rstrip("\r")


def _syntax_diagnostic(e: UnexpectedInput, chunk: str, lines_before: int, path) -> Diagnostic:
    line_text = _line_of(chunk, e.line)
    col = e.column
    rest = line_text[col - 1 :]
    if isinstance(e, UnexpectedToken):
        expected = set(e.expected)
        got = e.token.type
        if got == "_NL":
            what, width = "the line ends too early", 1
        else:
            word = re.match(r"\S+", rest)
            token = word.group(0) if word else str(e.token)
            what, width = f"unexpected {_show(token)}", max(1, len(token))
    else:
        assert isinstance(e, UnexpectedCharacters)
        expected = set(e.allowed or ())
        got = None
        word = re.match(r"[^\s]+", rest)
        token = word.group(0) if word else rest[:1]
        what, width = f"unexpected {_show(token)}", max(1, len(token))
    line = lines_before + e.line
    span = Span(line, col, line, col + width)
    hint = _hint(expected, got, rest, line_text)
    message = what
    if _STATEMENT_START <= expected:
        word = re.match(r"[\w\-]+", rest)
        message = f"unknown statement {_show(word.group(0) if word else rest[:1])}"
    return Diagnostic(
        "P100", Severity.ERROR, message, span, path,
        hint=hint, expected=_expected_words(expected),
    )  # fmt: skip


def _show(text: str) -> str:
    text = str(text)
    if len(text) > 30:
        text = text[:29] + "…"
    return repr(text) if text else "the end of the line"


def _hint(expected: set, got: str | None, rest: str, line_text: str) -> str | None:
    first = re.match(r"\s*([\w\-]+)", line_text)
    head = first.group(1) if first else ""
    word = re.match(r"[\w\-]+", rest)
    if _STATEMENT_START <= expected:
        if word:
            from ._parse import KEYWORDS

            guess = did_you_mean(word.group(0), KEYWORDS)
            if guess:
                return guess
        if re.match(r"\w[\w.\-]*\s*:", rest):
            return "start a proposition line with its kind: claim c1: text"
        if rest.startswith((">", '"', "“")):
            return "to quote an earlier post write: quote 6: the quoted words"
        return "every line starts with a keyword: post, claim, support, rebut, … (see docs/language.md)"
    if head == "support" and "_COLON" in expected:
        return "a support needs an id of its own: support s1: c2 & c3 -> c1"
    if head == "support" and rest.startswith(","):
        return "join linked premises with '&'; write independent reasons as separate supports"
    if "_COLON" in expected:
        return f"put ':' after the id, then the text: {head} c1: text"
    if "_ARROW" in expected:
        return f"write {head} FROM -> TO, e.g. {head} c2 -> c1"
    if "ID" in expected and rest[:1] in "@#":
        return "write the post id without '@' or '#': reply-to 6"
    if "STRING" in expected and rest.startswith('"'):
        return "close the quotation mark on the same line"
    if {"REPLY_TO", "AT"} & expected and head == "post":
        return 'put author names with spaces in quotes: post 7 by "Zhang Fei"'
    if "NUMBER" in expected:
        return "a base score is a number from 0 to 1, e.g. base: 0.7"
    if "TIMESTAMP" in expected:
        return 'write a date like 2010-12-29 14:05, or any text in quotes: at "Dec 29, 9:41 pm"'
    if "TAG" in expected or head == "tags":
        return "separate tags with commas: tags: history, alliance"
    return None


def _unexpected_eof(path, lines_before: int, chunk: str) -> Diagnostic:
    line = lines_before + chunk.count("\n") + 1
    return Diagnostic(
        "P100", Severity.ERROR, "the file ends in the middle of a statement",
        Span(line, 1, line, 1), path,
    )  # fmt: skip
