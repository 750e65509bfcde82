"""The interactive map: one self-contained HTML page around the Graphviz-drawn SVG.

Safety, as for DOT: the document reaches the page in two ways only.  The SVG
is Graphviz's, whose texts were escaped by ``digraph._text``; everything else
travels as JSON in a ``<script type="application/json">`` block (with ``<``,
``>`` and ``&`` as ``\\u`` escapes, so no text can close it) and the viewer
puts it on the page with ``textContent``, never as markup.  The page loads
nothing: its script and style are inline, allowed by their SHA-256 in a
Content-Security-Policy that refuses everything else (no network request of
any kind; a live preview may connect back to its own server).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import pkgutil
import re
from typing import Any, Mapping

from .._model import Document, Support, relation_sources, relation_target
from .._version import __version__

__all__ = ["page", "page_data"]

#: what an evaluation gives the page: labels ("IN" … or scores) and reasons, by proposition id
Labels = Mapping[str, "str | float"]


def _asset(name: str) -> str:
    data = pkgutil.get_data("argmap", f"_render/page/{name}")
    assert data is not None, f"the viewer's {name} is missing from the installation"
    return data.decode("utf-8")


def page_data(
    doc: Document,
    nodes: Mapping[str, str],
    evaluations: Mapping[str, tuple[Labels, Mapping[str, str]]],
    *,
    errors: list[str] | None = None,
    live: str | None = None,
) -> dict[str, Any]:
    """What the viewer knows of the document, as JSON-ready data.

    ``nodes`` maps proposition ids to the SVG's node names; ``evaluations`` names each
    semantics computed with its labels and reasons.
    """
    return {
        "title": doc.metadata.title,
        "source": doc.metadata.source,
        "nodes": dict(nodes),
        "propositions": [
            {
                "id": p.id,
                "text": p.text,
                "kind": p.kind.value,
                "anchor": p.anchor,
                "tags": list(p.tags),
                "post": p.post,
            }
            for p in doc.propositions
        ],
        "posts": [
            {
                "id": p.id,
                "author": p.author,
                "reply_to": p.reply_to,
                "timestamp": p.timestamp,
                "quotes": [{"source": q.source, "text": q.text} for q in p.quotes],
                "body": list(p.body or ()),
            }
            for p in doc.posts
        ],  # fmt: skip
        "relations": [
            {
                "kind": r.kind,
                "id": r.id if isinstance(r, Support) else None,
                "from": list(relation_sources(r)),
                "to": relation_target(r),
                "post": r.post,
            }
            for r in doc.relations
        ],  # fmt: skip
        "evaluations": {
            name: {"labels": dict(labels), "reasons": dict(reasons)}
            for name, (labels, reasons) in evaluations.items()
        },
        "errors": list(errors or ()),
        "live": live,
    }


def _script_json(data: Mapping[str, Any]) -> str:
    """JSON that no text inside it can end early: <, > and & as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.S)


def page(svg: str, data: Mapping[str, Any], *, language: str | None = None) -> str:
    """The HTML page: the SVG map, the data, the viewer's script and style, a strict CSP."""
    script, style = _asset("viewer.js"), _asset("viewer.css")
    connect = "'self'" if data.get("live") else "'none'"
    csp = (
        f"default-src 'none'; script-src {_sha256(script)}; style-src {_sha256(style)}; img-src data:; "
        f"font-src 'none'; connect-src {connect}; base-uri 'none'; form-action 'none'"
    )
    svg = _PROLOGUE.sub("", svg, count=1)  # the XML declaration and doctype belong to a file, not a page
    fill = {
        "{{LANG}}": html.escape((language or "en").split(",")[0].strip() or "en", quote=True),
        "{{CSP}}": html.escape(csp, quote=True),
        "{{VERSION}}": __version__,
        "{{TITLE}}": html.escape(data.get("title") or "argmap"),
        "{{STYLE}}": style,
        "{{SCRIPT}}": script,
        "{{DATA}}": _script_json(data),
        "{{SVG}}": svg,
    }
    template = _asset("viewer.html")
    return re.sub(r"\{\{[A-Z]+\}\}", lambda m: fill[m.group()], template)
