"""SADFace JSON: atoms, scheme nodes (older ``scheme`` and newer ``inference``/``conflict`` types), edges.

Edges run the way the argument does: premise → inference → conclusion and
attacker → conflict → target (a conflict aimed at an inference node is an
undercut).  argmap's own fields (kind, post, tags, ids, posts) travel in each
node's ``metadata["argmap"]`` and in ``resources`` (one per post), so a
document survives the round trip; other SADFace tools ignore them.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import defaultdict
from typing import Any

from .._model import (
    Diagnostic,
    Document,
    FormatError,
    Kind,
    Metadata,
    Post,
    Proposition,
    Rebuttal,
    Relation,
    Restatement,
    Support,
    Undercut,
)
from .common import Ids, Report, as_line, brief, load_json, replies_first, scalar

__all__ = ["from_sadface", "to_sadface"]

_SUPPORT_NAMES = {"", "support", "inference", "default inference"}
_KINDS = {k.value for k in Kind}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _role(node: dict[str, Any]) -> str | None:
    """``support``, ``conflict``, ``rephrase`` or None (preference, unknown) for a scheme-like node."""
    kind = (scalar(node.get("type")) or "").lower()
    name = (scalar(node.get("name")) or "").lower()
    if kind == "conflict" or (kind == "scheme" and ("conflict" in name or "attack" in name)):
        return "conflict"
    if kind == "rephrase" or (kind == "scheme" and ("rephrase" in name or "restat" in name)):
        return "rephrase"
    if kind in ("inference", "scheme"):
        return "support"
    return None


class _Fields:
    """argmap's fields in one SADFace object's ``metadata.argmap``, each checked as it is read: a
    field of the wrong shape is left out with an ``X002`` warning naming it."""

    def __init__(
        self, obj: dict[str, Any], what: str, report: Report, post_ids: Ids, known: set[str] | None = None
    ) -> None:
        self.what, self.report, self.post_ids = what, report, post_ids
        #: the ids of the posts read, once all are (a post named that is not one is left out)
        self.known = known
        self.data: dict[str, Any] = {}
        meta = obj.get("metadata")
        if meta is not None and not isinstance(meta, dict):
            report.warn("X002", f"the metadata of {what} is {brief(meta)}, not an object; left out")
        elif meta is not None and meta.get("argmap") is not None:
            if isinstance(meta["argmap"], dict):
                self.data = meta["argmap"]
            else:
                report.warn("X002", f"the argmap metadata of {what} is {brief(meta['argmap'])}, "
                            "not an object; left out")  # fmt: skip

    def __bool__(self) -> bool:
        return bool(self.data)

    def wrong(self, key: str, expected: str) -> None:
        self.report.warn("X002", f"{key} of {self.what} is {brief(self.data[key])}, not {expected}; left out")

    def text(self, key: str) -> str | None:
        """A one-line text field (numbers written out), or None."""
        value = self.data.get(key)
        if value is None:
            return None
        text = scalar(value)
        if text is None:
            self.wrong(key, "text")
            return None
        return as_line(text)

    def post(self, key: str = "post") -> str | None:
        """A post id field, as the post's argmap id (None, with ``X305``, for a post not read)."""
        raw = self.text(key)
        if not raw:
            return None
        pid = self.post_ids.get(raw)
        if self.known is not None and pid not in self.known:
            self.report.warn("X305", f"{key} of {self.what} names post {raw}, which the file does not have; "
                             "left out")  # fmt: skip
            return None
        return pid

    def kind(self) -> str:
        kind = self.data.get("kind")
        if kind is None:
            return "claim"
        if not isinstance(kind, str) or kind not in _KINDS:
            self.wrong("kind", f"one of {', '.join(sorted(_KINDS))}")
            return "claim"
        return kind

    def base(self) -> float | None:
        base = self.data.get("base")
        if base is None:
            return None
        if isinstance(base, bool) or not isinstance(base, (int, float)) or not 0 <= base <= 1:
            self.wrong("base", "a number from 0 to 1")
            return None
        return base

    def tags(self) -> list[str]:
        tags = self.data.get("tags")
        if tags is None:
            return []
        words = [scalar(t) for t in tags] if isinstance(tags, list) else [None]
        if None in words:
            self.wrong("tags", "a list of words")
            return []
        out = [_NOT_TAG.sub("-", w.strip(" ,")) for w in words if w is not None and w.strip(" ,")]
        if len(out) != len(words):
            self.report.warn("X002", f"empty tags of {self.what} left out")
        return out

    def body(self) -> list[str] | None:
        body = self.data.get("body")
        if body is None:
            return None
        lines = [scalar(b) for b in body] if isinstance(body, list) else [None]
        if None in lines:
            self.wrong("body", "a list of lines")
            return None
        return [part.rstrip() for line in lines if line is not None for part in _LINE_BREAK.split(line)]


_NOT_TAG = re.compile(r"[\s,]+")


def from_sadface(text: str, *, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """Read SADFace JSON; return the document and warnings about what was left out."""
    report = Report(path)
    data = load_json(text, report, clean=True)
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        report.fail("X300", "not SADFace JSON: expected an object with a list of 'nodes'")
    nodes: dict[str, dict[str, Any]] = {}
    for n in data["nodes"]:
        nid = scalar(n.get("id")) if isinstance(n, dict) else None
        if nid is None:
            report.warn("X304", f"a node without an id is left out: {brief(n)}")
        elif nid in nodes:
            report.warn("X304", f"node {nid} is defined twice; the first definition is used")
        else:
            nodes[nid] = n
    into: defaultdict[str, list[str]] = defaultdict(list)
    out_of: defaultdict[str, list[str]] = defaultdict(list)
    for e in _list(data, "edges", report):
        a, b = (
            (scalar(e.get("source_id")), scalar(e.get("target_id"))) if isinstance(e, dict) else (None, None)
        )
        if a not in nodes or b not in nodes:
            name = (scalar(e.get("id")) or "?") if isinstance(e, dict) else brief(e)
            report.warn("X301", f"edge {name} names a missing node; left out")
            continue
        assert a is not None and b is not None  # both are nodes
        out_of[a].append(b)
        into[b].append(a)
    ids, post_ids = Ids(), Ids("post")
    posts: list[Post] = []
    props: dict[str, Proposition] = {}
    rels: list[Relation] = []
    others = 0
    known: set[str] = set()
    post_fields: list[tuple[str, _Fields]] = []
    for res in _list(data, "resources", report):
        what = f"resource {brief(res.get('id'))}" if isinstance(res, dict) else ""
        meta = _Fields(res, what, report, post_ids, known) if isinstance(res, dict) else None
        pid = meta.text("id") if meta else None
        if meta is None or pid is None:
            others += 1
            continue
        pid = post_ids.get(pid)
        if pid in known:
            report.warn("X304", f"post {pid} is described twice; the first description is used")
            continue
        known.add(pid)
        post_fields.append((pid, meta))
    if others:
        report.warn("X304", f"{others} resource(s) carry no argmap post; left out")
    for pid, meta in post_fields:  # now that every post is known, replies can be checked
        author = meta.text("author") or "unknown"
        posts.append(Post(pid, author, meta.text("timestamp"), meta.post("reply_to"), (), meta.body()))
    for nid, n in nodes.items():
        if (scalar(n.get("type")) or "").lower() == "atom":
            meta = _Fields(n, f"atom {nid}", report, post_ids, known)
            anchor = meta.text("anchor")
            props[nid] = Proposition(ids.get(meta.text("id") or nid, "atom"),
                                     report.text(n.get("text"), f"the text of atom {nid}") or "", meta.kind(),
                                     anchor, meta.tags(), meta.base(), meta.post())  # fmt: skip
    schemes = {nid: (n, _role(n)) for nid, n in nodes.items() if nid not in props}
    support_ids: dict[str, str] = {}
    metas: dict[str, _Fields] = {}
    for nid, (n, role) in schemes.items():
        sources = [props[s].id for s in into[nid] if s in props]
        targets = [t for t in out_of[nid] if t in props or t in schemes]
        if role is None:
            report.warn(
                "X302", f"node {nid} of type {brief(n.get('type'))} has no argmap counterpart; left out"
            )
            continue
        if not sources or not targets:
            report.warn("X303", f"{role} node {nid} has no {'source' if not sources else 'target'}; left out")
            continue
        meta = metas[nid] = _Fields(n, f"{role} node {nid}", report, post_ids, known)
        if role == "support" and targets[0] in props:
            if len(targets) > 1:
                report.warn(
                    "X303", f"inference node {nid} has {len(targets)} conclusions; only the first is kept"
                )
            name = as_line(scalar(n.get("name")) or "")
            support_ids[nid] = ids.get(meta.text("id") or nid, "inference")
            if "scheme" in meta.data:  # argmap's own: the scheme as it was, or none
                scheme = meta.text("scheme")
            else:
                scheme = None if name.lower() in _SUPPORT_NAMES else name
            rels.append(Support(support_ids[nid], list(dict.fromkeys(sources)), props[targets[0]].id,
                                scheme, meta.post()))  # fmt: skip
        elif role == "rephrase":
            rels += [Restatement(s, props[t].id, meta.post()) for s in sources for t in targets if t in props]
    for nid, (n, role) in schemes.items():
        if role != "conflict" or nid not in metas:
            continue
        post = metas[nid].post()
        for s in [props[x].id for x in into[nid] if x in props]:
            for t in out_of[nid]:
                if t in props:
                    rels.append(Rebuttal(s, props[t].id, post))
                elif t in support_ids:
                    rels.append(Undercut(s, support_ids[t], post))
    doc = Document(Metadata(title=_title(data, report)), replies_first(posts, report), list(props.values()),
                   rels, path=path)  # fmt: skip
    return doc, report.finish()


def _list(data: dict[str, Any], key: str, report: Report) -> list[Any]:
    """``data[key]``, a list (absent: empty; anything else: empty, with a warning)."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        report.warn("X002", f"'{key}' is {brief(value)}, not a list; left out")
        return []
    return value


def _title(data: dict[str, Any], report: Report) -> str | None:
    meta = data.get("metadata")
    if meta is None:
        return None
    core = meta.get("core") if isinstance(meta, dict) else None
    if not isinstance(meta, dict) or (core is not None and not isinstance(core, dict)):
        what = "the document's metadata" if not isinstance(meta, dict) else "its 'core'"
        report.warn(
            "X002", f"{what} is {brief(core if isinstance(meta, dict) else meta)}, not an object; left out"
        )
        return None
    return report.text(core.get("title"), "the title") if core is not None else None


def _id(*parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "argmap:" + "/".join(parts)))


def to_sadface(doc: Document) -> dict[str, Any]:
    """``doc`` as a SADFace document (deterministic UUIDs, argmap fields in metadata).

    Raises:
        FormatError: a relation names a proposition or support the document does not
            have (SADFace edges must end at nodes).
    """
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, str]] = []
    resources: list[dict[str, Any]] = []

    def edge(a: str, b: str) -> None:
        edges.append({"id": _id("edge", a, b, str(len(edges))), "source_id": a, "target_id": b})

    meta: dict[str, object]
    for post in doc.posts:
        meta = {"id": post.id, "author": post.author, "timestamp": post.timestamp, "reply_to": post.reply_to,
                "body": list(post.body) if post.body is not None else None}  # fmt: skip
        resources.append({"id": _id("post", post.id), "type": "text",
                          "content": "\n".join(post.body) if post.body is not None else None,
                          "metadata": {"argmap": {k: v for k, v in meta.items() if v is not None}}})  # fmt: skip
    atom: dict[str, str] = {}
    for p in doc.propositions:
        atom[p.id] = _id("atom", p.id)
        meta = {"id": p.id, "kind": p.kind.value, "anchor": p.anchor, "tags": list(p.tags) or None,
                "base": p.base, "post": p.post}  # fmt: skip
        nodes.append({"id": atom[p.id], "type": "atom", "text": p.text, "sources": [],
                      "metadata": {"argmap": {k: v for k, v in meta.items() if v is not None}}})  # fmt: skip
    inference: dict[str, str] = {}
    for i, r in enumerate(doc.relations):
        meta = {"post": r.post} if r.post is not None else {}
        if isinstance(r, Support):
            inference[r.id] = _id("inference", r.id)
            nodes.append({"id": inference[r.id], "type": "inference", "name": r.scheme or "support",
                          "metadata": {"argmap": {"id": r.id, "scheme": r.scheme, **meta}}})  # fmt: skip

    def node_of(ids: dict[str, str], ref: str, r: Relation) -> str:
        """The node of proposition (or support) ``ref``; a reference to nothing cannot be written."""
        if ref not in ids:
            what = "support" if ids is inference else "proposition"
            article = "an" if r.kind[0] in "aeiou" else "a"
            raise FormatError(f"cannot write SADFace: {article} {r.kind} names {what} {ref!r}, which the "
                              "document does not have (argmap check reports it)")  # fmt: skip
        return ids[ref]

    for i, r in enumerate(doc.relations):
        meta = {"post": r.post} if r.post is not None else {}
        if isinstance(r, Support):
            for premise in r.premises:
                edge(node_of(atom, premise, r), inference[r.id])
            edge(inference[r.id], node_of(atom, r.conclusion, r))
        elif isinstance(r, (Rebuttal, Undercut)):
            source = node_of(atom, r.attacker, r)
            target = (
                node_of(atom, r.target, r) if isinstance(r, Rebuttal) else node_of(inference, r.target, r)
            )
            node = _id("conflict", str(i))
            nodes.append({"id": node, "type": "conflict", "name": "conflict", "metadata": {"argmap": meta}})
            edge(source, node)
            edge(node, target)
        elif isinstance(r, Restatement):
            source, target = node_of(atom, r.source, r), node_of(atom, r.target, r)
            node = _id("rephrase", str(i))
            nodes.append({"id": node, "type": "rephrase", "name": "rephrase", "metadata": {"argmap": meta}})
            edge(source, node)
            edge(node, target)
    core = {
        "id": _id("document", doc.metadata.title or ""),
        "version": "0.5",
        "title": doc.metadata.title or "",
    }
    return {"metadata": {"core": core}, "resources": resources, "nodes": nodes, "edges": edges}


def read(text: str, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """The format registry's reader: :func:`from_sadface`."""
    return from_sadface(text, path=path)


def dumps(doc: Document) -> str:
    """The format registry's writer: :func:`to_sadface` as JSON text."""
    return json.dumps(to_sadface(doc), ensure_ascii=False, indent=1) + "\n"
