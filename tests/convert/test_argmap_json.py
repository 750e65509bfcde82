"""argmap JSON: lossless round trips, schema validity, and located errors."""

from __future__ import annotations

import json

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import strategies
from argmap._cli import main
from argmap._formats.argmap_json import schema, to_dict


def test_text_to_json_to_text_is_identical(seed_example):
    text = seed_example.read_text(encoding="utf-8")
    doc = argmap.parse(text)
    assert argmap.format(argmap.from_json(argmap.to_json(doc))) == text


def test_comments_and_spans_survive_json():
    doc = argmap.parse("# top\npost 1 by ann\n  # why\n  claim c1: x\n")
    back = argmap.from_json(argmap.to_json(doc))
    assert back.propositions[0].comments == ("# why",) and back.posts[0].comments == ("# top",)
    assert back.propositions[0].span == doc.propositions[0].span


@given(strategies.documents())
def test_document_to_json_to_document_is_equal(doc):
    """Every generated document survives JSON unchanged, and its JSON satisfies the schema."""
    text = argmap.to_json(doc)
    jsonschema.validate(json.loads(text), schema())
    assert argmap.from_json(text) == doc


def every_field(doc) -> dict:
    """A document's data with spans and comments (which == leaves out); not the spans of
    single references inside a line, which argmap JSON does not keep."""
    return attrs.asdict(doc, filter=lambda a, v: a.init and a.name != "ref_spans")


_TRICKY = st.lists(
    st.sampled_from(["\x01", '}, "\x1b", {', "}", "{", '"', "\\u0000", "x", "é", "\u2028"]), max_size=4
)


@given(strategies.documents(), _TRICKY, _TRICKY)
def test_json_keeps_spans_and_comments_and_writes_one_item_per_line(doc, comments, trailing):
    """Parsed text (with spans) and hostile comments survive JSON field for field; each item is one line."""
    doc = argmap.parse(argmap.format(doc))
    doc = attrs.evolve(doc, comments=comments, trailing_comments=trailing)
    if doc.propositions:
        first = attrs.evolve(doc.propositions[0], comments=["".join(comments)] + comments)
        doc = attrs.evolve(doc, propositions=(first,) + doc.propositions[1:])
    text = argmap.to_json(doc)
    jsonschema.validate(json.loads(text), schema())
    assert every_field(argmap.from_json(text)) == every_field(doc)
    items = len(doc.posts) + len(doc.propositions) + len(doc.relations)
    assert sum(line.startswith("  {") for line in text.splitlines()) == items


def test_json_is_deterministic_and_versioned(seed_example):
    doc = argmap.load(seed_example)
    out = argmap.to_json(doc)
    assert out == argmap.to_json(argmap.load(seed_example))
    data = json.loads(out)
    assert (data["format"], data["version"]) == ("argmap", 3)


def problems(text: str):
    with pytest.raises(argmap.ParseError) as info:
        argmap.from_json(text, path="t.json")
    return [(d.code, d.span.line if d.span else None, d.message) for d in info.value.diagnostics]


def test_invalid_json_is_reported_with_line_and_column():
    assert problems('{"format": "argmap",\n  "version": 1,,}') == [
        ("J001", 2, "not valid JSON: Expecting property name enclosed in double quotes")
    ]


def test_schema_violations_name_the_json_path():
    bad = {"format": "argmap", "version": 1, "propositions": [{"id": "bad id", "text": "x"}],
           "relations": [{"type": "rebuttal", "attacker": "a"}]}  # fmt: skip
    assert problems(json.dumps(bad)) == [
        ("J002", None, "at $.propositions[0].id: 'bad id' does not match '^\\\\w(?:[\\\\w.\\\\-]*\\\\w)?$'"),
        ("J002", None, "at $.relations[0]: 'target' is a required property"),
    ]


def test_unknown_keys_and_versions_are_refused():
    assert problems('{"format": "argmap", "version": 1, "extra": 1}')[0][2].endswith(
        "('extra' was unexpected)"
    )
    assert problems('{"format": "argmap", "version": 4}') == [
        ("J002", None, "argmap JSON version 4 is not supported (this argmap reads versions 1, 2 and 3)")
    ]
    relation = {"type": "agreement", "target": "a", "attacker": "b"}
    doc = {"format": "argmap", "version": 1, "relations": [relation]}
    assert "attacker" in problems(json.dumps(doc))[0][2]


def test_dangling_references_are_reported_like_the_text_language():
    doc = {"format": "argmap", "version": 1, "propositions": [{"id": "a", "text": "x"}],
           "relations": [{"type": "rebuttal", "attacker": "a", "target": "b"}]}  # fmt: skip
    assert [code for code, *_ in problems(json.dumps(doc))] == ["R002"]


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_convert_both_ways_on_the_command_line(capsys, seed_example, tmp_path):
    as_json = tmp_path / "seed.json"
    back = tmp_path / "seed.argmap"
    assert run(capsys, "convert", str(seed_example), "-o", str(as_json))[0] == 0
    assert run(capsys, "convert", str(as_json), "-o", str(back))[0] == 0
    assert back.read_bytes() == seed_example.read_bytes()


def test_convert_to_stdout_needs_to(capsys, seed_example):
    code, _, err = run(capsys, "convert", str(seed_example), "-o", "-")
    assert code == 2 and "needs --to" in err
    code, out, _ = run(capsys, "convert", str(seed_example), "-o", "-", "--to", "json")
    assert code == 0 and json.loads(out)["format"] == "argmap"


def test_convert_never_overwrites_its_input(capsys, tmp_path, seed_example):
    path = tmp_path / "a.json"
    run(capsys, "convert", str(seed_example), "-o", str(path))
    before = path.read_bytes()
    code, _, err = run(capsys, "convert", str(path), "-o", str(path), "--to", "json")
    assert code == 2 and "would overwrite the input" in err and path.read_bytes() == before


def test_unknown_output_suffix_is_a_usage_error(capsys, seed_example, tmp_path):
    code, _, err = run(capsys, "convert", str(seed_example), "-o", str(tmp_path / "x.xml"))
    assert code == 2 and "cannot tell the output format" in err


def test_reading_commands_accept_json(capsys, seed_example, tmp_path):
    path = tmp_path / "seed.json"
    run(capsys, "convert", str(seed_example), "-o", str(path))
    code, out, _ = run(capsys, "stats", str(path), "--format", "json")
    assert code == 0 and json.loads(out)["propositions"] >= 70
    code, out, _ = run(capsys, "check", "--format", "concise", "--select", "M101", str(path))
    assert code == 0 and out.splitlines()[0].startswith(f"{path}: M101 ")  # no line: spans belong to the text
    assert run(capsys, "render", str(path), "-o", str(tmp_path / "m.dot"))[0] == 0
    renamed = tmp_path / "seed.data"
    renamed.write_bytes(path.read_bytes())
    assert run(capsys, "stats", "--from", "json", str(renamed))[0] == 0


def test_broken_json_file_on_the_command_line(capsys, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "argmap", "version": 1, "posts": [}', encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "concise", str(path))
    assert code == 1 and out.startswith(f"{path}:1:46: J001 error: not valid JSON")


# -- the fast check (_formats/_valid.py) against jsonschema ------------------------

#: values a mutation puts somewhere: every JSON type, and strings near the schema's patterns
_ODD_VALUES = (
    ["", " x", "x ", "a\nb", "a b", "x,y", "ok", "s1", "claim", "support", "rebuttal", "argmap",
     "a\n", "\t", "é", "-x", "x-", 0, 1, 2, -1, 0.5, 1.5, True, False, None, [], {}, ["a"], [""],
     [1, 2, 3, 4], [1, 2, 3], [0, 1, 1, 1], {"x": 1}, {"type": "agreement", "target": "a"}]
)  # fmt: skip
_ODD = st.sampled_from(_ODD_VALUES)


def _places(value, path=()):
    """Every (path, value) inside parsed JSON, the whole included."""
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _places(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _places(v, (*path, i))


@st.composite
def mutated(draw):
    data = to_dict(draw(strategies.documents(max_posts=3, max_propositions=5, max_relations=5)))
    for _ in range(draw(st.integers(0, 3))):
        places = list(_places(data))
        path, value = draw(st.sampled_from(places))
        how = draw(st.sampled_from(["replace", "delete", "add"]))
        if how == "replace" or not path:
            new = draw(_ODD)
            if not path:
                data = new
                continue
            parent = data
            for step in path[:-1]:
                parent = parent[step]
            parent[path[-1]] = new
        elif how == "delete":
            parent = data
            for step in path[:-1]:
                parent = parent[step]
            del parent[path[-1]]
        elif isinstance(value, dict):
            value[draw(st.sampled_from(["id", "text", "type", "span", "extra", "target", "premises"]))] = (
                draw(_ODD)
            )
        elif isinstance(value, list):
            value.append(draw(_ODD))
    return data


@given(mutated())
def test_the_fast_check_agrees_with_jsonschema(data):
    """On generated documents, mutated in up to three places (values replaced with odd ones,
    keys removed or added), the fast check accepts exactly what jsonschema accepts."""
    from argmap._formats.valid import checker

    expected = not list(jsonschema.Draft202012Validator(schema()).iter_errors(data))
    assert checker(schema())(data) == expected


def test_integers_written_as_floats_are_left_to_jsonschema():
    """JSON Schema counts 1.0 as an integer: the fast check refuses it, jsonschema accepts it."""
    from argmap._formats.valid import checker

    data = to_dict(argmap.parse("claim a: Tea.\n"))
    data["version"] = 1.0
    data["propositions"][0]["span"] = [1.0, 1, 1, 14]
    assert not checker(schema())(data)
    assert argmap.from_json(json.dumps(data)).propositions[0].text == "Tea."


RICH = """\
title: Tea
ignore: M101
# top
post 1 by ann at 2024-01-01
  | Tea is good for you.
  claim a: Tea is good.
    anchor: Tea is good
    tags: health, taste
    base: 0.5
  claim b: Tea is hot.
    voice: reported by the Tea Council
  support s1: b -> a
    scheme: Cause to effect
post 2 by bob reply-to 1
  quote 1: Tea is good
  claim c: Tea stains.
    voice: supposed
  claim d: Stains wash off.
    voice: reported
  rebut c -> a
  rebut r1: c & d -> b
  undercut c -> s1
  undercut u1: d -> r1
  restate c -> b
  agree b
  concede a
"""


def test_the_fast_check_agrees_with_jsonschema_on_every_change_of_one_place():
    """A document with every kind of item and every optional field: each place replaced by
    each odd value, each key removed, and each known key added: the fast check and
    jsonschema accept the same changes."""
    from argmap._formats.valid import checker

    fast, validator = checker(schema()), jsonschema.Draft202012Validator(schema())
    base = to_dict(argmap.parse(RICH))
    keys = sorted({k for _, v in _places(base) if isinstance(v, dict) for k in v}
                  | {"extra", "scheme", "partners", "voice", "reported_by"})

    def changed(path, edit):
        data = json.loads(json.dumps(base))
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        edit(parent, path[-1])
        return data

    cases = []
    for path, value in _places(base):
        if not path:
            continue
        for new in _ODD_VALUES:
            cases.append(changed(path, lambda p, k, new=new: p.__setitem__(k, new)))
        cases.append(changed(path, lambda p, k: p.__delitem__(k)))
        if isinstance(value, dict):
            for key in keys:
                if key not in value:
                    for new in ("a", 1, [1, 1, 1, 1], ["a"]):
                        cases.append(changed((*path, key), lambda p, k, new=new: p.__setitem__(k, new)))
    assert len(cases) > 3000
    for data in cases:
        assert fast(data) == (not any(True for _ in validator.iter_errors(data))), data


def test_named_and_linked_attacks_round_trip_and_version_1_files_still_read():
    doc = argmap.parse(RICH)
    back = argmap.from_json(argmap.to_json(doc))
    assert back.relations == doc.relations
    rebuttal = next(r for r in to_dict(doc)["relations"] if r.get("id") == "r1")
    assert (rebuttal["attacker"], rebuttal["partners"], rebuttal["target"]) == ("c", ["d"], "b")
    old = {"format": "argmap", "version": 1, "propositions": [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}],
           "relations": [{"type": "rebuttal", "attacker": "a", "target": "b"}]}  # fmt: skip
    assert argmap.from_json(json.dumps(old)).rebuttals[0] == argmap.Rebuttal("a", "b")


def test_voices_are_written_as_version_3_and_read_back():
    doc = argmap.parse(RICH)
    props = {p["id"]: p for p in to_dict(doc)["propositions"]}
    assert (props["b"]["voice"], props["b"]["reported_by"]) == ("reported", "the Tea Council")
    assert (props["c"]["voice"], "reported_by" in props["c"]) == ("supposed", False)
    assert (props["d"]["voice"], "reported_by" in props["d"]) == ("reported", False)
    assert "voice" not in props["a"] and "reported_by" not in props["a"]  # own: the default, left out
    back = argmap.from_json(argmap.to_json(doc))
    assert [(p.voice, p.reported_by) for p in back.propositions] == [
        (argmap.Voice.OWN, None), (argmap.Voice.REPORTED, "the Tea Council"),
        (argmap.Voice.SUPPOSED, None), (argmap.Voice.REPORTED, None),
    ]  # fmt: skip


@pytest.mark.parametrize("version", [1, 2])
def test_files_of_earlier_versions_read_with_every_proposition_the_authors_own(version):
    old = {"format": "argmap", "version": version, "propositions": [{"id": "a", "text": "x"}]}
    (p,) = argmap.from_json(json.dumps(old)).propositions
    assert (p.voice, p.reported_by) == (argmap.Voice.OWN, None)


@pytest.mark.parametrize(
    ("fields", "where"),
    [({"voice": "hearsay"}, "voice"),
     ({"reported_by": "a columnist"}, "voice"),  # reported_by needs voice reported
     ({"voice": "supposed", "reported_by": "a columnist"}, "voice"),
     ({"voice": "reported", "reported_by": ""}, "reported_by"),
     ({"voice": "reported", "reported_by": " padded "}, "reported_by")],
)  # fmt: skip
def test_a_wrong_voice_is_refused_with_its_json_path(fields, where):
    from argmap._formats.valid import checker

    data = {"format": "argmap", "version": 3, "propositions": [{"id": "a", "text": "x", **fields}]}
    assert not checker(schema())(data)
    found = problems(json.dumps(data))
    assert found and all(code == "J002" for code, *_ in found)
    assert any("$.propositions[0]" in message and where in message for _, _, message in found), found
