"""What a CLI run loads: the start-up cost of `argmap check` on a well-formed file stays small."""

from __future__ import annotations

import subprocess
import sys

#: modules a check of well-formed text does not need: the lark parser (only text with syntax
#: errors), Graphviz and the process and temporary-file machinery (only drawing and writing),
#: TOML (only when a pyproject.toml is found), evaluation and the SAT solver
HEAVY = ("lark", "graphviz", "subprocess", "tempfile", "tomllib", "pysat", "argmap.af", "argmap._evaluate")

_PROBE = """
import sys
from argmap._cli import main
code = main(["check", sys.argv[1]])
print(code, " ".join(m for m in sys.argv[2:] if m in sys.modules))
"""


def _loaded(path) -> tuple[str, list[str]]:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, str(path), *HEAVY], capture_output=True, text=True, check=True
    )
    code, *mods = out.stdout.strip().splitlines()[-1].split(" ")
    return code, [m for m in mods if m]


def test_checking_well_formed_text_loads_no_heavy_module(tmp_path):
    src = tmp_path / "ok.argmap"
    src.write_text(
        "post 1 by ann\n  claim a: Tea.\n  claim b: Hot.\n  support s1: b -> a\n", encoding="utf-8"
    )
    assert _loaded(src) == ("0", [])


def test_a_syntax_error_loads_the_parser_but_not_drawing_or_evaluation(tmp_path):
    src = tmp_path / "bad.argmap"
    src.write_text("post 1 by ann\n  claim a Tea.\n", encoding="utf-8")
    code, mods = _loaded(src)
    assert code != "0" and "lark" in mods  # lark brings what it needs itself (tempfile)
    assert not {"graphviz", "subprocess", "pysat", "argmap.af", "argmap._evaluate"} & set(mods)
