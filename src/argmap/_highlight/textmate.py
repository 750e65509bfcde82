"""The TextMate grammar of argmap text (scope ``source.argmap``), for VS Code and every editor or site
that colours code with TextMate grammars (``editors/vscode/syntaxes/argmap.tmLanguage.json``).

Nothing in it is written by hand but the scope names: the statements, their parts and the order of
the parts are the rules of ``grammars/argmap.lark``; the keywords and the patterns of ids, times,
numbers, quoted strings, tags and text are its terminals (:mod:`argmap._language.lexicon`).  Write
the JSON with::

    python -m argmap._highlight.textmate > editors/vscode/syntaxes/argmap.tmLanguage.json

How: a statement rule, such as ``post: POST ID BY author (REPLY_TO ID)? (AT stamp)?``, is a regular
expression over terminals.  Its Glushkov automaton has one state per terminal occurrence, and each
state becomes a begin/end rule: it begins with its terminal right where the previous part ended
(``\\G``), ends at the end of the line and holds the states that may come next.  So a line is
coloured part by part, exactly as the parser reads it; from the first part that fits no state the
rest of the line is ``invalid.illegal``, as is a line whose first word starts no statement.  A line
cut short (``claim c1`` while it is being typed) shows no error: the language server reports it.
The terminals are Python regexes, which TextMate engines read with Oniguruma: ``\\w`` and ``\\s`` are
spelt out so that both read them alike (an id such as ``주장1`` or ``x²`` is an id in both).

>>> grammar = build()
>>> grammar["scopeName"], len(grammar["patterns"]) == len(STATEMENTS) + 1
('source.argmap', True)
>>> STATEMENTS[:3]
('meta', 'ignore', 'post')
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from typing import Any, Final

from .._grammars import grammar_text
from .._language.lexicon import FIRST, GRAMMAR, TERMINALS, words

__all__ = ["SCOPE_NAME", "STATEMENTS", "build", "render"]

SCOPE_NAME: Final = "source.argmap"

Rule = dict[str, Any]

#: blanks between tokens (the grammar's ``%ignore``), and before the first one
_BLANK = f"(?:{TERMINALS['%ignore']})?"
#: the start of a line (a byte-order mark at the start of the file is no part of the text)
_LINE_START = "^(?:\\A\ufeff)?"

# ---- scopes: the one thing decided here ------------------------------------------------------
#: keywords: a statement's first word is keyword.control, a later one (by, reply-to, at) keyword.other;
#: the kinds of proposition are storage types.  "{}" is the word, or the terminal's name for a
#: terminal of several words (``kind``, ``meta-key``).
_KEYWORD_SCOPE: Final = {"KIND": "storage.type.{}", "VOICE_KIND": "storage.modifier.voice",
                          "REPORTED": "storage.modifier.voice"}  # fmt: skip
#: the other terminals: by (rule, terminal, occurrence in the rule), (rule, terminal) or terminal
_SCOPE: Final[dict[tuple[str, str, int] | tuple[str, str] | str, str]] = {
    ("post", "ID", 0): "entity.name.section.post",
    ("post", "ID", 1): "variable.other.post",
    ("quote", "ID", 0): "variable.other.post",
    ("prop", "ID", 0): "entity.name.type.proposition",
    ("support", "ID", 0): "entity.name.function.support",
    ("undercut", "ID", 3): "variable.other.support",  # the target (0: name or attacker, 1: attacker, 2: partners)
    "ID": "variable.other.proposition",
    ("author", "WORD"): "entity.name.label.author",
    ("author", "STRING"): "string.quoted.double.author",
    ("voice", "TEXT"): "entity.name.label.reporter",  # who said it: after "reported by"
    ("stamp", "STRING"): "string.quoted.double.timestamp",
    "TIMESTAMP": "constant.numeric.timestamp",
    "NUMBER": "constant.numeric.decimal",
    "TEXT": "string.unquoted.text",
    ("ignore", "TAG"): "constant.other.rule-code",
    "TAG": "entity.name.tag",
    "_COLON": "punctuation.separator.key-value",
    "_COMMA": "punctuation.separator.comma",
    "_AMP": "keyword.operator.and",
    "_ARROW": "keyword.operator.arrow",
}
#: terminals that start with a mark (``|``, ``#``) and run to the end of the line: (the whole, the
#: mark, the rest)
_MARKED: Final = {
    "COMMENT": ("comment.line.number-sign", "punctuation.definition.comment", None),
    "BODY": (None, "punctuation.definition.body", "string.unquoted.body"),
}
_UNKNOWN: Final = "invalid.illegal.unknown-statement"
_UNEXPECTED: Final = "invalid.illegal.unexpected"


def _scoped(name: str) -> str:
    return f"{name}.argmap"


# ---- the grammar's rules, as automata over terminals ------------------------------------------
_RULE_LINE = re.compile(r"^([a-z_][a-z0-9_]*)\s*:\s*(.*)$")
_SYMBOL = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*|[()|?*+]|\S)")


def _rules() -> dict[str, str]:
    """Each rule of the grammar: its expansion, on one line."""
    rules: dict[str, str] = {}
    current = None
    for line in grammar_text(GRAMMAR).splitlines():
        m = _RULE_LINE.match(line)
        if m:
            current = m.group(1)
            rules[current] = m.group(2)
        elif current is not None and line[:1] in (" ", "\t") and line.strip().startswith("|"):
            rules[current] += " " + line.strip()
        else:
            current = None
    return rules


@dataclass(frozen=True)
class _Token:
    """One occurrence of a terminal in a statement: ``occurrence`` counts that terminal in ``rule``."""

    terminal: str
    rule: str
    occurrence: int


@dataclass
class _Part:
    """What a piece of a rule matches: can it be empty, which tokens can start and end it."""

    nullable: bool
    first: list[int]
    last: list[int]


def _union(a: list[int], b: list[int]) -> list[int]:
    return a + [x for x in b if x not in a]


@dataclass
class _Automaton:
    """The Glushkov automaton of one statement rule: its tokens, where it may start, what follows what."""

    tokens: list[_Token] = field(default_factory=list)
    follow: dict[int, list[int]] = field(default_factory=dict)
    start: list[int] = field(default_factory=list)

    def add_follow(self, last: list[int], first: list[int]) -> None:
        for x in last:
            self.follow[x] = _union(self.follow.get(x, []), first)


class _Reader:
    """Reads a rule's expansion (``POST ID BY author (REPLY_TO ID)? (AT stamp)?``) into an automaton;
    a rule named in it (``author``) is read in place."""

    def __init__(self, rules: dict[str, str], automaton: _Automaton, rule: str, within: tuple[str, ...]):
        if rule in within:
            raise ValueError(f"{GRAMMAR}: rule {rule} is recursive; a line is no recursive thing")
        self.rules, self.automaton, self.rule, self.within = rules, automaton, rule, within + (rule,)
        self.symbols = _SYMBOL.findall(rules[rule])
        self.at = 0
        self.counts: dict[str, int] = {}

    def peek(self) -> str | None:
        return self.symbols[self.at] if self.at < len(self.symbols) else None

    def read(self) -> _Part:
        part = self.alternatives()
        if self.peek() is not None:
            raise ValueError(f"{GRAMMAR}: rule {self.rule}: cannot read {self.peek()!r}")
        return part

    def alternatives(self) -> _Part:
        part = self.sequence()
        while self.peek() == "|":
            self.at += 1
            other = self.sequence()
            part = _Part(part.nullable or other.nullable, _union(part.first, other.first),
                         _union(part.last, other.last))  # fmt: skip
        return part

    def sequence(self) -> _Part:
        part = _Part(True, [], [])
        while self.peek() not in (None, "|", ")", "]"):
            item = self.item()
            self.automaton.add_follow(part.last, item.first)
            part = _Part(
                part.nullable and item.nullable,
                _union(part.first, item.first) if part.nullable else part.first,
                _union(item.last, part.last) if item.nullable else item.last,
            )
        return part

    def item(self) -> _Part:
        part = self.atom()
        while self.peek() in ("?", "*", "+"):
            op = self.symbols[self.at]
            self.at += 1
            if op in ("*", "+"):
                self.automaton.add_follow(part.last, part.first)
            part = _Part(part.nullable or op != "+", part.first, part.last)
        return part

    def atom(self) -> _Part:
        symbol = self.peek()
        self.at += 1
        if symbol == "(":
            part = self.alternatives()
            if self.peek() != ")":
                raise ValueError(f"{GRAMMAR}: rule {self.rule}: missing ')'")
            self.at += 1
            return part
        if symbol == "[":  # lark's [x] is x? (kept as a placeholder)
            part = self.alternatives()
            if self.peek() != "]":
                raise ValueError(f"{GRAMMAR}: rule {self.rule}: missing ']'")
            self.at += 1
            return _Part(True, part.first, part.last)
        if symbol is not None and re.fullmatch(r"_?[A-Z][A-Z0-9_]*", symbol):
            if symbol not in TERMINALS:
                raise ValueError(f"{GRAMMAR}: rule {self.rule}: {symbol} is no terminal of one pattern")
            tokens = self.automaton.tokens
            tokens.append(_Token(symbol, self.rule, self.counts.get(symbol, 0)))
            self.counts[symbol] = self.counts.get(symbol, 0) + 1
            return _Part(False, [len(tokens) - 1], [len(tokens) - 1])
        if symbol is not None and symbol in self.rules:
            return _Reader(self.rules, self.automaton, symbol, self.within).read()
        raise ValueError(f"{GRAMMAR}: rule {self.rule}: cannot read {symbol!r} (textmate.py reads "
                         "terminals, rules, ( ), |, ?, * and +)")  # fmt: skip


def _statements() -> dict[str, _Automaton]:
    """Every statement rule (the alternatives of ``_stmt``, in the grammar's order) as an automaton."""
    rules = _rules()
    out: dict[str, _Automaton] = {}
    for name in (a.strip() for a in rules["_stmt"].split("|")):
        automaton = _Automaton()
        part = _Reader(rules, automaton, name, ()).read()
        if part.nullable:
            raise ValueError(f"{GRAMMAR}: statement {name} may be empty")
        automaton.start = part.first
        out[name] = automaton
    return out


_AUTOMATA: Final = _statements()

#: the statement rules of the grammar, in its order
STATEMENTS: Final = tuple(_AUTOMATA)


# ---- from terminals to TextMate rules ---------------------------------------------------------
#: Python's classes in Oniguruma's terms, inside a character class: Python's \w is letters, numbers
#: and "_" (Oniguruma's has marks, and lacks numbers such as "²"); its \s has \x1c-\x1f too
_CLASSES: Final = {"w": "\\p{L}\\p{N}_", "s": "\\s\\x{1C}-\\x{1F}"}


def _oniguruma(regex: str) -> str:
    r"""A terminal's Python regex as Oniguruma reads it the same way, its groups made non-capturing
    (so that captures number only the grammar's own).

    >>> print(_oniguruma(r"(thesis|claim)(?![\w.\-])"))
    (?:thesis|claim)(?![\p{L}\p{N}_.\-])
    >>> print(_oniguruma(r"[^\s,]+"), _oniguruma(r"\S"))
    [^\s\x{1C}-\x{1F},]+ [^\s\x{1C}-\x{1F}]
    """
    if "(?P" in regex:
        raise ValueError(f"a named group is Python's own syntax: {regex}")
    out: list[str] = []
    i, in_class = 0, False
    while i < len(regex):
        c = regex[i]
        if c == "\\":
            escape = regex[i + 1 : i + 2]
            if escape.lower() in _CLASSES:
                members = _CLASSES[escape.lower()]
                if in_class and escape.isupper():
                    raise ValueError(f"\\{escape} inside a character class: {regex}")
                out.append(members if in_class else f"[{'^' if escape.isupper() else ''}{members}]")
            else:
                out.append(regex[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if regex[i + 1 : i + 2] == "]" or regex[i + 1 : i + 3] == "^]":  # a "]" that is a member
                n = 3 if regex[i + 1] == "^" else 2
                out.append(regex[i : i + n])
                i += n
                continue
        elif c == "(" and regex[i + 1 : i + 2] != "?":
            out.append("(?:")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _keyword_scope(token: _Token, starts_statement: bool) -> str | None:
    found = words(token.terminal)
    if not found:
        return None
    name = found[0] if len(found) == 1 else token.terminal.lower().replace("_", "-")
    default = "keyword.control.{}" if starts_statement else "keyword.other.{}"
    return _KEYWORD_SCOPE.get(token.terminal, default).format(name)


def _value_scope(token: _Token) -> str:
    for key in ((token.rule, token.terminal, token.occurrence), (token.rule, token.terminal), token.terminal):
        if key in _SCOPE:
            return _SCOPE[key]
    raise KeyError(f"textmate.py gives terminal {token.terminal} of rule {token.rule} no scope (_SCOPE)")


def _pattern(token: _Token, starts_statement: bool) -> tuple[str, dict[str, Rule]]:
    """The regex of ``token`` (group 1: all of it) and the captures that scope its parts."""
    terminal = TERMINALS[token.terminal]
    if token.terminal in _MARKED:
        m = re.fullmatch(r"(\\?[^\w\s\\(\[])(.*)", terminal)
        if m is None:
            raise ValueError(f"terminal {token.terminal} does not start with a mark")
        regex = f"(({m.group(1)})({_oniguruma(m.group(2))}))"
        names = _MARKED[token.terminal]
        return regex, {str(i + 1): {"name": _scoped(n)} for i, n in enumerate(names) if n is not None}
    scope = _keyword_scope(token, starts_statement) or _value_scope(token)
    if scope.startswith("string.quoted.double"):
        if not (terminal.startswith('"') and terminal.endswith('"')):
            raise ValueError(f"terminal {token.terminal} is not a string in double quotes")
        inside = _oniguruma(terminal[1:-1])
        escape = {"match": r"\\.", "name": _scoped("constant.character.escape")}
        return f'((")({inside})("))', {
            "1": {"name": _scoped(scope)},
            "2": {"name": _scoped("punctuation.definition.string.begin")},
            # (named again: vscode-textmate scopes the text of a capture with patterns without the
            # captures around it)
            "3": {"name": _scoped(scope), "patterns": [escape]},
            "4": {"name": _scoped("punctuation.definition.string.end")},
        }
    # atomic: a terminal takes what its own pattern takes, as the parser's lexer does (an id "1by" is
    # not the id "1" and the keyword "by")
    return f"((?>{_oniguruma(terminal)}))", {"1": {"name": _scoped(scope)}}


def _state_name(statement: str, index: int, token: _Token) -> str:
    return f"{statement}-{index}-{token.terminal.strip('_').lower().replace('_', '-')}"


_UNEXPECTED_RULE: Final = {"match": f"\\G{_BLANK}(\\S.*)", "captures": {"1": {"name": _scoped(_UNEXPECTED)}}}


def _after(statement: str, automaton: _Automaton, index: int) -> list[Rule]:
    """What may come after token ``index``: the states that follow it, else the line is wrong from here."""
    tokens = automaton.tokens
    nexts = automaton.follow.get(index, [])
    return [{"include": f"#{_state_name(statement, j, tokens[j])}"} for j in nexts] + [
        {"include": "#unexpected"}
    ]


def build() -> dict[str, Any]:
    """The TextMate grammar, as the dict that its JSON file holds."""
    lexicon = set(FIRST.values())  # the statements, as the lexicon reads them: this reading must agree
    if lexicon != set(_AUTOMATA):
        raise ValueError(f"statements: the lexicon has {sorted(lexicon)}, the rules {sorted(_AUTOMATA)}")
    repository: dict[str, Rule] = {}
    patterns: list[Rule] = []
    for statement, automaton in _AUTOMATA.items():
        firsts: list[Rule] = []
        for index, token in enumerate(automaton.tokens):
            starts_statement = index in automaton.start
            regex, captures = _pattern(token, starts_statement)
            rule: Rule = {"begin": f"\\G{_BLANK}{regex}", "beginCaptures": captures, "end": "$",
                          "patterns": _after(statement, automaton, index)}  # fmt: skip
            if any(index in after for after in automaton.follow.values()):
                repository[_state_name(statement, index, token)] = rule
            if starts_statement:
                firsts.append({"name": _scoped(f"meta.statement.{statement}"), **rule,
                               "begin": f"{_LINE_START}{_BLANK}{regex}"})  # fmt: skip
        repository[statement] = {"patterns": firsts}
        patterns.append({"include": f"#{statement}"})
    patterns.append({"include": "#unknown"})
    repository["unknown"] = {
        "match": f"{_LINE_START}{_BLANK}(\\S.*)",
        "captures": {"1": {"name": _scoped(_UNKNOWN)}},
    }
    repository["unexpected"] = _UNEXPECTED_RULE
    return {
        "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
        "information_for_contributors": [
            f"Generated from grammars/{GRAMMAR}; do not edit. After a change to the grammar (or to the scopes",
            "in src/argmap/_highlight/textmate.py), write it again with: python -m argmap._highlight.textmate",
            "> editors/vscode/syntaxes/argmap.tmLanguage.json",
        ],
        "name": "argmap",
        "scopeName": SCOPE_NAME,
        "fileTypes": ["argmap"],
        "patterns": patterns,
        "repository": repository,
    }


def render() -> str:
    """The grammar as the text of ``argmap.tmLanguage.json``."""
    return json.dumps(build(), indent=2, ensure_ascii=True) + "\n"


def main() -> None:
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
