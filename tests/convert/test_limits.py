"""Inputs that once took minutes or gigabytes: every reader stays linear in time and memory.

Each case runs in a fresh interpreter under an address-space limit and a time
limit, so that a regression fails within seconds instead of hanging the suite;
the read itself is timed there and must take under :data:`BOUND` seconds.  On
these inputs the readers of argmap 0.x before the limits took from ten seconds
to several minutes, or gigabytes (the sizes are chosen so).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

BOUND = 5.0
#: bytes of address space the reading interpreter may use (it needs some 40 MB)
MEMORY = 512 << 20


def bounded(setup: str, call: str) -> dict:
    """Run ``setup``, then time ``call`` (an expression giving ``(document, warnings)``) in a fresh
    Python under :data:`MEMORY`; return the seconds and the warnings' codes and messages."""
    code = "\n".join(
        [
            "import json, resource, time",
            f"resource.setrlimit(resource.RLIMIT_AS, ({MEMORY}, {MEMORY}))",
            "from argmap._formats import FORMATS",
            textwrap.dedent(setup),
            "start = time.perf_counter()",
            f"doc, warnings = {call}",
            "seconds = time.perf_counter() - start",
            'print(json.dumps({"seconds": seconds, "codes": [w.code for w in warnings],',
            '    "messages": [w.message for w in warnings][:5], "propositions": len(doc.propositions)}))',
        ]
    )
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=4 * BOUND)
    except subprocess.TimeoutExpired:
        pytest.fail(f"still reading after {4 * BOUND:.0f} s")
    assert proc.returncode == 0, proc.stderr[-3000:]
    result: dict = json.loads(proc.stdout.splitlines()[-1])
    assert result["seconds"] < BOUND, result
    return result


def argdown(text_expression: str) -> dict:
    return bounded(f"text = {text_expression}", 'FORMATS["argdown"].read(text, None)')


# -- Argdown ------------------------------------------------------------------------------

#: 478 bytes of YAML whose aliases stand for 10**8 strings
YAML_BOMB = (
    "{a: &a [x,x,x,x,x,x,x,x,x,x], "
    + ", ".join(f"{c}: &{c} [" + ",".join([f"*{p}"] * 10) + "]" for p, c in zip("abcdefg", "bcdefgh"))
    + ", tags: [*h]}"
)


def test_yaml_aliases_in_data_are_refused_not_expanded():
    result = argdown(f"'[A]: a ' + {YAML_BOMB!r} + '\\n'")
    assert result["codes"] == ["X202"] and "alias" in result["messages"][0]


def test_yaml_aliases_in_front_matter_are_refused_not_expanded():
    front = YAML_BOMB[1:-1].replace(", ", "\n").replace("tags:", "title:")
    result = argdown(f"'===\\n' + {front!r} + '\\n===\\n\\n[A]: a\\n'")
    assert result["codes"] == ["X202"] and "alias" in result["messages"][0]


@pytest.mark.parametrize(
    "line",
    [
        "' __a' * 20000",  # italics that never close (the markup expressions)
        "'**a ' * 20000",  # bold that never closes
        "'[a](' * 20000",  # links that never close (comments, markup and the line's tokens)
        "'@[' * 30000",  # mentions that never close
        "'<!--' * 20000",  # comments that never close
        "'/* ' * 20000",
        "'#(' * 40000",  # tags that never close
        "'[' * 40000",  # statement references that never close
        "'{' * 80000",  # data that never closes
        "'\\\\a' * 300000",  # escapes, put back one by one
    ],
)
def test_a_long_hostile_line_is_read_in_linear_time(line):
    assert argdown(f"'[A]: ' + {line} + '\\n'")["propositions"] == 1


def test_long_runs_of_blanks_in_an_inference_line_are_read_in_linear_time():
    argdown("'(1) a\\n-- r' + ' ' * 40000 + 'x\\n(2) b\\n'")


def test_continuation_lines_are_joined_in_linear_time():
    assert argdown("'[A]: a\\n' + 'b\\n' * 800000")["propositions"] == 1  # 1.6 MB


def test_comment_lines_are_counted_in_linear_time():
    argdown("'[A]: a\\n' + '// c\\n' * 150000")


# -- the other formats --------------------------------------------------------------------


def test_microtext_segments_fanned_out_between_joints_are_walked_once():
    """Ten joints, each made of the one below twenty times over (6 KB): the words of the ADU were
    found along 20**9 paths."""
    setup = """
        edges = ['<edge id="s0" src="e1" trg="j0" type="seg"/>',
                 '<edge id="t" src="j9" trg="a1" type="seg"/>']
        edges += [f'<edge id="s{k}-{n}" src="j{k}" trg="j{k + 1}" type="seg"/>'
                  for k in range(9) for n in range(20)]
        joints = "".join(f'<joint id="j{k}"/>' for k in range(10))
        text = ('<arggraph id="t"><edu id="e1">Tea is good.</edu>' + joints + '<adu id="a1" type="pro"/>'
                + "".join(edges) + "</arggraph>")
        """
    result = bounded(setup, 'FORMATS["microtext"].read(text, None)')
    assert set(result["codes"]) == {"X504"}


def test_brat_looks_for_drifted_words_near_their_offsets_only():
    """A 1.1 MB text and 20,000 annotations whose words are not in it: each was looked for
    in the whole text."""
    setup = """
        from argmap._formats import brat
        source = ("lorem ipsum dolor sit amet " * 42000)[:1100000]
        ann = "".join(f"T{i}\\tClaim {i * 50} {i * 50 + 8}\\tnot there {i}\\n" for i in range(20000))
        """
    result = bounded(setup, "brat.from_brat(ann, path='x.ann', source=source)")
    assert set(result["codes"]) == {"X605"}


def test_kialo_continuation_lines_are_joined_in_linear_time():
    result = bounded("text = '1. a\\n' + 'b\\n' * 800000", 'FORMATS["kialo"].read(text, None)')
    assert result["propositions"] == 1
