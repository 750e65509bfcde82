"""Argdown (argdown.org): import a useful subset, export what Argdown's own CLI accepts.

Import reads statements and their equivalence classes (``[T]: text``),
arguments (``<A>: text``), the relations ``+ - _ ><`` in both directions and
nested, premise–conclusion structures with inference lines, tags, headings,
YAML data and comments.  The logical lines are found here; what one line says
is read by ``grammars/argdown.lark``.

Export writes one heading per post (its data carries author, reply, body,
quotes and dialogue moves), propositions as statements, supports as
premise–conclusion arguments and attacks as relations, so an argmap document
survives the round trip through Argdown.
"""

from __future__ import annotations

import functools
import json
import re

import attrs

from .._model import Agreement, Concession, Document, Kind, Metadata, Post, Proposition, Quote
from .._model import Rebuttal, Restatement, Support, Undercut
from ._common import Ids, Report, as_line, replies_first

__all__ = ["from_argdown", "to_argdown"]

# -- reading ---------------------------------------------------------------------------

_COMMENT = re.compile(r"(\\.)|(\[[^\]\n]+\]\([^)\n]+\))|(<!--.*?-->|/\*.*?\*/|//[^\n]*)", re.S)
_FRONT = re.compile(r"\A\s*(===+)[ \t]*\n(.*?)\n[ \t]*===+[ \t]*(?:\n|\Z)", re.S)
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
def _parser():
    import lark

    from .._grammar import grammar_text

    return lark.Lark(grammar_text("argdown.lark"), parser="lalr", lexer="contextual")


def _strip_comments(text: str) -> tuple[str, set[int]]:
    """Comments replaced by as many line breaks (lines keep their numbers); escapes and links kept.

    Also returns the numbers of the lines that held comments: left blank, they end no block.
    """
    commented: set[int] = set()

    def sub(m):
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


def _logical_lines(text: str, commented: set[int] = frozenset()) -> list[_Line]:
    """Join continuation lines; mark blocks (separated by blank lines) and inference bars."""
    lines: list[_Line] = []
    block, blank, inference = 0, True, None
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
class _Node:
    """A statement (equivalence class) or an argument."""

    kind: str  # "statement" | "argument"
    title: str
    text: str = ""
    tags: list = attrs.Factory(list)
    data: dict = attrs.Factory(dict)
    line: int = 0
    section_post: str | None = None
    roots: list = attrs.Factory(list)  # [post, has relation lines] per time it opens a block
    pcs: list = attrs.Factory(list)  # [("item", node) | ("bar", rule, data)]


class _Reader:
    def __init__(self, report: Report):
        self.report = report
        self.nodes: dict[tuple[str, str], _Node] = {}
        self.relations: list = []  # (kind, source, target, post, line)
        self.posts: list[dict] = []
        self.post: str | None = None
        self.untitled = 0

    # one logical line ------------------------------------------------------------
    def parse_line(self, line: _Line):
        import lark

        try:
            tree = _parser().parse(line.text)
        except lark.exceptions.LarkError as e:
            column = getattr(e, "column", 1) or 1
            self.report.warn("X201", f"cannot read this Argdown line; left out ({type(e).__name__})",
                             line.number, line.indent + column)  # fmt: skip
            return None
        return tree.children[0]

    def body(self, tree, line) -> tuple[str, list, dict]:
        """(text, tags, data) of a ``body`` subtree; the text keeps the spacing of the line."""
        parts, tags, data, escaped = [], [], {}, []
        previous_end = None
        source = line.text
        for token in tree.children:
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

    def yaml(self, text: str, line: _Line | int, what: str) -> dict:
        import yaml

        try:
            value = yaml.safe_load(text)
        except yaml.YAMLError as e:
            number = line.number if isinstance(line, _Line) else line
            self.report.warn(
                "X202", f"this YAML {what} cannot be read; left out: {str(e).splitlines()[0]}", number
            )
            return {}
        return value if isinstance(value, dict) else {}

    def node(self, kind: str, title: str, line: _Line) -> _Node:
        key = (kind, title)
        if key not in self.nodes:
            self.nodes[key] = _Node(kind, title, line=line.number, section_post=self.post)
        return self.nodes[key]

    def element(self, tree, line: _Line):
        """The node a line names (created or found), with its text, tags and data merged in."""
        head = next((c for c in tree.children if isinstance(c, type(tree))), None)
        body = tree.children[-1]
        text, tags, data = self.body(body, line)
        if head is None or head.data == "body":
            if not text:
                return None
            self.untitled += 1
            node = self.node("statement", f"Untitled {self.untitled}", line)
        else:
            raw = head.children[0].value
            title = raw[1:-2] if raw.endswith(":") else raw[1:-1]
            kind = "statement" if raw.startswith("[") else "argument"
            node = self.node(kind, title.strip(), line)
        if text and not node.text:
            node.text = text
        node.tags += tags if not node.tags else [t for t in tags if t not in node.tags]
        for key, value in data.items():
            node.data.setdefault(key, value)
        return node

    def heading(self, tree, line: _Line) -> None:
        _, tags, data = self.body(tree.children[1], line)
        if "post" in data and "author" in data:
            self.post = str(data["post"])
            self.posts.append({**data, "line": line.number})

    # the whole document ----------------------------------------------------------
    def read(self, lines: list[_Line]) -> None:
        stack: list[tuple[int, _Node]] = []  # (indent, node) of the open tree
        argument: _Node | None = None  # the argument a premise-conclusion structure belongs to
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
            tokens = {c.type: c for c in tree.children if not isinstance(c, type(tree))}
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
                    parent.roots[-1][1] = True
                source, target = (node, parent) if child_is_source else (parent, node)
                self.relations.append((kind, source, target, self.post, line.number))
            elif symbol is None and not stack:
                argument = node if node.kind == "argument" else None
                node.roots.append([self.post, False])
            stack.append((line.indent, node))


def from_argdown(text: str, *, path: str | None = None) -> tuple[Document, list]:
    """Read Argdown text; return the document and warnings about what was left out."""
    report = Report(path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = _Reader(report)
    meta: dict = {}
    front = _FRONT.match(text)
    if front:
        meta = reader.yaml(front.group(2), text[: front.start(2)].count("\n") + 1, "front matter")
        text = "\n" * text[: front.end()].count("\n") + text[front.end() :]
    reader.read(_logical_lines(*_strip_comments(text)))
    return _Builder(reader, meta, report).build(), report.diagnostics


class _Builder:
    """From statements, arguments and relations to propositions, supports and attacks."""

    def __init__(self, reader: _Reader, meta: dict, report: Report):
        self.reader, self.meta, self.report = reader, meta, report
        self.ids = Ids("s")
        self.props: dict[tuple, Proposition] = {}
        self.relations: list = []
        self.final: dict[tuple, str] = {}  # argument key → id of its last inference
        self.conclusion: dict[tuple, str] = {}  # argument key → id of its main conclusion
        self.seen: set = set()
        self.concluded: dict[tuple, str] = {}  # ("statement", proposition id) → the inference concluding it

    def add(self, rel) -> None:
        """Add a relation unless the same one (whoever argued it) is there already."""
        if isinstance(rel, Support):
            key = ("support", rel.premises, rel.conclusion)
        elif isinstance(rel, Agreement):
            key = (rel.kind, rel.target, rel.post)
        else:
            key = (rel.kind, *attrs.astuple(rel, recurse=False)[:2])
        if key not in self.seen:
            self.seen.add(key)
            self.relations.append(rel)

    def proposition(self, node: _Node) -> str:
        key = (node.kind, node.title)
        if key not in self.props:
            # the post: where it stands alone (argmap writes definitions so), else where it opens a block
            plain = [post for post, related in node.roots if not related]
            if plain or node.roots:
                node.section_post = (plain or node.roots)[0][0] if not plain else plain[0]
            data = node.data
            kind = data.get("kind") if data.get("kind") in {k.value for k in Kind} else "claim"
            tags = node.tags
            if isinstance(data.get("tags"), list):
                tags = tags + [str(t) for t in data["tags"]]
            tags = [re.sub(r"[\s,]+", "-", t.strip(" ,")) for t in tags if t.strip(" ,")]
            base = (
                data.get("base")
                if isinstance(data.get("base"), (int, float)) and 0 <= data["base"] <= 1
                else None
            )
            anchor = as_line(data["anchor"]) if isinstance(data.get("anchor"), str) else None
            self.props[key] = Proposition(
                self.ids.get(node.title, node.kind), node.text, kind, anchor, tags, base,
                node.section_post,
            )  # fmt: skip
        return self.props[key].id

    def argument(self, node: _Node) -> None:
        """Supports for each inference of a premise–conclusion structure."""
        key = ("argument", node.title)
        steps, since, last_conclusion, rule = [], [], None, None
        pending = False
        for entry in node.pcs:
            if entry[0] == "bar":
                pending, rule = True, entry[1]
                continue
            pid = self.proposition(entry[1])
            if pending and since:
                steps.append((list(since), pid, rule))
                since, last_conclusion, pending = [pid], pid, False
            else:
                since.append(pid)
        if not steps:
            if node.pcs:
                self.report.warn("X203", f"argument <{node.title}> has premises but no inference line (--); "
                                 "its statements are kept, the inference is not", node.line)  # fmt: skip
            return
        for i, (premises, conclusion, rule) in enumerate(steps):
            last = i == len(steps) - 1
            sid = self.ids.get(node.title, "argument") if last else self.ids.fresh(f"{node.title}.{i + 1}")
            scheme = re.sub(r"\\(.)", r"\1", as_line(rule)) if rule else None
            self.add(Support(sid, dict.fromkeys(premises), conclusion, scheme or None,
                             node.section_post))  # fmt: skip
            self.concluded[("statement", conclusion)] = sid
        self.final[key] = sid
        self.conclusion[key] = last_conclusion

    def endpoint(self, node: _Node) -> str:
        key = (node.kind, node.title)
        if node.kind == "argument" and key in self.conclusion:
            return self.conclusion[key]
        return self.proposition(node)

    def build(self) -> Document:
        nodes = self.reader.nodes
        for node in nodes.values():  # propositions in the order they first appear
            if node.kind == "statement" or not node.pcs:
                self.proposition(node)
        for node in nodes.values():
            if node.kind == "argument" and node.pcs:
                self.argument(node)
        undercuts = []
        for kind, source, target, post, line in self.reader.relations:
            if kind == "undercut":
                undercuts.append((source, target, post, line))
            elif kind == "support":
                self.add(Support(self.ids.fresh(f"s{len(self.relations) + 1}"), [self.endpoint(source)],
                                 self.endpoint(target), None, post))  # fmt: skip
            else:
                a, t = self.endpoint(source), self.endpoint(target)
                self.add(Rebuttal(a, t, post))
                if kind == "contradiction":
                    self.add(Rebuttal(t, a, post))
        for source, target, post, line in undercuts:
            self.undercut(source, target, post, line)
        posts = self.dialogue()
        return Document(
            self.metadata(), posts, list(self.props.values()), self.relations, path=self.report.path
        )

    def undercut(self, source, target, post, line) -> None:
        key = (target.kind, target.title)
        if target.kind == "argument" and key in self.final:
            self.add(Undercut(self.endpoint(source), self.final[key], post))
            return
        tid = self.endpoint(target)
        if ("statement", tid) in self.concluded:  # an undercut hung on a conclusion: its inference
            self.add(Undercut(self.endpoint(source), self.concluded[("statement", tid)], post))
            return
        outgoing = [r for r in self.relations if isinstance(r, Support) and r.premises == (tid,)]
        if len(outgoing) == 1:
            self.add(Undercut(self.endpoint(source), outgoing[0].id, post))
        else:
            self.report.warn(
                "X204", f"the undercut of {target.title!r} names no single inference; left out", line
            )

    def metadata(self) -> Metadata:
        fields: dict = {}
        for key in ("title", "source", "date", "language"):
            value = self.meta.get(key)
            if value is not None and not isinstance(value, (dict, list)):
                fields[key] = as_line(value if isinstance(value, str) else str(value))
        ignore = self.meta.get("ignore")
        if isinstance(ignore, list):
            fields["ignore"] = [str(code) for code in ignore if str(code).strip() and "," not in str(code)]
        return Metadata(**fields)

    def dialogue(self) -> list[Post]:
        """Posts from headings whose data names post and author (as argmap writes them)."""
        posts, known = [], set()
        prop_ids = {p.id for p in self.props.values()}
        for data in self.reader.posts:
            try:
                post = Post(str(data["post"]), str(data["author"]),
                            _opt(data.get("timestamp")), _opt(data.get("replyTo")),
                            [Quote(str(q["source"]), str(q["text"])) for q in data.get("quotes") or ()],
                            [str(b) for b in data["body"]] if isinstance(data.get("body"), list) else None)  # fmt: skip
            except (ValueError, TypeError, KeyError) as e:
                self.report.warn("X205", f"post heading data cannot be used: {e}", data["line"])
                continue
            if post.id in known:
                self.report.warn(
                    "X205", f"post {post.id} appears twice; the second heading is left out", data["line"]
                )
                continue
            known.add(post.id)
            posts.append(post)
            self.moves(data, post.id, prop_ids)
        self.moves(self.meta, None, prop_ids)
        return replies_first(posts, self.report)

    def moves(self, data: dict, post: str | None, prop_ids: set) -> None:
        for key, cls in (("agrees", Agreement), ("concedes", Concession)):
            for target in data.get(key) or ():
                if str(target) in prop_ids:
                    self.add(cls(str(target), post))
        for pair in data.get("restates") or ():
            if isinstance(pair, list) and len(pair) == 2 and all(str(x) in prop_ids for x in pair):
                self.add(Restatement(str(pair[0]), str(pair[1]), post))


def _opt(value):
    return None if value is None else str(value)


def read(text: str, path: str | None = None):
    return from_argdown(text, path=path)


# -- writing ---------------------------------------------------------------------------

_SPECIAL = re.compile(r"[\\\[\]<>#@{}*_/]")
_SPECIAL_CHAR = re.compile(r"(?:\.[^\s]+?\.)|(?::[^\s]+?:)")
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape(text: str) -> str:
    r"""Text that Argdown reads back as ``text``, not as markup.

    >>> escape("see [1] #2 :x: e.g.")
    'see \\[1\\] \\#2 \\:x: e\\.g.'
    """
    text = _SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    return _SPECIAL_CHAR.sub(lambda m: "\\" + m.group(0), text)


def _yaml(value) -> str:
    """A YAML flow value that Argdown's data and front-matter readers take back unchanged."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    if isinstance(value, str):
        quoted = json.dumps(value, ensure_ascii=False)
        quoted = quoted.replace("{", "\\u007b").replace("}", "\\u007d").replace("=", "\\u003d")
        return _NOT_YAML.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)
    if isinstance(value, float):  # YAML 1.1 reads "1e-12" as a string, "1.0e-12" as a number
        mantissa, e, exponent = repr(value).partition("e")
        return mantissa + (".0" if "." not in mantissa else "") + e + exponent if e else repr(value)
    return json.dumps(value)


def _tags(tags) -> str:
    if any(")" in t for t in tags):  # Argdown cannot write it: all go into the data, in order
        return ""
    return "".join(f" #({t})" for t in tags)


def _statement(p: Proposition) -> str:
    data = {}
    if p.kind is not Kind.CLAIM:
        data["kind"] = p.kind.value
    if p.anchor is not None:
        data["anchor"] = p.anchor
    if p.base is not None:
        data["base"] = p.base
    if any(")" in t for t in p.tags):
        data["tags"] = list(p.tags)
    head = f"[{p.id}]: {escape(p.text)}" if p.text else f"[{p.id}]"
    return head + _tags(p.tags) + (f" {_yaml(data)}" if data else "")


def _argument(s: Support) -> list[str]:
    out = [f"<{s.id}>", ""]
    out += [f"({i}) [{p}]" for i, p in enumerate(s.premises, 1)]
    if s.scheme:
        out += ["--", escape(s.scheme).replace(",", "\\,") or "\\ ", "--"]
    else:
        out.append("----")
    out += [f"({len(s.premises) + 1}) [{s.conclusion}]", ""]
    return out


def _section(doc: Document, post: str | None) -> list[str]:
    out = [_statement(p) + "\n" for p in doc.propositions_of(post)]
    attacks: dict[str, list[str]] = {}
    for rel in doc.relations_of(post):
        if isinstance(rel, Support):
            out.append("\n".join(_argument(rel)))
        elif isinstance(rel, Rebuttal):
            attacks.setdefault(rel.attacker, []).append(f"  -> [{rel.target}]")
        elif isinstance(rel, Undercut):
            attacks.setdefault(rel.attacker, []).append(f"  _> <{rel.target}>")
    out += [f"[{a}]\n" + "\n".join(lines) + "\n" for a, lines in attacks.items()]
    return out


def _moves(doc: Document, post: str | None) -> dict:
    moves: dict = {}
    for rel in doc.relations_of(post):
        if isinstance(rel, Concession):
            moves.setdefault("concedes", []).append(rel.target)
        elif isinstance(rel, Agreement):
            moves.setdefault("agrees", []).append(rel.target)
        elif isinstance(rel, Restatement):
            moves.setdefault("restates", []).append([rel.source, rel.target])
    return moves


def to_argdown(doc: Document) -> str:
    """``doc`` as Argdown (accepted by the Argdown CLI 1.7.5)."""
    front = {k: getattr(doc.metadata, k) for k in ("title", "source", "date", "language", "ignore")}
    front = {k: v for k, v in front.items() if v is not None and v != ()} | _moves(doc, None)
    out = []
    if front:
        out += ["==="] + [f"{k}: {_yaml(v)}" for k, v in front.items()] + ["===", ""]
    out += _section(doc, None)
    for post in doc.posts:
        data: dict = {"post": post.id, "author": post.author}
        if post.reply_to is not None:
            data["replyTo"] = post.reply_to
        if post.timestamp is not None:
            data["timestamp"] = post.timestamp
        if post.body is not None:
            data["body"] = list(post.body)
        if post.quotes:
            data["quotes"] = [{"source": q.source, "text": q.text} for q in post.quotes]
        data |= _moves(doc, post.id)
        out.append(f"# {escape(post.author.strip()) or 'post'} (post {escape(post.id)}) {_yaml(data)}\n")
        out += _section(doc, post.id)
    return "\n".join(out).rstrip("\n") + "\n"
