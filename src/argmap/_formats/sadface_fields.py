"""argmap's own fields in a SADFace object's ``metadata.argmap`` (see :mod:`.sadface`)."""

from __future__ import annotations

import re
from typing import Any

from .._model import Kind, Quote, Voice
from .common import Ids, Report, as_line, brief, scalar

__all__ = ["Fields"]

_KINDS = {k.value for k in Kind}
_VOICES = tuple(v.value for v in Voice)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NOT_TAG = re.compile(r"[\s,]+")


class Fields:
    """argmap's fields in one SADFace object's ``metadata.argmap``, each checked as it is read: a
    field of the wrong shape is left out with an ``X002`` warning naming it."""

    def __init__(
        self, obj: dict[str, Any], what: str, report: Report, post_ids: Ids, known: set[str] | None = None
    ) -> None:
        self.what, self.report, self.post_ids = what, report, post_ids
        #: the ids of the posts read, once all are (a post named that is not one is left out)
        self.known = known
        self.data: dict[str, Any] = {}
        meta = obj.get("metadata")
        if meta is not None and not isinstance(meta, dict):
            report.warn("X002", f"the metadata of {what} is {brief(meta)}, not an object; left out")
        elif meta is not None and meta.get("argmap") is not None:
            if isinstance(meta["argmap"], dict):
                self.data = meta["argmap"]
            else:
                report.warn("X002", f"the argmap metadata of {what} is {brief(meta['argmap'])}, "
                            "not an object; left out")  # fmt: skip

    def __bool__(self) -> bool:
        return bool(self.data)

    def wrong(self, key: str, expected: str) -> None:
        self.report.warn("X002", f"{key} of {self.what} is {brief(self.data[key])}, not {expected}; left out")

    def text(self, key: str) -> str | None:
        """A one-line text field (numbers written out), or None."""
        value = self.data.get(key)
        if value is None:
            return None
        text = scalar(value)
        if text is None:
            self.wrong(key, "text")
            return None
        return as_line(text)

    def post(self, key: str = "post") -> str | None:
        """A post id field, as the post's argmap id (None, with ``X305``, for a post not read)."""
        raw = self.text(key)
        if not raw:
            return None
        pid = self.post_ids.get(raw)
        if self.known is not None and pid not in self.known:
            self.report.warn("X305", f"{key} of {self.what} names post {raw}, which the file does not have; "
                             "left out")  # fmt: skip
            return None
        return pid

    def kind(self) -> str:
        kind = self.data.get("kind")
        if kind is None:
            return "claim"
        if not isinstance(kind, str) or kind not in _KINDS:
            self.wrong("kind", f"one of {', '.join(sorted(_KINDS))}")
            return "claim"
        return kind

    def voice(self) -> Voice:
        voice = self.data.get("voice")
        if voice is None:
            return Voice.OWN
        if not isinstance(voice, str) or voice not in _VOICES:
            self.wrong("voice", f"one of {', '.join(_VOICES)}")
            return Voice.OWN
        return Voice(voice)

    def reported_by(self, voice: Voice) -> str | None:
        """Who said it: only of a reported proposition (else left out, with X002)."""
        by = self.text("reported_by")
        if by is not None and voice is not Voice.REPORTED:
            self.wrong("reported_by", "given with voice: reported")
            return None
        return by or None

    def base(self) -> float | None:
        base = self.data.get("base")
        if base is None:
            return None
        if isinstance(base, bool) or not isinstance(base, (int, float)) or not 0 <= base <= 1:
            self.wrong("base", "a number from 0 to 1")
            return None
        return base

    def tags(self) -> list[str]:
        tags = self.data.get("tags")
        if tags is None:
            return []
        words = [scalar(t) for t in tags] if isinstance(tags, list) else [None]
        if None in words:
            self.wrong("tags", "a list of words")
            return []
        out = [_NOT_TAG.sub("-", w.strip(" ,")) for w in words if w is not None and w.strip(" ,")]
        if len(out) != len(words):
            self.report.warn("X002", f"empty tags of {self.what} left out")
        return out

    def body(self) -> list[str] | None:
        body = self.data.get("body")
        if body is None:
            return None
        lines = [scalar(b) for b in body] if isinstance(body, list) else [None]
        if None in lines:
            self.wrong("body", "a list of lines")
            return None
        return [part.rstrip() for line in lines if line is not None for part in _LINE_BREAK.split(line)]

    def lines(self, key: str) -> list[str]:
        """A list of one-line texts (comments)."""
        value = self.data.get(key)
        if value is None:
            return []
        lines = [scalar(v) for v in value] if isinstance(value, list) else [None]
        if None in lines or any(_LINE_BREAK.search(line) for line in lines if line is not None):
            self.wrong(key, "a list of one-line texts")
            return []
        return [line for line in lines if line is not None]

    def ids(self, key: str, known: set[str]) -> list[str]:
        """A list of proposition ids among ``known`` (others are left out with ``X305``)."""
        value = self.data.get(key)
        if value is None:
            return []
        ids = [scalar(v) for v in value] if isinstance(value, list) else [None]
        if None in ids:
            self.wrong(key, "a list of proposition ids")
            return []
        missing = [i for i in ids if i not in known]
        if missing:
            self.report.warn("X305", f"{key} of {self.what} names {brief(missing[0])}, which is not a "
                             "proposition of the file; left out")  # fmt: skip
        return [i for i in ids if i is not None and i in known]

    def quotes(self) -> list[Quote]:
        """A post's quotes: ``[{"source": post id, "text": words, "comments": [...]}]``."""
        value = self.data.get("quotes")
        if value is None:
            return []
        out: list[Quote] = []
        for q in value if isinstance(value, list) else [value]:
            source = scalar(q.get("source")) if isinstance(q, dict) else None
            words = scalar(q.get("text")) if isinstance(q, dict) else None
            pid = self.post_ids.get(as_line(source)) if source is not None and as_line(source) else None
            if pid is None or words is None or (self.known is not None and pid not in self.known):
                self.report.warn("X305", f"a quote of {self.what} ({brief(q)}) names no post of the file or "
                                 "has no text; left out")  # fmt: skip
                continue
            assert isinstance(q, dict)  # it has a source
            comments = Fields({"metadata": {"argmap": q}}, f"a quote of {self.what}", self.report,
                               self.post_ids).lines("comments")  # fmt: skip
            out.append(Quote(pid, as_line(words), comments=comments))
        return out
