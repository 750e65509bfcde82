"""A fast yes-or-no check of data against the argmap JSON Schema.

jsonschema evaluates hundreds of keywords per post, proposition and relation:
a map of 10,000 propositions took it about 4 s.  This walks the data once,
with the patterns, enums and property names taken from the schema itself, and
only says whether the data is valid; when it is not, :func:`from_json` asks
jsonschema which parts are wrong and where.  It may refuse more than the
schema (JSON Schema's ``1.0`` as an integer, say: jsonschema then has the last
word), never less; tests/convert/test_argmap_json.py checks it against
jsonschema on generated and mutated documents.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Callable

__all__ = ["checker"]


def checker(schema: dict[str, Any]) -> Callable[[Any], bool]:
    """A function that tells whether parsed JSON satisfies ``schema``, the argmap JSON Schema."""
    d = schema["$defs"]
    search = {name: re.compile(d[name]["pattern"]).search for name in ("id", "line", "word")}
    search["comment"] = re.compile(d["comments"]["items"]["pattern"]).search
    post_props, prop_props = d["post"]["properties"], d["proposition"]["properties"]
    author = re.compile(post_props["author"]["pattern"]).search
    body_line = re.compile(post_props["body"]["items"]["pattern"]).search
    quote_props = post_props["quotes"]["items"]["properties"]
    kinds = frozenset(prop_props["kind"]["enum"])
    voices = frozenset(prop_props["voice"]["enum"])
    reported = d["proposition"]["dependentSchemas"]["reported_by"]["properties"]["voice"]["const"]
    relation_types = frozenset(d["relation"]["properties"]["type"]["enum"])
    common = frozenset(d["relation"]["properties"])  # type, post, span, comments
    top = frozenset(schema["properties"])
    versions = frozenset(schema["properties"]["version"]["enum"])
    meta = frozenset(schema["properties"]["metadata"]["properties"])

    def string(value: Any, kind: str) -> bool:
        return type(value) is str and search[kind](value) is not None

    def strings(value: Any, kind: str | None = None) -> bool:
        return type(value) is list and all(
            type(v) is str and (kind is None or search[kind](v) is not None) for v in value
        )

    def span(value: Any) -> bool:
        return type(value) is list and len(value) == 4 and all(type(v) is int and v >= 1 for v in value)

    def common_ok(obj: Any) -> bool:  # the optional span and comments every item may have
        return ("span" not in obj or span(obj["span"])) and (
            "comments" not in obj or strings(obj["comments"], "comment")
        )

    def quote(q: Any) -> bool:
        return (type(q) is dict and q.keys() <= quote_props.keys() and string(q.get("source"), "id")
                and string(q.get("text"), "line") and common_ok(q))  # fmt: skip

    def post(p: Any) -> bool:
        if type(p) is not dict or not p.keys() <= post_props.keys() or not string(p.get("id"), "id"):
            return False
        a = p.get("author")
        if type(a) is not str or author(a) is None:
            return False
        for key, kind in (("timestamp", "line"), ("reply_to", "id")):
            if key in p and not string(p[key], kind):
                return False
        if "quotes" in p and not (type(p["quotes"]) is list and all(map(quote, p["quotes"]))):
            return False
        body = p.get("body", [])
        if type(body) is not list or not all(type(b) is str and body_line(b) is not None for b in body):
            return False
        return common_ok(p)

    def proposition(p: Any) -> bool:
        if type(p) is not dict or not p.keys() <= prop_props.keys():
            return False
        if not string(p.get("id"), "id") or not string(p.get("text"), "line"):
            return False
        if "kind" in p and not (type(p["kind"]) is str and p["kind"] in kinds):
            return False
        for key, kind in (("anchor", "line"), ("post", "id")):
            if key in p and not string(p[key], kind):
                return False
        if "tags" in p and not strings(p["tags"], "word"):
            return False
        if "voice" in p and not (type(p["voice"]) is str and p["voice"] in voices):
            return False
        if "reported_by" in p and not (p.get("voice") == reported and string(p["reported_by"], "line")
                                       and p["reported_by"]):  # fmt: skip
            return False
        if "base" in p:
            b = p["base"]
            if type(b) not in (int, float) or not 0 <= b <= 1:
                return False
        return common_ok(p)

    ids = functools.partial(string, kind="id")

    def partners(v: Any) -> bool:
        return type(v) is list and len(v) >= 1 and all(map(ids, v))

    # per relation type: its own properties (besides type, post, span, comments), each required
    # unless listed as optional, with its check
    own: dict[str, tuple[dict[str, Callable[[Any], bool]], set[str]]] = {
        "support": ({"id": ids, "conclusion": ids, "scheme": functools.partial(string, kind="line"),
                     "premises": lambda v: type(v) is list and len(v) >= 1 and all(map(ids, v))},
                    {"scheme"}),
        "rebuttal": ({"attacker": ids, "target": ids, "id": ids, "partners": partners}, {"id", "partners"}),
        "undercut": ({"attacker": ids, "target": ids, "id": ids, "partners": partners}, {"id", "partners"}),
        "agreement": ({"target": ids}, set()),
        "concession": ({"target": ids}, set()),
        "restatement": ({"source": ids, "target": ids}, set()),
    }  # fmt: skip

    def relation(r: Any) -> bool:
        if type(r) is not dict or type(r.get("type")) is not str or r["type"] not in relation_types:
            return False
        checks, optional = own[r["type"]]
        for key, value in r.items():
            if key in checks:
                if not checks[key](value):
                    return False
            elif key not in common:
                return False
        if any(k not in r for k in checks if k not in optional):
            return False
        return ("post" not in r or string(r["post"], "id")) and common_ok(r)

    def document(data: Any) -> bool:
        if type(data) is not dict or not data.keys() <= top:
            return False
        if data.get("format") != "argmap" or type(data.get("version")) is not int or data["version"] not in versions:
            return False
        m = data.get("metadata", {})
        if type(m) is not dict or not m.keys() <= meta:
            return False
        if any(not string(v, "line") for k, v in m.items() if k != "ignore"):
            return False
        if "ignore" in m and not strings(m["ignore"], "word"):
            return False
        if any(k in data and not strings(data[k], "comment") for k in ("comments", "trailing_comments")):
            return False
        for key, item in (("posts", post), ("propositions", proposition), ("relations", relation)):
            items = data.get(key, [])
            if type(items) is not list or not all(map(item, items)):
                return False
        return True

    return document
