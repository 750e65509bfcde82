"""Argdown's lines: comments, front matter, blocks, continuation lines, inference bars; one line's tokens.

Everything here runs in time linear in the text.  ``grammars/argdown.lark``
defines what one logical line says; :func:`scan_line` reads a line exactly as
a lark parser built from that grammar does (its contextual lexer and LALR
parser), but by hand: the grammar's terminals (``\\[[^\\]\\n]+\\]\\(…``,
``\\{.*\\}\\s*$`` …) rescan the rest of the line from every ``[``, ``@``, ``#(``
or ``{`` that does not close, which took minutes on long hostile lines.  The
regular expressions for comments and markup had the same fault and are
replaced by scans here too.  tests/convert/test_argdown.py checks every scan
against the grammar or the expression it replaces on generated lines
(``test_scan_line_reads_what_the_grammar_reads`` and the three after it);
tests/convert/test_limits.py times each on the inputs that were slow.
"""

from __future__ import annotations

import bisect
import re
from typing import AbstractSet, Any, Literal, NamedTuple

import attrs

from ..._model import Post, is_id
from ..common import Report, as_line, brief, scalar

FRONT = re.compile(r"\A\s*(===+)[ \t]*\n(.*?)\n[ \t]*===+[ \t]*(?:\n|\Z)", re.S)
_RELATION = re.compile(r"(\+>|<\+|\+|->|<-|-|_>|<_|><)\s")
_NUMBER = re.compile(r"\(\d+\)\s")
_BAR = re.compile(r"-{2,}\s*$")
_NEW_ELEMENT = re.compile(
    r"(#{1,6}\s|\[[^\]\n]+\]:|<[^>\n]+>:|\[[^\]\n]+\]\s*(\{.*\})?$|<[^>\n]+>\s*(\{.*\})?$|[*]\s)"
)
#: relation symbol → (kind, whether the child is the source)
_SYMBOLS = {
    "+": ("support", True), "<+": ("support", True), "+>": ("support", False),
    "-": ("attack", True), "<-": ("attack", True), "->": ("attack", False),
    "_": ("undercut", True), "<_": ("undercut", True), "_>": ("undercut", False),
    "><": ("contradiction", False),
}  # fmt: skip
#: the grammar's RELATION alternatives, in its order (the first that fits wins)
_RELATION_SYMBOLS = ("+>", "<+", "+", "->", "<-", "-", "_>", "<_", "><")
_WORD_CHAR = re.compile(r"\w")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class _Next:
    """Where ``needle`` next occurs in ``text`` at or after a position (-1: nowhere).

    Asked with positions that never decrease, a search runs only past the last
    occurrence found, so all of them together read the text about once: this is
    what makes the scans below linear (tests/convert/test_limits.py::
    test_a_long_hostile_line_is_read_in_linear_time).  Any order of questions gets
    right answers; only a falling position searches again.
    """

    __slots__ = ("text", "needle", "start", "found")

    def __init__(self, text: str, needle: str) -> None:
        self.text, self.needle = text, needle
        self.start, self.found = len(text) + 1, -1  # nothing searched yet

    def __call__(self, start: int) -> int:
        if start >= self.start and (self.found == -1 or self.found >= start):
            return self.found  # no occurrence in [self.start, self.found): none in [start, self.found)
        self.start, self.found = start, self.text.find(self.needle, start)
        return self.found


def _bracketed(text: str, i: int, close: _Next, newline: _Next) -> int:
    """The end of ``[^X\\n]+X`` where ``text[i]`` opens it (``close`` finds X), or -1."""
    j = close(i + 1)
    if j < i + 2:
        return -1
    n = newline(i + 1)
    return -1 if n != -1 and n < j else j + 1


# -- comments -----------------------------------------------------------------------------


def strip_comments(text: str) -> tuple[str, set[int]]:
    """Comments replaced by as many line breaks (lines keep their numbers); escapes and links kept.

    Also returns the numbers of the lines that held comments: left blank, they end no block.

    The same as ``re.sub(r"(\\\\.)|(\\[[^\\]\\n]+\\]\\([^)\\n]+\\))|(<!--.*?-->|/\\*.*?\\*/|//[^\\n]*)",
    …, re.S)`` keeping groups 1 and 2, but linear: that expression searched for the
    end of a comment again from every ``<!--`` or ``/*`` that has none, and the line
    of each comment was counted from the start of the text
    (tests/convert/test_limits.py: the ``<!--`` and ``/*`` lines,
    test_comment_lines_are_counted_in_linear_time).

    >>> strip_comments("a // b\\n<!-- c\\nd --> e \\\\// f [x](//y)")
    ('a \\n\\n e \\\\// f [x](//y)', {1, 2, 3})
    """
    commented: set[int] = set()
    out: list[str] = []
    close_bracket, close_paren = _Next(text, "]"), _Next(text, ")")
    newline, newline2 = _Next(text, "\n"), _Next(text, "\n")
    html_end, block_end = _Next(text, "-->"), _Next(text, "*/")
    line, counted = 1, 0  # the number of the line that holds offset `counted`
    pos, i, n = 0, 0, len(text)
    while True:
        m = _COMMENT_START.search(text, i)
        if m is None:
            break
        i = m.start()
        c = text[i]
        end = -1
        if c == "\\":
            i += 2  # an escaped character, kept (\\. matches a line break too)
            continue
        if c == "[":
            link = _link_end(text, i, close_bracket, close_paren, newline, newline2)
            i = link if link != -1 else i + 1
            continue
        if text.startswith("<!--", i):
            k = html_end(i + 4)
            end = k + 3 if k != -1 else -1
        elif text.startswith("/*", i):
            k = block_end(i + 2)
            end = k + 2 if k != -1 else -1
        elif text.startswith("//", i):
            k = newline(i)
            end = k if k != -1 else n
        if end == -1:
            i += 1
            continue
        line += text.count("\n", counted, i)
        counted = i
        breaks = text.count("\n", i, end)
        commented.update(range(line, line + breaks + 1))
        out += [text[pos:i], "\n" * breaks]
        pos = i = end
    out.append(text[pos:])
    return "".join(out), commented


_COMMENT_START = re.compile(r"[\\\[</]")


def _link_end(
    text: str, i: int, close_bracket: _Next, close_paren: _Next, newline: _Next, newline2: _Next
) -> int:
    """The end of a link ``[^\\]\\n]+](…)`` that ``text[i]`` (a ``[``) opens, or -1.

    ``newline2`` is a second finder of line breaks, for the part in parentheses (each
    finder is asked with positions that only grow)."""
    j = _bracketed(text, i, close_bracket, newline)
    if j == -1 or text[j : j + 1] != "(":
        return -1
    k = close_paren(j + 1)
    if k < j + 2:
        return -1
    nl = newline2(j + 1)
    return -1 if nl != -1 and nl < k else k + 1


# -- markup -------------------------------------------------------------------------------


def _links(text: str) -> str:
    """``re.sub(r"\\[([^\\]\\n]+)\\]\\([^)\\n]+\\)", r"\\1", text)``, in linear time."""
    if "](" not in text:
        return text
    finders = (_Next(text, "]"), _Next(text, ")"), _Next(text, "\n"), _Next(text, "\n"))
    out: list[str] = []
    pos, i = 0, text.find("[")
    while i != -1:
        end = _link_end(text, i, *finders)
        if end == -1:
            i = text.find("[", i + 1)
            continue
        j = text.index("](", i)
        out += [text[pos:i], text[i + 1 : j]]
        pos = end
        i = text.find("[", pos)
    out.append(text[pos:])
    return "".join(out)


def _unwrap(text: str, mark: str, words: bool) -> str:
    """``re.sub(MARK(\\S(?:.*?\\S)?)MARK, r"\\1", text)`` for a mark such as ``**``, with
    ``(?<!\\w)`` before and ``(?!\\w)`` after it when ``words`` — in linear time.

    That expression ends a match at the first closing mark that leaves two
    characters or more inside (one if no other does); from an opening mark with
    no close it read the rest of the line, and again from the next one (``**a
    **a **a …``: quadratic).  Where a mark may close does not depend on where
    the opening one is, so those places are found once, in order
    (tests/convert/test_limits.py: the ``__a`` and ``**a`` lines).
    """
    if "\n" in text:  # no match spans a line break, which is neither a blank nor a word character
        return "\n".join(_unwrap(part, mark, words) for part in text.split("\n"))
    m, n = len(mark), len(text)
    closers: list[int] = []  # where a mark may close: after a non-blank (and before no word character)
    q = text.find(mark, 1)
    while q != -1:
        if not text[q - 1].isspace() and not (words and q + m < n and _WORD_CHAR.match(text, q + m)):
            closers.append(q)
        q = text.find(mark, q + 1)
    if not closers:
        return text
    closing = set(closers)
    out: list[str] = []
    pos, c = 0, 0
    i = text.find(mark)
    while i != -1:
        opens = (
            i + m < n and not text[i + m].isspace() and not (words and i and _WORD_CHAR.match(text, i - 1))
        )
        if opens:
            # the optional "(?:.*?\S)?" is tried first: two characters or more inside if any
            # closing mark allows it, else one
            c = bisect.bisect_left(closers, i + m + 2, c)
            q = closers[c] if c < len(closers) else i + m + 1 if i + m + 1 in closing else -1
            if q != -1:
                out += [text[pos:i], text[i + m : q]]
                pos = q + m
                i = text.find(mark, pos)
                continue
        i = text.find(mark, i + 1)
    out.append(text[pos:])
    return "".join(out)


_BULLET = re.compile(r"^[*]\s+")  # a list item's bullet


def plain(text: str) -> str:
    """Argdown's bold, italics, links and bullets reduced to their words.

    >>> plain("* a **bold** and _italic_ [link](https://x.org) snake_case")
    'a bold and italic link snake_case'
    """
    text = _links(text)
    for mark, words in (("**", False), ("__", True), ("*", False), ("_", True)):  # bold, then italics
        if mark in text:
            text = _unwrap(text, mark, words)
    return _BULLET.sub("", text)


# -- lines --------------------------------------------------------------------------------


def bar_rule(content: str) -> str | None:
    """The rule of an inference line ``-- rule --`` (None if ``content`` is not one).

    The same as ``re.match(r"-{2,}\\s+(.+?)\\s+-{2,}\\s*$", content).group(1)``, without
    that expression's quadratic time on long runs of blanks: the rule ends where the
    longest possible tail of blanks and dashes starts (tests/convert/test_limits.py::
    test_long_runs_of_blanks_in_an_inference_line_are_read_in_linear_time).

    >>> bar_rule("-- Modus ponens --"), bar_rule("-- --"), bar_rule("----")
    ('Modus ponens', None, None)
    """
    lead = len(content) - len(content.lstrip("-"))
    core = content.rstrip()
    n = len(core)
    trail = n - len(core.rstrip("-"))
    if lead < 2 or trail < 2 or lead >= n - trail:
        return None
    blanks_after = len(content[lead:]) - len(content[lead:].lstrip())
    blanks_before = (n - trail) - len(core[: n - trail].rstrip())
    if blanks_after == 0 or blanks_before == 0:
        return None
    lo, hi = n - trail - blanks_before, n - trail - 1  # where the tail may start
    s = min(blanks_after, hi - 1 - lead)  # the blanks after the leading dashes, as many as can be
    if s < 1:
        return None
    start = lead + s
    return content[start : max(start + 1, lo)]


@attrs.define
class _Line:
    number: int
    indent: int
    text: str
    block: int
    kind: str = "element"  # element | bar | heading
    rule: str | None = None
    #: continuation lines, joined to ``text`` at the end: joining each in turn cost the square of
    #: the text (tests/convert/test_limits.py::test_continuation_lines_are_joined_in_linear_time)
    more: list[str] = attrs.Factory(list)


def logical_lines(text: str, commented: AbstractSet[int] = frozenset()) -> list[_Line]:
    """Join continuation lines; mark blocks (separated by blank lines) and inference bars."""
    lines: list[_Line] = []
    block, blank = 0, True
    inference: _Line | None = None
    rule: list[str] = []
    for number, raw in enumerate(text.split("\n"), 1):
        content = raw.strip()
        if not content and number in commented:
            continue
        if not content:
            if not blank:
                block, blank = block + 1, True
            continue
        margin = len(raw) - len(raw.lstrip(" \t"))
        indent = margin + raw.count("\t", 0, margin) * 3
        if inference is not None:  # inside "--" ... "--": the inference rule
            if _BAR.match(content):
                inference.rule, inference, rule = " ".join(rule) or None, None, []
            else:
                rule.append(content)
            blank = False
            continue
        # each pattern below starts with one of a few characters: testing that first saves three
        # matches a line on long texts (test_continuation_lines_are_joined_in_linear_time: 800,000)
        first = content[0]
        with_rule = bar_rule(content) if first == "-" else None
        if with_rule is not None or (first == "-" and _BAR.match(content)):
            line = _Line(number, indent, content, block, "bar", with_rule)
            lines.append(line)
            if with_rule is None and len(content) == 2:
                inference = line  # an opening "--": rule lines and a closing "--" follow
            blank = False
            continue
        starts = (first == "(" and _NUMBER.match(content) is not None) or (
            first in "#[<*" and _NEW_ELEMENT.match(content) is not None
        )
        starts = starts or (indent > 0 and first in "+-_<>" and _RELATION.match(content) is not None)
        if starts or blank or not lines or lines[-1].kind != "element":
            lines.append(_Line(number, indent, content, block))
        else:
            lines[-1].more.append(content)
        blank = False
    if inference is not None:
        inference.rule = " ".join(rule) or None
    for line in lines:
        if line.more:
            line.text = " ".join([line.text, *line.more])
            line.more = []
    return lines


# -- one line: the grammar's tokens -------------------------------------------------------


class Token(NamedTuple):
    """One token of a logical line: its terminal's name in ``grammars/argdown.lark``, its text,
    and where it starts and ends in the line."""

    type: str
    value: str
    start: int
    end: int


class Scanned(NamedTuple):
    """What one logical line says (the grammar's ``heading`` or ``element``)."""

    kind: Literal["heading", "element"]
    #: HEADING, RELATION, NUMBER and the head (STATEMENT_DEF, STATEMENT_REF, ARGUMENT_DEF,
    #: ARGUMENT_REF) where the line has them
    heading: Token | None
    relation: Token | None
    number: Token | None
    head: Token | None
    #: WORD, TAG, LINK, MENTION, ESCAPED and STRAY tokens, then DATA if the line ends in it
    body: list[Token]


class _Scanner:
    """The tokens of one line, in the order of precedence lark gives the grammar's terminals."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.brackets, self.angles = _Next(text, "]"), _Next(text, ">")
        self.mention_brackets, self.mention_angles = _Next(text, "]"), _Next(text, ">")
        self.link_parens, self.tag_parens = _Next(text, ")"), _Next(text, ")")
        self.no_newline = _Next(text, "\n")  # (a logical line has none: it never finds one)
        last = text.rfind("}")
        #: DATA (``\{.*\}\s*$``) can start before this: the last ``}``, if only blanks follow it
        self.data_before = last if last != -1 and text[last + 1 :].strip() == "" else -1

    def bracketed(self, i: int, close: _Next) -> int:
        return _bracketed(self.text, i, close, self.no_newline)

    def heading(self, i: int) -> int:
        """HEADING ``#{1,6}(?=\\s)``: its end, or -1."""
        j = i
        while j < self.n and j - i < 7 and self.text[j] == "#":
            j += 1
        return j if 1 <= j - i <= 6 and j < self.n and self.text[j].isspace() else -1

    def relation(self, i: int) -> int:
        for symbol in _RELATION_SYMBOLS:
            j = i + len(symbol)
            if self.text.startswith(symbol, i) and j < self.n and self.text[j].isspace():
                return j
        return -1

    def number(self, i: int) -> int:
        """NUMBER ``\\(\\d+\\)(?=\\s|$)``: its end, or -1."""
        j = i + 1
        while j < self.n and self.text[j].isdecimal():
            j += 1
        ok = j > i + 1 and self.text[j : j + 1] == ")" and (j + 1 == self.n or self.text[j + 1].isspace())
        return j + 1 if ok else -1

    def head(self, i: int) -> tuple[str, int] | None:
        """STATEMENT_REF / STATEMENT_DEF or ARGUMENT_REF / ARGUMENT_DEF at ``i``: (type, end)."""
        c = self.text[i]
        if c not in "[<":
            return None
        j = self.bracketed(i, self.brackets if c == "[" else self.angles)
        if j == -1:
            return None
        after = self.text[j : j + 1]
        kind = "STATEMENT" if c == "[" else "ARGUMENT"
        if after == ":":
            return f"{kind}_DEF", j + 1
        if c == "[" and after == "(":
            return None  # a link
        return f"{kind}_REF", j

    def piece(self, i: int) -> tuple[str, int]:
        """The body token at ``i``, a character that starts no WORD: MENTION, LINK, TAG, DATA,
        ESCAPED or else STRAY, as (type, end)."""
        text, c = self.text, self.text[i]
        if c == "@":
            after = text[i + 1 : i + 2]
            if after in ("[", "<"):
                j = self.bracketed(i + 1, self.mention_brackets if after == "[" else self.mention_angles)
                if j != -1:
                    return "MENTION", j
        elif c == "[":
            j = _link_end(text, i, self.brackets, self.link_parens, self.no_newline, self.no_newline)
            if j != -1:
                return "LINK", j
        elif c == "#":
            if text[i + 1 : i + 2] == "(":
                k = self.tag_parens(i + 2)
                if k > i + 2:
                    return "TAG", k + 1
            else:
                j = i + 1
                while j < self.n and (text[j] == "-" or _WORD_CHAR.match(text, j)):
                    j += 1
                if j > i + 1:
                    return "TAG", j
        elif c == "{":
            if i < self.data_before:
                return "DATA", self.n
        elif c == "\\":
            if i + 1 < self.n:
                return "ESCAPED", i + 2
        return "STRAY", i + 1


#: what starts no WORD (blanks are skipped between tokens)
_NOT_WORD = frozenset(" \t\\#@{[<")


def scan_line(text: str) -> Scanned:
    """The tokens of one logical line (no line breaks), as ``grammars/argdown.lark`` reads it
    (but for one thing: words next to each other are one WORD token, blanks included).

    >>> s = scan_line("+ <Tea>: good #x {a: 1}")
    >>> s.relation.value, s.head.type, [(t.type, t.value) for t in s.body]
    ('+', 'ARGUMENT_DEF', [('WORD', 'good'), ('TAG', '#x'), ('DATA', '{a: 1}')])
    >>> [t.value for t in scan_line("tea is good #x").body]
    ['tea is good', '#x']
    """
    scanner = _Scanner(text)
    n = len(text)
    heading = relation = number = head = None
    body: list[Token] = []
    i = _skip(text, 0)
    # the line's start (the grammar's contextual lexer: HEADING, or RELATION? NUMBER? head?)
    end = scanner.heading(i) if text[i : i + 1] == "#" else -1
    if end != -1:
        heading, i = Token("HEADING", text[i:end], i, end), _skip(text, end)
    else:
        end = scanner.relation(i) if text[i : i + 1] in _RELATION_STARTS else -1
        if end != -1:
            relation, i = Token("RELATION", text[i:end], i, end), _skip(text, end)
        end = scanner.number(i) if text[i : i + 1] == "(" else -1
        if end != -1:
            number, i = Token("NUMBER", text[i:end], i, end), _skip(text, end)
        found = scanner.head(i) if i < n else None
        if found is not None:
            head, i = Token(found[0], text[i : found[1]], i, found[1]), _skip(text, found[1])
    # the body: words (a run of them with the blanks between, taken at once: a token per word
    # cost a Python step each, seconds on a long text; test_continuation_lines_are_joined_in_linear_time
    # reads a line of 800,000 words), or what starts with a markup character
    word = _WORDS.match
    while i < n:
        if text[i] in _NOT_WORD:
            kind, end = scanner.piece(i)
        else:
            kind, end = "WORD", word(text, i).end()  # type: ignore[union-attr]  # a word starts here
        body.append(Token(kind, text[i:end], i, end))
        i = _skip(text, end)
    return Scanned("heading" if heading else "element", heading, relation, number, head, body)


_BLANKS = re.compile(r"[ \t]+")


def _skip(text: str, i: int) -> int:
    """Past the blanks at ``i`` (the grammar ignores them)."""
    m = _BLANKS.match(text, i)
    return m.end() if m is not None else i


#: WORDs of the grammar and the blanks between them (the two classes share no character: the
#: expression cannot backtrack more than once over a run of blanks at its end)
_WORDS = re.compile(r"[^ \t\\#@{\[<]+(?:[ \t]+[^ \t\\#@{\[<]+)*")
_RELATION_STARTS = frozenset("+-_<>")


# -- the reader ---------------------------------------------------------------------------


@attrs.define
class Node:
    """A statement (equivalence class) or an argument."""

    kind: str  # "statement" | "argument"
    title: str
    text: str = ""
    tags: list[str] = attrs.Factory(list)
    data: dict[str, Any] = attrs.Factory(dict)
    line: int = 0
    section_post: str | None = None
    #: (post, has relation lines) per time it opens a block
    roots: list[tuple[str | None, bool]] = attrs.Factory(list)
    #: the premise-conclusion structure: ("item", node) | ("bar", rule)
    pcs: list[tuple[Literal["item"], Node] | tuple[Literal["bar"], str | None]] = attrs.Factory(list)


def yaml_text(value: object) -> str | None:
    """A YAML scalar as text: strings, numbers and dates (YAML reads ``2024-01-02`` as a date);
    None for anything else (lists, mappings, booleans, nothing)."""
    import datetime

    if isinstance(value, (datetime.date, datetime.datetime)):
        date: datetime.date = value
        return date.isoformat()
    return scalar(value)


class Reader:
    """Reads logical lines into statements, arguments, their relations and post headings."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.nodes: dict[tuple[str, str], Node] = {}
        #: (kind, source, target, post, line)
        self.relations: list[tuple[str, Node, Node, str | None, int]] = []
        #: each post with its heading's data and line
        self.posts: list[tuple[Post, dict[str, Any], int]] = []
        self.post_ids: set[str] = set()
        self.post: str | None = None
        self.untitled = 0

    def body(self, tokens: list[Token], line: _Line) -> tuple[str, list[str], dict[str, Any]]:
        """(text, tags, data) of a line's body tokens; the text keeps the spacing of the line."""
        parts: list[str] = []
        tags: list[str] = []
        data: dict[str, Any] = {}
        escaped: list[str] = []
        previous_end: int | None = None
        source = line.text
        held = "\x01"  # stands for an escaped character while markup is taken out
        if "\\" in source and held in source:  # then a character the line does not hold
            present = set(source)
            held = next(chr(c) for c in range(0xE000, 0x110000) if chr(c) not in present)
        for token in tokens:
            if token.type == "DATA":
                data = self.yaml(token.value.strip(), line, "data")
                continue
            if token.type == "TAG":
                tag = token.value[1:]
                tags.append(tag[1:-1] if tag.startswith("(") else tag)
                continue
            gap = source[previous_end : token.start] if previous_end is not None else ""
            if token.type == "ESCAPED":
                escaped.append(token.value[1])
            parts.append(gap + (held if token.type == "ESCAPED" else token.value))
            previous_end = token.end
        text = plain("".join(parts)).strip()
        if escaped:  # put the escaped characters back: one split (replacing each in turn cost the square
            # of the line; tests/convert/test_limits.py: the line of 300,000 escapes)
            pieces = text.split(held)
            text = "".join(p + e for p, e in zip(pieces, [*escaped, ""])).strip()
        return text, tags, data

    def yaml(self, text: str, line: _Line | int, what: str) -> dict[str, Any]:
        """The mapping YAML ``text`` holds (empty, with a warning, when it is not one).

        Aliases (``*name``) are refused: YAML expands each where it stands, so a few
        hundred bytes of nested aliases stand for gigabytes of data.
        """
        import yaml

        number = line.number if isinstance(line, _Line) else line
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where PyYAML has it
        try:  # (without a "*" there is no alias: no need to parse twice)
            if "*" in text and any(isinstance(e, yaml.AliasEvent) for e in yaml.parse(text, Loader=loader)):
                self.report.warn("X202", f"this YAML {what} uses an alias (*name), which argmap does not "
                                 "expand; left out", number)  # fmt: skip
                return {}
            value = yaml.load(text, Loader=loader)
        except (yaml.YAMLError, ValueError, RecursionError) as e:  # ValueError: too long an integer
            first = str(e).splitlines()[0] if str(e) else type(e).__name__
            self.report.warn("X202", f"this YAML {what} cannot be read; left out: {first}", number)
            return {}
        if "\\" in text:  # only an escape ("\\0") gives a NUL here: the text has none (Report.source)
            value = self.report.clean_data(value)
        return value if isinstance(value, dict) else {}

    def node(self, kind: str, title: str, line: _Line) -> Node:
        """The node of this kind and title, created on first mention."""
        key = (kind, title)
        if key not in self.nodes:
            self.nodes[key] = Node(kind, title, line=line.number, section_post=self.post)
        return self.nodes[key]

    def element(self, scanned: Scanned, line: _Line) -> Node | None:
        """The node a line names (created or found), with its text, tags and data merged in."""
        text, tags, data = self.body(scanned.body, line)
        head = scanned.head
        if head is None:
            if not text:
                return None
            self.untitled += 1
            node = self.node("statement", f"Untitled {self.untitled}", line)
        else:
            raw = head.value
            title = raw[1:-2] if raw.endswith(":") else raw[1:-1]
            kind = "statement" if raw.startswith("[") else "argument"
            node = self.node(kind, title.strip(), line)
        if text and not node.text:
            node.text = text
        node.tags += tags if not node.tags else [t for t in tags if t not in node.tags]
        for key, value in data.items():
            node.data.setdefault(key, value)
        return node

    def heading(self, scanned: Scanned, line: _Line) -> None:
        """A post heading (its data names post and author) opens that post's section.

        A heading whose post cannot be read opens none (``X205``): what follows stays
        in the section before, as under any other heading.
        """
        _, _, data = self.body(scanned.body, line)
        if "post" not in data or "author" not in data:
            return
        try:
            post = self._post(data)
        except (ValueError, TypeError, KeyError) as e:
            self.report.warn("X205", f"post heading data cannot be used; the heading opens no post: {e}",
                             line.number)  # fmt: skip
            return
        self.post = post.id
        if post.id in self.post_ids:
            self.report.warn("X205", f"post {post.id} appears twice; the second heading's data is left out",
                             line.number)  # fmt: skip
            return
        self.post_ids.add(post.id)
        self.posts.append((post, data, line.number))

    def _post(self, data: dict[str, Any]) -> Post:
        """The post a heading's data describes (its reply and quotes are added later, checked)."""
        pid, author = yaml_text(data["post"]), yaml_text(data["author"])
        if pid is None or not is_id(pid):
            raise ValueError(f"the post id {brief(data['post'])} is not an id")
        if not author or not as_line(author):
            raise ValueError(f"the author {brief(data['author'])} is not a name")
        stamp = yaml_text(data.get("timestamp"))
        body = data.get("body")
        lines = [yaml_text(b) for b in body] if isinstance(body, list) else None
        if body is not None and (lines is None or None in lines):
            raise ValueError(f"body must be a list of lines, not {brief(body)}")
        return Post(pid, as_line(author), as_line(stamp) if stamp is not None else None, None, (),
                    [part.rstrip() for b in lines if b is not None for part in _LINE_BREAK.split(b)]
                    if lines is not None else None)  # fmt: skip

    # the whole document ----------------------------------------------------------
    def read(self, lines: list[_Line]) -> None:
        """Read the logical lines of a whole document."""
        stack: list[tuple[int, Node]] = []  # (indent, node) of the open tree
        argument: Node | None = None  # the argument a premise-conclusion structure belongs to
        block = -1
        for line in lines:
            if line.block != block:
                block, stack = line.block, []
            if line.kind == "bar":
                if argument is not None:
                    argument.pcs.append(("bar", line.rule))
                continue
            scanned = scan_line(line.text)
            if scanned.kind == "heading":
                self.heading(scanned, line)
                argument, stack = None, []
                continue
            node = self.element(scanned, line)
            if node is None:
                continue
            if scanned.number is not None:
                if argument is None:
                    self.untitled += 1
                    argument = self.node("argument", f"Untitled {self.untitled}", line)
                if not argument.pcs:  # its inferences belong to the post where they are written
                    argument.section_post = self.post
                argument.pcs.append(("item", node))
                stack = [(line.indent, node)]
                continue
            symbol = scanned.relation
            while stack and stack[-1][0] >= line.indent:
                stack.pop()
            if symbol is not None and stack:
                kind, child_is_source = _SYMBOLS[symbol.value]
                parent = stack[-1][1]
                if len(stack) == 1 and parent.roots:
                    parent.roots[-1] = (parent.roots[-1][0], True)
                source, target = (node, parent) if child_is_source else (parent, node)
                self.relations.append((kind, source, target, self.post, line.number))
            elif symbol is None and not stack:
                argument = node if node.kind == "argument" else None
                node.roots.append((self.post, False))
            stack.append((line.indent, node))
