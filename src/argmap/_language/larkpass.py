"""The lark pass: the grammar's own LALR parser, for text the fast path gives up on.

It transforms each line into the same :mod:`statements` records as
``fastpath.py`` while parsing (no tree is built).  When the file has syntax
errors it is parsed again in chunks, restarting after each bad line, so that
*every* error is reported with what was expected, in plain words
(``syntax_errors.py``); the grammar is flat (a document parses exactly when
each of its lines does), which makes this exact.  lark is imported only here,
and this module only when a file needs it.
"""

from __future__ import annotations

import functools
import re
from typing import Any, TypeVar

import lark
from lark import Token, Transformer
from lark.exceptions import UnexpectedEOF, UnexpectedInput

from .._grammars import grammar_text
from .._model import Diagnostic, Severity, Span
from .lexicon import GRAMMAR
from .statements import (
    Agree,
    Anchor,
    Base,
    Body,
    Comment,
    Ignore,
    Meta,
    PostLine,
    PropositionLine,
    QuoteLine,
    Rebut,
    Ref,
    Restate,
    Scheme,
    Statement,
    SupportLine,
    Tags,
    Undercut,
    VoiceLine,
)
from .syntax_errors import nth_line_start, syntax_diagnostic, unexpected_eof

__all__ = ["parser", "statements_and_errors"]


def _span(first: Token, last: Token) -> Span:
    return Span(first.line, first.column, last.end_line, last.end_column)  # type: ignore[arg-type]


def _tspan(tok: Token) -> Span:
    return Span(tok.line, tok.column, tok.end_line, tok.end_column)  # type: ignore[arg-type]


def _unquote(s: str) -> str:
    """Undo the two escapes of a quoted string: ``\\"`` and ``\\\\``."""
    return re.sub(r'\\(["\\])', r"\1", s[1:-1])


def _text(c: list[Token], i: int) -> str:
    return c[i].value if len(c) > i else ""


class _ToStatements(Transformer[Token, list[Statement]]):
    """Turn each grammar rule into its statement record."""

    def start(self, children: list[Statement]) -> list[Statement]:
        return children

    def meta(self, c: list[Token]) -> Meta:
        return Meta(_span(c[0], c[-1]), c[0].value, _text(c, 1))

    def ignore(self, c: list[Token]) -> Ignore:
        return Ignore(_span(c[0], c[-1]), tuple(t.value for t in c[1:]))

    def author(self, c: list[Token]) -> tuple[str, Token]:
        tok = c[0]
        return (_unquote(tok.value) if tok.type == "STRING" else tok.value, tok)

    stamp = author

    def post(self, c: list[Any]) -> PostLine:
        reply = reply_span = stamp = None
        last = c[-1][1] if isinstance(c[-1], tuple) else c[-1]
        i = 4
        while i < len(c):
            if c[i].type == "REPLY_TO":
                reply, reply_span = c[i + 1].value, _tspan(c[i + 1])
            else:
                stamp = c[i + 1][0]
            i += 2
        return PostLine(_span(c[0], last), c[1].value, _tspan(c[1]), c[3][0], stamp, reply, reply_span)

    def prop(self, c: list[Token]) -> PropositionLine:
        return PropositionLine(_span(c[0], c[-1]), c[0].value, c[1].value, _tspan(c[1]), _text(c, 2))

    def voice(self, c: list[Token]) -> VoiceLine:
        # VOICE, the voice word, and for ``reported`` perhaps BY and the text
        return VoiceLine(_span(c[0], c[-1]), c[1].value, c[3].value if len(c) > 3 else None)

    def anchor(self, c: list[Token]) -> Anchor:
        return Anchor(_span(c[0], c[-1]), _text(c, 1))

    def scheme(self, c: list[Token]) -> Scheme:
        return Scheme(_span(c[0], c[-1]), _text(c, 1))

    def tags(self, c: list[Token]) -> Tags:
        return Tags(_span(c[0], c[-1]), tuple(t.value for t in c[1:]))

    def base(self, c: list[Token]) -> Base:
        return Base(_span(c[0], c[-1]), c[1].value, _tspan(c[1]))

    def body(self, c: list[Token]) -> Body:
        line = c[0].value[1:]
        if line.startswith(" "):
            line = line[1:]
        return Body(_tspan(c[0]), line.rstrip())

    def quote(self, c: list[Token]) -> QuoteLine:
        return QuoteLine(_span(c[0], c[-1]), c[1].value, _tspan(c[1]), _text(c, 2))

    def support(self, c: list[Token]) -> SupportLine:
        refs = tuple(Ref(t.value, _tspan(t)) for t in c[2:])
        last = refs[-1]
        return SupportLine(_span(c[0], c[-1]), c[1].value, _tspan(c[1]), refs[:-1], last.id, last.span)

    def rebut(self, c: list[Token | None]) -> Rebut:
        return Rebut(*_attack(c))

    def undercut(self, c: list[Token | None]) -> Undercut:
        return Undercut(*_attack(c))

    def restate(self, c: list[Token]) -> Restate:
        return Restate(_span(c[0], c[-1]), c[1].value, _tspan(c[1]), c[2].value, _tspan(c[2]))

    def agree(self, c: list[Token]) -> Agree:
        return Agree(_span(c[0], c[-1]), c[0].value, c[1].value, _tspan(c[1]))

    def comment(self, c: list[Token]) -> Comment:
        return Comment(_tspan(c[0]), c[0].value.rstrip())


def _attack(c: list[Token | None]) -> tuple[Span, str | None, Span | None, tuple[Ref, ...], str, Span]:
    """The fields of a rebut or undercut line: keyword, first id, the attacker after ':' or None
    (a placeholder: then the first id is the first attacker, and the attack has no name), further
    attackers, the target."""
    keyword, first, second, *rest = c
    assert keyword is not None and first is not None and all(t is not None for t in rest)
    name = first if second is not None else None
    tokens = [t for t in ((second,) if name is not None else (first,)) + tuple(rest) if t is not None]
    refs = tuple(Ref(t.value, _tspan(t)) for t in tokens)
    last = refs[-1]
    return (_span(keyword, tokens[-1]), name.value if name else None, _tspan(name) if name else None,
            refs[:-1], last.id, last.span)  # fmt: skip


@functools.cache
def parser() -> lark.Lark:
    """The grammar's LALR parser (contextual lexer), transforming lines into records as it goes; built once."""
    return lark.Lark(
        grammar_text(GRAMMAR),
        parser="lalr",
        lexer="contextual",
        transformer=_ToStatements(),
        maybe_placeholders=True,  # an attack's optional name: None when absent
    )


_S = TypeVar("_S", bound=tuple[Any, ...])


def _shift(value: _S, lines: int) -> _S:
    """The record with every Span inside it moved down by ``lines``."""
    out = []
    for v in value:
        if isinstance(v, Span):
            v = Span(v.line + lines, v.column, v.end_line + lines, v.end_column)
        elif isinstance(v, tuple):
            v = _shift(v, lines)
        out.append(v)
    return type(value)(*out) if hasattr(value, "_fields") else type(value)(out)


def _parse(text: str) -> list[Statement]:
    return parser().parse(text)  # type: ignore[return-value]


def statements_and_errors(
    src: str, path: str | None, max_errors: int
) -> tuple[list[Statement], list[Diagnostic]]:
    """Statements of every well-formed line and a diagnostic for each bad one (at most ``max_errors``)."""
    try:
        return _parse(src), []
    except UnexpectedInput:
        pass
    stmts: list[Statement] = []
    errors: list[Diagnostic] = []
    offset = lines_before = 0
    while offset < len(src):
        chunk = src[offset:]
        try:
            stmts.extend(_shift(s, lines_before) for s in _parse(chunk))
            break
        except UnexpectedInput as e:
            if isinstance(e, UnexpectedEOF) or getattr(e, "line", -1) < 1:
                errors.append(unexpected_eof(path, lines_before, chunk))
                break
            line_start = nth_line_start(chunk, e.line)
            if line_start:
                stmts.extend(_shift(s, lines_before) for s in _parse(chunk[:line_start]))
            errors.append(syntax_diagnostic(e, chunk, lines_before, path))
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
