"""A wheel (not an editable install) carries the grammars and a working `argmap`."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_install_runs_stats_from_another_directory(tmp_path):
    pytest.importorskip("hatchling")
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = wheels.glob("argmap-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    # The wheel goes in without its dependencies (no index needed); they are
    # lent from the running environment by a path file, which adds the folder
    # but, unlike site-packages, does not run its .pth files (so the checkout's
    # editable hook stays out).
    site_dir = subprocess.run(
        [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    lent = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site_dir) / "lent-dependencies.pth").write_text("\n".join(sorted(lent)) + "\n")
    subprocess.run([py, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    seed = ROOT / "examples" / "korea-japan-allies.argmap"
    out = subprocess.run(
        [env_dir / "bin" / "argmap", "stats", str(seed), "--format", "json"],
        cwd=elsewhere, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert json.loads(out.stdout)["propositions"] >= 70

    where = subprocess.run(
        [py, "-c", "import argmap, argmap._grammars as g; print(argmap.__file__); print(len(g.grammar_text('argmap.lark')))"],
        cwd=elsewhere, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert where[0].startswith(str(env_dir)), "the wheel, not the checkout, must be imported"
    assert (Path(where[0]).parent / "grammars" / "argmap.lark").is_file()
    assert (Path(where[0]).parent / "grammars" / "argdown.lark").is_file()
    assert int(where[1]) > 0
    argdown = subprocess.run(
        [env_dir / "bin" / "argmap", "convert", str(seed), "-o", "-", "--to", "argdown"],
        cwd=elsewhere, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    back = subprocess.run(
        [env_dir / "bin" / "argmap", "stats", "-", "--from", "argdown", "--format", "json"],
        input=argdown, cwd=elsewhere, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert json.loads(back.stdout)["propositions"] == json.loads(out.stdout)["propositions"]
