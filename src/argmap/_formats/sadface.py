"""SADFace JSON: atoms, scheme nodes (older ``scheme`` and newer ``inference``/``conflict`` types), edges.

Edges run the way the argument does: premise → inference → conclusion and
attacker → conflict → target (a conflict aimed at an inference node is an
undercut).  argmap's own fields (kind, post, tags, ids, posts) travel in each
node's ``metadata["argmap"]`` and in ``resources`` (one per post), so a
document survives the round trip; other SADFace tools ignore them.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from typing import Any

from .._model import (
    Diagnostic,
    Document,
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
from .common import Ids, Report, as_line, load_json, replies_first

__all__ = ["from_sadface", "to_sadface"]

_SUPPORT_NAMES = {"", "support", "inference", "default inference"}


def _role(node: dict[str, Any]) -> str | None:
    """``support``, ``conflict``, ``rephrase`` or None (preference, unknown) for a scheme-like node."""
    kind = str(node.get("type", "")).lower()
    name = str(node.get("name") or "").lower()
    if kind == "conflict" or (kind == "scheme" and ("conflict" in name or "attack" in name)):
        return "conflict"
    if kind == "rephrase" or (kind == "scheme" and ("rephrase" in name or "restat" in name)):
        return "rephrase"
    if kind in ("inference", "scheme"):
        return "support"
    return None


def from_sadface(text: str, *, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """Read SADFace JSON; return the document and warnings about what was left out."""
    report = Report(path)
    data = load_json(text, report)
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        report.fail("X300", "not SADFace JSON: expected an object with a list of 'nodes'")
    nodes: dict[str, dict[str, Any]] = {}
    for n in data["nodes"]:
        if isinstance(n, dict) and n.get("id") is not None:
            nodes.setdefault(str(n["id"]), n)
    into: defaultdict[str, list[str]] = defaultdict(list)
    out_of: defaultdict[str, list[str]] = defaultdict(list)
    for e in data.get("edges") or ():
        a, b = (str(e.get("source_id")), str(e.get("target_id"))) if isinstance(e, dict) else (None, None)
        if a not in nodes or b not in nodes:
            report.warn(
                "X301",
                f"edge {e.get('id', '?') if isinstance(e, dict) else e} names a missing node; left out",
            )
            continue
        out_of[a].append(b)
        into[b].append(a)
    ids = Ids()
    posts: list[Post] = []
    props: dict[str, Proposition] = {}
    rels: list[Relation] = []
    for res in data.get("resources") or ():
        meta = (res.get("metadata") or {}).get("argmap") if isinstance(res, dict) else None
        if isinstance(meta, dict) and meta.get("id") is not None:
            body = meta.get("body")
            posts.append(Post(str(meta["id"]), str(meta.get("author") or "unknown"), meta.get("timestamp"),
                              meta.get("reply_to"), (), body if isinstance(body, list) else None))  # fmt: skip
    for nid, n in nodes.items():
        if str(n.get("type", "")).lower() == "atom":
            meta = (n.get("metadata") or {}).get("argmap") or {}
            kind = meta.get("kind") if meta.get("kind") in {k.value for k in Kind} else "claim"
            props[nid] = Proposition(ids.get(meta.get("id") or nid), as_line(n.get("text")), kind, meta.get("anchor"),
                                     meta.get("tags") or (), meta.get("base"), meta.get("post"))  # fmt: skip
    schemes = {nid: (n, _role(n)) for nid, n in nodes.items() if nid not in props}
    support_ids: dict[str, str] = {}
    for nid, (n, role) in schemes.items():
        meta = (n.get("metadata") or {}).get("argmap") or {}
        sources = [props[s].id for s in into[nid] if s in props]
        targets = [t for t in out_of[nid] if t in props or t in schemes]
        if role is None:
            report.warn("X302", f"node {nid} of type {n.get('type')!r} has no argmap counterpart; left out")
            continue
        if not sources or not targets:
            report.warn("X303", f"{role} node {nid} has no {'source' if not sources else 'target'}; left out")
            continue
        if role == "support" and targets[0] in props:
            if len(targets) > 1:
                report.warn(
                    "X303", f"inference node {nid} has {len(targets)} conclusions; only the first is kept"
                )
            name = as_line(n.get("name") or "")
            support_ids[nid] = ids.get(meta.get("id") or nid)
            scheme = meta["scheme"] if "scheme" in meta else None if name.lower() in _SUPPORT_NAMES else name
            rels.append(Support(support_ids[nid], list(dict.fromkeys(sources)), props[targets[0]].id,
                                scheme, meta.get("post")))  # fmt: skip
        elif role == "rephrase":
            rels += [
                Restatement(s, props[t].id, meta.get("post")) for s in sources for t in targets if t in props
            ]
    for nid, (n, role) in schemes.items():
        meta = (n.get("metadata") or {}).get("argmap") or {}
        if role != "conflict":
            continue
        for s in [props[x].id for x in into[nid] if x in props]:
            for t in out_of[nid]:
                if t in props:
                    rels.append(Rebuttal(s, props[t].id, meta.get("post")))
                elif t in support_ids:
                    rels.append(Undercut(s, support_ids[t], meta.get("post")))
    core = (data.get("metadata") or {}).get("core") or {}
    title = as_line(core["title"]) if isinstance(core.get("title"), str) else None
    doc = Document(Metadata(title=title), replies_first(posts, report), list(props.values()), rels, path=path)
    from .._model import reference_diagnostics

    return doc, report.diagnostics + reference_diagnostics(doc)


def _id(*parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "argmap:" + "/".join(parts)))


def to_sadface(doc: Document) -> dict[str, Any]:
    """``doc`` as a SADFace document (deterministic UUIDs, argmap fields in metadata)."""
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
    for i, r in enumerate(doc.relations):
        meta = {"post": r.post} if r.post is not None else {}
        if isinstance(r, Support):
            for premise in r.premises:
                edge(atom[premise], inference[r.id])
            edge(inference[r.id], atom[r.conclusion])
        elif isinstance(r, (Rebuttal, Undercut)):
            node = _id("conflict", str(i))
            nodes.append({"id": node, "type": "conflict", "name": "conflict", "metadata": {"argmap": meta}})
            edge(atom[r.attacker], node)
            edge(node, atom[r.target] if isinstance(r, Rebuttal) else inference[r.target])
        elif isinstance(r, Restatement):
            node = _id("rephrase", str(i))
            nodes.append({"id": node, "type": "rephrase", "name": "rephrase", "metadata": {"argmap": meta}})
            edge(atom[r.source], node)
            edge(node, atom[r.target])
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
