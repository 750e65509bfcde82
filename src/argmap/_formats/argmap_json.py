"""argmap JSON: a versioned JSON form of a Document, with a JSON Schema in the package.

Lossless: comments and source spans are kept, so text → JSON → text gives the
same text for any canonically formatted file.  Optional fields are left out
when empty.
"""

from __future__ import annotations

import functools
import json

from .._errors import Diagnostic, ParseError, Severity
from .._gc import without_gc
from .._model import (
    Agreement,
    Concession,
    Document,
    Kind,
    Metadata,
    Post,
    Proposition,
    Quote,
    Rebuttal,
    Restatement,
    Span,
    Support,
    Undercut,
)

__all__ = ["SCHEMA_VERSION", "from_json", "to_dict", "to_json"]

SCHEMA_VERSION = 1


@functools.cache
def schema() -> dict:
    from importlib import resources

    text = resources.files("argmap").joinpath("schemas", "argmap.schema.json").read_text("utf-8")
    return json.loads(text)


def _put(out: dict, key: str, value) -> None:
    if value is not None and value != () and value != []:
        out[key] = list(value) if isinstance(value, tuple) else value


def _common(out: dict, obj) -> dict:
    post = getattr(obj, "post", None)
    if post is not None:
        out["post"] = post
    if obj.span is not None:
        out["span"] = list(obj.span)
    if obj.comments:
        out["comments"] = list(obj.comments)
    return out


def _relation(r) -> dict:
    if isinstance(r, Support):
        out = {"type": "support", "id": r.id, "premises": list(r.premises), "conclusion": r.conclusion}
        _put(out, "scheme", r.scheme)
    elif isinstance(r, (Rebuttal, Undercut)):
        out = {"type": r.kind, "attacker": r.attacker, "target": r.target}
    elif isinstance(r, Restatement):
        out = {"type": "restatement", "source": r.source, "target": r.target}
    else:
        out = {"type": r.kind, "target": r.target}
    return _common(out, r)


def to_dict(doc: Document) -> dict:
    """The JSON-ready dict of ``doc``."""
    m = doc.metadata
    meta: dict = {}
    for key in ("title", "source", "date", "language", "ignore"):
        _put(meta, key, getattr(m, key))
    posts = []
    for p in doc.posts:
        out: dict = {"id": p.id, "author": p.author}
        _put(out, "timestamp", p.timestamp)
        _put(out, "reply_to", p.reply_to)
        _put(out, "quotes", [_common({"source": q.source, "text": q.text}, q) for q in p.quotes])
        if p.body is not None:
            out["body"] = list(p.body)
        posts.append(_common(out, p))
    props = []
    claim = Kind.CLAIM
    for p in doc.propositions:  # the longest list: written out by hand
        out = {"id": p.id, "text": p.text}
        if p.kind is not claim:
            out["kind"] = p.kind.value
        if p.anchor is not None:
            out["anchor"] = p.anchor
        if p.tags:
            out["tags"] = list(p.tags)
        if p.base is not None:
            out["base"] = p.base
        props.append(_common(out, p))
    data: dict = {"format": "argmap", "version": SCHEMA_VERSION}
    _put(data, "metadata", meta or None)
    _put(data, "comments", doc.comments)
    _put(data, "trailing_comments", doc.trailing_comments)
    data["posts"] = posts
    data["propositions"] = props
    data["relations"] = [_relation(r) for r in doc.relations]
    return data


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # the C encoder (indent= would use the Python one)

# Each long list is encoded in one call, with this marker string between its
# items.  The encoder writes "\x00" as "\u0000", and a raw '"' only where a
# string starts or ends, so ``}, "\u0000", {`` can only be a marker between two
# items: a nested list of strings has no '}' before a string, nor '{' after.
_MARK = "\x00"
_BETWEEN = '}, "\\u0000", {'


def _lines(items: list) -> str:
    """``items`` (dicts) as JSON, one per line."""
    spaced = [_MARK] * (2 * len(items) - 1)
    spaced[::2] = items
    return "  " + _ENCODE(spaced)[1:-1].replace(_BETWEEN, "},\n  {")


@without_gc
def to_json(doc: Document) -> str:
    """``doc`` as argmap JSON text: UTF-8, keys in a fixed order, one post, proposition or relation per line.

    >>> import argmap
    >>> print(to_json(argmap.parse("claim c1: Tea.")), end="")
    {"format": "argmap", "version": 1,
     "posts": [],
     "propositions": [
      {"id": "c1", "text": "Tea.", "span": [1, 1, 1, 15]}
     ],
     "relations": []
    }
    """
    data = to_dict(doc)
    head = {k: v for k, v in data.items() if k not in _LISTS}
    out = [_ENCODE(head)[:-1] + ","]
    for i, key in enumerate(_LISTS):
        items = data[key]
        end = "" if i == len(_LISTS) - 1 else ","
        if not items:
            out.append(f' "{key}": []{end}')
            continue
        out.append(f' "{key}": [')
        out.append(_lines(items))
        out.append(f" ]{end}")
    return "\n".join(out) + "\n}\n"


_LISTS = ("posts", "propositions", "relations")


def _span(d: dict) -> Span | None:
    s = d.get("span")
    return Span(*s) if s else None


def _kw(d: dict) -> dict:
    return {"span": _span(d), "comments": d.get("comments", ())}


_RELATIONS = {
    "rebuttal": lambda d: Rebuttal(d["attacker"], d["target"], d.get("post"), **_kw(d)),
    "undercut": lambda d: Undercut(d["attacker"], d["target"], d.get("post"), **_kw(d)),
    "agreement": lambda d: Agreement(d["target"], d.get("post"), **_kw(d)),
    "concession": lambda d: Concession(d["target"], d.get("post"), **_kw(d)),
    "restatement": lambda d: Restatement(d["source"], d["target"], d.get("post"), **_kw(d)),
    "support": lambda d: Support(
        d["id"], d["premises"], d["conclusion"], d.get("scheme"), d.get("post"), **_kw(d)
    ),
}


def _fail(path, message, line=None, column=None, code="J001"):
    span = Span(line, column, line, column + 1) if line else None
    raise ParseError([Diagnostic(code, Severity.ERROR, message, span, path)])


def from_json(text: str, *, path: str | None = None) -> Document:
    """Read argmap JSON.

    Raises:
        ParseError: not JSON (J001, with line and column), not argmap JSON of a
            known version (J002, with the JSON path of the problem), or with
            unknown or duplicate ids (R001–R005, as for the text language).
    """
    import jsonschema

    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        _fail(path, f"not valid JSON: {e.msg}", e.lineno, e.colno)
    if isinstance(data, dict) and data.get("format") == "argmap" and data.get("version") != SCHEMA_VERSION:
        _fail(
            path,
            f"argmap JSON version {data.get('version')!r} is not supported (this argmap reads {SCHEMA_VERSION})",
            code="J002",
        )
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    # "unevaluated property" is only a consequence of another error at the same place
    real = {tuple(e.absolute_path) for e in errors if e.validator != "unevaluatedProperties"}
    errors = [
        e for e in errors if e.validator != "unevaluatedProperties" or tuple(e.absolute_path) not in real
    ]
    if errors:
        diags = [
            Diagnostic("J002", Severity.ERROR, f"at {_where(e.absolute_path)}: {e.message}", None, path)
            for e in errors[:20]
        ]
        raise ParseError(diags)
    try:
        doc = _build(data, path)
    except (ValueError, TypeError) as e:  # a model rule the schema does not spell out
        _fail(path, f"not a valid argmap document: {e}", code="J002")
    from .._rules import reference_diagnostics

    problems = reference_diagnostics(doc)
    if problems:
        raise ParseError(problems)
    return doc


def _build(data: dict, path) -> Document:
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
        )  # fmt: skip
        for p in data.get("propositions", ())
    ]
    rels = [_RELATIONS[r["type"]](r) for r in data.get("relations", ())]
    return Document(
        meta, posts, props, rels, path=path,
        comments=data.get("comments", ()), trailing_comments=data.get("trailing_comments", ()),
    )  # fmt: skip


def _where(path) -> str:
    parts = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
    return "$" + parts
