"""A proposition that is not its author's own is marked on its node, and the legend explains the
marks a map uses (docs/language.md, "Voice")."""

from __future__ import annotations

import json
import re

import pytest
from dotparse import read

import argmap
from argmap._render.html import page_data

VOICED = """\
post 1 by ann
  claim a: Korea should keep Japan at arm's length.
    voice: reported by a Chosun Ilbo columnist
  claim b: Japan has apologised enough.
    voice: supposed
  claim c: What a great ally Japan has been.
    voice: ironic
  claim d: Someone said so.
    voice: reported
  claim e: Korea should work with Japan.
  rebut a -> e
  rebut e -> b
  rebut c -> e
  rebut d -> e
"""


def nodes_of(doc, **options):
    return read(argmap.to_graphviz(doc, **options).source)[1]


def label_lines(nodes, name):
    return nodes[name]["label"].split("\\n")


def test_each_voice_starts_its_nodes_label_and_the_authors_own_has_no_mark():
    nodes = nodes_of(argmap.parse(VOICED), width=60)
    assert label_lines(nodes, "p0")[:2] == ["reported by a Chosun Ilbo columnist:",
                                             "Korea should keep Japan at arm's length."]  # fmt: skip
    assert label_lines(nodes, "p1")[0] == "supposed:"
    assert label_lines(nodes, "p2")[0] == "ironic:"
    assert label_lines(nodes, "p3")[0] == "reported:"
    assert label_lines(nodes, "p4") == ["Korea should work with Japan.", "e · ann #1"]
    assert nodes["p0"]["tooltip"].startswith("reported by a Chosun Ilbo columnist: Korea")


def test_the_legend_explains_exactly_the_voices_used():
    notes = nodes_of(argmap.parse(VOICED))["legend_notes"]["label"].split("\\l")
    line = ("not the author's own: reported (by …): someone else's view · supposed: raised to be answered"
            " · ironic: not meant literally")  # one line: the legend stays a strip
    assert line in notes
    only_supposed = VOICED.replace("    voice: reported by a Chosun Ilbo columnist\n", "").replace(
        "    voice: ironic\n", "").replace("    voice: reported\n", "")  # fmt: skip
    notes = nodes_of(argmap.parse(only_supposed))["legend_notes"]["label"]
    assert "supposed:" in notes and "reported" not in notes and "ironic" not in notes
    plain = "claim a: A.\nclaim b: B.\nrebut b -> a\n"
    notes = nodes_of(argmap.parse(plain))["legend_notes"]["label"]
    assert not any(word in notes for word in ("reported", "supposed", "ironic"))


@pytest.mark.parametrize(
    "who",
    ['" image="/etc/passwd', "escapes \\N \\G \\l", "<<TABLE><TR><TD>x</TD></TR></TABLE>>",
     '"]; x [image="/etc/passwd"]; y [label="'],
)  # fmt: skip
def test_who_said_it_is_escaped_like_every_other_text(who):
    doc = argmap.parse(f"claim a: Tea.\n  voice: reported by {who}\n")
    source = argmap.to_graphviz(doc).source
    assert "label=<" not in source and "image=" not in re.sub(r'"(?:[^"\\]|\\.)*"', "", source)
    label = read(source)[1]["p0"]["label"]
    shown = label.replace("\\n", "").replace("\\\\", "\\").replace('\\"', '"')
    assert f"reported by {who}:".replace(" ", "") in shown.replace(" ", "")


def test_the_interactive_page_knows_each_voice():
    data = page_data(argmap.parse(VOICED), {}, {})
    voices = {p["id"]: (p["voice"], p["reported_by"]) for p in data["propositions"]}
    assert voices["a"] == ("reported", "a Chosun Ilbo columnist") and voices["e"] == ("own", None)
    json.dumps(data)  # JSON-ready
