"""Project configuration: ``[tool.argmap]`` in the nearest ``pyproject.toml``.

Besides the checker's ``select`` and ``ignore``, it holds the relation map the brat and CMV
readers extend their vocabulary with (docs/formats.md): ``relation-map = "FILE"`` (a TOML or YAML
file, relative to the ``pyproject.toml``) or a table ``[tool.argmap.relation-map]`` of names to
argmap kinds.  The command line reads the file (this stage does not read formats).
"""

from __future__ import annotations

import functools
from pathlib import Path

import attrs

from .._model import UsageError

__all__ = ["Config", "config_for"]

_KEYS = {"select", "ignore", "relation-map"}


@attrs.frozen
class Config:
    """A project's checker settings (``[tool.argmap]``): rule codes to run, codes to skip, and where
    they were read from."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    path: str | None = None
    #: ``relation-map`` as a table: (name, argmap kind) pairs, in the file's order
    relation_map: tuple[tuple[str, str], ...] = ()
    #: ``relation-map`` as a file name: the file, its path made absolute
    relation_map_file: str | None = None


def config_for(file: str) -> Config:
    """Settings for ``file``: the first ``pyproject.toml`` with a ``[tool.argmap]`` table above it."""
    start = Path.cwd() if file == "-" else Path(file).resolve().parent
    return _config_in(start)


@functools.cache
def _config_in(directory: Path) -> Config:
    for d in (directory, *directory.parents):
        candidate = d / "pyproject.toml"
        if candidate.is_file():
            cfg = _read(candidate)
            if cfg is not None:
                return cfg
    return Config()


def _read(path: Path) -> Config | None:
    """The ``[tool.argmap]`` table of ``path``, or None when it has none."""
    import tomllib  # here: only a found pyproject.toml needs it

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise UsageError(f"{path}: not valid TOML: {e}") from None
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        raise UsageError(f"{path}: not readable TOML: arrays or tables nested too deeply") from None
    except OSError:
        return None
    tool = data.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise UsageError(f"{path}: tool must be a table ([tool]), which [tool.argmap] is part of")
    table = tool.get("argmap")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.argmap] must be a table")
    unknown = set(table) - _KEYS
    if unknown:
        raise UsageError(f"{path}: unknown key(s) in [tool.argmap]: {', '.join(sorted(unknown))}")
    for key in ("select", "ignore"):
        value = table.get(key, [])
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise UsageError(f'{path}: [tool.argmap] {key} must be a list of rule codes, e.g. ["M101"]')
    select = table.get("select")
    pairs, file = _relation_map(table.get("relation-map"), path)
    return Config(
        tuple(select) if select is not None else None, tuple(table.get("ignore", ())), str(path), pairs, file
    )


def _relation_map(value: object, path: Path) -> tuple[tuple[tuple[str, str], ...], str | None]:
    """``relation-map``: a table of names to kinds, or the name of a file holding one."""
    if value is None:
        return (), None
    if isinstance(value, str):
        return (), str((path.parent / value).resolve())
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return tuple((str(k), v) for k, v in value.items()), None
    raise UsageError(f"{path}: [tool.argmap] relation-map must name a file (\"relations.toml\") or be a "
                     "table of names to argmap kinds ([tool.argmap.relation-map] partial_support = "
                     "\"support\")")  # fmt: skip
