"""[tool.argmap] in pyproject.toml: what cannot be read is a usage error naming the file."""

from __future__ import annotations

import pytest

import argmap
from argmap._check.config import config_for


def settings_for(tmp_path, toml: str):
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    return config_for(str(tmp_path / "map.argmap"))


def test_the_table_is_read(tmp_path):
    cfg = settings_for(tmp_path, '[tool.argmap]\nignore = ["M101"]\n')
    assert cfg.ignore == ("M101",) and cfg.select is None and cfg.path == str(tmp_path / "pyproject.toml")


@pytest.mark.parametrize(
    "toml, message",
    [
        ("a = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested too deeply"),  # tomllib recurses
        ("x = " + "{a = " * 50_000 + "1" + "}" * 50_000 + "\n", "nested too deeply"),
        ("tool = 1\n", "tool must be a table"),
        ('tool = "argmap"\n', "tool must be a table"),
        ("[tool]\nargmap = 1\n", "[tool.argmap] must be a table"),
        ("[tool.argmap]\nignore = 1\n", "must be a list of rule codes"),
        ("[tool.argmap\n", "not valid TOML"),
    ],
)
def test_what_cannot_be_read_is_a_usage_error_with_the_path(tmp_path, toml, message):
    with pytest.raises(argmap.UsageError) as e:
        settings_for(tmp_path, toml)
    assert str(e.value).startswith(f"{tmp_path / 'pyproject.toml'}: ") and message in str(e.value)


def test_other_tools_tables_are_not_ours(tmp_path):
    assert settings_for(tmp_path, "[tool.black]\nline-length = 100\n").path is None
