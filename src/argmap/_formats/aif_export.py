"""argmap → AIF JSON: an AIFdb nodeset with the IAT dialogue layer (:mod:`.aif` reads it back).

Propositions are I-nodes, supports RA-nodes (named by the support's id), rebuttals and undercuts
CA-nodes: one per attack, with an edge from each of its attackers (a linked attack is one CA with
several premises) to the attacked I-node, RA-node or — for an undercut of a named attack — the
CA-node of that attack, which is named by the attack's id.  Restatements are MA-nodes; posts
L-nodes with TA-nodes for replies and YA-nodes for what each post asserts and argues.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Final

from .._model import Agreement, Concession, Document, Kind, Rebuttal, Restatement, Support, Undercut, Voice
from .common import Ids
from .losses import Losses, supports_with_scheme

__all__ = ["DEFAULT_INFERENCE", "LOSSES", "UNNAMED", "dumps", "to_aif"]

#: the speaker of reported speech whose source the annotation does not name (read back as none)
UNNAMED: Final = "unknown"

#: the scheme names AIF tools give an RA-node that names no scheme (read back as none)
DEFAULT_INFERENCE: Final = frozenset({"", "RA", "Default Inference"})


def to_aif(doc: Document) -> dict[str, Any]:
    """``doc`` as an AIFdb nodeset with the IAT layer (``nodes``, ``edges``, ``locutions``, ``participants``)."""
    ids = Ids()
    attacks = [r for r in doc.relations if isinstance(r, (Rebuttal, Undercut))]
    for obj_id in (
        [p.id for p in doc.propositions] + [s.id for s in doc.supports] + [a.id for a in attacks if a.id]
    ):
        ids.get(obj_id)
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
        body = "\n".join(post.body) if post.body else ""
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
        force = "Pure Questioning" if p.kind is Kind.QUESTION else "Asserting"
        if p.voice is Voice.REPORTED and p.post in l_node:
            # IAT's reported speech: the post asserts "X said: p", which anchors X's locution of p
            name = p.reported_by or UNNAMED
            said = node(ids.fresh("said"), "I", f"{name} said: {p.text}")
            anchor(p.post, "Asserting", said)
            reported = node(ids.fresh("Lreported"), "L", f"{name} : {p.text}")
            people.setdefault(name, len(people) + 1)
            locutions.append({"nodeID": reported, "personID": people[name]})
            illocuting = node(ids.fresh("ya"), "YA", "Default Illocuting")
            edge(said, illocuting)
            edge(illocuting, reported)
            asserting = node(ids.fresh("ya"), "YA", force)
            edge(reported, asserting)
            edge(asserting, p.id)
        elif p.post is not None:
            anchor(p.post, force, p.id)
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
            # a named attack's CA is named by its id: an undercut of the attack aims at that node
            ca = node(rel.id if rel.id else ids.fresh("ca"), "CA", "Default Conflict")
            for attacker in rel.attackers:
                edge(attacker, ca)
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


def _voices_lost(doc: Document) -> int:
    """Supposed and ironic propositions (IAT has no counterpart), and reported ones of no post."""
    posts = {p.id for p in doc.posts}
    return sum(not p.own and (p.voice is not Voice.REPORTED or p.post not in posts) for p in doc.propositions)


def _reporters_lost(doc: Document) -> int:
    """Reporters' names of what AIF does not hold as reported speech, and a name that is what an
    unnamed reporter is written as (read back as none)."""
    posts = {p.id for p in doc.posts}
    return sum(p.reported_by is not None and (p.post not in posts or p.reported_by == UNNAMED)
               for p in doc.propositions)  # fmt: skip


def _kinds_lost(doc: Document) -> int:
    """Kinds other than question, and questions that no post asks (AIF says what a proposition
    is only through the post that puts it forward: a YA ``Asserting`` or ``Pure Questioning``)."""
    posts = {p.id for p in doc.posts}
    return sum(p.kind is not Kind.CLAIM and not (p.kind is Kind.QUESTION and p.post in posts)
               for p in doc.propositions)  # fmt: skip


def _moves_lost(cls: type[Agreement]) -> Callable[[Document], int]:
    """Agreements (or concessions) that AIF cannot hold: of no post (a YA needs a locution), or
    of the post that asserts the proposition (read as that post's assertion)."""

    def count(doc: Document) -> int:
        posts = {p.id for p in doc.posts}
        # (a post agreeing with what it reports is kept: the post asserts the report, not p)
        asserted = {p.id: p.post for p in doc.propositions if not (p.voice is Voice.REPORTED and p.post in posts)}
        return sum(isinstance(r, cls) and (cls is Concession or not isinstance(r, Concession))
                   and (r.post not in posts or r.post == asserted.get(r.target)) for r in doc.relations)  # fmt: skip

    return count


def attack_ids_lost(doc: Document) -> int:
    """Ids of attacks that no undercut aims at: every CA-node has an id, so the reader names an
    attack only when another CA-node attacks it (docs/formats.md)."""
    aimed = {u.target for u in doc.undercuts}
    return sum(r.id is not None and r.id not in aimed for r in (*doc.rebuttals, *doc.undercuts))


#: What an AIF export leaves out (docs/formats.md lists the same).
LOSSES = Losses(
    "AIF",
    drops=("metadata", "quotes", "anchors", "tags", "base scores", "comments"),
    partly={
        "voices": ("other than reported speech in a post", _voices_lost),
        "reporter names": (f"of no post, or named '{UNNAMED}' (read back as none)", _reporters_lost),
        "post texts": ("that are empty", lambda doc: sum(p.body is not None and not any(p.body) for p in doc.posts)),
        "proposition kinds": ("other than a post's questions", _kinds_lost),
        "schemes": ("named as AIF's default inference",
                    lambda doc: supports_with_scheme(doc, DEFAULT_INFERENCE)),
        "attack ids": ("of attacks no undercut aims at", attack_ids_lost),
        "agreements": ("of no post or of the post that asserts them", _moves_lost(Agreement)),
        "concessions": ("of no post or of the post that asserts them", _moves_lost(Concession)),
    },
)  # fmt: skip


def dumps(doc: Document) -> str:
    """The format registry's writer: :func:`to_aif` as JSON text."""
    return json.dumps(to_aif(doc), ensure_ascii=False, indent=1) + "\n"
