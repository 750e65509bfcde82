"""brat standoff (``.ann`` beside its ``.txt``): argument components and their relations.

Text-bound annotations (``T1<TAB>Claim 10 42<TAB>text``) become propositions, their label
read through the relation vocabulary (:mod:`.vocabulary`: ``MajorClaim`` and ``main_claim``
a thesis, ``Premise`` a premise; an unknown label a claim tagged with it); an attribute
``Type…`` adds its value as a tag, another attribute its name (and value).  Relations
``R1<TAB>supports Arg1:T2 Arg2:T1`` go through the vocabulary too (:mod:`.threads`: supports,
rebuttals, undercuts of the support their target gives or else of its attack, which is then
named by its relation's id, agreements …).  A ``Stance``
attribute (For/Against) on a claim without a relation of its own links it to the major claim,
as the argument-annotated essays do.

A ``.metadata`` beside the file (the CMV-modes corpus writes one) gives the posts: ``Content
ID AUTHOR START END`` lines with each post's range in the ``.txt``, which becomes its body;
``Title`` and ``Source``; and ``Linked Premise`` lines, whose premises support together.
Without posts, the relations are put in one synthetic post (every relation needs a post).

When the offsets do not fit the ``.txt``, they may count UTF-8 bytes (read as such), or the
text was edited: the words are looked for nearby and the drift is reported.
"""

from __future__ import annotations

import bisect
import os
import re
from typing import Mapping

import attrs

from .._model import Diagnostic, Document, Kind, Metadata, Post, Proposition, Rebuttal, Relation, Support
from .common import Ids, Report, one_line
from .threads import Codes, Named, body_lines, build_relations, quotes_in, tag_of
from .vocabulary import vocabulary

__all__ = ["SYNTHETIC_AUTHOR", "from_brat"]

CODES = Codes(missing="X603", unknown="X604", undercut="X607")
#: the author of the post that holds the relations of a file without posts
SYNTHETIC_AUTHOR = "(synthetic post)"
#: offsets of up to 18 digits: longer ones point past any text (and past what int() converts)
_SPAN = re.compile(r"^(\S+) (\d{1,18}) (\d{1,18})((?:;\d+ \d+)*)$")
#: how far from its offsets (and from them shifted as the last drifted annotation was) an
#: annotation's words are looked for when they are not at the offsets
_NEAR = 2000


def _beside(path: str | None, suffix: str, report: Report, needed: bool) -> str | None:
    """The text of the file beside ``path`` with ``suffix`` (a missing one is a warning if ``needed``)."""
    if path is None or path == "<stdin>":
        return None
    name = os.path.splitext(path)[0] + suffix
    try:
        with open(name, encoding="utf-8-sig") as f:
            return report.clean(f.read())
    except OSError:
        if needed:
            report.warn("X601", f"{os.path.basename(name)} is missing: offsets cannot be checked")
    except UnicodeDecodeError as e:
        report.warn("X601", f"{os.path.basename(name)} is not UTF-8 text (byte 0x{e.object[e.start]:02x} at "
                    f"offset {e.start}): {'offsets cannot be checked' if needed else 'left out'}",
                    hint="save it as UTF-8")  # fmt: skip
    return None


@attrs.define
class _Component:
    key: str
    label: str
    words: str
    raw: tuple[int, int]  # the offsets as written
    #: where the words start and end in the .txt (characters), if they were found
    at: tuple[int, int] | None
    line: int


class _Bytes:
    """Character offsets of UTF-8 byte offsets into ``source`` (linear to build, a bisection each)."""

    def __init__(self, source: str) -> None:
        self.starts: list[int] = []  # byte offset of each non-ASCII character
        self.chars: list[tuple[int, int]] = []  # (its character offset, its width in bytes)
        extra = 0
        for m in re.finditer(r"[^\x00-\x7f]", source):
            width = len(m.group().encode("utf-8", "surrogatepass"))
            self.starts.append(m.start() + extra)
            self.chars.append((m.start(), width))
            extra += width - 1

    def char(self, offset: int, strict: bool = True) -> int | None:
        """The character at byte ``offset``; None (``strict``) for a byte inside a character."""
        k = bisect.bisect_right(self.starts, offset) - 1
        if k < 0:
            return offset
        char, width = self.chars[k]
        inside = offset - self.starts[k]
        if inside < width:
            return None if inside and strict else char
        return char + 1 + inside - width


def from_brat(
    text: str,
    *,
    path: str | None = None,
    source: str | None = None,
    metadata: str | None = None,
    relation_map: Mapping[str, str] | None = None,
) -> tuple[Document, list[Diagnostic]]:
    """Read a brat ``.ann``; ``source`` is the ``.txt`` and ``metadata`` the ``.metadata`` (each read
    from beside ``path`` if not given); ``relation_map`` extends the relation vocabulary."""
    report = Report(path)
    text = report.source(text)
    source = _beside(path, ".txt", report, True) if source is None else report.clean(source)
    if metadata is None:
        metadata = _beside(path, ".metadata", report, False)
    vocab = vocabulary(relation_map)
    ids = Ids()
    components: dict[str, _Component] = {}
    named: list[Named] = []
    stance: dict[str, str] = {}
    tags: dict[str, list[str]] = {}
    seen: set[str] = set()  # the ids of text-bound annotations and relations
    locate = _Locator(source, report)
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        key = fields[0]
        if key[:1] in ("T", "R") and len(fields) >= 2:
            if key in seen:
                report.warn("X606", f"annotation {key} appears twice; the second is left out", number)
                continue
            seen.add(key)
        if key.startswith("T") and len(fields) >= 2:
            m = _SPAN.match(fields[1])
            if not m:
                report.warn("X602", f"annotation {key} has no readable offsets; left out", number)
                continue
            start, end = int(m.group(2)), int(m.group(3))
            words, at = locate(fields[2] if len(fields) > 2 else "", start, end, key, number)
            components[key] = _Component(key, m.group(1), words, (start, end), at, number)
        elif key.startswith("R") and len(fields) >= 2:
            parts = fields[1].split()
            args = dict(p.split(":", 1) for p in parts[1:] if ":" in p)
            if len(parts) < 3 or len(args) < 2:
                report.warn("X603", f"relation {key} needs two arguments; left out", number)
                continue
            first, second = list(args.values())[:2]
            named.append(Named(f"relation {key}", parts[0], first, second, key, number))
        elif key.startswith("A") and len(fields) >= 2:
            parts = fields[1].split()
            if len(parts) == 3 and parts[0].lower() == "stance":
                stance[parts[1]] = parts[2].lower()
            elif len(parts) >= 2:
                name, value = parts[0], " ".join(parts[2:])
                tag = (
                    value
                    if re.fullmatch(r"(?i)type\d*", name) and value
                    else "-".join(filter(None, (name, value)))
                )
                tags.setdefault(parts[1], []).append(tag_of(tag))
    locate.finish()
    meta = _Metadata(metadata, source, locate, report)
    posts, post_of, spans = meta.posts(components)
    props: dict[str, Proposition] = {}
    for key, c in components.items():
        kind = vocab.kind(c.label)
        own = [*([] if kind is not None else [tag_of(c.label)]), *tags.get(key, ())]
        words = one_line(c.words)
        post = post_of.get(key)
        span = spans.get(post or "")  # the words are an anchor when they stand in their post's text
        anchored = span is not None and c.at is not None and span[0] <= c.at[0] and c.at[1] <= span[1]
        anchor = words if anchored and words else None
        kind = kind or Kind.CLAIM
        props[key] = Proposition(ids.get(key), words, kind, anchor, dict.fromkeys(own), post=post)
    synthetic = None if posts else Ids("post").base("synthetic")
    named = [attrs.evolve(n, group=meta.linked.get(components[n.source].raw)) if n.source in components else n
             for n in named]  # fmt: skip
    built = build_relations(
        props, named, vocab, report, CODES, ids, {p.id: p.author for p in posts}, synthetic
    )
    rels: list[Relation] = list(built.relations)
    related = {n.source for n in named}
    majors = [p.id for p in props.values() if p.kind is Kind.THESIS]
    for key, value in stance.items():
        if key in props and key not in related and majors and value in ("for", "against"):
            for major in majors:
                post = props[key].post or synthetic
                if value == "for":
                    rels.append(Support(ids.fresh(f"stance-{key}"), [props[key].id], major, post=post))
                else:
                    rels.append(Rebuttal(props[key].id, major, post))
    if synthetic is not None and any(r.post == synthetic for r in rels):
        posts = [Post(synthetic, SYNTHETIC_AUTHOR)]
        n = sum(r.post == synthetic for r in rels)
        report.warn("X608", "the file names no posts (no .metadata beside it), and every relation needs "
                    f"one: {n} relation{'s' * (n != 1)} {'are' if n != 1 else 'is'} put in a synthetic "
                    f"post, post {synthetic} by {SYNTHETIC_AUTHOR!r}")  # fmt: skip
    propositions = [
        attrs.evolve(p, tags=dict.fromkeys([*p.tags, *built.tags[key]])) if key in built.tags else p
        for key, p in props.items()
    ]
    return Document(meta.metadata, posts, propositions, rels, path=path), report.finish()


class _Locator:
    """Finds each annotation's words in the ``.txt``: at its offsets, at them read as UTF-8 byte
    offsets, or nearby (drift, reported)."""

    def __init__(self, source: str | None, report: Report) -> None:
        self.source, self.report = source, report
        self.bytes = _Bytes(source) if source is not None and not source.isascii() else None
        self.drift = 0  # the shift of the last annotation found away from its offsets
        self.in_bytes: list[int] = []  # the lines of the annotations whose offsets count bytes

    def __call__(
        self, words: str, start: int, end: int, key: str, line: int
    ) -> tuple[str, tuple[int, int] | None]:
        """The annotation's words (its own, or the text's at the offsets if it gives none) and where
        they start and end in the text."""
        source = self.source
        if source is None:
            return words, None
        if not words:
            return source[start:end], (start, end) if end <= len(source) else None
        if source[start:end] == words or (source[start:end].strip() == words.strip() and words.strip()):
            return words, (start, end)
        if self.bytes is not None:
            s, e = self.bytes.char(start), self.bytes.char(end)
            if s is not None and e is not None and source[s:e].strip() == words.strip():
                self.in_bytes.append(line)
                return words, (s, e)
        at = self._drifted(words, start, end, key, line)
        return words, None if at is None else (at, at + len(words))

    def _drifted(self, words: str, start: int, end: int, key: str, line: int) -> int | None:
        """Where drifted words stand: within :data:`_NEAR` characters of the offsets, or of the offsets
        shifted as the last drifted annotation was (edited text shifts the annotations after the
        edit alike).  Searching the whole text for each took time proportional to the text times
        the annotations (tests/convert/test_limits.py::
        test_brat_looks_for_drifted_words_near_their_offsets_only)."""
        assert self.source is not None
        found = [_nearest(self.source, words, start + shift) for shift in dict.fromkeys((self.drift, 0))]
        at = min((f for f in found if f is not None), key=lambda i: abs(i - start - self.drift), default=None)
        if at is not None:
            self.drift = at - start
            self.report.warn("X605", f"annotation {key}: the words stand at offset {at}, not {start} "
                             "(the text has shifted)", line)  # fmt: skip
        else:
            self.report.warn("X605", f"annotation {key}: its words are not in the text near offsets "
                             f"{start}-{end}; the annotation's words are kept", line)  # fmt: skip
        return at

    def finish(self) -> None:
        if self.in_bytes:
            n = len(self.in_bytes)
            self.report.warn("X605", f"{n} annotation{'s' * (n != 1)} count{'s' * (n == 1)} offsets in "
                             "UTF-8 bytes, not characters (this the first); read as such",
                             self.in_bytes[0])  # fmt: skip

    def char(self, offset: int) -> int:
        """A character offset of the ``.metadata`` (in bytes if the annotations' were)."""
        if self.in_bytes and self.bytes is not None:
            return self.bytes.char(offset, strict=False) or 0
        return offset


def _nearest(source: str, words: str, center: int) -> int | None:
    """Where ``words`` stands in ``source`` nearest to offset ``center``, within :data:`_NEAR`."""
    lo, hi = max(0, center - _NEAR), min(len(source), center + _NEAR + len(words))
    after = source.find(words, max(center, lo), hi)
    before = source.rfind(words, lo, max(min(center, hi) + len(words) - 1, lo))
    found = [i for i in (after, before) if i != -1]
    return min(found, key=lambda i: abs(i - center)) if found else None


class _Metadata:
    """A ``.metadata`` file: the thread's title and source, its posts' ranges, linked premises."""

    def __init__(self, text: str | None, source: str | None, locate: _Locator, report: Report) -> None:
        self.source, self.report = source, report
        self.title_range: tuple[int, int] | None = None
        self.ranges: list[tuple[str, str, int, int]] = []  # (id, author, start, end) in characters
        self.linked: dict[tuple[int, int], str] = {}  # raw offsets of a premise -> its group
        title = url = None
        for number, line in enumerate((text or "").splitlines(), 1):
            parts = line.split()
            if not parts:
                continue
            numbers = [int(p) for p in parts if p.isdigit() and len(p) <= 18]
            if parts[0] == "Title" and len(numbers) == 2 and source is not None:
                self.title_range = (locate.char(numbers[0]), locate.char(numbers[1]))
                title = one_line(source[self.title_range[0] : self.title_range[1]])
            elif parts[0] == "Source" and len(parts) >= 2:
                url = one_line(" ".join(parts[1:]))
            elif (
                parts[0] == "Content"
                and len(parts) >= 5
                and all(p.isdigit() and len(p) <= 18 for p in parts[-2:])
            ):
                start, end = locate.char(int(parts[-2])), locate.char(int(parts[-1]))
                self.ranges.append((parts[1], " ".join(parts[2:-2]), start, end))
            elif parts[0] == "Linked":
                spans = [n for n in parts[1:] if n.isdigit() and len(n) <= 18]
                for s, e in zip(spans[::2], spans[1::2]):
                    self.linked[(int(s), int(e))] = f"linked-{number}"
            elif parts[0] not in ("Delta",):
                report.warn("X609", f"the .metadata line {number} cannot be read; left out")
        self.metadata = Metadata(title=title or None, source=url or None)

    def posts(
        self, components: dict[str, _Component]
    ) -> tuple[list[Post], dict[str, str], dict[str, tuple[int, int]]]:
        """The posts; each component's post id; where each post's text is in the .txt."""
        ids, posts, spans = Ids("post"), list[Post](), dict[str, tuple[int, int]]()
        for i, (raw, author, start, end) in enumerate(self.ranges):
            if i == 0 and self.title_range is not None:
                start = min(start, self.title_range[0])  # the OP's text begins with the title
            lines = body_lines(self.source[start:end]) if self.source is not None else None
            post = Post(ids.fresh(raw), author or "unknown", reply_to=posts[-1].id if posts else None,
                        body=lines, quotes=quotes_in(lines or (), posts))  # fmt: skip
            posts.append(post)
            if lines is not None:
                spans[post.id] = (start, end)
        post_of: dict[str, str] = {}
        starts = [start for _, _, start, _ in self.ranges]
        for key, c in components.items():
            at = c.at[0] if c.at is not None else c.raw[0]
            k = bisect.bisect_right(starts, at) - 1
            if posts:
                post_of[key] = posts[max(k, 0)].id
        return posts, post_of, spans


def read(
    text: str, path: str | None = None, *, relation_map: Mapping[str, str] | None = None
) -> tuple[Document, list[Diagnostic]]:
    """The format registry's reader: :func:`from_brat`."""
    return from_brat(text, path=path, relation_map=relation_map)
