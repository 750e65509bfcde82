"""Syntax errors in plain words: what lark found, said as a person would, with a hint.

Keywords and their lists come from the grammar (``lexicon``); the other
terminals are described here, and tests/parse/test_lexicon.py checks that
every terminal of the grammar has words.
"""

from __future__ import annotations

import re
from typing import Iterable

from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from .._model import Diagnostic, Severity, Span, did_you_mean
from .lexicon import FIRST, KEYWORDS, TERMINALS, keyword, words

__all__ = ["describe", "nth_line_start", "syntax_diagnostic", "unexpected_eof"]

#: the words a ``voice:`` line takes, in the order people meet them: own, reported, supposed, ironic
_VOICES = (words("VOICE_KIND")[0], *words("REPORTED"), *words("VOICE_KIND")[1:])
_VOICE_EXAMPLE = f"{keyword('VOICE')}: {words('REPORTED')[0]} {keyword('BY')} a Chosun Ilbo columnist"

#: terminals that are not keywords, and keyword groups with a name of their own
_DESCRIBED = {
    "META_KEY": "a metadata key",
    "KIND": f"a proposition kind ({', '.join(words('KIND'))})",
    # (REPORTED, expected with it, is folded into this: see _expected_words)
    "VOICE_KIND": f"a voice ({', '.join(_VOICES)})",
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


def describe(terminal: str) -> str:
    """A terminal in plain words: ``'support'`` for a keyword, a description for the rest."""
    if terminal in _DESCRIBED:
        return _DESCRIBED[terminal]
    found = words(terminal)
    if len(found) == 1:
        return f"'{found[0]}'"
    return terminal


#: terminals that start a statement: when all of them are expected, a line's first word is wrong
_STATEMENT_START = frozenset(t for t in TERMINALS if words(t) and any(w in FIRST for w in words(t)))


def _expected_words(names: Iterable[str]) -> tuple[str, ...]:
    expected = set(names)
    if _STATEMENT_START <= expected:
        return ("a statement such as 'post', 'claim', 'support' or 'rebut'",)
    if "VOICE_KIND" in expected:
        expected.discard("REPORTED")  # one of the voices VOICE_KIND's description lists
    return tuple(sorted({describe(n) for n in expected if not n.startswith("__")}))


def nth_line_start(text: str, line: int) -> int:
    """Where line ``line`` (from 1) of ``text`` starts."""
    pos = 0
    for _ in range(line - 1):
        pos = text.index("\n", pos) + 1
    return pos


def _line_of(chunk: str, line: int) -> str:
    start = nth_line_start(chunk, line)
    end = chunk.find("\n", start)
    return chunk[start : end if end >= 0 else len(chunk)].rstrip("\r")


def syntax_diagnostic(e: UnexpectedInput, chunk: str, lines_before: int, path: str | None) -> Diagnostic:
    """A P100 diagnostic for lark's error ``e`` in ``chunk``, which starts after ``lines_before`` lines."""
    line_text = _line_of(chunk, e.line)
    col = e.column
    rest = line_text[col - 1 :]
    got: str | None
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


#: words people write for a keyword (another tool's, or English): what argmap says instead
SYNONYMS = {
    "attack": "rebut (against a claim) or undercut (against an inference)",
    "attacks": "rebut (against a claim) or undercut (against an inference)",
    "rebuts": "rebut", "rebuttal": "rebut", "refute": "rebut", "contra": "rebut",
    "undercuts": "undercut", "supports": "support", "pro": "support", "because": "support",
    "reply_to": "reply-to", "replyto": "reply-to", "reply": "reply-to", "in-reply-to": "reply-to",
    "agrees": "agree", "concedes": "concede", "restates": "restate", "rephrase": "restate",
    "claims": "claim", "premises": "premise", "quotes": "quote", "tag": "tags", "author": "by",
    "irony": "ironic", "sarcastic": "ironic", "sarcasm": "ironic", "report": "reported",
    "quoted": "reported", "attributed": "reported", "supposition": "supposed", "objection": "supposed",
    "hypothetical": "supposed",
}  # fmt: skip


def _synonym(word: str, expected: set[str]) -> str | None:
    """``write 'support'`` when ``word`` is a known other name of a keyword that fits here."""
    meant = SYNONYMS.get(word.lower())
    if meant is None:
        return None
    fits = _STATEMENT_START <= expected or any(w in meant.split() for t in expected for w in words(t))
    return f"argmap writes {meant}, not {word!r}" if fits else None


def _hint(expected: set[str], got: str | None, rest: str, line_text: str) -> str | None:
    first = re.match(r"\s*([\w\-]+)", line_text)
    head = first.group(1) if first else ""
    word = re.match(r"[\w\-]+", rest)
    if word and (synonym := _synonym(word.group(0), expected)):
        return synonym
    if _STATEMENT_START <= expected:
        if word:
            guess = did_you_mean(word.group(0), KEYWORDS)
            if guess:
                return guess
        if re.match(r"\w[\w.\-]*\s*:", rest):
            return "start a proposition line with its kind: claim c1: text"
        if rest.startswith((">", '"', "“")):
            return "to quote an earlier post write: quote 6: the quoted words"
        return "every line starts with a keyword: post, claim, support, rebut, … (see docs/language.md)"
    if head == keyword("VOICE"):
        return _voice_hint(expected, got, rest)
    if head == "support" and "_COLON" in expected:
        return "a support needs an id of its own: support s1: c2 & c3 -> c1"
    if head == "support" and rest[:1] in ",+;":
        return "join linked premises with '&', e.g. support s1: c2 & c3 -> c1; write independent reasons as separate supports"
    if head == "support" and "_ARROW" in expected:
        return "write support ID: PREMISES -> CONCLUSION, e.g. support s1: c2 & c3 -> c1"
    if head in ("rebut", "undercut") and "_ARROW" in expected:
        return f"write {head} FROM -> TO, e.g. {head} c2 -> c1; to name it, {head} r1: c2 -> c1"
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


def _voice_hint(expected: set[str], got: str | None, rest: str) -> str:
    """What to write on a ``voice:`` line."""
    by = keyword("BY")
    if "VOICE_KIND" in expected and rest.split() and rest.split()[0].lower() in _VOICES:
        return f"write the voice in lower case: {keyword('VOICE')}: {rest.split()[0].lower()}"
    if "TEXT" in expected:
        return f"after '{by}', say who said it: {_VOICE_EXAMPLE}"
    if "BY" in expected:
        return f"name who said it after '{by}': {_VOICE_EXAMPLE}"
    if got == "BY" or expected == {"_NL"}:
        return f"a voice is one word, and only '{words('REPORTED')[0]}' takes '{by} WHO': {_VOICE_EXAMPLE}"
    return f"write {keyword('VOICE')}: {', '.join(_VOICES[:-1])} or {_VOICES[-1]}, e.g. {_VOICE_EXAMPLE}"


def unexpected_eof(path: str | None, lines_before: int, chunk: str) -> Diagnostic:
    """P100 for a file that ends in the middle of a statement."""
    line = lines_before + chunk.count("\n") + 1
    return Diagnostic(
        "P100", Severity.ERROR, "the file ends in the middle of a statement",
        Span(line, 1, line, 1), path,
    )  # fmt: skip
