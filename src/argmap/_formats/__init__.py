"""Interchange formats: one module per format, registered here by name and suffix."""

from __future__ import annotations

import functools
import json
import os
import warnings
from typing import Any, Callable, Literal, Mapping, TypeAlias

import attrs

from .._model import ArgmapWarning, Diagnostic, Document, UsageError, reference_diagnostics
from .losses import KEEPS_ALL, Loss
from .vocabulary import read_relation_map, relation_map_entries

__all__ = [
    "FORMATS",
    "Checked",
    "Format",
    "FormatName",
    "Loss",
    "Reader",
    "by_name",
    "detect",
    "load",
    "losses",
    "output_format",
    "read",
    "read_relation_map",
    "relation_map_entries",
    "write",
]

#: The names of the formats: the keys of :data:`FORMATS`.
FormatName: TypeAlias = Literal[
    "argmap", "json", "aif", "argdown", "sadface", "microtext", "cmv", "brat", "graphml", "kialo", "carneades",
    "apx",
]


#: A format module's reader: ``(text, path) -> (document, problems)``.
Reader: TypeAlias = Callable[[str, str | None], tuple[Document, list[Diagnostic]]]


@attrs.frozen
class Checked:
    """A format's reader whose documents meet the reference rules (R001–R005), as parsed text does.

    The module readers build what the file says; this adds the findings of
    :func:`~argmap._model.reference_diagnostics` (errors: a duplicate id, a relation naming
    nothing) to their problems, so that every caller of :attr:`Format.read` — :func:`read`,
    :func:`load`, the command line — sees them, and ``argmap check`` (which leaves the
    reference rules to reading) reports them.  The argmap text and argmap JSON readers run
    the rules themselves (``checks_itself``).
    """

    reader: Reader
    checks_itself: bool = False

    def __call__(self, text: str, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
        doc, problems = self.reader(text, path)
        if not self.checks_itself:
            problems = [*problems, *reference_diagnostics(doc)]
        return doc, problems


def _checked(reader: Reader | None) -> Checked | None:
    return reader if reader is None or isinstance(reader, Checked) else Checked(reader)


@attrs.frozen
class Format:
    """One interchange format.

    ``read(text, path)`` returns ``(document, problems)``: warnings about what
    the import left out or repaired, and errors (the reference rules': a
    :class:`Format` always wraps its reader in :class:`Checked`); it raises
    :class:`~argmap.ParseError` when the text is not of the format at all.
    ``write(document)`` returns the text.
    """

    name: FormatName
    suffixes: tuple[str, ...]
    read: Checked | None = attrs.field(converter=_checked)
    write: Callable[[Document], str] | None
    description: str = ""
    #: what the writer leaves out of a document (see :mod:`.losses`): every writer names it here
    losses: Callable[[Document], list[Loss]] | None = attrs.field(default=None)
    #: whether the reader takes a relation map (``relation_map=``, see :mod:`.vocabulary`)
    relation_map: bool = attrs.field(default=False, kw_only=True)

    @losses.validator
    def _writer_names_its_losses(self, attribute: object, value: object) -> None:
        if self.write is not None and value is None:
            raise TypeError(f"format {self.name}: a writer must say what it leaves out (losses=)")

    def with_relation_map(self, relation_map: Mapping[str, str] | None) -> Format:
        """This format, its reader extending the relation vocabulary by ``relation_map`` (name ->
        argmap kind); unchanged when the format names no relations or the map is empty."""
        if not relation_map or not self.relation_map or self.read is None:
            return self
        reader: Callable[..., tuple[Document, list[Diagnostic]]] = self.read.reader
        bound = functools.partial(reader, relation_map=dict(relation_map))
        return attrs.evolve(self, read=Checked(bound, self.read.checks_itself))


def _lazy(module: str, function: str) -> Callable[..., Any]:
    """A reader or writer that imports its module on first use (keeps start-up fast)."""

    def call(*args: Any, **kwargs: Any) -> Any:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{module}"), function)(*args, **kwargs)

    return call


def _argmap_read(text: str, path: str | None) -> tuple[Document, list[Diagnostic]]:
    from .._language import parse_with_diagnostics

    return parse_with_diagnostics(text, path=path)


def _argmap_write(doc: Document) -> str:
    from .._language import format_document

    return format_document(doc)


def _json_read(text: str, path: str | None) -> tuple[Document, list[Diagnostic]]:
    from .argmap_json import from_json

    return from_json(text, path=path), []


def _json_write(doc: Document) -> str:
    from .argmap_json import to_json

    return to_json(doc)


FORMATS: dict[FormatName, Format] = {
    "argmap": Format(
        "argmap",
        (".argmap",),
        Checked(_argmap_read, checks_itself=True),
        _argmap_write,
        "the annotation language",
        KEEPS_ALL,
    ),
    "json": Format("json", (".json",), Checked(_json_read, checks_itself=True), _json_write, "argmap JSON",
                   KEEPS_ALL),  # fmt: skip
    "aif": Format("aif", (".aif",), _lazy("aif", "read"), _lazy("aif", "dumps"), "AIF JSON (AIFdb, OVA)",
                  _lazy("aif", "LOSSES")),  # fmt: skip
    "argdown": Format(
        "argdown", (".argdown", ".ad"), _lazy("argdown", "read"), _lazy("argdown", "to_argdown"), "Argdown",
        _lazy("argdown", "LOSSES"),
    ),  # fmt: skip
    "sadface": Format(
        "sadface", (".sadface",), _lazy("sadface", "read"), _lazy("sadface", "dumps"), "SADFace JSON",
        _lazy("sadface", "LOSSES"),
    ),
    "microtext": Format("microtext", (".xml",), _lazy("microtext", "read"), None, "arg-microtexts XML"),
    "cmv": Format("cmv", (".xml",), _lazy("cmv", "read"), None, "ChangeMyView threads (CMV-modes XML, root "
                  "<thread>)", relation_map=True),  # fmt: skip
    "brat": Format("brat", (".ann",), _lazy("brat", "read"), None, "brat standoff (.ann beside its .txt)",
                   relation_map=True),  # fmt: skip
    "graphml": Format("graphml", (".graphml",), None, _lazy("graph", "to_graphml"), "GraphML",
                      _lazy("graph", "LOSSES")),  # fmt: skip
    "kialo": Format(
        "kialo", (".kialo",), _lazy("kialo", "read"), None, "Kialo text export (.txt is recognised)"
    ),
    "apx": Format("apx", (".apx",), _lazy("apx", "read"), None, "an abstract framework in APX, as a map"),
    "carneades": Format(
        "carneades", (".yml", ".yaml"), _lazy("carneades", "read"), None, "Carneades argument graph (YAML)"
    ),
}


def by_name(name: FormatName) -> Format:
    """The format called ``name``; :class:`~argmap.UsageError` for an unknown name."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown format {name!r}; known: {', '.join(FORMATS)}") from None


def _json(text: str) -> Any:
    """``text`` as JSON, or None if it is not (or nests too deeply, or holds too long a number:
    the reader then says where)."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _sniff_json(data: Any) -> FormatName | None:
    """Which JSON dialect parsed ``data`` is, from its top-level shape (None: cannot tell)."""
    if not isinstance(data, dict):
        return None
    if data.get("format") == "argmap":
        return "json"
    if isinstance(data.get("AIF"), dict):
        return "aif"
    edges = data.get("edges")
    if isinstance(edges, list) and edges and isinstance(edges[0], dict):
        if "source_id" in edges[0]:
            return "sadface"
        if "fromID" in edges[0] or "from" in edges[0]:
            return "aif"
    if isinstance(data.get("nodes"), list):
        nodes = data["nodes"]
        if nodes and isinstance(nodes[0], dict) and "nodeID" in nodes[0]:
            return "aif"
        if isinstance(data.get("metadata"), dict) and "core" in data["metadata"]:
            return "sadface"
    return None


def _suffix_by_content(text: str) -> str:
    """The suffix a nameless text would have: JSON dialects start with '{', XML with '<', Kialo
    exports with their title line, Carneades YAML with top-level statements and arguments; anything
    else is argmap text (no suffix)."""
    head = text.lstrip("\ufeff \t\r\n")[:200]
    if head.startswith("{"):
        return ".json"
    if head.startswith("<"):
        return ".xml"
    if head.startswith("Discussion Title:"):
        return ".txt"
    from .carneades import looks_like_carneades

    return ".yml" if looks_like_carneades(text) else ""


def detect(path: str, text: str | None = None) -> Format:
    """The format of ``path`` from its suffix and, where the suffix is shared, its content; a
    name without a suffix (standard input: ``<stdin>``) by its content alone."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix == "" and text is not None:
        suffix = _suffix_by_content(text)
    if suffix == ".json" and text is not None:
        data = _json(text)
        name = _sniff_json(data)
        if name is not None:
            return FORMATS[name]
        if isinstance(data, dict) and data.get("format") not in (None, "argmap"):
            from .common import brief

            raise UsageError(
                f"{path}: a JSON file of format {brief(data.get('format'))}, which argmap cannot read; "
                "name the format with --from"
            )
    if suffix == ".txt" and text is not None and text.lstrip("\ufeff").startswith("Discussion Title:"):
        return FORMATS["kialo"]
    if suffix == ".xml" and text is not None:
        from .cmv import looks_like_cmv

        if looks_like_cmv(text):
            return FORMATS["cmv"]
    matches = [f for f in FORMATS.values() if suffix in f.suffixes and f.read is not None]
    if matches:
        return matches[0]
    for f in FORMATS.values():
        if suffix in f.suffixes:  # a format argmap only writes
            raise UsageError(f"{path}: argmap writes {f.description} but cannot read it; "
                             "if the file holds another format, name it with --from")  # fmt: skip
    return FORMATS["argmap"]  # any other name: the annotation language itself


def output_format(path: str) -> Format:
    """The format to write ``path`` in, from its suffix."""
    suffix = os.path.splitext(path)[1].lower()
    for f in FORMATS.values():
        if suffix in f.suffixes and f.write is not None:
            return f
    names = ", ".join(s for f in FORMATS.values() if f.write for s in f.suffixes)
    raise UsageError(f"cannot tell the output format from {path!r}; use a name ending in {names}, or --to")


def read(
    text: str,
    format: FormatName = "argmap",
    *,
    path: str | None = None,
    relation_map: Mapping[str, str] | None = None,
) -> tuple[Document, list[Diagnostic]]:
    """Read ``text`` in the named format.

    ``relation_map`` extends the relation vocabulary of the formats that name their relations
    (``brat``, ``cmv``): relation or component name -> argmap kind (docs/formats.md).

    Returns:
        ``(document, warnings)``: the warnings say what the import left out or
        repaired (for argmap text, the checker-free parse warnings).

    Raises:
        ParseError: the text cannot be read as that format at all.
        UsageError: unknown format name, or a format argmap can only write.
    """
    fmt = by_name(format).with_relation_map(relation_map)
    if fmt.read is None:
        raise UsageError(f"argmap can write {format} but not read it")
    doc, diagnostics = fmt.read(text, path)
    errors = [d for d in diagnostics if d.severity.value == "error"]
    if errors:
        from .._model import ParseError

        raise ParseError(errors)
    return doc, diagnostics


def write(doc: Document, format: FormatName = "argmap") -> str:
    """``doc`` as text in the named format.

    >>> import argmap
    >>> print(argmap.write(argmap.parse("claim c1: Tea is good."), "argdown"), end="")
    [c1]: Tea is good.
    """
    fmt = by_name(format)
    if fmt.write is None:
        raise UsageError(f"argmap can read {format} but not write it")
    return fmt.write(doc)


def losses(doc: Document, format: FormatName) -> list[Loss]:
    """What writing ``doc`` in the named format leaves out: one :class:`Loss` per kind of content the
    format cannot hold, with how many items of it ``doc`` has (none: nothing is lost).

    >>> import argmap
    >>> doc = argmap.parse("claim c1: Tea is good.\\n  tags: tea, health\\n")
    >>> [str(loss) for loss in losses(doc, "aif")]
    ['AIF keeps no tags: 2 tags left out']
    >>> losses(doc, "argdown")
    []
    """
    fmt = by_name(format)
    if fmt.write is None:
        raise UsageError(f"argmap can read {format} but not write it")
    assert fmt.losses is not None  # every writer has its table (Format's validator)
    return fmt.losses(doc)


def load(
    path: str | os.PathLike[str],
    *,
    format: FormatName | None = None,
    relation_map: Mapping[str, str] | None = None,
) -> Document:
    """Read a file in any format argmap reads (from its suffix, or ``format``); ``relation_map``
    as for :func:`read`.  What the reader left out or repaired is issued as an
    :class:`~argmap.ArgmapWarning` each (Python's :mod:`warnings`; :func:`read` returns them).

    Raises:
        ParseError: the file has errors.
        OSError: the file cannot be read.
    """
    from .._language import read_text

    path = os.fspath(path)
    text = read_text(path)
    name = format or detect(path, text).name
    doc, found = read(text, name, path=path, relation_map=relation_map)
    for diagnostic in found:
        warnings.warn(ArgmapWarning(diagnostic), stacklevel=2)
    return doc
