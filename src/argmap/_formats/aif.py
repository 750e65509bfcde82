"""AIF JSON (AIFdb nodesets, OVA/xAIF, the old Araucaria dialect) with the IAT dialogue layer.

The mapping (docs/formats.md has it in full): I-node = proposition, RA = support, CA = rebuttal
(onto an I-node) or undercut (onto an RA), MA = restatement, L-node = post,
TA between L-nodes = reply, L → YA → I = the post that asserts a
proposition, L/TA → YA → RA/CA/MA = the post that argues a relation.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any, Literal, TypedDict

import attrs

from .._model import (
    Agreement,
    Concession,
    Diagnostic,
    Document,
    Kind,
    Post,
    Proposition,
    Rebuttal,
    Relation,
    Restatement,
    Support,
    Undercut,
)
from .common import Ids, Report, as_line, brief, load_json, one_line, replies_first, scalar

__all__ = ["from_aif", "to_aif"]

_SCHEME_NODES = {"RA", "CA", "MA", "PA"}
_DIALOGUE = {"L", "TA", "YA"}
#: (from, to) node types AIF allows but argmap cannot hold.
_META = {"RA", "CA", "MA", "PA"}
_SPEAKER = re.compile(r"^([^:\n]{1,80}?)\s*:(?:\s+|$)(.*)$", re.S)
_SAYS = re.compile(r"^(.{1,80}?) says '(.*)'$", re.S)
_DEFAULT_INFERENCE = {"", "RA", "Default Inference"}


class _Relations(TypedDict):
    """The relations read, and the indexes in ``all`` of those each scheme node gave."""

    all: list[Relation]
    by_node: defaultdict[str, list[int]]


def _legal(a: str, b: str) -> bool:
    """Whether AIF (with IAT) allows an edge from an ``a`` node to a ``b`` node."""
    if a == "I":
        return b in _SCHEME_NODES
    if a in _SCHEME_NODES:
        return b == "I" or b in _SCHEME_NODES
    if a == "L":
        return b in ("TA", "YA")
    if a == "TA":
        return b in ("L", "YA")
    if a == "YA":
        return b in ("I", "L", "TA") or b in _SCHEME_NODES
    return False


def _unwrap(data: Any, report: Report) -> dict[str, Any]:
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):  # OVA / xAIF
        inner = dict(data["AIF"])
        for key in ("participants", "locutions"):
            if key not in inner and key in data:
                inner[key] = data[key]
        data = inner
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        report.fail("X100", "not AIF JSON: expected an object with a list of 'nodes' (or an 'AIF' object)")
    if not isinstance(data.get("edges", []), list):
        report.fail("X100", "not AIF JSON: 'edges' must be a list")
    checked: dict[str, Any] = data
    for key in ("locutions", "participants"):
        if checked.get(key) is not None and not isinstance(checked[key], list):
            report.warn("X002", f"'{key}' is {brief(checked[key])}, not a list; left out")
            checked = {**checked, key: None}
    return checked


def _node_id(value: object) -> str | None:
    """A node id (a string or a number), or None."""
    if isinstance(value, dict):  # some exports nest the node: {"from": {"nodeID": 3}}
        value = value.get("nodeID")
    return scalar(value)


def _raw(node: dict[str, Any], key: str, nid: str, report: Report) -> str:
    """A node's ``text`` or ``scheme`` as the file has it (a string; a number written out; else empty)."""
    value = node.get(key)
    text = scalar(value)
    if text is None and value is not None:
        report.warn("X002", f"the {key} of node {nid} is {brief(value)}, not text; left out")
    return text or ""


def from_aif(text: str, *, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """Read AIF JSON text; return the document and the warnings about what was left out.

    Raises:
        ParseError: not JSON (J001) or not AIF (X100).
    """
    report = Report(path)
    data = _unwrap(load_json(text, report, clean=True), report)
    nodes: dict[str, dict[str, Any]] = {}
    for n in data["nodes"]:
        nid = _node_id(n.get("nodeID", n.get("id"))) if isinstance(n, dict) else None
        if nid is None:
            report.warn("X102", f"a node without a nodeID is left out: {brief(n)}")
            continue
        if nid in nodes:
            report.warn("X102", f"node {nid} is defined twice; the first definition is used")
            continue
        nodes[nid] = {"type": _raw(n, "type", nid, report).upper(), "text": _raw(n, "text", nid, report),
                      "scheme": _raw(n, "scheme", nid, report)}  # fmt: skip
    out_edges: defaultdict[str, list[str]] = defaultdict(list)
    in_edges: defaultdict[str, list[str]] = defaultdict(list)
    for e in data.get("edges", []):
        if not isinstance(e, dict):
            report.warn("X103", f"an edge that is not an object is left out: {brief(e)}")
            continue
        a, b = _node_id(e.get("fromID", e.get("from"))), _node_id(e.get("toID", e.get("to")))
        edge = scalar(e.get("edgeID")) or "?"
        if a not in nodes or b not in nodes:
            missing = a if a not in nodes else b
            report.warn("X103", f"edge {edge} names node {missing}, which does not exist")
            continue
        assert a is not None and b is not None  # both are nodes
        ta, tb = nodes[a]["type"], nodes[b]["type"]
        if not _legal(ta, tb):
            report.warn("X101", f"illegal edge {edge} from {ta}-node {a} to {tb}-node {b}; left out")
            continue
        if ta in _META and tb in _META and not (ta == "CA" and tb == "RA"):
            report.warn(
                "X104",
                f"edge {edge} from {ta}-node {a} to {tb}-node {b} is legal AIF "
                "but has no argmap counterpart; left out",
            )
            continue
        out_edges[a].append(b)
        in_edges[b].append(a)
    doc = _Builder(nodes, out_edges, in_edges, data, report).build()
    return doc, report.finish()


class _Builder:
    def __init__(
        self,
        nodes: dict[str, dict[str, Any]],
        out_edges: defaultdict[str, list[str]],
        in_edges: defaultdict[str, list[str]],
        data: dict[str, Any],
        report: Report,
    ) -> None:
        self.nodes, self.out, self.inn, self.report = nodes, out_edges, in_edges, report
        self.data = data
        self.ids = Ids()
        self.of_type: defaultdict[str, list[str]] = defaultdict(list)
        for nid, n in nodes.items():
            self.of_type[n["type"]].append(nid)

    def _ends(self, nid: str, direction: Literal["in", "out"], kind: str) -> list[str]:
        edges = self.out[nid] if direction == "out" else self.inn[nid]
        return [x for x in edges if self.nodes[x]["type"] == kind]

    def build(self) -> Document:
        posts = self._posts()
        props = {nid: self._proposition(nid) for nid in self.of_type["I"]}
        relations = self._relations(props)
        self._dialogue(props, relations, posts)
        ordered = replies_first(list(posts.values()), self.report)
        return Document(posts=ordered, propositions=list(props.values()), relations=relations["all"],
                        path=self.report.path)  # fmt: skip

    def _proposition(self, nid: str) -> Proposition:
        return Proposition(self.ids.get(nid), as_line(self.nodes[nid]["text"]))

    # -- dialogue: posts, replies, who said what -------------------------------------

    def _people(self) -> dict[str, str]:
        people: dict[str, str] = {}
        for p in self.data.get("participants") or ():
            pid = scalar(p.get("participantID")) if isinstance(p, dict) else None
            if pid is None:
                self.report.warn("X106", f"a participant without a participantID is left out: {brief(p)}")
                continue
            assert isinstance(p, dict)  # it has an id
            first = self.report.text(p.get("firstname"), f"the first name of participant {pid}") or ""
            last = self.report.text(p.get("surname"), f"the surname of participant {pid}") or ""
            name = f"{first} {last}" if first and last else first or last
            if name:
                people[pid] = name
        return people

    def _posts(self) -> dict[str, Post]:
        people = self._people()
        locutions: dict[str, dict[str, Any]] = {}
        for loc in self.data.get("locutions") or ():
            lid = _node_id(loc.get("nodeID")) if isinstance(loc, dict) else None
            if lid is None:
                self.report.warn("X106", f"a locution without a nodeID is left out: {brief(loc)}")
                continue
            assert isinstance(loc, dict)  # it has an id
            locutions.setdefault(lid, loc)
        posts: dict[str, Post] = {}
        anonymous = 0
        for nid in self.of_type["L"]:
            raw = self.nodes[nid]["text"]
            text = as_line(raw)
            loc = locutions.get(nid, {})
            author: str | None = None
            body = text
            person = scalar(loc.get("personID"))
            named = people.get(person) if person is not None else None
            if named and raw.startswith(named + " :"):
                author, body = named, as_line(raw[len(named) + 2 :])
            elif match := _SPEAKER.match(text) or _SAYS.match(text):
                author, body = one_line(match.group(1)), as_line(match.group(2))
            if person is not None:
                author = named or author or one_line(f"person {person}")
            if not author:
                author, anonymous = "unknown", anonymous + 1
            stamp = self.report.text(loc.get("start"), f"the start of locution {nid}")
            posts[nid] = Post(self.ids.get(nid), author, stamp, None, (), (body,) if body else None)
        if anonymous:
            self.report.warn("X106", f"{anonymous} locution(s) name no speaker; their posts are by 'unknown'")
        for ta in self.of_type["TA"]:
            for source in self._ends(ta, "in", "L")[:1]:
                for target in self._ends(ta, "out", "L"):
                    post = posts[target]
                    if post.reply_to is None and target != source:
                        posts[target] = attrs.evolve(post, reply_to=posts[source].id)
        return posts

    def _speaker(self, anchor: str) -> str | None:
        """The L-node that speaks through a YA anchored at ``anchor`` (an L or a TA)."""
        kind = self.nodes[anchor]["type"]
        if kind == "L":
            return anchor
        if kind == "TA":
            replies = self._ends(anchor, "out", "L")
            return replies[0] if replies else None
        return None

    def _dialogue(self, props: dict[str, Proposition], relations: _Relations, posts: dict[str, Post]) -> None:
        agreements: list[tuple[str, str, str]] = []
        for ya in self.of_type["YA"]:
            force = one_line(self.nodes[ya]["text"] or self.nodes[ya]["scheme"]).lower()
            speakers = [s for s in (self._speaker(a) for a in self.inn[ya]) if s is not None]
            if not speakers:
                continue
            post_id = posts[speakers[0]].id
            for target in self.out[ya]:
                kind = self.nodes[target]["type"]
                if kind == "I":
                    prop = props[target]
                    if force in ("agreeing", "conceding"):
                        agreements.append((force, target, post_id))
                    elif prop.post is None:
                        question = "question" in force
                        props[target] = attrs.evolve(
                            prop, post=post_id, kind=Kind.QUESTION if question else prop.kind
                        )
                elif target in relations["by_node"]:
                    for i in relations["by_node"][target]:
                        if relations["all"][i].post is None:
                            relations["all"][i] = attrs.evolve(relations["all"][i], post=post_id)
        for force, target, post_id in agreements:
            if props[target].post != post_id:
                cls = Concession if force == "conceding" else Agreement
                relations["all"].append(cls(props[target].id, post_id))

    # -- the argument layer ----------------------------------------------------------

    def _relations(self, props: dict[str, Proposition]) -> _Relations:
        out: list[Relation] = []
        by_node: defaultdict[str, list[int]] = defaultdict(list)
        supports: dict[str, str] = {}

        def add(nid: str, rel: Relation) -> None:
            by_node[nid].append(len(out))
            out.append(rel)

        for ra in self.of_type["RA"]:
            premises, conclusions = self._ends(ra, "in", "I"), self._ends(ra, "out", "I")
            if not premises or not conclusions:
                missing = "premise" if not premises else "conclusion"
                self.report.warn("X105", f"RA-node {ra} has no {missing}; left out")
                continue
            if len(conclusions) > 1:
                self.report.warn(
                    "X105", f"RA-node {ra} has {len(conclusions)} conclusions; only the first is kept"
                )
            node = self.nodes[ra]
            scheme = as_line(node["scheme"] or node["text"])
            supports[ra] = self.ids.get(ra)
            add(ra, Support(
                supports[ra], [props[p].id for p in dict.fromkeys(premises)], props[conclusions[0]].id,
                None if scheme in _DEFAULT_INFERENCE else scheme,
            ))  # fmt: skip
        for ca in self.of_type["CA"]:
            attackers = self._ends(ca, "in", "I")
            targets = [t for t in self.out[ca] if self.nodes[t]["type"] in ("I", "RA")]
            if not attackers or not targets:
                self.report.warn(
                    "X105", f"CA-node {ca} has no {'attacker' if not attackers else 'target'}; left out"
                )
            for a in attackers:
                for t in targets:
                    if self.nodes[t]["type"] == "I":
                        add(ca, Rebuttal(props[a].id, props[t].id))
                    elif t in supports:
                        add(ca, Undercut(props[a].id, supports[t]))
        for ma in self.of_type["MA"]:
            sources, targets = self._ends(ma, "in", "I"), self._ends(ma, "out", "I")
            if not sources or not targets:
                self.report.warn(
                    "X105", f"MA-node {ma} has no {'source' if not sources else 'target'}; left out"
                )
            for s in sources:
                for t in targets:
                    if s != t:
                        add(ma, Restatement(props[s].id, props[t].id))
        if self.of_type["PA"]:
            self.report.warn(
                "X104",
                f"{len(self.of_type['PA'])} PA-node(s) (preferences) have no argmap counterpart; left out",
            )
        return {"all": out, "by_node": by_node}


# -- export ----------------------------------------------------------------------------


def to_aif(doc: Document) -> dict[str, Any]:
    """``doc`` as an AIFdb nodeset with the IAT layer (``nodes``, ``edges``, ``locutions``, ``participants``)."""
    ids = Ids()
    for obj in list(doc.propositions) + list(doc.supports):
        ids.get(obj.id)
    nodes: list[dict[str, str]] = []
    edges: list[dict[str, str]] = []
    locutions: list[dict[str, str | int]] = []

    def node(nid: str, kind: str, text: str, **extra: str) -> str:
        nodes.append({"nodeID": nid, "text": text, "type": kind, **extra})
        return nid

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": f"e{len(edges) + 1}", "fromID": a, "toID": b})

    people: dict[str, int] = {}
    l_node: dict[str, str] = {}
    ta_into: dict[str, str] = {}
    for post in doc.posts:
        person = people.setdefault(post.author, len(people) + 1)
        body = " ".join(post.body) if post.body else ""
        l_node[post.id] = node(ids.get(post.id, "post") if post.id not in ids.used else ids.fresh("L" + post.id),
                               "L", f"{post.author} : {body}")  # fmt: skip
        loc: dict[str, str | int] = {"nodeID": l_node[post.id], "personID": person}
        if post.timestamp is not None:
            loc["start"] = post.timestamp
        locutions.append(loc)
    for post in doc.posts:
        parent = post.reply_to
        if parent in l_node:
            ta_into[post.id] = node(ids.fresh("ta"), "TA", "Default Transition")
            edge(l_node[parent], ta_into[post.id])
            edge(ta_into[post.id], l_node[post.id])

    def anchor(post_id: str | None, force: str, target: str) -> None:
        """post → YA(force) → target, from the reply's TA when the post replies."""
        if post_id not in l_node:
            return
        ya = node(ids.fresh("ya"), "YA", force)
        edge(
            ta_into.get(post_id, l_node[post_id])
            if force not in ("Asserting", "Pure Questioning")
            else l_node[post_id],
            ya,
        )
        edge(ya, target)

    for p in doc.propositions:
        node(p.id, "I", p.text)
        if p.post is not None:
            anchor(p.post, "Pure Questioning" if p.kind is Kind.QUESTION else "Asserting", p.id)
    for rel in doc.relations:
        if isinstance(rel, Support):
            ra = node(
                rel.id, "RA", rel.scheme or "Default Inference", scheme=rel.scheme or "Default Inference"
            )
            for premise in rel.premises:
                edge(premise, ra)
            edge(ra, rel.conclusion)
            anchor(rel.post, "Arguing", ra)
        elif isinstance(rel, (Rebuttal, Undercut)):
            ca = node(ids.fresh("ca"), "CA", "Default Conflict")
            edge(rel.attacker, ca)
            edge(ca, rel.target)
            anchor(rel.post, "Disagreeing", ca)
        elif isinstance(rel, Restatement):
            ma = node(ids.fresh("ma"), "MA", "Default Rephrase")
            edge(rel.source, ma)
            edge(ma, rel.target)
            anchor(rel.post, "Restating", ma)
        elif isinstance(rel, Agreement):
            anchor(rel.post, "Conceding" if isinstance(rel, Concession) else "Agreeing", rel.target)
    participants = [{"participantID": n, "firstname": name, "surname": ""} for name, n in people.items()]
    return {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants}


def read(text: str, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """The format registry's reader: :func:`from_aif`."""
    return from_aif(text, path=path)


def dumps(doc: Document) -> str:
    """The format registry's writer: :func:`to_aif` as JSON text."""
    return json.dumps(to_aif(doc), ensure_ascii=False, indent=1) + "\n"
