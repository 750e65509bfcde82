"""Every document in ../shared/corpora reads, becomes argmap text that checks, and goes back.

Issue #15's promise, file by file: a researcher can convert any of these corpora and trust that
nothing is lost silently.  For each file: the reader gives a document (or, for the one CMV
thread that is not well-formed XML, a located error); its argmap text parses back to the same
document; checking that text finds no reference or syntax error (what a faulty conversion
would cause); and writing it in the source's own format, where argmap writes that format, and
reading it again keeps every proposition and relation, or the writer names what it leaves out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from argmap import ArgmapError
from argmap._formats import detect, losses

#: (folder, pattern, format: None = detect from the content)
CORPORA = [
    ("araucaria-aif", "*.json", "aif"),
    ("qt30-aif", "*.json", "aif"),
    ("arg-microtexts", "**/*.xml", "microtext"),
    ("argdown", "*.argdown", "argdown"),
    ("kialo", "*.txt", "kialo"),
    ("cmv-modes", "*/*.xml", "cmv"),
    ("cmv-modes", "*/*.ann", "brat"),
    ("carneades-yaml", "*.yml", None),
    ("iccma-gold", "*.apx", None),  # abstract frameworks; their .EE-* answers are no documents
]
#: the file the corpus's README names as broken, and what argmap must say of it
BROKEN = {"cmv-modes/positive/1.xml": r":35:3: X700 error: not well-formed XML"}


def _files(shared: Path) -> list[tuple[Path, str | None]]:
    root = shared / "corpora"
    return [(p, fmt) for folder, pattern, fmt in CORPORA for p in sorted((root / folder).glob(pattern))]


def _same(a: argmap.Document, b: argmap.Document) -> bool:
    """The same content; the canonical text puts what belongs to no post first, so order aside."""
    def key(x: object) -> str:
        return repr(x)

    return (a.metadata == b.metadata and a.posts == b.posts
            and sorted(a.propositions, key=key) == sorted(b.propositions, key=key)
            and sorted(a.relations, key=key) == sorted(b.relations, key=key))  # fmt: skip


@pytest.mark.corpus
def test_every_corpus_document_converts_checks_and_comes_back(shared):
    files = _files(shared)
    assert len(files) > 900  # every folder was found
    failures: list[str] = []
    for path, fmt in files:
        name = path.relative_to(shared / "corpora").as_posix()
        text = path.read_text(encoding="utf-8")
        try:
            reader = fmt or detect(str(path), text).name
            doc, _ = argmap.read(text, reader, path=str(path))  # type: ignore[arg-type]
        except ArgmapError as e:
            if name in BROKEN and re.search(BROKEN[name], str(e)):
                continue
            failures.append(f"{name}: read: {str(e)[:200]}")
            continue
        assert name not in BROKEN, f"{name} should have been refused"
        back = argmap.parse(argmap.format(doc))
        if not _same(back, doc):
            failures.append(f"{name}: its argmap text reads back differently")
        caused = [d.code for d in argmap.check(back) if d.code[0] in "PR" and d.severity.value == "error"]
        if caused:
            failures.append(f"{name}: argmap text has {caused}")
        if reader in ("aif", "argdown"):
            lost = {loss.content for loss in losses(doc, reader)}  # type: ignore[arg-type]
            again, _ = argmap.read(argmap.write(doc, reader), reader)  # type: ignore[arg-type]
            if len(again.propositions) != len(doc.propositions) and "propositions" not in lost:
                failures.append(f"{name}: {reader} round trip changes the propositions")
            if len(again.relations) != len(doc.relations) and not lost:
                failures.append(f"{name}: {reader} round trip changes the relations, and no loss is named")
    assert failures == []
