"""ChangeMyView threads annotated inline: the XML of the CMV-modes corpus.

``<thread ID>`` holds ``<title>`` (itself a ``<claim>``, the thread's title claim),
``<source>`` (the Reddit URL), ``<OP author>`` and ``<reply id author>`` in thread order; in
their text, ``<claim>`` and ``<premise>`` elements mark the components, with ``type`` (their
semantic type), ``id``, and ``rel``/``ref``: the relation to the component ``ref`` names
(``title``: the title claim), and ``rid``, which joins premises into a linked support.

Each post is a post (the OP's id is the thread's ``ID``), replying to the one before it (a CMV
thread is a chain of replies), with its text as its body (the OP's begins with the title) and
the ``>`` lines that quote an earlier post as quotes.  Each component is a proposition in its
post (the title claim a thesis of the OP) whose text and anchor are its words and whose tag is
its type; the relations go through the relation vocabulary (:mod:`.vocabulary`, :mod:`.threads`).

The XML is read with expat directly, as defusedxml reads it: a DTD, and with it any entity
declaration, is refused, so no entity can expand; what is not well-formed is refused with its
line and column (``X700``).
"""

from __future__ import annotations

import bisect
from typing import Mapping
from xml.parsers import expat

import attrs

from .._model import UNHOLDABLE, Diagnostic, Document, Kind, Metadata, Post, Proposition, unholdable
from .common import Ids, Report, one_line
from .threads import Codes, Named, body_lines, build_relations, quotes_in, tag_of
from .vocabulary import vocabulary

__all__ = ["from_cmv", "looks_like_cmv"]

CODES = Codes(missing="X703", unknown="X704", undercut="X707")
#: components nested deeper than this inside each other are left out: every piece of text goes
#: to each component it is in, so deeper nesting would make reading quadratic
MAX_NESTING = 8
_COMPONENTS = ("claim", "premise")
_POSTS = ("OP", "reply")


@attrs.define
class _Component:
    tag: str
    attributes: dict[str, str]
    line: int
    column: int
    post: int | None  # index into the posts of the post it is in (None: in none)
    in_title: bool
    words: list[str] = attrs.Factory(list)


@attrs.define
class _Post:
    id: str | None
    author: str | None
    line: int
    words: list[str] = attrs.Factory(list)


@attrs.define
class _Thread:
    """What the parse collects, in document order."""

    id: str | None = None
    title: list[str] = attrs.Factory(list)
    source: list[str] = attrs.Factory(list)
    posts: list[_Post] = attrs.Factory(list)
    components: list[_Component] = attrs.Factory(list)


class _Refused(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.line, self.column = line, column


def _parse(text: str, report: Report) -> _Thread:
    """The thread's parts, or a located ``X700`` error."""
    bad = UNHOLDABLE.search(text)
    if bad is not None:  # XML cannot hold them (and expat cannot read a lone surrogate at all)
        line = text.count("\n", 0, bad.start()) + 1
        report.fail("X700", f"not well-formed XML: it holds {unholdable(bad.group())}, which XML cannot hold",
                    line, bad.start() - text.rfind("\n", 0, bad.start()))  # fmt: skip
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    thread = _Thread()
    stack: list[str] = []
    opened: list[int] = []  # the line each element in the stack opens at
    open_components: list[_Component] = []
    deeper = [0]  # how many components nested past MAX_NESTING are open (they are left out)
    open_posts: list[int] = []
    inside = {"title": 0, "source": 0}  # how many such elements are open
    too_deep: list[tuple[int, int]] = []  # where components nested past MAX_NESTING start

    def where() -> tuple[int, int]:
        return parser.CurrentLineNumber, parser.CurrentColumnNumber + 1

    def refuse_dtd(*_: object) -> None:
        raise _Refused("a DTD (<!DOCTYPE …>) is not read: a CMV thread has none, and its entities could "
                       "expand without end", *where())  # fmt: skip

    def start(tag: str, attributes: dict[str, str]) -> None:
        line, column = where()
        if not stack and tag != "thread":
            raise _Refused(f"not a CMV-modes thread: the root element is <{tag}>, not <thread>", line, column)
        stack.append(tag)
        opened.append(line)
        if tag in inside:
            inside[tag] += 1
        if tag == "thread" and len(stack) == 1:
            thread.id = attributes.get("ID") or attributes.get("id")
        elif tag in _POSTS:
            post_id = attributes.get("id") or (thread.id if tag == "OP" else None)
            thread.posts.append(_Post(post_id, attributes.get("author"), line))
            open_posts.append(len(thread.posts) - 1)
        elif tag in _COMPONENTS and len(open_components) >= MAX_NESTING:
            too_deep.append((line, column))
            deeper[0] += 1
        elif tag in _COMPONENTS:
            post = open_posts[-1] if open_posts else None
            component = _Component(tag, dict(attributes), line, column, post, inside["title"] > 0)
            thread.components.append(component)
            open_components.append(component)

    def end(tag: str) -> None:
        stack.pop()
        opened.pop()
        if tag in inside:
            inside[tag] -= 1
        if tag in _POSTS and open_posts:
            open_posts.pop()
        elif tag in _COMPONENTS and deeper[0]:
            deeper[0] -= 1
        elif tag in _COMPONENTS and open_components:
            open_components.pop()

    def data(chars: str) -> None:
        for c in open_components:
            c.words.append(chars)
        if open_posts:
            thread.posts[open_posts[-1]].words.append(chars)
        elif inside["title"]:
            thread.title.append(chars)
        elif inside["source"]:
            thread.source.append(chars)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_dtd
    try:
        parser.Parse(text, True)
    except expat.ExpatError as e:
        still = f" (<{stack[-1]}>, opened on line {opened[-1]}, is still open)" if stack else ""
        report.fail(
            "X700", f"not well-formed XML: {expat.ErrorString(e.code)}{still}", e.lineno, e.offset + 1
        )
    except _Refused as e:
        report.fail("X700", str(e), e.line, e.column)
    outside = [c for c in thread.components if c.post is None and not c.in_title]
    if outside and thread.posts:
        report.warn("X705", f"{len(outside)} claim(s) or premise(s) outside every post are put in the post "
                    "before each (this the first); their words are no anchor",
                    outside[0].line, outside[0].column)  # fmt: skip
    if too_deep:
        report.warn("X708", f"{len(too_deep)} claim(s) or premise(s) nested more than {MAX_NESTING} deep in "
                    "others are left out (this the first)", *too_deep[0])  # fmt: skip
    return thread


def from_cmv(
    text: str, *, path: str | None = None, relation_map: Mapping[str, str] | None = None
) -> tuple[Document, list[Diagnostic]]:
    """Read one CMV-modes thread (XML); return the document and warnings.

    ``relation_map`` extends the relation vocabulary (name -> argmap kind).
    """
    report = Report(path)
    vocab = vocabulary(relation_map)
    thread = _parse(text.lstrip("\ufeff"), report)
    title = one_line("".join(thread.title)) or None
    post_ids, posts = Ids("post"), list[Post]()
    for i, p in enumerate(thread.posts):
        raw_id = p.id.strip() if p.id and p.id.strip() else f"{'OP' if i == 0 else 'reply'}-{i}"
        if p.id is None or not p.id.strip():
            report.warn("X705", f"a post without an id is called {post_ids.base(raw_id)}", p.line)
        author = one_line(p.author)
        if not author:
            report.warn("X705", "a post without an author is by 'unknown'", p.line)
        lines = body_lines("".join(p.words))
        if i == 0 and title:
            lines = [title, "", *lines]
        reply_to = posts[-1].id if posts else None
        posts.append(Post(post_ids.fresh(raw_id), author or "unknown", reply_to=reply_to, body=lines,
                          quotes=quotes_in(lines, posts)))  # fmt: skip
    ids = Ids("c")
    post_lines = [p.line for p in thread.posts]  # where each post starts, in order
    props: dict[str, Proposition] = {}
    named: list[Named] = []
    for c in thread.components:
        raw = (c.attributes.get("id") or "").strip() or (
            "title" if c.in_title and "title" not in props else ""
        )
        pid = ids.get(raw) if raw and raw not in props else ids.fresh(raw or c.tag)
        if raw in props:
            report.warn(
                "X706", f"component id {raw} is used twice; the second is called {pid}", c.line, c.column
            )
        if not raw or raw in props:  # a key no relation names
            raw = f"{raw or c.tag}@{c.line}:{c.column}"
        words = one_line("".join(c.words))
        kind = Kind.THESIS if c.in_title else vocab.kind(c.tag) or Kind.CLAIM
        tags = [tag_of(c.attributes["type"])] if c.attributes.get("type", "").strip() else []
        post, anchor = _post_of(c, post_lines, posts, report), words or None
        if c.post is None and not c.in_title:
            anchor = None  # its words are in no post's text
        props[raw] = Proposition(pid, words, kind, anchor, tags, post=post)
        rel, ref = (c.attributes.get("rel") or "").strip(), (c.attributes.get("ref") or "").strip()
        if rel and ref:
            rid = (c.attributes.get("rid") or "").strip()
            group = f"{c.post}/{rid}" if rid else None
            named.append(Named(f"the relation of {raw}", rel, raw, ref, f"s{raw}", c.line, c.column, group,
                               attack_key=f"r{raw}"))  # fmt: skip
        elif rel or ref:
            report.warn("X703", f"component {raw} has {'rel' if rel else 'ref'} without "
                        f"{'ref' if rel else 'rel'}; its relation is left out", c.line, c.column)  # fmt: skip
    built = build_relations(props, named, vocab, report, CODES, ids, {p.id: p.author for p in posts})
    propositions = [
        attrs.evolve(p, tags=dict.fromkeys([*p.tags, *built.tags[key]])) if key in built.tags else p
        for key, p in props.items()
    ]
    source = one_line("".join(thread.source)) or None
    doc = Document(Metadata(title=title, source=source), posts, propositions, built.relations, path=path)
    return doc, report.finish()


def _post_of(c: _Component, post_lines: list[int], posts: list[Post], report: Report) -> str | None:
    """The id of the post a component belongs to: the post it is in; the title claim's is the OP's;
    one outside every post belongs to the post before it (else the OP), with a warning."""
    if c.post is not None:
        return posts[c.post].id
    if not posts:
        return None
    before = bisect.bisect_right(post_lines, c.line) - 1
    return posts[before if before >= 0 and not c.in_title else 0].id


def looks_like_cmv(text: str) -> bool:
    """Whether ``text`` is XML whose root element is ``<thread>`` (what :func:`from_cmv` reads)."""
    import re

    head = text[:4096].lstrip("\ufeff")
    return re.match(r"\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<thread[\s>/]", head, re.DOTALL) is not None


def read(
    text: str, path: str | None = None, *, relation_map: Mapping[str, str] | None = None
) -> tuple[Document, list[Diagnostic]]:
    """The format registry's reader: :func:`from_cmv`."""
    return from_cmv(text, path=path, relation_map=relation_map)
