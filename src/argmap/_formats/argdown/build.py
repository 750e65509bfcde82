"""From Argdown's statements, arguments and relations to an argmap document."""

from __future__ import annotations

import re
from typing import Any

import attrs

from ..._model import (
    Agreement,
    Concession,
    Diagnostic,
    Document,
    Kind,
    Metadata,
    Post,
    Proposition,
    Quote,
    Rebuttal,
    Relation,
    Restatement,
    Support,
    Undercut,
)
from ..common import Ids, Report, as_line, replies_first
from .syntax import FRONT, Node, Reader, logical_lines, strip_comments


def from_argdown(text: str, *, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """Read Argdown text; return the document and warnings about what was left out."""
    report = Report(path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = Reader(report)
    meta: dict[str, Any] = {}
    front = FRONT.match(text)
    if front:
        meta = reader.yaml(front.group(2), text[: front.start(2)].count("\n") + 1, "front matter")
        text = "\n" * text[: front.end()].count("\n") + text[front.end() :]
    reader.read(logical_lines(*strip_comments(text)))
    return _Builder(reader, meta, report).build(), report.diagnostics


class _Builder:
    """From statements, arguments and relations to propositions, supports and attacks."""

    def __init__(self, reader: Reader, meta: dict[str, Any], report: Report) -> None:
        self.reader, self.meta, self.report = reader, meta, report
        self.ids = Ids("s")
        self.props: dict[tuple[str, str], Proposition] = {}
        self.relations: list[Relation] = []
        self.final: dict[tuple[str, str], str] = {}  # argument key → id of its last inference
        self.conclusion: dict[tuple[str, str], str] = {}  # argument key → id of its main conclusion
        self.seen: set[tuple[object, ...]] = set()
        #: ("statement", proposition id) → the inference concluding it
        self.concluded: dict[tuple[str, str], str] = {}

    def add(self, rel: Relation) -> None:
        """Add a relation unless the same one (whoever argued it) is there already."""
        key: tuple[object, ...]
        if isinstance(rel, Support):
            key = ("support", rel.premises, rel.conclusion)
        elif isinstance(rel, Agreement):
            key = (rel.kind, rel.target, rel.post)
        else:
            key = (rel.kind, *attrs.astuple(rel, recurse=False)[:2])
        if key not in self.seen:
            self.seen.add(key)
            self.relations.append(rel)

    def proposition(self, node: Node) -> str:
        key = (node.kind, node.title)
        if key not in self.props:
            # the post: where it stands alone (argmap writes definitions so), else where it opens a block
            plain = [post for post, related in node.roots if not related]
            if plain or node.roots:
                node.section_post = node.roots[0][0] if not plain else plain[0]
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

    def argument(self, node: Node) -> None:
        """Supports for each inference of a premise–conclusion structure."""
        key = ("argument", node.title)
        steps: list[tuple[list[str], str, str | None]] = []
        since: list[str] = []
        last_conclusion: str | None = None
        rule: str | None = None
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
        self.conclusion[key] = last_conclusion  # type: ignore[assignment]  # set with each step: not None

    def endpoint(self, node: Node) -> str:
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
        undercuts: list[tuple[Node, Node, str | None, int]] = []
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

    def undercut(self, source: Node, target: Node, post: str | None, line: int) -> None:
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
        fields: dict[str, Any] = {}  # Metadata's keyword arguments
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
        posts: list[Post] = []
        known: set[str] = set()
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

    def moves(self, data: dict[str, Any], post: str | None, prop_ids: set[str]) -> None:
        for key, cls in (("agrees", Agreement), ("concedes", Concession)):
            for target in data.get(key) or ():
                if str(target) in prop_ids:
                    self.add(cls(str(target), post))
        for pair in data.get("restates") or ():
            if isinstance(pair, list) and len(pair) == 2 and all(str(x) in prop_ids for x in pair):
                self.add(Restatement(str(pair[0]), str(pair[1]), post))


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def read(text: str, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """The format registry's reader: :func:`from_argdown`."""
    return from_argdown(text, path=path)
