"""`argmap convert` and the reading commands across every format."""

from __future__ import annotations

import json

import pytest

import argmap

from argmap._cli import main
from argmap._formats import FORMATS


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def seed_counts(capsys, path, *extra):
    code, out, err = run(capsys, "stats", str(path), "--format", "json", *extra)
    assert code == 0, err
    return json.loads(out)


ROUND_TRIP = {
    "argmap": ".argmap",
    "json": ".json",
    "aif": ".aif",
    "argdown": ".argdown",
    "sadface": ".sadface",
}


@pytest.mark.parametrize("name", sorted(ROUND_TRIP))
def test_convert_the_seed_to_each_format_and_read_it_back(capsys, tmp_path, seed_example, name):
    out = tmp_path / f"seed{ROUND_TRIP[name]}"
    code, _, err = run(capsys, "convert", str(seed_example), "-o", str(out))
    assert code == 0, err
    before = seed_counts(capsys, seed_example)
    after = seed_counts(capsys, out)
    for key in ("propositions", "supports", "rebuttals", "undercuts"):
        assert after[key] == before[key], (name, key)
    code, _, err = run(capsys, "check", str(out), "--severity", "error")
    assert code == 0, err


def test_json_suffix_shared_by_three_formats_is_told_apart_by_content(capsys, tmp_path, seed_example):
    expected = len(argmap.load(seed_example).propositions)
    for name in ("json", "aif", "sadface"):
        out = tmp_path / f"seed-{name}.json"
        assert run(capsys, "convert", str(seed_example), "-o", str(out), "--to", name)[0] == 0
        assert seed_counts(capsys, out)["propositions"] == expected


def test_from_overrides_the_suffix(capsys, tmp_path, seed_example):
    out = tmp_path / "seed.txt"
    assert run(capsys, "convert", str(seed_example), "-o", str(out), "--to", "argdown")[0] == 0
    assert seed_counts(capsys, out, "--from", "argdown")["propositions"] == len(argmap.load(seed_example).propositions)


def test_import_warnings_are_shown_and_do_not_stop_the_conversion(capsys, tmp_path):
    src = tmp_path / "map.aif"
    src.write_text(json.dumps({"nodes": [{"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "B", "type": "I"}],
                               "edges": [{"edgeID": "9", "fromID": "1", "toID": "2"}]}))  # fmt: skip
    code, _, err = run(capsys, "convert", str(src), "-o", str(tmp_path / "map.argmap"))
    assert code == 0 and "X101" in err and "illegal edge 9" in err


def test_unreadable_import_exits_1_with_a_located_message(capsys, tmp_path):
    src = tmp_path / "map.aif"
    src.write_text('{"nodes": [\n  1,,\n]}')
    code, out, err = run(capsys, "check", str(src))
    assert code == 1 and "map.aif:2:" in out + err and "J001" in out + err


def test_write_only_and_read_only_formats_say_so(capsys, tmp_path, seed_example):
    assert {n for n, f in FORMATS.items() if f.read is None} == {"graphml"}
    with pytest.raises(SystemExit) as info:  # argparse refuses it among the choices
        run(capsys, "stats", str(seed_example), "--from", "graphml")
    assert info.value.code == 2 and "invalid choice: 'graphml'" in capsys.readouterr().err
    code, _, err = run(capsys, "convert", str(seed_example), "-o", str(tmp_path / "x.ann"))
    assert code == 2 and "cannot tell the output format" in err


def test_a_file_in_a_format_argmap_only_writes_is_refused_by_name(capsys, tmp_path, seed_example):
    """Reading a .graphml file says that argmap does not read GraphML (not a syntax error at '<')."""
    out = tmp_path / "map.graphml"
    assert run(capsys, "convert", str(seed_example), "-o", str(out))[0] == 0
    code, _, err = run(capsys, "stats", str(out))
    assert code == 2 and "writes GraphML but cannot read it" in err and "P100" not in err
