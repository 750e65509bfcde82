"""scripts/bootstrap on simulated Debian/Ubuntu systems.

Each case runs the script in a throwaway copy of the repository with a PATH
made only of shims and a few real basic tools (bash, env, grep, ...), so the
real apt-get, sudo, dot, npm and fc-list are out of reach.  The shims keep a
small "system" in a state folder and log every call:

- ``id -u`` prints $FAKE_UID (1000, or 0 for root); ``sudo`` (present or not)
  runs its command with FAKE_UID=0;
- ``apt-get`` refuses to work unless FAKE_UID is 0, and "installs" a package
  by adding its shim (graphviz → dot, npm → npm) or state (fonts-noto-cjk,
  python3.X-venv);
- ``python3`` wraps the real interpreter; until python3.X-venv is installed it
  has no ensurepip and its ``-m venv`` fails half-way like Debian's (leaving a
  .venv with bin/python and no pip); once installed, ``-m venv`` makes a real
  venv without pip and puts a stub pip in it that only logs its arguments, so
  no case installs anything from the network.
"""

from __future__ import annotations

import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.setup

ROOT = Path(__file__).resolve().parents[2]
REAL_PYTHON = Path(getattr(sys, "_base_executable", sys.executable))
VENV_PACKAGE = f"python3.{sys.version_info.minor}-venv"
# real programs the script and the shims may use; everything else is a shim or absent
BASICS = ["bash", "env", "dirname", "grep", "rm", "mkdir", "cat", "touch", "chmod", "cp", "seq"]

NOTO_LINE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc: Noto Sans CJK JP:style=Regular"

SHIMS = {
    "id": r"""
if [ "${1:-}" = -u ]; then echo "${FAKE_UID:-1000}"; else echo "uid=${FAKE_UID:-1000}"; fi
""",
    "sudo": r"""
echo "sudo $*" >> "$CALLS"
FAKE_UID=0 exec env "$@"
""",
    "apt-get": r"""
echo "DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-} apt-get $*" >> "$CALLS"
if [ "$(id -u)" != 0 ]; then
    echo "E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)" >&2
    exit 100
fi
[ "$1" = install ] || exit 0
for p in "$@"; do
    case "$p" in
        graphviz) printf '#!/bin/bash\necho "dot $*" >> "$CALLS"\n' > "$SHIMS/dot"; chmod +x "$SHIMS/dot" ;;
        npm) cp "$STATE/npm.shim" "$SHIMS/npm"; chmod +x "$SHIMS/npm" ;;
        fonts-noto-cjk) touch "$STATE/fonts-noto-cjk" ;;
        python3.*-venv) touch "$STATE/venv-package" ;;
        chromium) printf '#!/bin/bash\nexit 0\n' > "$SHIMS/chromium"; chmod +x "$SHIMS/chromium" ;;
        chromium-driver) printf '#!/bin/bash\nexit 0\n' > "$SHIMS/chromedriver"; chmod +x "$SHIMS/chromedriver" ;;
    esac
done
""",
    # a long list, the CJK font first, as on a real system: a reader that stops early breaks the pipe
    "fc-list": rf"""
[ -e "$STATE/fonts-noto-cjk" ] && echo "{NOTO_LINE}"
for i in $(seq 2000); do echo "/usr/share/fonts/truetype/dejavu/DejaVuSans-$i.ttf: DejaVu Sans:style=Book"; done
exit 0
""",
    "python3": rf"""
REAL="{REAL_PYTHON}"
if [ "${{1:-}}" = -m ] && [ "${{2:-}}" = ensurepip ]; then
    echo "python3 $*" >> "$CALLS"
    if [ ! -e "$STATE/venv-package" ]; then echo "$REAL: No module named ensurepip" >&2; exit 1; fi
    echo "pip 23.0.1"; exit 0
fi
if [ "${{1:-}}" = -m ] && [ "${{2:-}}" = venv ]; then
    echo "python3 $*" >> "$CALLS"
    "$REAL" -m venv --without-pip "$3" || exit
    if [ ! -e "$STATE/venv-package" ]; then
        echo "The virtual environment was not created successfully because ensurepip is not" >&2
        echo "available.  On Debian/Ubuntu systems, you need to install the python3-venv" >&2
        echo "package using the following command." >&2
        echo "    apt install {VENV_PACKAGE}" >&2
        exit 1
    fi
    site=$("$3/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')
    mkdir -p "$site/pip"
    touch "$site/pip/__init__.py"
    cp "$STATE/pip_main.py" "$site/pip/__main__.py"
    exit 0
fi
exec "$REAL" "$@"
""",
}

NPM_SHIM = r"""#!/bin/bash
echo "npm $*" >> "$CALLS"
prefix=""
while [ $# -gt 0 ]; do [ "$1" = --prefix ] && prefix="$2"; shift; done
mkdir -p "$prefix/node_modules/.bin"
printf '#!/bin/bash\n' > "$prefix/node_modules/.bin/argdown"
chmod +x "$prefix/node_modules/.bin/argdown"
"""

PIP_MAIN = """\
import os, sys
with open(os.environ["CALLS"], "a") as log:
    log.write("pip " + " ".join(sys.argv[1:]) + "\\n")
"""


@dataclass
class Machine:
    """A throwaway checkout and the simulated system it is set up on."""

    repo: Path
    shims: Path
    state: Path
    calls_file: Path
    env: dict[str, str]

    def add(self, *tools: str) -> None:
        for tool in tools:
            if tool == "dot":
                _script(self.shims / "dot", 'echo "dot $*" >> "$CALLS"\n')
            elif tool == "npm":
                _write_exec(self.shims / "npm", NPM_SHIM)
            elif tool == "sudo":
                _script(self.shims / "sudo", SHIMS["sudo"])
            elif tool == "apt-get":
                _script(self.shims / "apt-get", SHIMS["apt-get"])
            elif tool == "fonts":
                (self.state / "fonts-noto-cjk").touch()
            elif tool == "venv-package":
                (self.state / "venv-package").touch()
            elif tool == "chromium":
                _script(self.shims / "chromium", "exit 0\n")
                _script(self.shims / "chromedriver", "exit 0\n")
            else:
                raise ValueError(tool)

    def bootstrap(self, root: bool = False) -> subprocess.CompletedProcess[str]:
        env = dict(self.env, FAKE_UID="0" if root else "1000")
        return subprocess.run(
            [str(self.repo / "scripts/bootstrap")],
            check=False,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def debian_venv(self) -> None:
        """What `python3 -m venv .venv` leaves without python3.X-venv: a python and no pip."""
        python3 = str(self.shims / "python3")
        made = subprocess.run(
            [python3, "-m", "venv", ".venv"], check=False, cwd=self.repo, env=self.env, capture_output=True
        )
        assert made.returncode == 1 and "ensurepip is not\navailable" in made.stderr.decode()
        assert (self.repo / ".venv/bin/python").exists() and not self.venv_has_pip()
        self.calls_file.unlink()

    @property
    def calls(self) -> list[str]:
        return self.calls_file.read_text().splitlines() if self.calls_file.exists() else []

    def venv_has_pip(self) -> bool:
        python = self.repo / ".venv/bin/python"
        if not python.exists():
            return False
        return (
            subprocess.run([str(python), "-c", "import pip"], check=False, capture_output=True).returncode
            == 0
        )


def _write_exec(path: Path, text: str) -> None:
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def _script(path: Path, body: str) -> None:
    _write_exec(path, "#!/bin/bash\n" + body.lstrip("\n"))


def _copy_repository(dest: Path) -> None:
    """The tracked files (`git ls-files`), as they are in the working tree; outside git, the whole tree."""
    listed: list[str] = []
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        if Path(top).resolve() == ROOT:
            listed = subprocess.run(
                ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout.split("\0")
    except (OSError, subprocess.CalledProcessError):
        pass  # an unpacked sdist, or no git
    names = [name for name in listed if name and (ROOT / name).is_file()]
    if "scripts/bootstrap" not in names:
        ignore = shutil.ignore_patterns(".venv", ".tools", ".git", "__pycache__", "*cache*", ".hypothesis")
        shutil.copytree(ROOT, dest, ignore=ignore, symlinks=True, dirs_exist_ok=True)
        return
    for name in names:
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)


@pytest.fixture
def machine(tmp_path: Path) -> Machine:
    """No sudo, no apt-get, no dot, no npm, no CJK fonts and no ensurepip until a test adds them."""
    repo, shims, basics, state = (tmp_path / d for d in ("repo", "shims", "basics", "state"))
    for d in (repo, shims, basics, state):
        d.mkdir()
    _copy_repository(repo)
    for tool in BASICS:
        real = shutil.which(tool)
        assert real, f"{tool} is needed to run these tests"
        (basics / tool).symlink_to(real)
    for name in ("id", "fc-list", "python3"):
        _script(shims / name, SHIMS[name])
    (state / "npm.shim").write_text(NPM_SHIM)
    (state / "pip_main.py").write_text(PIP_MAIN)
    env = {
        "PATH": f"{shims}:{basics}",
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "CALLS": str(tmp_path / "calls.log"),
        "SHIMS": str(shims),
        "STATE": str(state),
    }
    return Machine(repo, shims, state, tmp_path / "calls.log", env)


def _index(calls: list[str], start: str) -> int:
    return next(i for i, c in enumerate(calls) if c.startswith(start))


def test_the_shims_shut_out_the_real_system(machine: Machine):
    path = machine.env["PATH"]
    for tool in ("apt-get", "sudo", "dot", "npm", "chromium", "chromedriver"):
        assert shutil.which(tool, path=path) is None, tool


def test_root_installs_the_venv_package_with_apt_get_then_makes_the_venv(machine: Machine):
    machine.add("apt-get", "dot", "npm", "fonts", "chromium")
    run = machine.bootstrap(root=True)
    assert run.returncode == 0, run.stderr
    calls = machine.calls
    install = f"DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends {VENV_PACKAGE}"
    assert install in calls
    assert _index(calls, "DEBIAN_FRONTEND=noninteractive apt-get update") < calls.index(install)
    assert calls.index(install) < calls.index("python3 -m venv .venv")
    assert "pip install -q -e .[test]" in calls
    assert machine.venv_has_pip()
    assert f"bootstrap: installing {VENV_PACKAGE} with apt-get" in run.stderr
    assert run.stderr.rstrip().endswith("bootstrap: ready (.venv/bin/argmap, .venv/bin/python -m pytest)")

    # again: nothing left to install, the venv is kept
    machine.calls_file.unlink()
    again = machine.bootstrap(root=True)
    assert again.returncode == 0, again.stderr
    assert not any("apt-get" in c or "-m venv" in c for c in machine.calls)
    assert "pip install -q -e .[test]" in machine.calls


def test_a_user_with_sudo_installs_the_missing_system_packages_through_sudo(machine: Machine):
    machine.add("apt-get", "sudo")
    run = machine.bootstrap()
    assert run.returncode == 0, run.stderr
    packages = f"{VENV_PACKAGE} graphviz fonts-noto-cjk fontconfig nodejs npm chromium chromium-driver"
    assert (
        f"sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends {packages}"
        in machine.calls
    )
    assert machine.venv_has_pip() and (machine.repo / ".tools/argdown/node_modules/.bin/argdown").exists()


def test_no_sudo_and_nothing_missing_is_one_note_and_a_full_set_up(machine: Machine):
    machine.add("apt-get", "dot", "npm", "fonts", "venv-package", "chromium")
    run = machine.bootstrap()
    assert run.returncode == 0, run.stderr
    notes = [line for line in run.stderr.splitlines() if "sudo" in line or "root" in line]
    assert notes == [
        (
            "bootstrap: no root and no sudo: fine, the system packages (Graphviz, CJK fonts, Node/npm, "
            "Chromium) are already installed"
        )
    ]
    assert not any("apt-get" in c for c in machine.calls)
    assert "python3 -m venv .venv" in machine.calls and "pip install -q -e .[test]" in machine.calls
    assert machine.venv_has_pip()
    assert any(c.startswith("npm install --prefix .tools/argdown") for c in machine.calls)
    assert "sudo: command not found" not in run.stderr


def test_no_sudo_and_no_graphviz_says_what_to_install_as_root_and_still_makes_the_venv(machine: Machine):
    machine.add("apt-get", "npm", "fonts", "venv-package", "chromium")
    run = machine.bootstrap()
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert (
        "bootstrap: system packages need root, and this is user 1000 without sudo: as root, run "
        "'apt-get install -y graphviz'; carrying on with the rest"
    ) in lines
    assert not any("apt-get" in c for c in machine.calls)  # never tried without root
    assert machine.venv_has_pip() and "pip install -q -e .[test]" in machine.calls
    tail = lines[lines.index("bootstrap: NOT ready; missing:") :]
    assert tail == [
        "bootstrap: NOT ready; missing:",
        "bootstrap:   - Graphviz (the dot program, to draw maps)",
        "bootstrap: to fix: as root (or with sudo), run 'apt-get install -y graphviz', then scripts/bootstrap again",
    ]
    assert "command not found" not in run.stderr


@pytest.mark.parametrize("earlier_run", [False, True])
def test_no_sudo_and_no_ensurepip_leaves_no_half_made_venv(machine: Machine, earlier_run: bool):
    machine.add("apt-get", "dot", "npm", "fonts", "chromium")
    if earlier_run:
        machine.debian_venv()
    run = machine.bootstrap()
    assert run.returncode == 1
    removing = (
        "bootstrap: removing .venv: it is half-made (no .venv/bin/python, or no pip in it), from an earlier"
        f" failed run; it is made again once {VENV_PACKAGE} is installed"
    )
    assert (removing in run.stderr.splitlines()) == earlier_run
    assert f"run 'apt-get install -y {VENV_PACKAGE}'" in run.stderr
    assert (
        f"  - {VENV_PACKAGE} (without it python3 cannot make a venv: ensurepip is not available)"
        in run.stderr
    )
    assert not (machine.repo / ".venv").exists()
    assert not any(c.startswith("pip ") for c in machine.calls)
    # the Argdown CLI does not need the venv: it is installed all the same
    assert (machine.repo / ".tools/argdown/node_modules/.bin/argdown").exists()


def test_no_apt_get_names_the_packages_for_another_package_manager(machine: Machine):
    machine.add("npm", "fonts", "venv-package", "sudo", "chromium")
    run = machine.bootstrap()
    assert run.returncode == 1
    assert (
        "bootstrap: no apt-get here: install graphviz (Debian names) with your package manager" in run.stderr
    )
    assert machine.venv_has_pip()


def test_no_npm_is_only_a_note(machine: Machine):
    machine.add("dot", "fonts", "venv-package", "chromium")
    run = machine.bootstrap(root=True)
    assert run.returncode == 0, run.stderr
    assert "bootstrap: no npm, so no Argdown CLI: its comparison tests will be skipped" in run.stderr


@pytest.mark.parametrize("how", ["python without pip", "no python", "dangling python"])
def test_a_half_made_venv_is_rebuilt(machine: Machine, how: str):
    machine.add("apt-get", "dot", "npm", "fonts", "venv-package", "chromium")
    venv = machine.repo / ".venv"
    if how == "python without pip":  # what Debian's venv leaves when ensurepip is missing
        subprocess.run([str(REAL_PYTHON), "-m", "venv", "--without-pip", str(venv)], check=True)
    elif how == "no python":
        (venv / "lib").mkdir(parents=True)
    else:
        (venv / "bin").mkdir(parents=True)
        (venv / "bin/python").symlink_to("/nonexistent/python3.9")
    (venv / "left-over").touch()
    run = machine.bootstrap()
    assert run.returncode == 0, run.stderr
    assert "rebuilding .venv: it is half-made (no .venv/bin/python, or no pip in it)" in run.stderr
    assert not (venv / "left-over").exists()
    assert machine.venv_has_pip() and "pip install -q -e .[test]" in machine.calls


def test_a_debian_style_failed_venv_then_a_rerun_after_installing_the_package(machine: Machine):
    """The old failure: -m venv fails half-way, and every later run said "No module named pip"."""
    machine.add("apt-get", "dot", "npm", "fonts", "chromium")
    machine.debian_venv()
    run = machine.bootstrap(root=True)
    assert run.returncode == 0, run.stderr
    assert "rebuilding .venv" in run.stderr and machine.venv_has_pip()


def test_a_python_older_than_3_11_is_named(machine: Machine):
    _script(machine.shims / "python3", "echo 3.10; exit 1\n")
    run = machine.bootstrap(root=True)
    assert run.returncode == 1
    assert "bootstrap: python3 is Python 3.10; argmap needs >= 3.11" in run.stderr
    assert not machine.calls
