"""The sdist holds what its tests and README need: README's relative links resolve inside it,
tests/evaluate finds benchmarks/aspartix.py, and tests/setup finds scripts/bootstrap."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
from pathlib import Path, PurePosixPath

import pytest

pytestmark = pytest.mark.setup

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sdist_files(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("sdist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (archive,) = out.glob("*.tar.gz")
    with tarfile.open(archive) as tar:
        return {str(PurePosixPath(*PurePosixPath(m.name).parts[1:])) for m in tar.getmembers() if m.isfile()}


def _relative_links(markdown: str) -> list[str]:
    targets = re.findall(r"\]\(([^)\s]+)\)", markdown) + re.findall(r'<img[^>]+src="([^"]+)"', markdown)
    return [t.split("#")[0] for t in targets if not re.match(r"[a-z]+:|#", t)]


def test_every_relative_link_in_the_readme_is_a_file_in_the_sdist(sdist_files: set[str]):
    links = _relative_links((ROOT / "README.md").read_text(encoding="utf-8"))
    assert links, "README has no relative links: this test no longer checks anything"
    assert [link for link in links if link not in sdist_files] == []


def test_the_sdist_holds_what_its_tests_import_and_run(sdist_files: set[str]):
    for name in ("scripts/bootstrap", "benchmarks/aspartix.py", "tests/conftest.py", "grammars/argmap.lark"):
        assert name in sdist_files, name
    assert "pyproject.toml" in sdist_files and "LICENSE" in sdist_files
    assert not [f for f in sdist_files if "__pycache__" in f or f.startswith((".venv/", ".tools/"))]
