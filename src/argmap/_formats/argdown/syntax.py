"""Argdown's lines: comments, front matter, blocks, continuation lines, inference bars; one line read by the grammar."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, AbstractSet, Any, Literal

import attrs

from ..common import Report

if TYPE_CHECKING:
    import lark

_COMMENT = re.compile(r"(\\.)|(\[[^\]\n]+\]\([^)\n]+\))|(<!--.*?-->|/\*.*?\*/|//[^\n]*)", re.S)
FRONT = re.compile(r"\A\s*(===+)[ \t]*\n(.*?)\n[ \t]*===+[ \t]*(?:\n|\Z)", re.S)
_RELATION = re.compile(r"(\+>|<\+|\+|->|<-|-|_>|<_|_|><)\s")
_NUMBER = re.compile(r"\(\d+\)\s")
_BAR = re.compile(r"-{2,}\s*$")
_BAR_WITH_RULE = re.compile(r"-{2,}\s+(.+?)\s+-{2,}\s*$")
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


@functools.cache
def _parser() -> lark.Lark:
    import lark

    from ..._grammars import grammar_text

    return lark.Lark(grammar_text("argdown.lark"), parser="lalr", lexer="contextual")


def strip_comments(text: str) -> tuple[str, set[int]]:
    """Comments replaced by as many line breaks (lines keep their numbers); escapes and links kept.

    Also returns the numbers of the lines that held comments: left blank, they end no block.
    """
    commented: set[int] = set()

    def sub(m: re.Match[str]) -> str:
        if m.group(3) is None:
            return m.group(0)
        first = text.count("\n", 0, m.start()) + 1
        breaks = m.group(3).count("\n")
        commented.update(range(first, first + breaks + 1))
        return "\n" * breaks

    return _COMMENT.sub(sub, text), commented


_HELD = "\x01"  # stands for an escaped character while markup is taken out
_MARKUP = [
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]+\)"), r"\1"),  # [text](url): the text
    (re.compile(r"\*\*(\S(?:.*?\S)?)\*\*"), r"\1"),
    (re.compile(r"(?<!\w)__(\S(?:.*?\S)?)__(?!\w)"), r"\1"),
    (re.compile(r"\*(\S(?:.*?\S)?)\*"), r"\1"),
    (re.compile(r"(?<!\w)_(\S(?:.*?\S)?)_(?!\w)"), r"\1"),
    (re.compile(r"^[*]\s+"), ""),  # a list item's bullet
]


def _plain(text: str) -> str:
    """Argdown's bold, italics, links and bullets reduced to their words.

    >>> _plain("* a **bold** and _italic_ [link](https://x.org) snake_case")
    'a bold and italic link snake_case'
    """
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return text


@attrs.define
class _Line:
    number: int
    indent: int
    text: str
    block: int
    kind: str = "element"  # element | bar | heading
    rule: str | None = None


def logical_lines(text: str, commented: AbstractSet[int] = frozenset()) -> list[_Line]:
    """Join continuation lines; mark blocks (separated by blank lines) and inference bars."""
    lines: list[_Line] = []
    block, blank = 0, True
    inference: _Line | None = None
    for number, raw in enumerate(text.split("\n"), 1):
        content = raw.strip()
        if not content and number in commented:
            continue
        if not content:
            if not blank:
                block, blank = block + 1, True
            continue
        indent = len(raw) - len(raw.lstrip(" \t")) + raw[: len(raw) - len(raw.lstrip(" \t"))].count("\t") * 3
        if inference is not None:  # inside "--" ... "--": the inference rule
            if _BAR.match(content):
                inference = None
            else:
                inference.rule = f"{inference.rule} {content}" if inference.rule else content
            blank = False
            continue
        if _BAR.match(content) or _BAR_WITH_RULE.match(content):
            with_rule = _BAR_WITH_RULE.match(content)
            line = _Line(number, indent, content, block, "bar", with_rule.group(1) if with_rule else None)
            lines.append(line)
            if not with_rule and len(content) == 2:
                inference = line  # an opening "--": rule lines and a closing "--" follow
            blank = False
            continue
        starts = bool(_NUMBER.match(content) or _NEW_ELEMENT.match(content))
        starts = starts or (indent > 0 and _RELATION.match(content) is not None)
        if starts or blank or not lines or lines[-1].kind != "element":
            lines.append(_Line(number, indent, content, block))
        else:
            lines[-1].text += " " + content
        blank = False
    return lines


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


class Reader:
    """Reads logical lines into statements, arguments, their relations and post headings."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.nodes: dict[tuple[str, str], Node] = {}
        #: (kind, source, target, post, line)
        self.relations: list[tuple[str, Node, Node, str | None, int]] = []
        self.posts: list[dict[str, Any]] = []
        self.post: str | None = None
        self.untitled = 0

    # one logical line ------------------------------------------------------------
    def parse_line(self, line: _Line) -> lark.Tree[lark.Token] | None:
        """The ``heading`` or ``element`` subtree of one line (None, with a warning: unreadable)."""
        import lark

        try:
            tree = _parser().parse(line.text)
        except lark.exceptions.LarkError as e:
            column = getattr(e, "column", 1) or 1
            self.report.warn("X201", f"cannot read this Argdown line; left out ({type(e).__name__})",
                             line.number, line.indent + column)  # fmt: skip
            return None
        return tree.children[0]  # type: ignore[return-value]  # start: heading | element, a subtree

    def body(self, tree: lark.Tree[lark.Token], line: _Line) -> tuple[str, list[str], dict[str, Any]]:
        """(text, tags, data) of a ``body`` subtree; the text keeps the spacing of the line."""
        parts: list[str] = []
        tags: list[str] = []
        data: dict[str, Any] = {}
        escaped: list[str] = []
        previous_end: int | None = None
        source = line.text
        token: lark.Token
        for token in tree.children:  # type: ignore[assignment]  # a body holds only tokens (grammar)
            if token.type == "DATA":
                data = self.yaml(token.value.strip(), line, "data")
                continue
            if token.type == "TAG":
                tag = token.value[1:]
                tags.append(tag[1:-1] if tag.startswith("(") else tag)
                continue
            gap = source[previous_end : token.start_pos] if previous_end is not None else ""
            if token.type == "ESCAPED":
                escaped.append(token.value[1])
            parts.append(gap + (_HELD if token.type == "ESCAPED" else token.value))
            previous_end = token.end_pos
        text = _plain("".join(parts)).strip()
        for char in escaped:
            text = text.replace(_HELD, char, 1)
        return text, tags, data

    def yaml(self, text: str, line: _Line | int, what: str) -> dict[str, Any]:
        """The mapping YAML ``text`` holds (empty, with a warning, when it is not one)."""
        import yaml

        try:  # libyaml's loader when PyYAML has it: the same safe constructor, parsed in C
            value = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as e:
            number = line.number if isinstance(line, _Line) else line
            self.report.warn(
                "X202", f"this YAML {what} cannot be read; left out: {str(e).splitlines()[0]}", number
            )
            return {}
        return value if isinstance(value, dict) else {}

    def node(self, kind: str, title: str, line: _Line) -> Node:
        """The node of this kind and title, created on first mention."""
        key = (kind, title)
        if key not in self.nodes:
            self.nodes[key] = Node(kind, title, line=line.number, section_post=self.post)
        return self.nodes[key]

    def element(self, tree: lark.Tree[lark.Token], line: _Line) -> Node | None:
        """The node a line names (created or found), with its text, tags and data merged in."""
        head = next((c for c in tree.children if isinstance(c, type(tree))), None)
        body: lark.Tree[lark.Token] = tree.children[-1]  # type: ignore[assignment]  # element: ... body
        text, tags, data = self.body(body, line)
        if head is None or head.data == "body":
            if not text:
                return None
            self.untitled += 1
            node = self.node("statement", f"Untitled {self.untitled}", line)
        else:
            raw = head.children[0].value  # type: ignore[union-attr]  # a head is one token
            title = raw[1:-2] if raw.endswith(":") else raw[1:-1]
            kind = "statement" if raw.startswith("[") else "argument"
            node = self.node(kind, title.strip(), line)
        if text and not node.text:
            node.text = text
        node.tags += tags if not node.tags else [t for t in tags if t not in node.tags]
        for key, value in data.items():
            node.data.setdefault(key, value)
        return node

    def heading(self, tree: lark.Tree[lark.Token], line: _Line) -> None:
        """A post heading (its data names post and author) opens that post's section."""
        _, tags, data = self.body(tree.children[1], line)  # type: ignore[arg-type]  # heading: HEADING body
        if "post" in data and "author" in data:
            self.post = str(data["post"])
            self.posts.append({**data, "line": line.number})

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
            tree = self.parse_line(line)
            if tree is None:
                continue
            if tree.data == "heading":
                self.heading(tree, line)
                argument, stack = None, []
                continue
            tokens: dict[str, lark.Token] = {
                c.type: c  # type: ignore[union-attr, misc]  # what is not a subtree is a token
                for c in tree.children
                if not isinstance(c, type(tree))
            }
            node = self.element(tree, line)
            if node is None:
                continue
            if "NUMBER" in tokens:
                if argument is None:
                    self.untitled += 1
                    argument = self.node("argument", f"Untitled {self.untitled}", line)
                if not argument.pcs:  # its inferences belong to the post where they are written
                    argument.section_post = self.post
                argument.pcs.append(("item", node))
                stack = [(line.indent, node)]
                continue
            symbol = tokens.get("RELATION")
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
