"""SADFace JSON: atoms, scheme nodes (older ``scheme`` and newer ``inference``/``conflict`` types), edges.

Edges run the way the argument does: premise → inference → conclusion and
attackers → conflict → target (several attackers attack together; a conflict aimed at an
inference node is an undercut, aimed at a conflict node an undercut of that node's attack).
The writer is :mod:`.sadface_export`.  argmap's own fields (kind, post, tags, ids, posts) travel in each
node's ``metadata["argmap"]`` and in ``resources`` (one per post), so a
document survives the round trip; other SADFace tools ignore them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Mapping

from .._model import (
    Agreement,
    Concession,
    Diagnostic,
    Document,
    Metadata,
    Post,
    Proposition,
    Rebuttal,
    Relation,
    Restatement,
    Support,
    Undercut,
)
from .attack_nodes import live_attacks
from .common import Ids, Report, as_line, brief, load_json, replies_first, scalar
from .sadface_export import LOSSES, dumps, to_sadface
from .sadface_fields import Fields

__all__ = ["LOSSES", "dumps", "from_sadface", "read", "to_sadface"]

_SUPPORT_NAMES = {"", "support", "inference", "default inference"}


#: words in a scheme node's name that make it a conflict (the reference implementation's conflicts are
#: named ``conflict``, ``disagree``, ``attack`` or ``defeat``; arguebuf reads ``attack``)
_CONFLICT = re.compile(r"conflict|attack|disagree|defeat", re.I)


def _role(node: dict[str, Any]) -> str | None:
    """``support``, ``conflict``, ``rephrase`` or None (preference, unknown) for a scheme-like node."""
    kind = (scalar(node.get("type")) or "").lower()
    name = (scalar(node.get("name")) or "").lower()
    if kind == "conflict" or (kind == "scheme" and _CONFLICT.search(name)):
        return "conflict"
    if kind == "rephrase" or (kind == "scheme" and ("rephrase" in name or "restat" in name)):
        return "rephrase"
    if kind in ("inference", "scheme"):
        return "support"
    return None


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
    post_fields: list[tuple[str, Fields, str | None]] = []
    for res in _list(data, "resources", report):
        what = f"resource {brief(res.get('id'))}" if isinstance(res, dict) else ""
        meta = Fields(res, what, report, post_ids, known) if isinstance(res, dict) else None
        pid = meta.text("id") if meta else None
        if meta is None or pid is None:
            others += 1
            continue
        pid = post_ids.get(pid)
        if pid in known:
            report.warn("X304", f"post {pid} is described twice; the first description is used")
            continue
        known.add(pid)
        post_fields.append((pid, meta, scalar(res.get("id"))))
    if others:
        report.warn("X304", f"{others} resource(s) carry no argmap post; left out")
    resource_post = {rid: pid for pid, _, rid in post_fields if rid is not None}
    for pid, meta, _ in post_fields:  # now that every post is known, replies and quotes can be checked
        author = meta.text("author") or "unknown"
        posts.append(Post(pid, author, meta.text("timestamp"), meta.post("reply_to"), meta.quotes(), meta.body(),
                          comments=meta.lines("comments")))  # fmt: skip
    for nid, n in nodes.items():
        if (scalar(n.get("type")) or "").lower() == "atom":
            meta = Fields(n, f"atom {nid}", report, post_ids, known)
            anchor = meta.text("anchor") if meta else _source_anchor(n, resource_post)
            voice = meta.voice()
            props[nid] = Proposition(ids.get(meta.text("id") or nid, "atom"),
                                     report.text(n.get("text"), f"the text of atom {nid}") or "", meta.kind(),
                                     anchor, meta.tags(), meta.base(), meta.post(),
                                     comments=meta.lines("comments"), voice=voice,
                                     reported_by=meta.reported_by(voice))  # fmt: skip
    schemes = {nid: (n, _role(n)) for nid, n in nodes.items() if nid not in props}
    support_ids: dict[str, str] = {}
    metas: dict[str, Fields] = {}
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
        meta = metas[nid] = Fields(n, f"{role} node {nid}", report, post_ids, known)
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
                                scheme, meta.post(), comments=meta.lines("comments")))  # fmt: skip
        elif role == "rephrase":
            pairs = [
                (s, props[t].id) for s in dict.fromkeys(sources) for t in dict.fromkeys(targets) if t in props
            ]
            if len(pairs) > 1:
                report.warn("X306", f"rephrase node {nid} rephrases {len(set(sources))} atom(s) as "
                            f"{len(pairs) // len(set(sources))}: read as a restatement of each target by each "
                            "source")  # fmt: skip
            rels += [Restatement(s, t, meta.post(), comments=meta.lines("comments")) for s, t in pairs]
    conflicts = [nid for nid, (_, role) in schemes.items() if role == "conflict" and nid in metas]
    rels += _attacks(conflicts, into, out_of, props, support_ids, metas, ids, report)
    prop_ids = {p.id for p in props.values()}
    # (metadata that is not an object is reported once, by _title)
    document = Fields(data if isinstance(data.get("metadata"), dict) else {}, "the document", report, post_ids,
                       known)  # fmt: skip
    for fields, post in [(document, None), *((meta, pid) for pid, meta, _ in post_fields)]:
        rels += [Agreement(t, post) for t in fields.ids("agrees", prop_ids)]
        rels += [Concession(t, post) for t in fields.ids("concedes", prop_ids)]
    doc = Document(_metadata(data, document, report), replies_first(posts, report), list(props.values()), rels,
                   path=path, comments=document.lines("comments"),
                   trailing_comments=document.lines("trailing_comments"))  # fmt: skip
    return doc, report.finish()


def _attacks(
    conflicts: list[str],
    into: Mapping[str, list[str]],
    out_of: Mapping[str, list[str]],
    props: Mapping[str, Proposition],
    support_ids: Mapping[str, str],
    metas: Mapping[str, Fields],
    ids: Ids,
    report: Report,
) -> list[Relation]:
    """Each conflict node: one attack by all its atoms together (several: a linked attack) on each
    atom (a rebuttal), inference node (an undercut of that support) or conflict node (an undercut
    of that node's attack, which takes argmap's id if it has one, else one made from the node's)."""
    targets = {c: list(dict.fromkeys(out_of[c])) for c in conflicts}
    live = live_attacks(conflicts, targets, lambda t: t in props or t in support_ids)

    def aims(c: str) -> list[str]:
        return [t for t in targets[c] if t in props or t in support_ids or t in live]

    attacked = {t for c in live for t in aims(c) if t in live}

    def name(c: str) -> str | None:
        own = metas[c].text("id")
        return ids.get(own, "inference") if own else ids.get(c, "inference") if c in attacked else None

    rels: list[Relation] = []
    for c in conflicts:
        gone = [t for t in targets[c] if t not in aims(c)]
        if gone:
            report.warn("X303", f"conflict node {c} aims at node {gone[0]}, which gives nothing to attack; "
                        f"{'that target is' if c in live else 'it is'} left out")  # fmt: skip
        if c not in live:
            continue
        first, *partners = dict.fromkeys(props[x].id for x in into[c] if x in props)
        post, comments = metas[c].post(), metas[c].lines("comments")
        for i, t in enumerate(aims(c)):
            own = name(c) if i == 0 else None
            if t in props:
                rels.append(Rebuttal(first, props[t].id, post, comments=comments, id=own, partners=partners))
            else:
                aimed = support_ids[t] if t in support_ids else name(t) or ""  # a live conflict: named
                rels.append(Undercut(first, aimed, post, comments=comments, id=own, partners=partners))
    return rels


def _source_anchor(node: dict[str, Any], resource_post: dict[str, str]) -> str | None:
    """The words of an atom's first source in a post's resource (a file other than argmap's)."""
    sources = node.get("sources")
    first = sources[0] if isinstance(sources, list) and sources else None
    if not isinstance(first, dict) or scalar(first.get("resource_id")) not in resource_post:
        return None
    words = scalar(first.get("text"))
    return as_line(words) if words is not None and as_line(words) else None


def _list(data: dict[str, Any], key: str, report: Report) -> list[Any]:
    """``data[key]``, a list (absent: empty; anything else: empty, with a warning)."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        report.warn("X002", f"'{key}' is {brief(value)}, not a list; left out")
        return []
    return value


def _metadata(data: dict[str, Any], fields: Fields, report: Report) -> Metadata:
    """The title (``metadata.core.title``) and argmap's other metadata (``metadata.argmap``)."""
    ignore = [w for w in fields.lines("ignore") if w and not any(c.isspace() or c == "," for c in w)]
    return Metadata(_title(data, report), fields.text("source"), fields.text("date"), fields.text("language"),
                    ignore)  # fmt: skip


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
    return (report.text(core.get("title"), "the title") or None) if core is not None else None


def read(text: str, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """The format registry's reader: :func:`from_sadface`."""
    return from_sadface(text, path=path)
