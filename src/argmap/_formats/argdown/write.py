"""argmap → Argdown that the Argdown CLI 1.7.5 accepts."""

from __future__ import annotations

import json
import re

from ..._model import (
    Agreement,
    Concession,
    Document,
    Kind,
    Proposition,
    Rebuttal,
    Restatement,
    Support,
    Undercut,
)
from ..losses import Losses, supports_with_scheme

#: markup characters, and the tab: Argdown 1.7.5 drops blanks that start with a tab
#: right after an escaped character ("x\\/<tab>y" reads as "x/y"); an escaped tab it keeps
_SPECIAL = re.compile(r"[\\\[\]<>#@{}*_/\t]")
_SPECIAL_CHAR = re.compile(r"(?:\.[^\s]+?\.)|(?::[^\s]+?:)")
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape(text: str) -> str:
    r"""Text that Argdown reads back as ``text``, not as markup.

    >>> escape("see [1] #2 :x: e.g.")
    'see \\[1\\] \\#2 \\:x: e\\.g.'
    """
    text = _SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    return _SPECIAL_CHAR.sub(lambda m: "\\" + m.group(0), text)


def _yaml(value: object) -> str:
    """A YAML flow value that Argdown's data and front-matter readers take back unchanged."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    if isinstance(value, str):
        quoted = json.dumps(value, ensure_ascii=False)
        quoted = quoted.replace("{", "\\u007b").replace("}", "\\u007d").replace("=", "\\u003d")
        # "//", "/*" and "<!--" open comments wherever they stand, in data too
        quoted = quoted.replace("/", "\\u002f").replace("<", "\\u003c")
        return _NOT_YAML.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)
    if isinstance(value, float):  # YAML 1.1 reads "1e-12" as a string, "1.0e-12" as a number
        mantissa, e, exponent = repr(value).partition("e")
        return mantissa + (".0" if "." not in mantissa else "") + e + exponent if e else repr(value)
    return json.dumps(value)


#: what a tag ``#(…)`` cannot hold: its closing parenthesis, and the starts of comments (``//``,
#: ``/*``, ``<!--`` open one wherever they stand, and the rest of the line is lost)
_DATA_TAG = re.compile(r"\)|/[/*]|<!--")


def _tags(tags: tuple[str, ...]) -> str:
    if any(_DATA_TAG.search(t) for t in tags):  # Argdown cannot write it: all go into the data, in order
        return ""
    return "".join(f" #({t})" for t in tags)


def _statement(p: Proposition) -> str:
    data: dict[str, object] = {}
    if p.kind is not Kind.CLAIM:
        data["kind"] = p.kind.value
    if p.anchor is not None:
        data["anchor"] = p.anchor
    if p.base is not None:
        data["base"] = p.base
    if any(_DATA_TAG.search(t) for t in p.tags):
        data["tags"] = list(p.tags)
    if not p.own:
        data["voice"] = p.voice.value
        if p.reported_by is not None:
            data["reportedBy"] = p.reported_by
    head = f"[{p.id}]: {escape(p.text)}" if p.text else f"[{p.id}]"
    return head + _tags(p.tags) + (f" {_yaml(data)}" if data else "")


def _argument(s: Support) -> list[str]:
    out = [f"<{s.id}>", ""]
    out += [f"({i}) [{p}]" for i, p in enumerate(s.premises, 1)]
    if s.scheme:
        out += ["--", _rule(s.scheme), "--"]
    else:
        out.append("----")
    out += [f"({len(s.premises) + 1}) [{s.conclusion}]", ""]
    return out


def _rule(scheme: str) -> str:
    """A scheme as the line between ``--`` lines that names an inference rule.

    Commas are escaped (they separate rules); so is each dash with a dash after it:
    a line ``--`` would close the inference (argmap dropped the schemes ``--`` and
    ``----`` so), and the Argdown CLI refuses any ``--`` on the line.  Tested by
    tests/convert/test_argdown.py::test_schemes_that_look_like_inference_bars_survive.
    """
    return _DASH_BEFORE_DASH.sub(r"\\-", escape(scheme).replace(",", "\\,")) or "\\ "


_DASH_BEFORE_DASH = re.compile(r"-(?=-)")


def _aimed(rel: Rebuttal | Undercut) -> str:
    """The relation line that names what ``rel`` attacks."""
    return f"  -> [{rel.target}]" if isinstance(rel, Rebuttal) else f"  _> <{rel.target}>"


def _attack_argument(rel: Rebuttal | Undercut, title: str) -> list[str]:
    """A linked or named attack as an argument whose premises are its attackers and whose one
    relation names its target (:mod:`.attacks` reads it back): the conclusion, a statement with
    the argument's title and no text, stands for the attack itself."""
    out = [f"<{title}> {_yaml({'kind': rel.kind})}", ""]
    out += [f"({i}) [{a}]" for i, a in enumerate(rel.attackers, 1)]
    out += ["----", f"({len(rel.attackers) + 1}) [{title}]", "", f"<{title}>", _aimed(rel), ""]
    return out


def _section(doc: Document, post: str | None, titles: dict[int, str]) -> list[str]:
    out = [_statement(p) + "\n" for p in doc.propositions_of(post)]
    attacks: dict[str, list[str]] = {}
    for rel in doc.relations_of(post):
        if isinstance(rel, Support):
            out.append("\n".join(_argument(rel)))
        elif isinstance(rel, (Rebuttal, Undercut)) and (rel.id is not None or rel.partners):
            out.append("\n".join(_attack_argument(rel, rel.id or titles[id(rel)])))
        elif isinstance(rel, (Rebuttal, Undercut)):
            attacks.setdefault(rel.attacker, []).append(_aimed(rel))
    out += [f"[{a}]\n" + "\n".join(lines) + "\n" for a, lines in attacks.items()]
    return out


def _moves(doc: Document, post: str | None) -> dict[str, list[object]]:
    moves: dict[str, list[object]] = {}
    for rel in doc.relations_of(post):
        if isinstance(rel, Concession):
            moves.setdefault("concedes", []).append(rel.target)
        elif isinstance(rel, Agreement):
            moves.setdefault("agrees", []).append(rel.target)
        elif isinstance(rel, Restatement):
            moves.setdefault("restates", []).append([rel.source, rel.target])
    return moves


def to_argdown(doc: Document) -> str:
    """``doc`` as Argdown (accepted by the Argdown CLI 1.7.5)."""
    front = {k: getattr(doc.metadata, k) for k in ("title", "source", "date", "language", "ignore")}
    front = {k: v for k, v in front.items() if v is not None and v != ()} | _moves(doc, None)
    out: list[str] = []
    if front:
        out += ["==="] + [f"{k}: {_yaml(v)}" for k, v in front.items()] + ["===", ""]
    # an unnamed linked attack's argument: a title that is no id (it has a blank), so no name clashes
    titles: dict[int, str] = {}
    for kind in (Rebuttal, Undercut):
        linked = [r for r in doc.relations if isinstance(r, kind) and r.id is None and r.partners]
        titles |= {id(r): f"{r.kind} {i}" for i, r in enumerate(linked, 1)}
    out += _section(doc, None, titles)
    for post in doc.posts:
        data: dict[str, object] = {"post": post.id, "author": post.author}
        if post.reply_to is not None:
            data["replyTo"] = post.reply_to
        if post.timestamp is not None:
            data["timestamp"] = post.timestamp
        if post.body is not None:
            data["body"] = list(post.body)
        if post.quotes:
            data["quotes"] = [{"source": q.source, "text": q.text} for q in post.quotes]
        data |= _moves(doc, post.id)
        out.append(f"# {escape(post.author.strip()) or 'post'} (post {escape(post.id)}) {_yaml(data)}\n")
        out += _section(doc, post.id, titles)
    return "\n".join(out).rstrip("\n") + "\n"


#: What an Argdown export leaves out (docs/formats.md lists the same): Argdown has no comments that
#: stay with an item, and reads an empty inference rule as none.
LOSSES = Losses(
    "Argdown",
    drops=("comments",),
    partly={"schemes": ("that are empty", lambda doc: supports_with_scheme(doc, [""]))},
)
