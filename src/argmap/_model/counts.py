"""Counts that describe a document at a glance."""

from __future__ import annotations

from .document import Document
from .items import RELATION_KINDS, Kind

__all__ = ["stats"]


def stats(doc: Document) -> dict[str, int]:
    """Counts of posts, authors, propositions and each relation kind.

    >>> from argmap import parse
    >>> stats(parse("post 1 by ann\\n  claim c1: Tea.\\n"))["propositions"]
    1
    """
    kinds = dict.fromkeys(RELATION_KINDS, 0)
    for rel in doc.relations:
        kinds[rel.kind] += 1
    out = {
        "posts": len(doc.posts),
        "authors": len({p.author for p in doc.posts}),
        "propositions": len(doc.propositions),
        "supports": kinds["support"],
        "linked_supports": sum(1 for s in doc.supports if s.linked),
        "rebuttals": kinds["rebuttal"],
        "undercuts": kinds["undercut"],
        "agreements": kinds["agreement"],
        "concessions": kinds["concession"],
        "restatements": kinds["restatement"],
        "quotes": sum(len(p.quotes) for p in doc.posts),
        "replies": sum(1 for p in doc.posts if p.reply_to is not None),
    }
    for kind in Kind:
        out[f"kind_{kind.value}"] = sum(1 for p in doc.propositions if p.kind is kind)
    return out
