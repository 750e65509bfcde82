"""argmap ships ``py.typed``: its code type-checks strictly and its public API is typed.

Both checkers run as their own processes on the installed package, as a
user's type checker would see it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def test_mypy_strict_finds_nothing():
    # the settings (strict, the untyped third-party packages) are pyproject.toml's [tool.mypy]
    proc = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]


def test_pyright_finds_the_public_api_at_least_95_percent_typed(tmp_path):
    """``pyright --verifytypes``: every symbol argmap exports, with known types (third-party types aside)."""
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    proc = subprocess.run(
        [str(BIN / "pyright"), "--verifytypes", "argmap", "--ignoreexternal", "--outputjson"],
        cwd=tmp_path, capture_output=True, text=True, env=env,
    )  # fmt: skip
    report = json.loads(proc.stdout)
    completeness = report["typeCompleteness"]
    assert completeness["packageRootDirectory"].startswith(str(ROOT / "src")), completeness
    unknown = [s["name"] for s in completeness["symbols"] if not s["isTypeKnown"] and s["isExported"]]
    assert completeness["completenessScore"] >= 0.95, unknown


def test_the_typed_keywords_of_source_texts_are_those_of_documents():
    """source_texts and defective_documents pass their keywords on to documents; the TypedDict
    that types them must list exactly documents' keywords."""
    import inspect

    from argmap import strategies

    signature = inspect.signature(strategies.documents)  # as hypothesis gives it: without ``draw``
    params = [p.name for p in signature.parameters.values() if p.kind is p.KEYWORD_ONLY]
    assert sorted(params) == sorted(strategies._DocumentOptions.__annotations__)
