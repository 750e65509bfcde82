"""Defect injectors: turn a well-formed document into one with a single known defect.

Used by :func:`argmap.strategies.defective_documents`; each injector takes
Hypothesis' ``draw`` and a document and returns the damaged document.
"""

from __future__ import annotations

from typing import Callable, Iterable

import attrs
from hypothesis import strategies as st

from .._model import Document, Post, Proposition, Quote, Rebuttal, Relation, Support, Undercut


def _new_ids(doc: Document, n: int) -> list[str]:
    used = {p.id for p in doc.propositions} | {s.id for s in doc.supports} | {p.id for p in doc.posts}
    out: list[str] = []
    i = 0
    while len(out) < n:
        i += 1
        if f"x{i}" not in used:
            out.append(f"x{i}")
    return out


def _with(
    doc: Document,
    props: Iterable[Proposition] = (),
    rels: Iterable[Relation] = (),
    posts: Iterable[Post] | None = None,
) -> Document:
    """Add items that belong to no post (they come first, so order stays canonical)."""
    return attrs.evolve(
        doc,
        posts=doc.posts if posts is None else posts,
        propositions=tuple(props) + doc.propositions,
        relations=tuple(rels) + doc.relations,
    )


def _two_new(doc: Document) -> tuple[str, str, list[Proposition]]:
    x, y = _new_ids(doc, 2)
    return x, y, [Proposition(x, f"claim {x}"), Proposition(y, f"claim {y}")]


def _dup_id(draw: st.DrawFn, doc: Document) -> Document:
    x, y, props = _two_new(doc)
    return _with(doc, props + [Proposition(x, "the same id again")], [Support(_new_ids(doc, 3)[2], [y], x)])


def _unknown_proposition(draw: st.DrawFn, doc: Document) -> Document:
    x, y, props = _two_new(doc)
    return _with(doc, props, [Support(_new_ids(doc, 3)[2], [y], x), Rebuttal(y, "nowhere-" + x)])


def _unknown_post(draw: st.DrawFn, doc: Document) -> Document:
    post = doc.posts[-1]
    posts = doc.posts[:-1] + (attrs.evolve(post, reply_to="nowhere-1"),)
    return attrs.evolve(doc, posts=posts)


def _unknown_support(draw: st.DrawFn, doc: Document) -> Document:
    x, y, props = _two_new(doc)
    return _with(doc, props, [Support(_new_ids(doc, 3)[2], [y], x), Undercut(x, "nowhere-s")])


def _undercut_proposition(draw: st.DrawFn, doc: Document) -> Document:
    x, y, props = _two_new(doc)
    return _with(doc, props, [Support(_new_ids(doc, 3)[2], [y], x), Undercut(y, x)])


def _self_support(draw: st.DrawFn, doc: Document) -> Document:
    x, y, props = _two_new(doc)
    return _with(doc, props, [Support(_new_ids(doc, 3)[2], [y, x], x)])


def _self_rebuttal(draw: st.DrawFn, doc: Document) -> Document:
    x, y, props = _two_new(doc)
    return _with(doc, props, [Support(_new_ids(doc, 3)[2], [y], x), Rebuttal(x, x)])


def _circular(draw: st.DrawFn, doc: Document) -> Document:
    x, y, props = _two_new(doc)
    s1, s2 = _new_ids(doc, 4)[2:]
    return _with(doc, props, [Support(s1, [y], x), Support(s2, [x], y)])


def _support_and_rebut(draw: st.DrawFn, doc: Document) -> Document:
    x, y, props = _two_new(doc)
    return _with(doc, props, [Support(_new_ids(doc, 3)[2], [y], x), Rebuttal(y, x)])


def _reply_later(draw: st.DrawFn, doc: Document) -> Document:
    first, last = doc.posts[0], doc.posts[-1]
    return attrs.evolve(doc, posts=(attrs.evolve(first, reply_to=last.id),) + doc.posts[1:])


def _quote_later(draw: st.DrawFn, doc: Document) -> Document:
    doc = _set_body(doc, doc.posts[-1].id, "alpha beta gamma")
    first = doc.posts[0]
    quote = Quote(doc.posts[-1].id, "beta")
    return attrs.evolve(doc, posts=(attrs.evolve(first, quotes=first.quotes + (quote,)),) + doc.posts[1:])


def _set_body(doc: Document, post_id: str, body: str) -> Document:
    """Give a post a new text, keeping the rest faithful: its anchors go, quotes of it quote the new text."""
    posts: list[Post] = []
    for p in doc.posts:
        if p.id == post_id:
            p = attrs.evolve(p, body=(body,))
        quotes = tuple(Quote(q.source, body) if q.source == post_id else q for q in p.quotes)
        posts.append(attrs.evolve(p, quotes=quotes))
    props = [attrs.evolve(p, anchor=None) if p.post == post_id else p for p in doc.propositions]
    return attrs.evolve(doc, posts=posts, propositions=props)


def _quote_not_in_source(draw: st.DrawFn, doc: Document) -> Document:
    doc = _set_body(doc, doc.posts[0].id, "alpha beta gamma")
    last = doc.posts[-1]
    last = attrs.evolve(last, quotes=last.quotes + (Quote(doc.posts[0].id, "omega psi"),))
    return attrs.evolve(doc, posts=doc.posts[:-1] + (last,))


def _anchor_not_in_post(draw: st.DrawFn, doc: Document) -> Document:
    post = doc.posts[-1]
    doc = _set_body(doc, post.id, "alpha beta gamma")
    (x,) = _new_ids(doc, 1)
    extra = Proposition(x, f"claim {x}", anchor="omega psi", post=post.id)
    return attrs.evolve(doc, propositions=doc.propositions + (extra,))


def _repeated_premise(draw: st.DrawFn, doc: Document) -> Document:
    x, y, props = _two_new(doc)
    return _with(doc, props, [Support(_new_ids(doc, 3)[2], [y, y], x)])


def _duplicate_relation(draw: st.DrawFn, doc: Document) -> Document:
    x, y, props = _two_new(doc)
    return _with(doc, props, [Rebuttal(y, x), Rebuttal(y, x)])


def _orphan(draw: st.DrawFn, doc: Document) -> Document:
    (x,) = _new_ids(doc, 1)
    return _with(doc, [Proposition(x, f"lonely {x}")])


def _empty_text(draw: st.DrawFn, doc: Document) -> Document:
    x, y, props = _two_new(doc)
    props[0] = attrs.evolve(props[0], text="")
    return _with(doc, props, [Support(_new_ids(doc, 3)[2], [y], x)])


#: Defects :func:`defective_documents` can inject, by the checker code that reports them.
DEFECTS: dict[str, Callable[[st.DrawFn, Document], Document]] = {
    "R001": _dup_id,
    "R002": _unknown_proposition,
    "R003": _unknown_post,
    "R004": _unknown_support,
    "R005": _undercut_proposition,
    "S101": _self_support,
    "S102": _self_rebuttal,
    "S103": _circular,
    "S104": _support_and_rebut,
    "D101": _reply_later,
    "D102": _quote_later,
    "D103": _quote_not_in_source,
    "D104": _anchor_not_in_post,
    "S105": _repeated_premise,
    "S107": _duplicate_relation,
    "M101": _orphan,
    "T101": _empty_text,
}
