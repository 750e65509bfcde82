"""Every public name says what it is: a docstring on each class, function, method and property
that argmap, argmap.af and argmap.strategies export (the API reference is built from them)."""

from __future__ import annotations

import inspect

import argmap
import argmap.af
import argmap.strategies


def undocumented() -> list[str]:
    out = []
    for module in (argmap, argmap.af, argmap.strategies):
        for name in module.__all__:
            obj = getattr(module, name)
            if not (inspect.isclass(obj) or inspect.isfunction(obj)):
                continue
            if not (obj.__doc__ or "").strip():
                out.append(f"{module.__name__}.{name}")
            if not inspect.isclass(obj):
                continue
            for attr, member in vars(obj).items():
                function = member.fget if isinstance(member, property) else member
                if attr.startswith("_") or not inspect.isfunction(function):
                    continue
                if not (function.__doc__ or "").strip():
                    out.append(f"{module.__name__}.{name}.{attr}")
    return out


def test_every_public_class_function_method_and_property_has_a_docstring():
    assert undocumented() == []


def test_the_check_sees_a_missing_docstring(monkeypatch):
    def bare() -> None:
        pass

    monkeypatch.setattr(argmap, "bare", bare, raising=False)
    monkeypatch.setattr(argmap, "__all__", [*argmap.__all__, "bare"])
    assert undocumented() == ["argmap.bare"]
