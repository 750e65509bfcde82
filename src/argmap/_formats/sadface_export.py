"""argmap → SADFace JSON, as SADFace's reference implementation writes it (:mod:`.sadface` reads it).

Propositions are ``atom`` nodes, supports, attacks and restatements ``scheme`` nodes named
``support``, ``attack`` and ``rephrase``.  An attack is one scheme node with an edge from each of
its attackers (several: a linked attack) to what it attacks: an atom, the scheme node of a
support, or — an undercut of a named attack — the scheme node of that attack.
"""

from __future__ import annotations

import datetime
import json
import os
import uuid
from typing import Any, Mapping

from .._model import (
    Agreement,
    Concession,
    Document,
    FormatError,
    Rebuttal,
    Relation,
    Restatement,
    Support,
    Undercut,
)
from .losses import Losses

__all__ = ["LOSSES", "dumps", "to_sadface"]


def _id(*parts: str) -> str:
    """A UUID for a part of the document: derived from it (the same document gives the same ids),
    with the version bits of a random UUID, as SADFace's reference implementation asks."""
    return str(uuid.UUID(bytes=uuid.uuid5(uuid.NAMESPACE_URL, "argmap:" + "/".join(parts)).bytes, version=4))


def _now() -> str:
    """The time of writing, as SADFace's core metadata has it (``2017-07-11T16:32:36``, UTC): from
    ``SOURCE_DATE_EPOCH`` when that is set, so that builds can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch.isdigit()
              else datetime.datetime.now(datetime.timezone.utc))  # fmt: skip
    return moment.replace(microsecond=0, tzinfo=None).isoformat()


def _argmap(fields: Mapping[str, object]) -> dict[str, object]:
    """argmap's fields for a ``metadata.argmap`` block: those that hold something."""
    return {k: v for k, v in fields.items() if v is not None and v != [] and v != ()}


def _moves(doc: Document, post: str | None) -> dict[str, object]:
    """The agreements and concessions of a post (or of none), by proposition id."""
    agrees = [r.target for r in doc.relations_of(post) if type(r) is Agreement]
    concedes = [r.target for r in doc.relations_of(post) if isinstance(r, Concession)]
    return {"agrees": agrees, "concedes": concedes}


def to_sadface(doc: Document) -> dict[str, Any]:
    """``doc`` as a SADFace document, as SADFace's reference implementation writes one.

    The core metadata holds the keys the reference implementation requires (``id``, ``version``,
    ``analyst_name``, ``analyst_email``, ``created``, ``edited``) and those it sets (``title``,
    ``description``, ``notes``); nodes are ``atom`` and ``scheme`` nodes, the schemes named
    ``support``, ``attack`` or ``rephrase`` (an extension: the reference names no scheme for a
    restatement; arguebuf reads it).  Ids are UUIDs derived from the document, so the same document
    gives the same ids.  What SADFace has no field for travels in ``metadata.argmap`` of each
    node, resource (one per post) and of the document; other SADFace tools ignore it.

    Raises:
        FormatError: a relation names a proposition, support or named attack the document does not
            have (SADFace edges must end at nodes).
    """
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, str]] = []
    resources: list[dict[str, Any]] = []

    def edge(a: str, b: str) -> None:
        edges.append({"id": _id("edge", a, b, str(len(edges))), "source_id": a, "target_id": b})

    def scheme(node: str, name: str, fields: Mapping[str, object]) -> None:
        nodes.append({"id": node, "type": "scheme", "name": name,
                      "metadata": {"core": {}, "argmap": _argmap(fields)}})  # fmt: skip

    resource: dict[str, str] = {}
    content: dict[str, str] = {}
    for post in doc.posts:
        resource[post.id] = _id("post", post.id)
        content[post.id] = "\n".join(post.body) if post.body is not None else ""
        quotes = [
            _argmap({"source": q.source, "text": q.text, "comments": list(q.comments)}) for q in post.quotes
        ]
        fields = {"id": post.id, "author": post.author, "timestamp": post.timestamp, "reply_to": post.reply_to,
                  "body": list(post.body) if post.body is not None else None, "quotes": quotes,
                  "comments": list(post.comments), **_moves(doc, post.id)}  # fmt: skip
        resources.append({"id": resource[post.id], "type": "text", "content": content[post.id],
                          "metadata": {"core": {}, "argmap": _argmap(fields)}})  # fmt: skip
    atom: dict[str, str] = {}
    for p in doc.propositions:
        atom[p.id] = _id("atom", p.id)
        fields = {"id": p.id, "kind": p.kind.value, "anchor": p.anchor, "tags": list(p.tags), "base": p.base,
                  "post": p.post, "comments": list(p.comments),
                  "voice": None if p.own else p.voice.value, "reported_by": p.reported_by}  # fmt: skip
        at = content.get(p.post or "", "").find(p.anchor) if p.anchor and p.post in resource else -1
        sources = ([{"resource_id": resource[p.post], "text": p.anchor, "offset": at, "length": len(p.anchor)}]
                   if at != -1 and p.post is not None and p.anchor else [])  # fmt: skip
        nodes.append({"id": atom[p.id], "type": "atom", "text": p.text, "sources": sources,
                      "metadata": {"core": {}, "argmap": _argmap(fields)}})  # fmt: skip
    inference: dict[str, str] = {}  # support or named attack id -> its scheme node
    for i, r in enumerate(doc.relations):
        if isinstance(r, Support):
            inference[r.id] = _id("inference", r.id)
            scheme(
                inference[r.id],
                "support",
                {"id": r.id, "scheme": r.scheme, "post": r.post, "comments": list(r.comments)},
            )
        elif isinstance(r, (Rebuttal, Undercut)) and r.id is not None:
            inference.setdefault(r.id, _id("conflict", str(i)))

    def node_of(ids: dict[str, str], ref: str, r: Relation) -> str:
        """The node of proposition (or inference) ``ref``; a reference to nothing cannot be written."""
        if ref not in ids:
            what = "inference (support or named attack)" if ids is inference else "proposition"
            article = "an" if r.kind[0] in "aeiou" else "a"
            raise FormatError(f"cannot write SADFace: {article} {r.kind} names {what} {ref!r}, which the "
                              "document does not have (argmap check reports it)")  # fmt: skip
        return ids[ref]

    for i, r in enumerate(doc.relations):
        fields = {"post": r.post, "comments": list(r.comments)}
        if isinstance(r, Support):
            for premise in r.premises:
                edge(node_of(atom, premise, r), inference[r.id])
            edge(inference[r.id], node_of(atom, r.conclusion, r))
        elif isinstance(r, (Rebuttal, Undercut)):
            attackers = [node_of(atom, a, r) for a in r.attackers]
            target = (
                node_of(atom, r.target, r) if isinstance(r, Rebuttal) else node_of(inference, r.target, r)
            )
            node = _id("conflict", str(i))
            scheme(node, "attack", {"id": r.id, **fields})
            for attacker in attackers:
                edge(attacker, node)
            edge(node, target)
        elif isinstance(r, Restatement):
            source, target = node_of(atom, r.source, r), node_of(atom, r.target, r)
            node = _id("rephrase", str(i))
            scheme(node, "rephrase", fields)
            edge(source, node)
            edge(node, target)
    m = doc.metadata
    now = _now()
    core = {"id": _id("document", m.title or ""), "version": "0.5", "analyst_name": "", "analyst_email": "",
            "created": now, "edited": now, "title": m.title or "", "description": "", "notes": ""}  # fmt: skip
    extra = _argmap({"source": m.source, "date": m.date, "language": m.language, "ignore": list(m.ignore),
                     "comments": list(doc.comments), "trailing_comments": list(doc.trailing_comments),
                     **_moves(doc, None)})  # fmt: skip
    metadata: dict[str, object] = {"core": core, "argmap": extra} if extra else {"core": core}
    return {"metadata": metadata, "resources": resources, "nodes": nodes, "edges": edges}


#: What a SADFace export leaves out (docs/formats.md lists the same): SADFace keeps the rest, in its
#: own fields or in ``metadata.argmap`` (post texts too, of empty lines as of any:
#: tests/convert/test_losses.py).
LOSSES = Losses(
    "SADFace",
    partly={
        "metadata": ("that is an empty title (read back as none)", lambda doc: int(doc.metadata.title == "")),
    },
)  # fmt: skip


def dumps(doc: Document) -> str:
    """The format registry's writer: :func:`to_sadface` as JSON text."""
    return json.dumps(to_sadface(doc), ensure_ascii=False, indent=1) + "\n"
