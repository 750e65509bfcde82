"""ICCMA tasks and their output conventions (ICCMA'23 for i23 input, earlier ICCMAs otherwise)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .._model import UsageError, paused
from ._framework import AF
from ._semantics import credulous, every_extension, skeptical, some_extension

__all__ = ["TASKS", "solve"]

#: The tasks :func:`solve` knows: decide credulous or skeptical acceptance (DC, DS), find some (SE)
#: or every (EE) extension, each under one semantics (``"DC-CO"``, ``"EE-PR"``, ...).
TASKS: tuple[str, ...] = tuple(
    f"{k}-{s}" for k in ("DC", "DS", "SE", "EE") for s in ("CO", "GR", "PR", "ST", "SST", "STG", "ID")
)


def solve(af: AF, task: str, query: str | None, fmt: str) -> list[str]:
    """The lines a solver prints for ``task`` on ``af``.

    With i23 input an extension is ``w 1 4`` (1-based numbers), ``DC`` adds a
    witness after ``YES`` and ``DS`` a counter-example after ``NO``; with apx or
    tgf input an extension is ``[a,b]`` and ``EE`` prints ``[[a,b],[c]]``.

    >>> af = AF(["1", "2"], [("1", "2")])
    >>> solve(af, "SE-GR", None, "i23"), solve(af, "DS-PR", "2", "i23")
    (['w 1'], ['NO', 'w 1'])
    """
    task = task.upper()
    if task not in TASKS:
        raise UsageError(f"unknown task {task!r}; tasks are {', '.join(TASKS)}")
    kind, sem = task.split("-")
    if kind in ("DC", "DS"):
        if query is None:
            raise UsageError(f"{task} needs the query argument: -a ARG")
        if query not in af.index:
            raise UsageError(f"argument {query!r} is not in the framework")
    show = _writer(af, fmt)
    if kind == "SE":
        ext = some_extension(af, sem)
        return ["NO" if ext is None else show(ext)]
    if kind == "EE":
        # extensions as they come, each in argument order (by number in i23): sorting small
        # integers per extension, not names (65,536 extensions: bench_semantics.py EE-PR;
        # test_apx_enumeration_lists_every_extension_in_brackets checks the order)
        args = af.arguments
        order = list(range(len(args)))
        if fmt == "i23":
            order.sort(key=lambda i: int(args[i]))
        rank = [0] * len(order)
        for r, i in enumerate(order):
            rank[i] = r
        name = [args[i] for i in order].__getitem__
        with paused():
            exts = [list(map(name, sorted(map(rank.__getitem__, e)))) for e in every_extension(af, sem)]
        if fmt == "i23":
            return ["w" + "".join(" " + a for a in e) for e in exts]
        return ["[" + ",".join("[" + ",".join(e) + "]" for e in exts) + "]"]
    assert query is not None  # DC and DS: checked above
    yes, certificate = (credulous if kind == "DC" else skeptical)(af, sem, query)
    lines = ["YES" if yes else "NO"]
    if fmt == "i23" and certificate is not None:
        lines.append(show(certificate))
    return lines


def _writer(af: AF, fmt: str) -> Callable[[Iterable[str]], str]:
    """How an extension is printed: ``w 1 4`` in i23, ``[a,b]`` (in argument order) otherwise."""
    if fmt == "i23":
        return lambda ext: "w" + "".join(f" {a}" for a in sorted(ext, key=int))
    order = af.index
    return lambda ext: "[" + ",".join(sorted(ext, key=order.__getitem__)) + "]"
