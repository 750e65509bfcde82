"""What a writer leaves out is what its Losses table names (argmap._formats.losses).

For each format argmap writes and reads back, a document is written and read again: for each kind
of content (the table's catalogue), the read-back document holds as many items as the original,
less exactly the number the writer's table says it leaves out.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given

import argmap
from argmap import strategies
from argmap._formats import FORMATS, losses
from argmap._formats.losses import CONTENT, count

#: the formats argmap both writes and reads
ROUND_TRIPS = ["aif", "argdown", "sadface"]


def _lost(doc: argmap.Document, fmt: str) -> dict[str, int]:
    return {loss.content: loss.count for loss in losses(doc, fmt)}


def _back(doc: argmap.Document, fmt: str) -> argmap.Document:
    entry = FORMATS[fmt]
    assert entry.write is not None and entry.read is not None
    back, _ = entry.read(entry.write(doc), None)
    return back


@pytest.mark.parametrize("fmt", ROUND_TRIPS)
@given(doc=strategies.documents())
def test_what_a_writer_drops_is_what_its_table_names(fmt, doc):
    """Property: for each kind of content, read back = original - named loss (for all documents,
    linked and named attacks and undercuts of attacks among them)."""
    ids = {p.id for p in doc.propositions} | {s.id for s in doc.supports}
    assume(not (fmt == "aif" and any(p.id in ids for p in doc.posts)))  # AIF renames such a post (test_aif.py)
    back, lost = _back(doc, fmt), _lost(doc, fmt)
    for name in CONTENT:
        if name == "characters":  # counted by the format (GraphML): no document count
            continue
        assert count(doc, name) - count(back, name) == lost.get(name, 0), (fmt, name)


ATTACKS = """\
claim a: A.
claim b: B.
claim c: C.
claim d: D.
support s1: b -> a
rebut r1: c & d -> a
undercut u1: c -> s1
undercut b -> r1
"""


@pytest.mark.parametrize("fmt", ["aif", "argdown", "sadface", "graphml"])
def test_linked_attacks_and_attacks_on_attacks_are_kept_by_every_writer(fmt):
    """Every format argmap writes holds linked attacks and undercuts of attacks; AIF alone loses
    the id of an attack no undercut aims at (u1 here), and names that loss."""
    doc = argmap.parse(ATTACKS)
    expected = {"attack ids": 1} if fmt == "aif" else {}
    assert _lost(doc, fmt) == expected
    if fmt != "graphml":
        back = _back(doc, fmt)
        attacks = sorted((r.kind, r.attackers, r.target) for r in (*back.rebuttals, *back.undercuts))
        assert attacks == [
            ("rebuttal", ("c", "d"), "a"),
            ("undercut", ("b",), "r1"),
            ("undercut", ("c",), "s1"),
        ]


def test_convert_prints_the_loss_of_attack_ids_once(tmp_path, capsys):
    from argmap._cli import main

    src = tmp_path / "map.argmap"
    src.write_text(ATTACKS, encoding="utf-8")
    assert main(["convert", str(src), "-o", str(tmp_path / "map.aif")]) == 0
    err = capsys.readouterr().err
    assert err.count("AIF keeps no attack ids of attacks no undercut aims at: 1 attack id left out") == 1


def test_a_format_that_writes_must_say_what_it_leaves_out():
    from argmap._formats import Format

    with pytest.raises(TypeError, match="a writer must say what it leaves out"):
        Format("argmap", (".x",), None, lambda doc: "", "a writer without a loss table")
