"""An abstract framework in APX (``arg(a). att(a,b).``, as ICCMA and ASPARTIX write it) as a map.

Each argument becomes a claim whose text is its name, each attack a rebuttal: the map's own
framework (docs/evaluation.md) is then the file's framework again, so ``argmap eval`` and the
map views work on it.  ``argmap af`` reads the same files as frameworks, without a map.
"""

from __future__ import annotations

from .._model import Diagnostic, Document, Kind, Metadata, Proposition, Rebuttal, is_id
from ..af import read_af
from .common import Ids, Report

__all__ = ["from_apx", "read"]


def from_apx(text: str, *, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """The map of an APX framework; an argument name that is no argmap id is made one (``X900``).

    Raises:
        ParseError: a line that is no ``arg(...)``/``att(...)`` fact, or an attack naming an
            argument that is not declared (code A001, located).
    """
    report = Report(path)
    af = read_af(report.source(text), "apx", path=path)
    ids = Ids("arg")
    for name in af.arguments:  # names that are ids keep them; the others get what is left
        if is_id(name):
            ids.get(name)
    for name in af.arguments:
        if ids.get(name) != name:
            report.warn("X900", f"argument {name!r} is not an argmap id: read as {ids.get(name)}")
    props = [Proposition(ids.get(a), a, Kind.CLAIM) for a in af.arguments]
    rebuttals = [Rebuttal(ids.get(a), ids.get(b)) for a, b in sorted(af.attacks)]
    return Document(Metadata(), (), props, rebuttals, path=path), report.finish()


def read(text: str, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """The format registry's reader: :func:`from_apx`."""
    return from_apx(text, path=path)
