"""A big map in parts: its separate discussions (connected parts), gathered into parts of at most
a few thousand propositions that Graphviz lays out one by one.

Why: dot lays out each connected component of a graph on its own, but Graphviz 2.43 spends time
in proportion to the whole graph for every one of them, and packs them with a method that grows
faster still, so a 20,000-proposition map of 3,600 small discussions took minutes; in parts of
at most LARGE_MAP propositions it takes seconds (benchmarks/bench_render.py guards this)."""

from __future__ import annotations

from typing import Iterable

from .._model import Document, Undercut, relation_sources, relation_target

__all__ = ["discussions", "gather"]


def discussions(doc: Document, keep: Iterable[str], together: str = "none") -> list[list[str]]:
    """The ids in ``keep``, in groups that no drawn relation joins to one another (largest group
    first, each in document order).  ``together`` = ``post`` or ``author`` also keeps each
    post's or author's propositions in one group, as a map clustered that way draws them."""
    kept = set(keep)
    parent = {pid: pid for pid in kept}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = x = parent[parent[x]]
        return x

    def join(ends: Iterable[str]) -> None:
        drawn = [e for e in ends if e in kept]
        for e in drawn[1:]:
            parent[root(e)] = root(drawn[0])

    for r in doc.relations:
        ends = [*relation_sources(r), relation_target(r)]
        if isinstance(r, Undercut):  # drawn onto the inference's junction, between its ends
            ends = [*relation_sources(r), *doc.inference_ends(r.target)]
        join(ends)
    if together != "none":
        author = {p.id: p.author for p in doc.posts}
        by: dict[str, list[str]] = {}
        for p in doc.propositions:
            if p.id in kept and p.post is not None:
                by.setdefault(p.post if together == "post" else author.get(p.post, p.post), []).append(p.id)
        for ids in by.values():
            join(ids)
    groups: dict[str, list[str]] = {}
    for p in doc.propositions:
        if p.id in kept and p.id not in groups.get(root(p.id), ()):
            groups.setdefault(root(p.id), []).append(p.id)
    return sorted(groups.values(), key=len, reverse=True)


def gather(groups: list[list[str]], limit: int) -> list[list[str]]:
    """Groups gathered into parts of at most ``limit`` ids (first fit, largest first, so the
    largest discussion opens the first part); a group larger than ``limit`` is a part alone."""
    parts: list[list[str]] = []
    for g in sorted(groups, key=len, reverse=True):
        for part in parts:
            if len(part) + len(g) <= limit:
                part.extend(g)
                break
        else:
            parts.append(list(g))
    return parts
