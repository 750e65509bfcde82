"""Fuzzing every reader and writer: whatever a file holds, reading it ends in a document or an
ArgmapError, within a time and memory budget; whatever a reader accepts, every writer writes
(or refuses with a FormatError), and what a writer writes reads back.

Each case mutates a seed of its format: files argmap writes from the examples, small files of
our own for the formats argmap only reads, and, where ../shared/corpora is present, the heads
of real files.  A case that takes longer than ``BUDGET_SECONDS`` or makes the process grow by
more than ``BUDGET_MB`` fails: a blow-up is a failure, not a slow test.

    HYPOTHESIS_PROFILE=fuzz python -m pytest tests/fuzz -q     # docs/testing.md: the counts
"""

from __future__ import annotations

import functools
import resource
import signal
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError, FormatError, RenderError

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
BUDGET_SECONDS = 10
BUDGET_MB = 600
#: the most characters one repeated fragment adds to a case
REPEAT = 200_000

READERS = ["argmap", "json", "aif", "argdown", "sadface", "kialo", "brat", "microtext"]
WRITERS = ["argmap", "json", "aif", "argdown", "sadface", "graphml"]


class CaseTooSlow(Exception):
    """A case ran past its time budget (SIGALRM)."""


@contextmanager
def budget(what: str) -> Iterator[None]:
    """Fail the case if it runs over ``BUDGET_SECONDS`` or grows the process by ``BUDGET_MB``
    (the peak resident size only grows: a blow-up shows at the case that caused it)."""

    def alarm(signum: int, frame: object) -> None:
        raise CaseTooSlow(f"{what}: over {BUDGET_SECONDS} s")

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, BUDGET_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown < BUDGET_MB, f"{what}: the process grew by {grown:.0f} MB"


# -- seeds -----------------------------------------------------------------------------------

OWN = {
    "kialo": [
        "Discussion Title: Tea\n\n1. Tea is better than coffee.\n1.1. Pro: It is calmer.\n"
        "1.1.1. Con: Not green tea at night.\n1.2. Con: -> See 1.1.1.\n1.3. Pro: \\(sic\\) cheaper.\n",
    ],
    "microtext": [
        '<?xml version="1.0" encoding="UTF-8"?>\n<arggraph id="t1" topic_id="tea" stance="pro">\n'
        ' <edu id="e1"><![CDATA[Tea is good.]]></edu>\n <edu id="e2"><![CDATA[It calms.]]></edu>\n'
        ' <edu id="e3"><![CDATA[Not at night.]]></edu>\n <joint id="j1"/>\n'
        ' <adu id="a1" type="pro"/>\n <adu id="a2" type="pro"/>\n <adu id="a3" type="opp"/>\n'
        ' <edge id="c1" src="e1" trg="a1" type="seg"/>\n <edge id="c2" src="e2" trg="a2" type="seg"/>\n'
        ' <edge id="c3" src="e3" trg="a3" type="seg"/>\n <edge id="c4" src="a2" trg="a1" type="sup"/>\n'
        ' <edge id="c5" src="a3" trg="c4" type="und"/>\n</arggraph>\n',
    ],
    "brat": [
        "T1\tMajorClaim 0 12\tTea is good\nT2\tPremise 14 22\tIt calms\nT3\tClaim 24 37\tNot at night\n"
        "R1\tsupports Arg1:T2 Arg2:T1\nR2\tattack Arg1:T3 Arg2:T1\nA1\tStance T3 Against\n"
        "\x00Tea is good. It calms. Not at night.\n",
    ],
}
FRAGMENTS = {
    "json": ['{', '}', '[', ']', '"', ',', ':', '\\u0000', '\\ud800', '"nodes": [', '1' * 5000,
             '[' * 2000, 'null', 'true', '"text": 1', '"format": "argmap"', '"version": 2'],
    "argdown": ["[A]: ", "<B>: ", "\n  + ", "\n  - ", "\n  _ ", "\n  <_ ", "\n(1) ", "\n----\n",
                "\n-- r --\n", "#", "{a: 1}", "&a [1]", "*a", "===\n", "**", "__", "[x](", "<!--",
                "/*", "//", "\\", "@[", "#tag ", "\n\n"],
    "kialo": ["1.", "1.1.", " Pro: ", " Con: ", "-> See 1.", "\\(", "\n", "Discussion Title:"],
    "microtext": ["<", ">", "&#10;", "&amp;", '"', "<edu id=", "<edge ", 'type="und"', 'type="seg"',
                  "<joint ", "<!DOCTYPE", "]]>", '<![CDATA['],
    "brat": ["\t", "\n", "T", "R", "A", " ", "Arg1:T", "Arg2:T", "supports", "undercutter", "0 ", "99999 "],
}  # fmt: skip
FRAGMENTS["aif"] = FRAGMENTS["sadface"] = FRAGMENTS["json"]
FRAGMENTS["argmap"] = ["post ", "by ", "claim ", "support ", " -> ", ":", "\n", '"', "\\", "#", "|"]


def _head(path: Path, lines: int = 60) -> str:
    with open(path, encoding="utf-8", errors="replace") as f:
        return "".join(line for _, line in zip(range(lines), f))


@functools.cache
def seeds(fmt: str) -> list[str]:
    """Texts of format ``fmt`` to mutate (brat: the .ann and its .txt joined by NUL)."""
    examples = [argmap.load(p) for p in sorted((ROOT / "examples").glob("*.argmap"))]
    out = list(OWN.get(fmt, []))
    if fmt in WRITERS:  # the small examples: mutating a 100 KB seed costs more than it finds
        out += [argmap.write(doc, fmt) for doc in examples if len(doc.propositions) < 60]  # type: ignore[arg-type]
    corpus = {"kialo": ("kialo", "*.txt"), "microtext": ("arg-microtexts", "**/*.xml"),
              "argdown": ("argdown", "*.argdown"), "aif": ("qt30-aif", "*.json")}.get(fmt)  # fmt: skip
    if corpus and CORPORA.is_dir():
        out += [_head(p) for p in sorted((CORPORA / corpus[0]).glob(corpus[1]))[:3]]
    if fmt == "brat" and (CORPORA / "cmv-modes").is_dir():
        for ann in sorted((CORPORA / "cmv-modes").glob("*/*.ann"))[:2]:
            out.append(_head(ann, 30) + "\x00" + ann.with_suffix(".txt").read_text("utf-8", "replace")[:3000])
    return out


@st.composite
def mutated(draw: st.DrawFn, fmt: str) -> str:
    """A seed of ``fmt`` with a few edits: cut, doubled, truncated, spliced, fragments put in."""
    text = draw(st.sampled_from(seeds(fmt)))
    for _ in range(draw(st.integers(1, 5))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 200)))
        op = draw(st.sampled_from(["insert", "insert", "delete", "double", "truncate", "char", "repeat"]))
        if op == "insert":
            text = text[:i] + draw(st.sampled_from(FRAGMENTS[fmt])) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "double":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "truncate":
            text = text[:i]
        elif op == "char":
            text = text[:i] + draw(st.characters()) + text[i + 1 :]
        else:  # a fragment many times over: what makes a quadratic path show (up to REPEAT characters:
            # enough for that, where a 15 MB file would only measure how fast linear work is)
            fragment = draw(st.sampled_from(FRAGMENTS[fmt]))
            times = draw(st.integers(50, max(50, min(3000, REPEAT // len(fragment)))))
            text = text[:i] + fragment * times + text[i:]
    return text


# -- what every case must satisfy -----------------------------------------------------------------

_TMP = Path(tempfile.mkdtemp(prefix="argmap-fuzz-"))


def read(fmt: str, text: str) -> argmap.Document | None:
    """The document ``text`` holds, or None when argmap refuses it (with an ArgmapError)."""
    path = None
    if fmt == "brat":
        ann, _, txt = text.partition("\x00")
        (_TMP / "case.txt").write_text(txt, encoding="utf-8", errors="surrogatepass")
        path, text = str(_TMP / "case.ann"), ann
    try:
        doc, _ = argmap.read(text, fmt, path=path)  # type: ignore[arg-type]
    except ArgmapError:
        return None
    return doc


def exercise(fmt: str, text: str) -> None:
    with budget(f"reading {fmt}"):
        doc = read(fmt, text)
    if doc is None:
        return
    with budget(f"checking and drawing what {fmt} gave"):
        argmap.check(doc)
        argmap.stats(doc)
        try:
            argmap.to_graphviz(doc, cluster="post").source
        except RenderError:
            pass  # what Graphviz cannot be given (a label over its limit) is refused, and said so
    for out in WRITERS:
        with budget(f"writing {out} of what {fmt} gave"):
            try:
                written = argmap.write(doc, out)  # type: ignore[arg-type]
            except FormatError:
                continue  # the target cannot hold it, and says so
            if out in READERS:  # what argmap writes, argmap reads
                back, _ = argmap.read(written, out)  # type: ignore[arg-type]
                assert len(back.propositions) == len(doc.propositions), (fmt, out)


@pytest.mark.parametrize("fmt", READERS)
def test_a_reader_ends_in_a_document_or_an_argmap_error_within_budget(fmt):
    """Every reader, on mutated files of its format: a document every writer writes and every
    reader reads back, or an ArgmapError; never another exception, a hang or a blow-up."""
    if not seeds(fmt):
        pytest.skip(f"no seeds for {fmt}")

    ran = []

    @given(mutated(fmt))
    def case(text: str) -> None:
        ran.append(1)
        exercise(fmt, text)

    case()
    # every case counts: the fuzz profile's 12,000 per format are 12,000 files read, not fewer
    assert len(ran) >= settings().max_examples


@given(st.sampled_from(READERS), st.text(max_size=300))
def test_arbitrary_text_in_any_format_ends_in_a_document_or_an_argmap_error(fmt, text):
    exercise(fmt, text)


def test_the_budget_catches_a_case_that_runs_too_long(monkeypatch):
    """The budget is not vacuous: a reader that hangs fails its case within the budget."""
    import time

    monkeypatch.setattr(sys.modules[__name__], "BUDGET_SECONDS", 1)

    def hang(*args: object, **kwargs: object) -> None:
        time.sleep(5)

    monkeypatch.setattr(argmap, "read", hang)
    start = time.monotonic()
    with pytest.raises(CaseTooSlow):
        exercise("json", "{}")
    assert time.monotonic() - start < 3
