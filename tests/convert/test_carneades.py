"""Carneades argument graphs (YAML): statements, arguments, undercutters, issues, assumptions."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap._formats import FORMATS, carneades, detect

GRAPH = """\
meta:
  title: Tweety,
    in short
  note: >
    Only undercutters.
statements:
  flies: Tweety flies.
  ¬flies: Tweety does not fly.
  bird:
    text: Tweety is a bird.
    assumed: true
  ¬app(a1): Argument a1 does not apply.
issues:
  i1:
    positions: [flies, ¬flies]
    standard: PE
arguments:
  a1:
    scheme: birds
    conclusion: flies
    premises:
      minor: bird
      major: birdsFly
    undercutter: ¬app(a1)
  a2:
    conclusion: ¬flies
    premises: [penguin]
    exceptions: [ostrich]
  a3:
    conclusion: ¬app(a1)
assumptions: [birdsFly]
tests:
  in: [bird]
"""


def read(text: str):
    """Read through the registry, as the CLI does; the document must be argmap text that parses back."""
    doc, problems = FORMATS["carneades"].read(text, "g.yml")
    assert not [p for p in problems if p.severity is argmap.Severity.ERROR], problems
    assert argmap.parse(argmap.format(doc)) == doc
    return doc, [p.code for p in problems]


def test_statements_arguments_undercutters_issues_and_assumptions():
    doc, codes = read(GRAPH)
    assert doc.metadata.title == "Tweety, in short"
    assert doc.comments == ("note: Only undercutters.",)
    props = doc.propositions_by_id
    assert list(props) == [
        "flies",
        "not_flies",
        "bird",
        "not_app_a1",
        "birdsFly",
        "penguin",
        "ostrich",
        "app_a3",
    ]
    assert props["not_flies"].comments == ("Carneades statement ¬flies",)  # the key is kept
    assert props["penguin"].text == "penguin"  # a statement without text: its key
    assert [p.id for p in doc.propositions if "assumed" in p.tags] == ["bird", "birdsFly"]
    a1 = doc.supports_by_id["a1"]
    assert (a1.premises, a1.conclusion, a1.scheme) == (("bird", "birdsFly"), "flies", "birds")
    assert a1.comments == ("premises: minor bird, major birdsFly",)
    assert doc.supports_by_id["a3"].premises == ("app_a3",)  # an argument without premises
    assert {(u.attacker, u.target) for u in doc.undercuts} == {("not_app_a1", "a1"), ("ostrich", "a2")}
    assert [(r.attacker, r.target, r.comments) for r in doc.rebuttals] == [
        ("flies", "not_flies", ("issue i1 (proof standard PE)",)),
        ("not_flies", "flies", ("issue i1 (proof standard PE)",)),
    ]
    assert codes == ["X808", "X803", "X806"]


def test_what_argmap_cannot_hold_is_named_once_with_its_count():
    text = """\
argument_schemes:
  - {id: s1, weight: {constant: 0.1}, exceptions: [e]}
  - {id: s2}
issue_schemes: {negation: ["¬Q", "Q"]}
language: {foo/1: "foo(%s)"}
statements: {p: {text: P, label: x}, q: Q}
issues: {i1: {positions: [p]}, i2: {positions: [p, q], standard: PE}, i3: {positions: [q, p], standard: CCE}}
arguments:
  a1: {conclusion: [p, q], premises: [q]}
  a2: {conclusion: p, premises: [q], weight: 0.5}
extra: 1
"""
    doc, problems = FORMATS["carneades"].read(text, "g.yml")
    messages = {p.code + " " + p.message for p in problems}
    assert (
        "X805 2 argument scheme(s) left out: argmap holds an argument graph, not the rules that build one"
        in messages
    )
    assert any(m.startswith("X804 2 weight(s)") for m in messages)
    assert any(m.startswith("X801 1 argument(s) without one conclusion left out: a1") for m in messages)
    assert any(
        m.startswith("X802 1 issue(s) with fewer than two positions give no rebuttal: i1") for m in messages
    )
    assert any(m.startswith("X803 2 proof standard(s) (PE ×1, CCE ×1)") for m in messages)
    assert "X807 unknown top-level field(s) left out: extra" in messages
    assert "X807 unknown field(s) left out: statements.label (1)" in messages
    assert len(doc.rebuttals) == 2  # i3 repeats i2's pairs: each pair once


def test_ids_that_are_not_argmap_ids_are_made_ids_without_merging_statements():
    doc, _ = read("statements: {¬p: A, not_p: B, 'a b': C, a_b: D, 7: E}\narguments: {x y: {conclusion: 7, "
                  "premises: ['a b']}}\n")  # fmt: skip
    assert [(p.id, p.text) for p in doc.propositions] == [
        ("not_p", "A"), ("not_p-2", "B"), ("a_b", "C"), ("a_b-2", "D"), ("7", "E")]  # fmt: skip
    assert doc.supports[0].id == "x_y" and doc.supports[0].comments == ("Carneades argument x y",)


def test_detection_by_suffix_and_by_content(tmp_path):
    assert detect("graph.yml").name == "carneades"
    assert detect("graph.yaml", "meta: {title: x}\n").name == "carneades"
    assert detect("<stdin>", GRAPH).name == "carneades"
    assert detect("<stdin>", "claim a: statements:\n").name == "argmap"
    f = tmp_path / "g.yml"
    f.write_text(GRAPH, encoding="utf-8")
    from argmap._cli import main

    assert main(["convert", str(f), "-o", str(tmp_path / "g.argmap")]) == 0
    assert "support a1: bird & birdsFly -> flies" in (tmp_path / "g.argmap").read_text(encoding="utf-8")
    g = tmp_path / "g.txt"
    g.write_text(GRAPH, encoding="utf-8")
    assert main(["convert", "--from", "carneades", str(g), "-o", str(tmp_path / "h.argmap")]) == 0


# -- hostile input: a located ParseError, or warnings; never another exception -------------------

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n" + "\n".join(
    f"c{i}: &c{i} [*{'b' if i == 0 else f'c{i - 1}'}, *{'b' if i == 0 else f'c{i - 1}'}]" for i in range(30)
)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (ALIAS_BOMB, 2),
        ("statements:\n  p: &t P\n  q: *t\n", 3),
        ("- statements\n- arguments\n", 1),
        ("just words\n", 1),
        ("", 1),
        ("statements: {p: [unclosed\n", 2),
        ("statements:\n  p: " + "[" * 100 + "]" * 100 + "\n", 2),
        ("statements:\n  p: P\n" + "  q: " + "x" * carneades.MAX_CHARS + "\n", 3),
        ("statements: {p: " + "9" * 5000 + "}\n", 1),
        ("statements: {p: P}\n---\nstatements: {q: Q}\n", 2),
        ('statements: {q: "\\ud800"}\n', 1),
    ],
    ids=[
        "alias-bomb",
        "alias",
        "list",
        "scalar",
        "empty",
        "unclosed",
        "deep",
        "huge",
        "long-int",
        "two-docs",
        "surrogate",
    ],
)
def test_what_is_not_a_carneades_graph_is_a_located_error(text, line):
    with pytest.raises(argmap.ParseError) as info:
        FORMATS["carneades"].read(text, "bad.yml")
    (d,) = info.value.diagnostics
    assert (d.code, d.span.line, d.path) == ("X800", line, "bad.yml")


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("statements: [a, b]\narguments: {}\n", ["X002"]),
        ("statements: {p: {text: [1, 2]}, q: {text: {a: b}}}\n", ["X002", "X002"]),
        ("statements: {p: P}\narguments: [a1]\nissues: {i: [p]}\n", ["X002", "X002"]),
        ("arguments: {a: {conclusion: {x: 1}, premises: [[p], q]}}\n", ["X002", "X002", "X801"]),
        ("statements: {p: {text: P, assumed: maybe}}\nassumptions: p\nmeta: [x]\n", ["X002", "X002"]),
        ('statements: {"p\\0": "a\\0b"}\n', ["X001"]),
        ("statements: {p: \x00}\n", ["X001"]),
        ("meta: {title: {a: 1}, date: 2024-01-02}\nstatements: {2024-01-02: 2024-01-03}\n", ["X002"]),
        ("statements: {p: P}\narguments: {a: {conclusion: p, premises: [p]}}\n", []),
    ],
)
def test_fields_of_the_wrong_shape_are_left_out_with_a_warning(text, codes):
    _, found = read(text)
    assert found == codes


def test_an_issue_with_very_many_positions_is_cut_to_the_limit():
    positions = ", ".join(f"p{i}" for i in range(5000))
    doc, codes = read(f"issues: {{i: {{positions: [{positions}]}}}}\n")
    assert len(doc.rebuttals) == carneades.MAX_POSITIONS * (carneades.MAX_POSITIONS - 1)
    assert codes == ["X802"]


_YAML = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=8)
    | st.sampled_from(["p", "¬p", "a1", "x y"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "statements",
                    "arguments",
                    "issues",
                    "assumptions",
                    "meta",
                    "text",
                    "positions",
                    "premises",
                    "conclusion",
                    "undercutter",
                    "exceptions",
                    "title",
                    "p",
                    "q",
                    "a1",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=30,
)


@settings(deadline=None)
@given(_YAML)
def test_the_reader_survives_generated_yaml(data):
    try:
        doc, _ = FORMATS["carneades"].read(yaml.safe_dump(data, allow_unicode=True), None)
    except argmap.ParseError as e:
        assert all(d.code == "X800" and d.span is not None for d in e.diagnostics)
        return
    argmap.parse(argmap.format(doc))


# -- the corpus ---------------------------------------------------------------------------------------

#: files whose own arguments form a support loop, or support a statement rebutted by it (what the
#: file is about): the check's findings on them are the source's, not the conversion's
SOURCE_FINDINGS = {"even-loop": {"S103"}, "independent-support-loop": {"S103"}, "odd-loop": {"S103"},
                   "self-defeat": {"S103"}, "support-loop": {"S103"}, "unsupported2": {"S103", "S104"}}  # fmt: skip


def _corpus(shared):
    files = sorted((shared / "corpora" / "carneades-yaml").glob("*.yml"))
    assert len(files) == 43  # and README.md, LICENSE
    return files


@pytest.mark.corpus
def test_every_corpus_file_converts_checks_and_comes_back(shared):
    for path in _corpus(shared):
        text = path.read_text(encoding="utf-8")
        assert detect(str(path), text).name == "carneades"
        doc, _ = argmap.read(text, "carneades", path=str(path))
        back = argmap.parse(argmap.format(doc))
        assert back == doc, path.name
        errors = {d.code for d in argmap.check(back) if d.severity is argmap.Severity.ERROR}
        assert errors == SOURCE_FINDINGS.get(path.stem, set()), path.name
        again = argmap.from_json(argmap.to_json(back))
        assert (len(again.propositions), len(again.relations)) == (len(doc.propositions), len(doc.relations))
        assert again == doc


#: grounded labels agreeing with the file's tests (of how many), in the order of the corpus
AGREEMENT = {
    "bachelor": (2, 4), "basic_event_calculus": (2, 2), "caminada1": (3, 7), "dung-attack-cycle": (0, 2),
    "dung-reinstatement": (2, 4), "even-loop": (0, 2), "frisian": (3, 4), "independent-support-loop": (3, 3),
    "jogging": (2, 4), "jogging2": (0, 6), "lex": (2, 4), "library": (3, 5), "linked-convergent": (4, 5),
    "mandatory-sentences": (7, 13), "mcda-porsche": (11, 13), "odd-loop": (0, 3), "paraconsistency": (0, 4),
    "pollock-red-light": (4, 5), "prakken-sartor-murder": (8, 17), "rebuttal": (2, 4), "reinstatement": (3, 5),
    "risky-operation": (6, 10), "self-defeat": (0, 2), "sherlock": (13, 15), "snake": (2, 8),
    "support-loop": (0, 2), "tandem": (3, 3), "toulmin": (7, 8), "trivial": (2, 3), "tweety": (4, 8),
    "unreliable-witness": (2, 4), "unsupported": (0, 1), "unsupported2": (3, 4), "vacation": (0, 2),
}  # fmt: skip


@pytest.mark.corpus
def test_grounded_labels_against_the_expected_ones(shared):
    """Where argmap's grounded labels differ from Carneades', it is for one of two reasons
    (docs/formats.md): (A) argmap accepts what nothing attacks, Carneades only what is assumed or
    concluded by an applicable argument — the statement is IN but not assumed; (B) argmap makes an
    issue's positions rebut each other, Carneades decides the issue by proof standard and weights —
    the statement is UNDEC in a file with issues.  argmap never rejects what Carneades does not."""
    found = {}
    for path in _corpus(shared):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not data.get("tests"):
            continue
        doc, _ = argmap.read(path.read_text(encoding="utf-8"), "carneades")
        by_key = {next((c.split(" ", 2)[2] for c in p.comments if c.startswith("Carneades statement ")), p.id): p
                  for p in doc.propositions}  # fmt: skip
        labels = argmap.evaluate(doc, "grounded").labels
        agree = total = 0
        for want, keys in data["tests"].items():
            for key in keys or ():
                p, expected = by_key[str(key)], {"in": "IN", "out": "OUT", "undecided": "UNDEC"}[want]
                got, total = labels[p.id], total + 1
                agree += got == expected
                if got != expected:
                    a = got == "IN" and "assumed" not in p.tags
                    b = got == "UNDEC" and bool(data.get("issues"))
                    assert a or b, (path.name, key, expected, got)
        found[path.stem] = (agree, total)
    assert found == AGREEMENT
