"""Shared fixtures and hypothesis profiles.

Profiles: ``ci`` (default, quick), ``dev`` (more examples) and ``fuzz``
(12,000 cases per test: 108,000 in the nine of tests/fuzz/test_fuzz_formats.py
alone, 156,000 in tests/fuzz; see docs/testing.md).  Choose with HYPOTHESIS_PROFILE.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEED_EXAMPLE = EXAMPLES / "korea-japan-allies.argmap"
SHARED = ROOT.parent / "shared"

settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "dev", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz", max_examples=12_000, deadline=None, suppress_health_check=list(HealthCheck), database=None
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def seed_example() -> Path:
    return SEED_EXAMPLE


@pytest.fixture
def shared() -> Path:
    """The ../shared folder beside the checkout; skips the test when absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (a fresh clone has none)")
    return SHARED


def needs_dot():
    return pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")


def find_argdown_cli() -> str | None:
    """The Argdown CLI 1.7.5: $ARGMAP_ARGDOWN_CLI, .tools/argdown (scripts/bootstrap) or PATH."""
    candidates = [
        os.environ.get("ARGMAP_ARGDOWN_CLI"),
        str(ROOT / ".tools/argdown/node_modules/.bin/argdown"),
    ]
    for c in candidates:
        if c and os.access(c, os.X_OK):
            return c
    return shutil.which("argdown")


@pytest.fixture
def argdown_cli() -> str:
    """Path of the Argdown CLI; skips the test when it is not installed (scripts/bootstrap installs it)."""
    cli = find_argdown_cli()
    if cli is None:
        pytest.skip("the Argdown CLI is not installed (scripts/bootstrap installs it into .tools/)")
    return cli
