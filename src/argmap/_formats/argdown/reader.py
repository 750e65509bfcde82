"""Argdown's logical lines read into statements, arguments, their relations and post headings."""

from __future__ import annotations

import re
from typing import Any, Literal

import attrs

from ..._model import Post, is_id
from ..common import Report, as_line, brief, scalar
from .grammar import RELATIONS
from .lines import Line
from .scan import plain
from .tokens import Scanned, Token, scan_line

__all__ = ["Node", "Reader", "yaml_text"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


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

    def body(self, tokens: list[Token], line: Line) -> tuple[str, list[str], dict[str, Any]]:
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

    def yaml(self, text: str, line: Line | int, what: str) -> dict[str, Any]:
        """The mapping YAML ``text`` holds (empty, with a warning, when it is not one).

        Aliases (``*name``) are refused: YAML expands each where it stands, so a few
        hundred bytes of nested aliases stand for gigabytes of data.
        """
        import yaml

        number = line.number if isinstance(line, Line) else line
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

    def node(self, kind: str, title: str, line: Line) -> Node:
        """The node of this kind and title, created on first mention."""
        key = (kind, title)
        if key not in self.nodes:
            self.nodes[key] = Node(kind, title, line=line.number, section_post=self.post)
        return self.nodes[key]

    def element(self, scanned: Scanned, line: Line) -> Node | None:
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

    def heading(self, scanned: Scanned, line: Line) -> None:
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
    def read(self, lines: list[Line]) -> None:
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
                kind, child_is_source = RELATIONS[symbol.value]
                parent = stack[-1][1]
                if len(stack) == 1 and parent.roots:
                    parent.roots[-1] = (parent.roots[-1][0], True)
                source, target = (node, parent) if child_is_source else (parent, node)
                self.relations.append((kind, source, target, self.post, line.number))
            elif symbol is None and not stack:
                argument = node if node.kind == "argument" else None
                node.roots.append((self.post, False))
            stack.append((line.indent, node))
