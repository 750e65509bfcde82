"""From Argdown's statements, arguments and relations to an argmap document."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, NamedTuple

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
    Voice,
    is_id,
)
from ..common import Ids, Report, as_line, brief, replies_first
from .attacks import attack_arguments
from .lines import FRONT, logical_lines
from .reader import Node, Reader, yaml_text
from .scan import strip_comments

_VOICES = tuple(v.value for v in Voice)


class _Attributes(NamedTuple):
    """What a statement's data and tags say of its proposition."""

    kind: str
    anchor: str | None
    tags: list[str]
    base: float | None
    voice: Voice
    reported_by: str | None

_KINDS = frozenset(k.value for k in Kind)
_ATTACK = (Rebuttal, Undercut)


@attrs.frozen
class _Undercut:
    """An undercut read, waiting for what it aims at to be known."""

    attackers: tuple[str, ...]
    target: Node
    post: str | None
    line: int
    name: str | None  # its id, when an argument stands for it


def from_argdown(text: str, *, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """Read Argdown text; return the document and warnings about what was left out."""
    report = Report(path)
    text = report.source(text.replace("\r\n", "\n").replace("\r", "\n"))
    reader = Reader(report)
    meta: dict[str, Any] = {}
    front = FRONT.match(text)
    if front:
        meta = reader.yaml(front.group(2), text[: front.start(2)].count("\n") + 1, "front matter")
        text = "\n" * text[: front.end()].count("\n") + text[front.end() :]
    reader.read(logical_lines(*strip_comments(text)))
    doc = _Builder(reader, meta, report).build()
    return doc, report.finish()


class _Builder:
    """From statements, arguments and relations to propositions, supports and attacks."""

    def __init__(self, reader: Reader, meta: dict[str, Any], report: Report) -> None:
        self.reader, self.meta, self.report = reader, meta, report
        self.ids = Ids("s")
        self.props: dict[tuple[str, str], Proposition] = {}
        self.relations: list[Relation] = []
        self.final: dict[tuple[str, str], str] = {}  # argument key → id of its last inference
        self.conclusion: dict[tuple[str, str], str] = {}  # argument key → id of its main conclusion
        #: each relation added, by what makes two the same (see :meth:`add`)
        self.seen: dict[tuple[object, ...], Relation] = {}
        #: ("statement", proposition id) → the inference concluding it
        self.concluded: dict[tuple[str, str], str] = {}
        #: proposition id → the places in ``relations`` of the supports and attacks it alone draws
        self.drawn_from: defaultdict[str, list[int]] = defaultdict(list)
        #: the ids given to attacks whose argument's title is no id: kept if an undercut aims there
        self.unnamed: set[str] = set()

    def add(self, rel: Relation) -> Relation:
        """Add a relation unless the same one (whoever argued it) is there already; return the one kept."""
        key: tuple[object, ...]
        if isinstance(rel, Support):
            key = ("support", rel.premises, rel.conclusion)
        elif isinstance(rel, Agreement):
            key = (rel.kind, rel.target, rel.post)
        elif isinstance(rel, _ATTACK):
            key = (rel.kind, rel.attackers, rel.target, rel.id)
        else:
            key = (rel.kind, rel.source, rel.target)
        if key not in self.seen:
            self.seen[key] = rel
            self.relations.append(rel)
            sources = rel.premises if isinstance(rel, Support) else getattr(rel, "attackers", ())
            if len(sources) == 1:  # what an undercut of its source may aim at
                self.drawn_from[sources[0]].append(len(self.relations) - 1)
        return self.seen[key]

    def proposition(self, node: Node) -> str:
        key = (node.kind, node.title)
        if key not in self.props:
            # the post: where it stands alone (argmap writes definitions so), else where it opens a block
            plain = [post for post, related in node.roots if not related]
            if plain or node.roots:
                node.section_post = node.roots[0][0] if not plain else plain[0]
            found = self.data(node)
            self.props[key] = Proposition(
                self.ids.get(node.title, node.kind), node.text, found.kind, found.anchor, found.tags, found.base,
                node.section_post, voice=found.voice, reported_by=found.reported_by,
            )  # fmt: skip
        return self.props[key].id

    def data(self, node: Node) -> _Attributes:
        """The kind, anchor, tags, base score and voice a node's data and tags give; what argmap
        cannot use is left out with an ``X207`` warning (a kind or voice it does not have, a base
        that is not a number from 0 to 1, tags that are not words, an anchor that is not text)."""
        data, title = node.data, f"[{node.title}]" if node.kind == "statement" else f"<{node.title}>"

        def unusable(key: str, expected: str) -> None:
            self.report.warn(
                "X207", f"{key} {brief(data[key])} of {title} is not {expected}; left out", node.line
            )

        kind = data.get("kind", "claim")
        if not isinstance(kind, str) or kind not in _KINDS:
            unusable("kind", f"one of {', '.join(sorted(_KINDS))}")
            kind = "claim"
        anchor = yaml_text(data.get("anchor"))
        if anchor is None and data.get("anchor") is not None:
            unusable("anchor", "text")
        tags = list(node.tags)
        if data.get("tags") is not None:
            words = [yaml_text(t) for t in data["tags"]] if isinstance(data["tags"], list) else [None]
            if None in words:
                unusable("tags", "a list of words")
            tags += [w for w in words if w is not None]
        tags = [re.sub(r"[\s,]+", "-", t.strip(" ,")) for t in tags if t.strip(" ,")]
        base = data.get("base")
        if base is not None and (
            isinstance(base, bool) or not isinstance(base, (int, float)) or not 0 <= base <= 1
        ):
            unusable("base", "a number from 0 to 1")
            base = None
        voice = data.get("voice", "own")
        if not isinstance(voice, str) or voice not in _VOICES:
            unusable("voice", f"one of {', '.join(_VOICES)}")
            voice = "own"
        by = yaml_text(data.get("reportedBy")) if voice == "reported" else None
        if data.get("reportedBy") is not None and by is None:
            unusable("reportedBy", "text, with voice: reported")
        return _Attributes(kind, as_line(anchor) if anchor is not None else None, tags, base,
                           Voice(voice), as_line(by) if by else None)  # fmt: skip

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
            kept = self.add(
                Support(sid, dict.fromkeys(premises), conclusion, scheme or None, node.section_post)
            )
            assert isinstance(kept, Support)  # an equal relation is a support too
            if kept.id != sid and last:
                inference = f"{' & '.join(kept.premises)} -> {kept.conclusion}"
                self.report.warn("X206", f"argument <{node.title}> draws the same inference as {kept.id} "
                                 f"({inference}); it is read as {kept.id}", node.line)  # fmt: skip
            sid = kept.id  # what undercuts of this argument (or of its conclusion) aim at
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
        attacks = attack_arguments(self.reader, self.report)
        stand_ins = {id(a.conclusion) for a in attacks.values()}  # the conclusions that stand for attacks
        for node in nodes.values():  # propositions in the order they first appear
            if (node.kind == "statement" or not node.pcs) and id(node) not in stand_ins:
                self.proposition(node)
        for key, node in nodes.items():
            if node.kind == "argument" and node.pcs and key not in attacks:
                self.argument(node)
        for key, a in attacks.items():  # named before any undercut aims at them
            self.final[key] = self.ids.get(a.node.title, "argument")
            if not is_id(a.node.title):
                self.unnamed.add(self.final[key])
        defining = {a.relation: a for a in attacks.values()}
        undercuts: list[_Undercut] = []
        for i, (kind, source, target, post, line) in enumerate(self.reader.relations):
            if i in defining:
                a = defining[i]
                first, *partners = [self.endpoint(n) for n in a.attackers]
                name = self.final[(a.node.kind, a.node.title)]
                if a.kind == "undercut":
                    undercuts.append(_Undercut((first, *partners), target, post, line, name))
                elif (target.kind, target.title) in attacks:
                    self.report.warn("X209", f"{_name(a.node)} rebuts {_name(target)}, which stands for an "
                                     "attack; left out", line)  # fmt: skip
                else:
                    self.add(Rebuttal(first, self.endpoint(target), post, id=name, partners=partners))
            elif kind == "undercut":
                undercuts.append(_Undercut((self.endpoint(source),), target, post, line, None))
            elif any((n.kind, n.title) in attacks for n in (source, target)):
                self.report.warn("X209", f"the {kind} between {_name(source)} and {_name(target)} names an "
                                 "argument that stands for an attack; left out", line)  # fmt: skip
            elif kind == "support":
                premise, conclusion = self.endpoint(source), self.endpoint(target)
                if premise == conclusion:  # an argument for its own conclusion: its inferences say so
                    continue
                self.add(Support(self.ids.fresh(f"s{len(self.relations) + 1}"), [premise], conclusion, None,
                                 post))  # fmt: skip
            else:
                a_id, t_id = self.endpoint(source), self.endpoint(target)
                if a_id == t_id:  # as the Argdown CLI, which draws no such relation
                    self.report.warn("X208", f"the {kind} between {_name(source)} and {_name(target)} joins "
                                     f"statement {a_id} (an argument's conclusion) to itself; left out",
                                     line)  # fmt: skip
                    continue
                self.add(Rebuttal(a_id, t_id, post))
                if kind == "contradiction":
                    self.add(Rebuttal(t_id, a_id, post))
        self.undercuts(undercuts)
        posts = self.dialogue()
        aimed = {r.target for r in self.relations if isinstance(r, Undercut)}
        relations = [attrs.evolve(r, id=None) if isinstance(r, _ATTACK) and r.id in self.unnamed
                     and r.id not in aimed else r for r in self.relations]  # fmt: skip
        return Document(self.metadata(), posts, list(self.props.values()), relations, path=self.report.path)

    def undercuts(self, pending: list[_Undercut]) -> None:
        """Add each undercut, aimed at the inference it names: an argument's last; a conclusion's;
        else the one support, or failing that the one attack, that the statement alone draws (an
        undercut of an argument without structure).  An undercut aimed at a statement that draws
        nothing yet waits for the undercuts still to come (one may start there)."""
        waiting: defaultdict[str, list[_Undercut]] = defaultdict(list)
        work = list(reversed(pending))
        while work:
            u = work.pop()
            aim, wait = self.aim(u.target)
            if aim is None and wait is not None:
                waiting[wait].append(u)
                continue
            if aim is None:
                self.report.warn(
                    "X204", f"the undercut of {u.target.title!r} names no single inference; left out", u.line
                )
                continue
            first, *partners = u.attackers
            self.add(Undercut(first, aim, u.post, id=u.name, partners=partners))
            if not partners:  # it may be what a waiting undercut aims at
                work += reversed(waiting.pop(first, []))
        for u in sorted((u for us in waiting.values() for u in us), key=lambda u: u.line):
            self.report.warn(
                "X204", f"the undercut of {u.target.title!r} names no single inference; left out", u.line
            )

    def aim(self, target: Node) -> tuple[str | None, str | None]:
        """The id of the inference an undercut of ``target`` aims at (None: none or several), and the
        statement to wait on when it draws nothing yet."""
        key = (target.kind, target.title)
        if target.kind == "argument" and key in self.final:
            return self.final[key], None
        tid = self.endpoint(target)
        if ("statement", tid) in self.concluded:  # an undercut hung on a conclusion: its inference
            return self.concluded[("statement", tid)], None
        drawn = [self.relations[i] for i in self.drawn_from.get(tid, ())]
        supports = [r for r in drawn if isinstance(r, Support)]
        attacks = [r for r in drawn if isinstance(r, _ATTACK)]
        if len(supports) == 1:
            return supports[0].id, None
        if not supports and len(attacks) == 1:
            return attacks[0].id or self.name(attacks[0], tid), None
        return None, tid if not drawn else None

    def name(self, attack: Rebuttal | Undercut, statement: str) -> str:
        """Name an attack that an undercut aims at: the one attack of an argument without structure
        (``<title>.attack``)."""
        named = attrs.evolve(attack, id=self.ids.fresh(f"{statement}.attack"))
        self.relations[self.relations.index(attack)] = named
        for key, rel in self.seen.items():
            if rel is attack:
                self.seen[key] = named
        assert named.id is not None
        return named.id

    def metadata(self) -> Metadata:
        fields: dict[str, Any] = {}  # Metadata's keyword arguments
        for key in ("title", "source", "date", "language"):
            value = self.meta.get(key)
            text = yaml_text(value)
            if text is not None:
                fields[key] = as_line(text)
            elif value is not None:
                self.report.warn(
                    "X205", f"front matter {key} {brief(value)} is not one line of text; left out"
                )
        ignore = self.meta.get("ignore")
        if ignore is not None:
            codes = [yaml_text(code) for code in ignore] if isinstance(ignore, list) else [None]
            fields["ignore"] = [c for c in codes if c and not any(ch.isspace() or ch == "," for ch in c)]
            if len(fields["ignore"]) != len(codes):
                self.report.warn("X205", "front matter ignore: what is not a rule code is left out")
        return Metadata(**fields)

    def dialogue(self) -> list[Post]:
        """Posts from headings whose data names post and author (as argmap writes them), with the
        replies and quotes that name posts of the document (others are left out, with a warning)."""
        known = {post.id for post, _, _ in self.reader.posts}
        prop_ids = {p.id for p in self.props.values()}
        posts: list[Post] = []
        for post, data, line in self.reader.posts:
            reply = yaml_text(data.get("replyTo"))
            if reply is not None and as_line(reply) in known:
                post = attrs.evolve(post, reply_to=as_line(reply))
            elif data.get("replyTo") is not None:
                self.report.warn("X205", f"post {post.id} replies to {brief(data['replyTo'])}, which is "
                                 "not a post of the map; the reply is left out", line)  # fmt: skip
            quotes: list[Quote] = []
            raw = data.get("quotes")
            for q in raw if isinstance(raw, list) else [] if raw is None else [raw]:
                source = yaml_text(q.get("source")) if isinstance(q, dict) else None
                words = yaml_text(q.get("text")) if isinstance(q, dict) else None
                if source is not None and as_line(source) in known and words is not None:
                    quotes.append(Quote(as_line(source), as_line(words)))
                else:
                    self.report.warn("X205", f"a quote of post {post.id} ({brief(q)}) names no post of the "
                                     "map or has no text; left out", line)  # fmt: skip
            posts.append(attrs.evolve(post, quotes=quotes) if quotes else post)
            self.moves(data, post.id, prop_ids, line)
        self.moves(self.meta, None, prop_ids, None)
        return replies_first(posts, self.report)

    def moves(self, data: dict[str, Any], post: str | None, prop_ids: set[str], line: int | None) -> None:
        """A post's agreements, concessions and restatements (``agrees``, ``concedes``, ``restates``)."""
        whose = f"post {post}" if post is not None else "the front matter"
        for key, cls in (("agrees", Agreement), ("concedes", Concession)):
            targets = data.get(key)
            for target in targets if isinstance(targets, list) else [] if targets is None else [targets]:
                pid = yaml_text(target)
                if pid is not None and pid in prop_ids:
                    self.add(cls(pid, post))
                else:
                    self.report.warn("X205", f"{key} of {whose} names {brief(target)}, which is not a "
                                     "statement of the map; left out", line)  # fmt: skip
        pairs = data.get("restates")
        for pair in pairs if isinstance(pairs, list) else [] if pairs is None else [pairs]:
            ends = [yaml_text(x) for x in pair] if isinstance(pair, list) and len(pair) == 2 else []
            if len(ends) == 2 and all(x is not None and x in prop_ids for x in ends):
                self.add(Restatement(ends[0], ends[1], post))  # type: ignore[arg-type]  # checked: ids
            else:
                self.report.warn("X205", f"restates of {whose} holds {brief(pair)}, not two statements of "
                                 "the map; left out", line)  # fmt: skip


def _name(node: Node) -> str:
    """A statement or argument as Argdown writes it: ``[Title]``, ``<Title>``."""
    return f"[{node.title}]" if node.kind == "statement" else f"<{node.title}>"


def read(text: str, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """The format registry's reader: :func:`from_argdown`."""
    return from_argdown(text, path=path)
