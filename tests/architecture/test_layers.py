"""The stage packages import only downwards (docs/architecture.md).

Every import in src/argmap counts, those inside functions too: an import
that goes up a layer, or sideways between two stages of one layer, is a
circle waiting to happen.  The check is plain: each module's source is parsed
and every ``import`` and ``from … import`` is resolved to the module it
loads.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"

#: top to bottom; the stages of one layer do not import each other
LAYERS = [
    ("argmap", "argmap.__main__", "argmap.strategies"),
    ("argmap._cli",),
    ("argmap._lsp",),
    ("argmap._check", "argmap._formats", "argmap._render", "argmap._highlight"),
    ("argmap._evaluate",),
    ("argmap._language", "argmap.af"),
    ("argmap._model",),
    ("argmap._grammars", "argmap._version"),
]

#: what may sit in src/argmap itself besides the stage packages: the package, and tiny helpers
FLAT = {"__init__.py", "__main__.py", "_grammars.py", "_version.py"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def sources() -> dict[str, tuple[str, bool]]:
    """Every module of the package: its source, and whether it is a package's __init__."""
    return {module_name(p): (p.read_text(encoding="utf-8"), p.name == "__init__.py")
            for p in sorted((SRC / "argmap").rglob("*.py"))}  # fmt: skip


def imports(module: str, source: str, is_package: bool, known: set[str]) -> list[str]:
    """The argmap modules ``module`` imports, wherever the import statement stands."""
    package = module if is_package else module.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # ``from x import y`` imports module x.y when there is one, else a name of x (every
            # import loads the parent packages first anyway: those are no dependency of their own)
            for alias in node.names:
                out.append(f"{target}.{alias.name}" if f"{target}.{alias.name}" in known else target)
    return [m for m in out if m == "argmap" or m.startswith("argmap.")]


def stage_of(module: str) -> tuple[int, str]:
    """(layer, stage) of a module: the longest stage name it falls under."""
    best = None
    for layer, stages in enumerate(LAYERS):
        for stage in stages:
            if (module == stage or module.startswith(stage + ".")) and (
                best is None or len(stage) > len(best[1])
            ):
                best = (layer, stage)
    if best is None:
        raise AssertionError(f"{module} belongs to no stage: add it to LAYERS")
    return best


def violations(mods: dict[str, tuple[str, bool]]) -> list[str]:
    """Every import that does not go down a layer, as "importer -> imported"."""
    known = set(mods)
    out = []
    for module, (source, is_package) in mods.items():
        layer, stage = stage_of(module)
        for target in imports(module, source, is_package, known):
            t_layer, t_stage = stage_of(target)
            if t_stage != stage and t_layer <= layer:
                out.append(f"{module} -> {target}")
    return sorted(set(out))


def test_every_import_goes_down_the_layers():
    assert violations(sources()) == []


@pytest.mark.parametrize(
    ("module", "added"),
    [
        ("argmap._model.items", "from .._cli import main\n"),  # the model reaching for the command line
        (
            "argmap._model.document",
            "def show(doc):\n    from .._render import render\n    return render(doc)\n",
        ),
        ("argmap._render.digraph", "from argmap._check import check\n"),  # sideways in one layer
        ("argmap._language.build", "from .._check import check\n"),  # the parser using the checker
        ("argmap._cli.commands", "import argmap\n"),  # a stage importing the package that wraps it
    ],
)
def test_an_import_that_goes_up_or_sideways_is_caught(module, added):
    """The check is not vacuous: each of these imports, added to the real sources, is reported."""
    mods = sources()
    source, is_package = mods[module]
    mods[module] = (source + "\n" + added, is_package)
    found = violations(mods)
    assert len(found) == 1 and found[0].startswith(f"{module} -> "), found


def test_only_the_package_and_tiny_helpers_sit_beside_the_stage_packages():
    flat = {p.name for p in (SRC / "argmap").glob("*.py")}
    assert flat <= FLAT, flat - FLAT
    assert all(len((SRC / "argmap" / name).read_text().splitlines()) < 150 for name in flat - {"__init__.py"})
