"""The CMV-modes threads of ../shared/corpora/cmv-modes, in both forms (XML and brat): each converts to
argmap text that checks without errors and comes back through JSON, and every relation of the
source is kept or named in a warning (issue #15, items 1-3).  Skipped when ../shared is absent."""

from __future__ import annotations

import re
from collections import Counter

import pytest

import argmap
from argmap._formats import FORMATS

pytestmark = pytest.mark.corpus

#: the one file that is not well-formed XML, and where: <reply> (line 14) is never closed
MALFORMED = {"positive/1.xml": (35, 3)}


def _files(shared, suffix: str) -> list:
    folder = shared / "corpora" / "cmv-modes"
    files = sorted(folder.glob(f"*/*{suffix}"))
    assert len(files) == 5, files
    return files


def _name(path) -> str:
    return f"{path.parent.name}/{path.name}"


def _read(path):
    fmt = "cmv" if path.suffix == ".xml" else "brat"
    return FORMATS[fmt].read(path.read_text(encoding="utf-8"), str(path))


def _source_relations(path) -> int:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".xml":
        return len(re.findall(r'\brel="', text))
    return sum(1 for line in text.splitlines() if line.startswith("R"))


def _kept(doc: argmap.Document) -> int:
    """How many source relations the document holds: a linked support holds one per premise, an
    agreement or concession one per agreeing component (named in its comments)."""
    n = 0
    for r in doc.relations:
        if isinstance(r, argmap.Support):
            n += len(r.premises)
        elif r.kind in ("agreement", "concession"):
            n += len(r.comments)
        else:
            n += 1
    return n


@pytest.mark.parametrize("suffix", [".xml", ".ann"])
def test_every_thread_converts_checks_and_comes_back(shared, suffix):
    for path in _files(shared, suffix):
        if _name(path) in MALFORMED:
            with pytest.raises(argmap.ParseError) as e:
                argmap.read(path.read_text(encoding="utf-8"), "cmv", path=str(path))
            (d,) = e.value.diagnostics
            assert (d.code, (d.span.line, d.span.column)) == ("X700", MALFORMED[_name(path)])
            assert "mismatched tag (<reply>, opened on line 14, is still open)" in d.message
            continue
        doc, warnings = _read(path)
        assert not [w for w in warnings if w.severity is argmap.Severity.ERROR], path
        text = argmap.format(doc)
        parsed = argmap.parse(text)
        errors = [d for d in argmap.check(parsed) if d.severity is argmap.Severity.ERROR]
        assert not errors, (path, errors)
        assert argmap.format(argmap.from_json(argmap.to_json(parsed))) == text, path
        assert all(r.post is not None for r in doc.relations), path  # every relation has a post


@pytest.mark.parametrize("suffix", [".xml", ".ann"])
def test_every_relation_is_kept_or_named_in_a_warning(shared, suffix):
    """Before: the brat reader kept 93 of the 108 relations (15 X604: agreement … of no
    counterpart, undercutters of no support) and none of the five converted to argmap text; then
    101, the 7 undercutters of attacks left out.  Now every relation is kept."""
    kept = left = source = 0
    for path in _files(shared, suffix):
        if _name(path) in MALFORMED:
            continue
        doc, warnings = _read(path)
        dropped = [w for w in warnings if "left out" in w.message]
        assert _kept(doc) + len(dropped) == _source_relations(path), path
        kept, left, source = kept + _kept(doc), left + len(dropped), source + _source_relations(path)
    assert (source, kept, left) == ((85, 85, 0) if suffix == ".xml" else (108, 108, 0))


_ANN_RELATION = re.compile(r"^R\d+\t(\S+) Arg1:(\S+) Arg2:(\S+)", re.M)
_ATTACK_NAMES = {"rebuttal", "rebuttal_attack", "partial_attack", "partial_disagreement", "disagreement",
                 "attack", "undercutter", "undercutter_attack"}  # fmt: skip


def _undercutters_of_attacks(text: str) -> list[tuple[str, str]]:
    """(undercutter, aimed component) of each undercutter in a .ann whose aimed component gives no
    support but attacks: read from the file alone."""
    rels = _ANN_RELATION.findall(text)
    supports = {a for name, a, _ in rels if name.lower() in ("support", "supports")}
    attacks = {a for name, a, _ in rels if name.lower() in _ATTACK_NAMES}
    return [
        (a, b) for name, a, b in rels if name.lower() == "undercutter" and b not in supports and b in attacks
    ]


def test_undercutters_kept_and_warned(shared):
    """13 undercutters in the brat files: 3 undercut a support, 3 aim at what draws no inference (the
    title) and are read as rebuttals, 7 aim at attacks and undercut them (before, argmap could not
    hold those: they were named in a warning and left out)."""
    outcome: Counter[str] = Counter()
    for path in _files(shared, ".ann"):
        text = path.read_text(encoding="utf-8")
        doc, warnings = _read(path)
        outcome["undercutters"] += sum(1 for line in text.splitlines() if "\tundercutter " in line)
        outcome["undercuts"] += len(doc.undercuts)
        outcome["as rebuttals"] += sum("read as a rebuttal" in w.message for w in warnings)
        outcome["of attacks"] += sum(u.target not in doc.supports_by_id for u in doc.undercuts)
        outcome["left out"] += sum("left out" in w.message for w in warnings)
    assert outcome == {"undercutters": 13, "undercuts": 10, "as rebuttals": 3, "of attacks": 7, "left out": 0}


@pytest.mark.parametrize("suffix", [".xml", ".ann"])
def test_undercutters_of_attacks_undercut_the_named_attack_of_their_component(shared, suffix):
    """Each undercutter aimed at a component that attacks (and gives no support) is an undercut of
    that component's attack, which is named; the map checks without errors."""
    total = 0
    for path in _files(shared, suffix):
        if _name(path) in MALFORMED:
            continue
        doc, _ = _read(path)
        inferences = doc.inferences_by_id
        of_attacks = [u for u in doc.undercuts if u.target not in doc.supports_by_id]
        total += len(of_attacks)
        for u in of_attacks:
            aimed = inferences[u.target]
            assert isinstance(aimed, (argmap.Rebuttal, argmap.Undercut)) and aimed.id == u.target, (path, u)
        if suffix == ".ann":  # the same pairs the file names, ids being the annotations' keys
            expected = _undercutters_of_attacks(path.read_text(encoding="utf-8"))
            assert sorted((u.attacker, inferences[u.target].attacker) for u in of_attacks) == sorted(expected)
        assert not [d for d in argmap.check(doc) if d.severity is argmap.Severity.ERROR], path
    assert total == 7  # as many in the XML form (its malformed thread has none)


def test_both_forms_of_a_thread_give_the_same_map(shared):
    for xml in _files(shared, ".xml"):
        if _name(xml) in MALFORMED:
            continue
        from_xml, _ = _read(xml)
        from_brat, _ = _read(xml.with_suffix(".ann"))
        assert argmap.stats(from_xml) == argmap.stats(from_brat), xml
        assert [p.author for p in from_xml.posts] == [p.author for p in from_brat.posts]
        assert [p.anchor for p in from_xml.propositions][1:] == [p.anchor for p in from_brat.propositions][1:]
