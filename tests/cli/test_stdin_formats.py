"""Standard input is read in the format its content shows, as a file of that content would be."""

from __future__ import annotations

import io
import sys

import pytest

import argmap
from argmap._cli import main

TEA = argmap.parse("post 1 by ann\n  claim a: Tea.\n  claim b: Hot.\n  support s1: b -> a\n")


def run_with_stdin(monkeypatch, capsys, text: str, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("fmt", ["aif", "json", "sadface"])
def test_json_dialects_on_stdin_are_told_apart_by_content(monkeypatch, capsys, fmt):
    code, out, err = run_with_stdin(monkeypatch, capsys, argmap.write(TEA, fmt), "convert", "-", "-o", "-",
                                    "--to", "argmap", "-q")  # fmt: skip
    assert code == 0, err
    back = argmap.parse(out)
    assert [p.text for p in back.propositions] == ["Tea.", "Hot."] and len(back.supports) == 1


def test_a_kialo_export_on_stdin_is_read_as_kialo(monkeypatch, capsys):
    text = "Discussion Title: Tea\n\n1. Tea is better.\n1.1. Pro: It calms.\n"
    code, out, err = run_with_stdin(monkeypatch, capsys, text, "convert", "-", "-o", "-", "--to", "argmap", "-q")
    assert code == 0, err
    assert "It calms." in out and "support" in out


def test_broken_json_on_stdin_is_a_located_json_error(monkeypatch, capsys):
    code, out, err = run_with_stdin(monkeypatch, capsys, '{"nodes": [\n', "check", "-")
    assert code == 1 and "<stdin>:2:1: J001 error: not valid JSON" in out + err
