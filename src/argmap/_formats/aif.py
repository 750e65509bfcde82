"""AIF JSON (AIFdb nodesets, OVA/xAIF, the old Araucaria dialect) with the IAT dialogue layer.

The mapping (docs/formats.md has it in full): I-node = proposition, RA = support, CA = rebuttal
(onto an I-node) or undercut (onto an RA, or onto another CA: an undercut of that attack), its
I-nodes the attackers (several: a linked attack), MA = restatement (:mod:`.aif_arguments` reads
this argument layer), L-node = post, TA between L-nodes = reply, L → YA → I = the post that
asserts a proposition, L/TA → YA → RA/CA/MA = the post that argues a relation.  The writer is
:mod:`.aif_export`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Literal

import attrs

from .._model import Agreement, Concession, Diagnostic, Document, Kind, Post, Proposition, Voice
from .aif_arguments import ArgumentLayer, Relations
from .aif_export import LOSSES, UNNAMED, dumps, to_aif
from .common import Ids, Report, as_line, brief, load_json, one_line, replies_first, scalar

__all__ = ["LOSSES", "dumps", "from_aif", "read", "to_aif"]

_SCHEME_NODES = {"RA", "CA", "MA", "PA"}
_DIALOGUE = {"L", "TA", "YA"}
#: (from, to) node types AIF allows but argmap cannot hold.
_META = {"RA", "CA", "MA", "PA"}
#: ``Name : text``, ``Name :text`` and ``Name: text``: the speaker, then the words (the blanks around the
#: colon are the separator: one after it at most, so the words keep their own spacing)
_SPEAKER = re.compile(r"^([^:\n]{1,80}?)(?:[ \t]+:[ \t]?|:[ \t]|:$)(.*)$", re.S)
#: ``Name : text`` with a blank before the colon: the speaker after an annotator's ``Annotator:`` in QT30
_SPOKEN = re.compile(r"^([^:\n]{1,80}?)[ \t]+:[ \t]?(.*)$", re.S)
_SAYS = re.compile(r"^(.{1,80}?) says '(.*)'$", re.S)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _legal(a: str, b: str) -> bool:
    """Whether AIF (with IAT) allows an edge from an ``a`` node to a ``b`` node."""
    if a == "I":  # (an I-node anchors a reported locution through a YA: IAT's reported speech)
        return b in _SCHEME_NODES or b == "YA"
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


def _after_separator(text: str) -> str:
    """The words after ``Name :``: without the one blank that separates them (the rest is theirs)."""
    return text[1:] if text[:1] in (" ", "\t") else text


def _body(text: str) -> tuple[str, ...] | None:
    """A locution's words as a post's body, line by line, spacing kept (None for no words).

    Only what no body line can hold is lost: blanks at the end of a line.
    """
    if not text.strip():
        return None
    return tuple(line.rstrip() for line in _LINE_BREAK.split(text))


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
    joined: set[str] = set()  # the nodes some edge names, legal or not
    for e in data.get("edges", []):
        if not isinstance(e, dict):
            report.warn("X103", f"an edge that is not an object is left out: {brief(e)}")
            continue
        a, b = _node_id(e.get("fromID", e.get("from"))), _node_id(e.get("toID", e.get("to")))
        joined.update(x for x in (a, b) if x is not None)
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
        if ta in _META and tb in _META and not (ta == "CA" and tb in ("RA", "CA")):
            report.warn(
                "X104",
                f"edge {edge} from {ta}-node {a} to {tb}-node {b} is legal AIF "
                "but has no argmap counterpart; left out",
            )
            continue
        out_edges[a].append(b)
        in_edges[b].append(a)
    doc = _Builder(nodes, out_edges, in_edges, joined, data, report).build()
    return doc, report.finish()


class _Builder:
    def __init__(
        self,
        nodes: dict[str, dict[str, Any]],
        out_edges: defaultdict[str, list[str]],
        in_edges: defaultdict[str, list[str]],
        joined: set[str],
        data: dict[str, Any],
        report: Report,
    ) -> None:
        self.nodes, self.out, self.inn, self.report = nodes, out_edges, in_edges, report
        self.joined = joined
        self.data = data
        self.ids = Ids()
        self.of_type: defaultdict[str, list[str]] = defaultdict(list)
        for nid, n in nodes.items():
            self.of_type[n["type"]].append(nid)

    def _ends(self, nid: str, direction: Literal["in", "out"], kind: str) -> list[str]:
        edges = self.out[nid] if direction == "out" else self.inn[nid]
        return [x for x in edges if self.nodes[x]["type"] == kind]

    def build(self) -> Document:
        self.reported = self._reported_speech()
        posts = self._posts()
        self.reporters = {l2: posts.pop(l2).author for l2 in self.reported if l2 in posts}
        reporting = set(self.reported.values())
        props = {nid: self._proposition(nid) for nid in self.of_type["I"] if nid not in reporting}
        relations = ArgumentLayer(
            self.nodes, self.out, self.inn, self.of_type, self.ids, self.report
        ).relations(props)
        self._dialogue(props, relations, posts)
        ordered = replies_first(list(posts.values()), self.report)
        return Document(posts=ordered, propositions=list(props.values()), relations=relations["all"],
                        path=self.report.path)  # fmt: skip

    def _reported_speech(self) -> dict[str, str]:
        """Reported speech (IAT), by the reported L-node: a post asserts the I-node "X said: p" (one
        Asserting YA, nothing else into it), which anchors through one YA X's L-node of its own (no
        reply, no other anchor), which asserts I-nodes that are no such report.  Neither the report
        nor X's locution is the post's own: no proposition, no post.  Any other I-node anchoring a
        locution is read as a plain proposition, its anchoring left out (X111)."""
        found: dict[str, str] = {}
        odd: list[str] = []
        anchors: defaultdict[str, int] = defaultdict(int)
        for i in self.of_type["I"]:
            for ya in self._ends(i, "out", "YA"):
                for l2 in self._ends(ya, "out", "L"):
                    anchors[l2] += 1
        for i in self.of_type["I"]:
            out = self.out[i]
            if not any(self.nodes[x]["type"] == "YA" for x in out):
                continue
            into = self.inn[i]
            said = [l2 for ya in out for l2 in self._ends(ya, "out", "L")]
            asserted = [ya for ya in into if self.nodes[ya]["type"] == "YA"
                        and one_line(self.nodes[ya]["text"] or self.nodes[ya]["scheme"]).lower() == "asserting"]
            if (len(out) == 1 and len(said) == 1 and len(into) == 1 and len(asserted) == 1
                    and anchors[said[0]] == 1 and not self._ends(said[0], "in", "TA")
                    and not self._ends(said[0], "out", "TA")):  # fmt: skip
                found[said[0]] = i
            else:
                odd.append(i)
        for l2, i in list(found.items()):  # a report of a report, or one that reports itself
            if any(t == i or t in found.values() for ya in self._ends(l2, "out", "YA") for t in self.out[ya]):
                del found[l2]
                odd.append(i)
        if odd:
            self.report.warn("X111", f"{len(odd)} I-node(s) anchor a locution in a way argmap does not read as "
                             f"reported speech (as {odd[0]}); read as propositions, the anchoring left out")  # fmt: skip
        return found

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
        copies, annotators = self._annotator_copies(locutions)
        prefixed = 0
        for nid in self.of_type["L"]:
            if nid in copies:
                continue
            raw = self.nodes[nid]["text"]
            loc = locutions.get(nid, {})
            author: str | None = None
            body = raw
            person = scalar(loc.get("personID"))
            named = people.get(person) if person is not None else None
            if named and raw.startswith(named + " :"):
                author, body = named, _after_separator(raw[len(named) + 2 :])
            elif (match := _SPEAKER.match(raw) or _SAYS.match(raw)) and one_line(match.group(1)):
                author, body = one_line(match.group(1)), match.group(2)
                spoken = _SPOKEN.match(body) if author in annotators else None
                if spoken and one_line(spoken.group(1)):
                    author, body, prefixed = one_line(spoken.group(1)), spoken.group(2), prefixed + 1
            if person is not None:
                author = named or author or one_line(f"person {person}")
            if not author:
                author, anonymous = "unknown", anonymous + 1
            stamp = self.report.text(loc.get("start"), f"the start of locution {nid}")
            posts[nid] = Post(self.ids.get(nid), author, stamp, None, (), _body(body))
        if copies:
            example = brief(self.nodes[next(n for n in self.of_type["L"] if n in copies)]["text"])
            also = (f"; {prefixed} other L-node(s) start with an annotator's name too, which is left out of "
                    "their text" if prefixed else "")  # fmt: skip
            self.report.warn("X108", f"{len(copies)} L-node(s) that no edge joins repeat a locution under an "
                             f"annotator's name (as {example}); left out{also}")  # fmt: skip
        if anonymous:
            self.report.warn("X106", f"{anonymous} locution(s) name no speaker; their posts are by 'unknown'")
        for ta in self.of_type["TA"]:
            for source in self._ends(ta, "in", "L")[:1]:
                for target in self._ends(ta, "out", "L"):
                    post = posts[target]
                    if post.reply_to is None and target != source:
                        posts[target] = attrs.evolve(post, reply_to=posts[source].id)
        return posts

    def _annotator_copies(self, locutions: dict[str, dict[str, Any]]) -> tuple[set[str], set[str]]:
        """The L-nodes that repeat a locution under an annotator's name, and those names.

        QT30's nodesets hold, besides each locution (``Speaker : text``, joined to
        the map), a copy that no edge joins and no locution entry describes, its
        text prefixed with the annotator's name: ``Chris: Speaker : text`` or
        ``Martyna : Speaker : text`` (4,897 of 10,528 L-nodes in a 300-file
        sample).  They are not posts: read as posts, each annotator became an
        author of the debate.
        """
        copies: set[str] = set()
        names: set[str] = set()
        for nid in self.of_type["L"]:
            if nid in self.joined or nid in locutions:
                continue
            outer = _SPEAKER.match(self.nodes[nid]["text"])
            inner = _SPOKEN.match(outer.group(2)) if outer else None
            if outer and inner and one_line(outer.group(1)) and one_line(inner.group(1)):
                copies.add(nid)
                names.add(one_line(outer.group(1)))
        return copies, names

    def _speaker(self, anchor: str) -> str | None:
        """The L-node that speaks through a YA anchored at ``anchor`` (an L or a TA)."""
        kind = self.nodes[anchor]["type"]
        if kind == "L":
            return anchor
        if kind == "TA":
            replies = self._ends(anchor, "out", "L")
            return replies[0] if replies else None
        return None

    def _dialogue(self, props: dict[str, Proposition], relations: Relations, posts: dict[str, Post]) -> None:
        agreements: list[tuple[str, str, str]] = []
        reports: list[tuple[str, str, str]] = []  # (reported L-node, proposition, force)
        report_post: dict[str, str] = {}  # "X said: p" I-node -> the post asserting it
        for ya in self.of_type["YA"]:
            force = one_line(self.nodes[ya]["text"] or self.nodes[ya]["scheme"]).lower()
            speakers = [s for s in (self._speaker(a) for a in self.inn[ya]) if s is not None]
            if not speakers:
                continue
            if speakers[0] in self.reported:
                reports += [(speakers[0], t, force) for t in self.out[ya] if t in props]
                continue
            if speakers[0] not in posts:
                continue
            post_id = posts[speakers[0]].id
            for target in self.out[ya]:
                kind = self.nodes[target]["type"]
                if kind == "I" and target not in props:
                    report_post.setdefault(target, post_id)
                elif kind == "I":
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
        for l2, target, force in reports:
            by = self.reporters.get(l2)
            props[target] = attrs.evolve(
                props[target], voice=Voice.REPORTED, reported_by=None if by in (None, UNNAMED) else by,
                post=props[target].post or report_post.get(self.reported[l2]),
                kind=Kind.QUESTION if "question" in force else props[target].kind,
            )


def read(text: str, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """The format registry's reader: :func:`from_aif`."""
    return from_aif(text, path=path)
