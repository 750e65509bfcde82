"""Interchange formats: one module per format, registered here by name and suffix."""

from __future__ import annotations

import json
import os
from typing import Callable

import attrs

from .._errors import UsageError

__all__ = ["FORMATS", "Format", "by_name", "detect", "output_format"]


@attrs.frozen
class Format:
    name: str
    suffixes: tuple[str, ...]
    read: Callable | None  # (text, path) -> Document
    write: Callable | None  # (Document) -> str


def _argmap_read(text, path):
    from .._parse import parse

    return parse(text, path=path)


def _argmap_write(doc):
    from .._format import format_document

    return format_document(doc)


def _json_read(text, path):
    from .argmap_json import from_json

    return from_json(text, path=path)


def _json_write(doc):
    from .argmap_json import to_json

    return to_json(doc)


FORMATS = {
    "argmap": Format("argmap", (".argmap",), _argmap_read, _argmap_write),
    "json": Format("json", (".json",), _json_read, _json_write),
}


def by_name(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown format {name!r}; known: {', '.join(FORMATS)}") from None


def detect(path: str, text: str | None = None) -> Format:
    """The format of ``path`` from its suffix (and, for .json, a look at the content)."""
    suffix = os.path.splitext(path)[1].lower()
    matches = [f for f in FORMATS.values() if suffix in f.suffixes]
    if suffix == ".json" and text is not None:
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if isinstance(data, dict) and data.get("format") not in (None, "argmap"):
            raise UsageError(
                f"{path}: a JSON file of format {data.get('format')!r}, which argmap cannot read yet"
            )
    if len(matches) == 1:
        return matches[0]
    return FORMATS["argmap"]  # any other name: the annotation language itself


def output_format(path: str) -> Format:
    """The format to write ``path`` in, from its suffix."""
    suffix = os.path.splitext(path)[1].lower()
    for f in FORMATS.values():
        if suffix in f.suffixes:
            return f
    names = ", ".join(s for f in FORMATS.values() for s in f.suffixes)
    raise UsageError(f"cannot tell the output format from {path!r}; use a name ending in {names}, or --to")
