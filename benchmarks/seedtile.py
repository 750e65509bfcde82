"""The seed thread tiled: N copies of examples/korea-japan-allies.argmap in one file, real
text at any size.  Copy k renames every proposition and relation id (copy 7's c0.1 is
t7xc0.1) and shifts its post numbers by k * 1000 (named posts get a ``-k`` suffix), so
the copies never collide and each keeps its own replies, quotes and relations.  Only
T102 (the same text twice) fires beyond what the seed itself reports, as it should."""

from __future__ import annotations

import re
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "examples" / "korea-japan-allies.argmap"
_ID = re.compile(r"(?<![\w.])([a-z])(\d+\.\d+)\b")
_POST = re.compile(r"^(post |  quote )([\w-]+)|( reply-to )([\w-]+)")


def _copy(lines: list[str], k: int) -> str:
    out = []
    for line in lines:
        stripped = line.lstrip()
        if stripped.startswith(("anchor:", "quote ")):  # verbatim text: only the quote's post number moves
            out.append(_POST.sub(lambda m: _shift(m, k), line))
            continue
        if ":" in stripped and not stripped.startswith(("support", "rebut", "undercut", "restate")):
            head, sep, text = line.partition(":")  # "claim c0.1: text" -- rename the id, keep the text
            out.append(_ID.sub(rf"t{k}x\1\2", head) + sep + text)
            continue
        line = _POST.sub(lambda m: _shift(m, k), line)
        out.append(_ID.sub(rf"t{k}x\1\2", line))
    return "\n".join(out)


def _shift(m: re.Match[str], k: int) -> str:
    keyword, post = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return keyword + (str(int(post) + 1000 * k) if post.isdigit() else f"{post}-{k}")


def tiled(copies: int) -> str:
    """The seed thread *copies* times over (136 propositions each; 150 copies: 20,400)."""
    text = SEED.read_text(encoding="utf-8")
    header, _, body = text.partition("\npost ")
    lines = ("post " + body).splitlines()
    return header + "\n" + "\n\n".join(_copy(lines, k) for k in range(copies)) + "\n"
