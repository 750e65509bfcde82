"""argmap JSON: a versioned JSON form of a Document, with a JSON Schema in the package.

Lossless: comments and source spans are kept, so text → JSON → text gives the
same text for any canonically formatted file.  Optional fields are left out
when empty.
"""

from __future__ import annotations

import functools
import json
from json.encoder import encode_basestring as _str  # the C encoder where Python has it
from typing import Any, Callable, Iterable, NoReturn

from .._model import (
    Agreement,
    Concession,
    Diagnostic,
    Document,
    Kind,
    Metadata,
    ParseError,
    Post,
    Proposition,
    Quote,
    Rebuttal,
    Relation,
    Restatement,
    Severity,
    Span,
    Support,
    Undercut,
    Voice,
    without_gc,
)
from .common import Report, brief, load_json
from .valid import checker

__all__ = ["SCHEMA_VERSION", "from_json", "to_dict", "to_json"]

#: the version written; versions 1 (before named and linked attacks) and 2 (before voices) read too
SCHEMA_VERSION = 3
_READS = (1, 2, 3)


@functools.cache
def schema() -> dict[str, Any]:
    """The argmap JSON Schema shipped in the package (read once)."""
    from importlib import resources

    text = resources.files("argmap").joinpath("schemas", "argmap.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


# The writer builds the text directly (no intermediate dicts): it is the
# export path for maps of tens of thousands of items.  Strings go through the
# json module's own C string encoder; everything else is an int (spans), a
# fixed key, or goes through the full encoder.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def _strs(values: Iterable[str]) -> str:
    return "[" + ", ".join(map(_str, values)) + "]"


def _span_text(s: Span) -> str:
    a, b, c, d = s
    if type(a) is int and type(b) is int and type(c) is int and type(d) is int:
        return f"[{a}, {b}, {c}, {d}]"
    return _ENCODE(list(s))


def _close(obj: Post | Quote | Proposition | Relation) -> str:
    """The keys every item may end with (post, span, comments), and the closing brace."""
    out = ""
    post = getattr(obj, "post", None)
    if post is not None:
        out = f', "post": {_str(post)}'
    if obj.span is not None:
        out += f', "span": {_span_text(obj.span)}'
    if obj.comments:
        out += f', "comments": {_strs(obj.comments)}'
    return out + "}"


def _post(p: Post) -> str:
    out = f'{{"id": {_str(p.id)}, "author": {_str(p.author)}'
    if p.timestamp is not None:
        out += f', "timestamp": {_str(p.timestamp)}'
    if p.reply_to is not None:
        out += f', "reply_to": {_str(p.reply_to)}'
    if p.quotes:
        quotes = (f'{{"source": {_str(q.source)}, "text": {_str(q.text)}{_close(q)}' for q in p.quotes)
        out += f', "quotes": [{", ".join(quotes)}]'
    if p.body is not None:
        out += f', "body": {_strs(p.body)}'
    return out + _close(p)


def _proposition(p: Proposition, claim: Kind = Kind.CLAIM) -> str:
    out = f'{{"id": {_str(p.id)}, "text": {_str(p.text)}'
    if p.kind is not claim:
        out += f', "kind": {_str(p.kind.value)}'
    if p.anchor is not None:
        out += f', "anchor": {_str(p.anchor)}'
    if p.tags:
        out += f', "tags": {_strs(p.tags)}'
    if p.base is not None:
        out += f', "base": {_ENCODE(p.base)}'
    if p.voice is not Voice.OWN:  # own, the default, is left out
        out += f', "voice": {_str(p.voice.value)}'
        if p.reported_by is not None:
            out += f', "reported_by": {_str(p.reported_by)}'
    return out + _close(p)


def _relation(r: Relation) -> str:
    if isinstance(r, Support):
        out = f'{{"type": "support", "id": {_str(r.id)}, "premises": {_strs(r.premises)}, "conclusion": {_str(r.conclusion)}'
        if r.scheme is not None:
            out += f', "scheme": {_str(r.scheme)}'
    elif isinstance(r, (Rebuttal, Undercut)):
        out = f'{{"type": "{r.kind}"'
        if r.id is not None:
            out += f', "id": {_str(r.id)}'
        out += f', "attacker": {_str(r.attacker)}'
        if r.partners:
            out += f', "partners": {_strs(r.partners)}'
        out += f', "target": {_str(r.target)}'
    elif isinstance(r, Restatement):
        out = f'{{"type": "restatement", "source": {_str(r.source)}, "target": {_str(r.target)}'
    else:
        out = f'{{"type": "{r.kind}", "target": {_str(r.target)}'
    return out + _close(r)


def _head(doc: Document) -> dict[str, Any]:
    m = doc.metadata
    meta = {
        key: getattr(m, key) for key in ("title", "source", "date", "language") if getattr(m, key) is not None
    }
    if m.ignore:
        meta["ignore"] = list(m.ignore)
    data: dict[str, Any] = {"format": "argmap", "version": SCHEMA_VERSION}
    if meta:
        data["metadata"] = meta
    if doc.comments:
        data["comments"] = list(doc.comments)
    if doc.trailing_comments:
        data["trailing_comments"] = list(doc.trailing_comments)
    return data


@without_gc
def to_json(doc: Document) -> str:
    """``doc`` as argmap JSON text: UTF-8, keys in a fixed order, one post, proposition or relation per line.

    >>> import argmap
    >>> print(to_json(argmap.parse("claim c1: Tea.")), end="")
    {"format": "argmap", "version": 3,
     "posts": [],
     "propositions": [
      {"id": "c1", "text": "Tea.", "span": [1, 1, 1, 15]}
     ],
     "relations": []
    }
    """
    out = [_ENCODE(_head(doc))[:-1] + ","]
    # each list with its writer (the pairing is beyond a type: Any)
    lists: tuple[tuple[str, tuple[Any, ...], Callable[[Any], str]], ...]
    lists = (("posts", doc.posts, _post), ("propositions", doc.propositions, _proposition),
             ("relations", doc.relations, _relation))  # fmt: skip
    for key, items, write in lists:
        end = "" if key == "relations" else ","
        if items:
            out.append(f' "{key}": [\n  ' + ",\n  ".join(map(write, items)) + f"\n ]{end}")
        else:
            out.append(f' "{key}": []{end}')
    return "\n".join(out) + "\n}\n"


def to_dict(doc: Document) -> dict[str, Any]:
    """The JSON-ready dict of ``doc`` (what :func:`to_json` writes)."""
    data: dict[str, Any] = json.loads(to_json(doc))
    return data


def _span(d: dict[str, Any]) -> Span | None:
    s = d.get("span")
    return Span(*s) if s else None


def _kw(d: dict[str, Any]) -> dict[str, Any]:
    return {"span": _span(d), "comments": d.get("comments", ())}


def _attack(d: dict[str, Any]) -> dict[str, Any]:
    return {"id": d.get("id"), "partners": d.get("partners", ())}


_RELATIONS: dict[str, Callable[[dict[str, Any]], Relation]] = {
    "rebuttal": lambda d: Rebuttal(d["attacker"], d["target"], d.get("post"), **_kw(d), **_attack(d)),
    "undercut": lambda d: Undercut(d["attacker"], d["target"], d.get("post"), **_kw(d), **_attack(d)),
    "agreement": lambda d: Agreement(d["target"], d.get("post"), **_kw(d)),
    "concession": lambda d: Concession(d["target"], d.get("post"), **_kw(d)),
    "restatement": lambda d: Restatement(d["source"], d["target"], d.get("post"), **_kw(d)),
    "support": lambda d: Support(
        d["id"], d["premises"], d["conclusion"], d.get("scheme"), d.get("post"), **_kw(d)
    ),
}


def _fail(
    path: str | None, message: str, line: int | None = None, column: int = 1, code: str = "J001"
) -> NoReturn:
    span = Span(line, column, line, column + 1) if line else None
    raise ParseError([Diagnostic(code, Severity.ERROR, message, span, path)])


def from_json(text: str, *, path: str | None = None) -> Document:
    """Read argmap JSON.

    Raises:
        ParseError: not JSON (J001, with line and column; also JSON nested too
            deeply or holding an integer too long for Python), not argmap JSON of
            a known version (J002, with the JSON path of the problem), or with
            unknown or duplicate ids (R001–R005, as for the text language).
    """
    data = load_json(text, Report(path))  # json.loads, with its failures located
    if isinstance(data, dict) and data.get("format") == "argmap" and data.get("version") not in _READS:
        _fail(
            path,
            f"argmap JSON version {brief(data.get('version'))} is not supported "
            f"(this argmap reads versions {', '.join(map(str, _READS[:-1]))} and {_READS[-1]})",
            code="J002",
        )
    if not _plainly_valid()(data):  # then jsonschema says what is wrong, and where
        _explain(data, path)
    try:
        doc = _build(data, path)
    except (ValueError, TypeError) as e:  # a model rule the schema does not spell out
        _fail(path, f"not a valid argmap document: {e}", code="J002")
    from .._model import reference_diagnostics

    problems = reference_diagnostics(doc)
    if problems:
        raise ParseError(problems)
    return doc


@functools.cache
def _plainly_valid() -> Callable[[Any], bool]:
    return checker(schema())


#: argmap JSON nests arrays and objects this deep at most (document, posts, post, quotes, quote,
#: comments); jsonschema would recurse into deeper data, and write it out in its messages
_DEEPEST = 6
#: the longest message jsonschema gives that is shown whole (it writes out the value it refuses)
_LONGEST = 300


def _explain(data: Any, path: str | None) -> None:
    """Raise J002 with jsonschema's located errors, if it finds any."""
    import jsonschema

    too_deep = _too_deep(data)
    if too_deep is not None:
        _fail(path, f"at {_where(too_deep)}: nested deeper than argmap JSON ever is "
                    f"({_DEEPEST} levels of arrays and objects)", code="J002")  # fmt: skip
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    # "unevaluated property" is only a consequence of another error at the same place
    real = {tuple(e.absolute_path) for e in errors if e.validator != "unevaluatedProperties"}
    errors = [
        e for e in errors if e.validator != "unevaluatedProperties" or tuple(e.absolute_path) not in real
    ]
    if errors:
        diags = [
            Diagnostic(
                "J002", Severity.ERROR, f"at {_where(e.absolute_path)}: {_short(e.message)}", None, path
            )
            for e in errors[:20]
        ]
        raise ParseError(diags)


def _short(message: str) -> str:
    return message if len(message) <= _LONGEST else message[: _LONGEST - 1] + "…"


def _too_deep(data: Any) -> list[str | int] | None:
    """The JSON path of an array or object nested past :data:`_DEEPEST`, or None
    (found without recursion: the data may be nested as deeply as the JSON parser allows)."""
    stack: list[tuple[Any, list[str | int]]] = [(data, [])]
    while stack:
        value, where = stack.pop()
        if len(where) >= _DEEPEST:
            return where
        items = (
            value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        )
        for key, child in items:
            if isinstance(child, (dict, list)):
                stack.append((child, [*where, key]))
    return None


def _build(data: dict[str, Any], path: str | None) -> Document:
    meta = Metadata(**data.get("metadata", {}))
    posts = [
        Post(
            p["id"],
            p["author"],
            p.get("timestamp"),
            p.get("reply_to"),
            [Quote(q["source"], q["text"], **_kw(q)) for q in p.get("quotes", ())],
            p.get("body"),
            **_kw(p),
        )  # fmt: skip
        for p in data.get("posts", ())
    ]
    props = [
        Proposition(
            p["id"],
            p["text"],
            Kind(p.get("kind", "claim")),
            p.get("anchor"),
            p.get("tags", ()),
            p.get("base"),
            p.get("post"),
            **_kw(p),
            voice=Voice(p.get("voice", "own")),
            reported_by=p.get("reported_by"),
        )  # fmt: skip
        for p in data.get("propositions", ())
    ]
    rels = [_RELATIONS[r["type"]](r) for r in data.get("relations", ())]
    return Document(
        meta, posts, props, rels, path=path,
        comments=data.get("comments", ()), trailing_comments=data.get("trailing_comments", ()),
    )  # fmt: skip


def _where(path: Iterable[str | int]) -> str:
    parts = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
    return "$" + parts
