"""npm packages the editor tests run (a TextMate engine, the VS Code packager), installed into
.tools/ once and shared by the tests that need them."""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One npm install into ``folder`` at a time (pytest-xdist workers, two checkouts' runs)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as lock:
        try:
            import fcntl
        except ImportError:  # Windows: no lock
            yield
            return
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def npm_tools(name: str, packages: tuple[str, ...]) -> Path:
    """.tools/NAME/node_modules holding ``packages`` (exact versions), installed with npm the first time;
    skips the test without node and npm, or when npm cannot install them (offline)."""
    npm = shutil.which("npm")
    if shutil.which("node") is None or npm is None:
        pytest.skip("node and npm are not installed (scripts/bootstrap installs them)")
    folder = ROOT / ".tools" / name
    stamp = folder / "installed.json"
    with _locked(folder):
        if not stamp.is_file() or json.loads(stamp.read_text(encoding="utf-8")) != list(packages):
            cmd = [npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund", "--loglevel=error",
                   *packages]  # fmt: skip
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
            if proc.returncode != 0:
                pytest.skip(f"npm could not install {' '.join(packages)}: {proc.stderr.strip()[-400:]}")
            stamp.write_text(json.dumps(list(packages)), encoding="utf-8")
    return folder / "node_modules"
