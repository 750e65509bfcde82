"""Shell completion of commands, options and their values, for bash, zsh and fish (argcomplete)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def complete(line: str, tmp_path: Path) -> list[str]:
    """What argmap offers for the command line ``line`` (the cursor at its end), as a shell asks."""
    out = tmp_path / "completions"
    env = dict(os.environ, _ARGCOMPLETE="1", COMP_LINE=line, COMP_POINT=str(len(line)),
               _ARGCOMPLETE_STDOUT_FILENAME=str(out), _ARGCOMPLETE_IFS="\n")  # fmt: skip
    proc = subprocess.run([sys.executable, "-m", "argmap"], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return sorted(w.strip() for w in out.read_text().split("\n") if w.strip())


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("argmap che", ["check"]),
        ("argmap check --fo", ["--format"]),
        ("argmap check --format ", ["concise", "full", "github", "json", "junit", "sarif"]),
        ("argmap render m.argmap --to ", ["dot", "pdf", "png", "svg"]),
        (
            "argmap convert m.argmap --from ",
            ["aif", "argdown", "argmap", "brat", "json", "kialo", "microtext", "sadface"],
        ),
        ("argmap completion ", ["bash", "fish", "zsh"]),
    ],
)
def test_commands_options_and_their_values_complete(line, offered, tmp_path):
    got = complete(line, tmp_path)
    assert set(offered) <= set(got) and all(w.startswith(line.split(" ")[-1]) for w in got)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shell_gets_code_that_calls_argmap(shell):
    code = subprocess.run(
        [str(BIN / "argmap"), "completion", shell], capture_output=True, text=True, check=True
    )
    assert "argmap" in code.stdout and "_ARGCOMPLETE" in code.stdout


def test_bash_itself_completes_with_the_code(tmp_path):
    if shutil.which("bash") is None:
        pytest.skip("needs bash")
    script = ('eval "$(argmap completion bash)"; COMP_WORDS=(argmap che); COMP_CWORD=1; '
              'COMP_LINE="argmap che"; COMP_POINT=10; _python_argcomplete argmap che argmap; echo "${COMPREPLY[@]}"')  # fmt: skip
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    proc = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env)
    assert proc.stdout.split() == ["check"], proc.stderr
