"""Reading inputs, writing outputs, and stopping with a message: shared by every command."""

from __future__ import annotations

import os
import stat
import sys
from typing import Mapping, NamedTuple, Sequence

from .. import _formats as formats
from .._language import decode_text
from .._model import Diagnostic, Document, ParseError, Severity, render_all

__all__ = [
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "Fail",
    "Input",
    "has_errors",
    "is_text",
    "load",
    "read",
    "refuse_overwriting",
    "require_clean",
    "write_atomic",
    "write_output",
]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 70, 130


class Fail(Exception):
    """Stop the command with a message and an exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


# -- input and output ----------------------------------------------------------


def read(name: str) -> tuple[str, str]:
    """Return (text, display path) for a file name or ``-`` (stdin)."""
    if name == "-":
        return decode_text(sys.stdin.buffer.read(), "<stdin>"), "<stdin>"
    try:
        with open(name, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise Fail(f"{name}: no such file") from None
    except IsADirectoryError:
        raise Fail(f"{name}: is a directory, not a file") from None
    except OSError as e:
        raise Fail(f"{name}: cannot read: {e.strerror or e}") from None
    return decode_text(data, name), name


def write_atomic(path: str, data: bytes) -> None:
    """Replace regular file ``path`` with ``data`` so that readers see the old or the new file,
    never half; it keeps the file's mode, and a symbolic link stays a link to the new file.
    Errors name ``path``, not the temporary file beside it."""
    target = os.path.realpath(path)
    directory = os.path.dirname(target) or "."
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    import tempfile  # here: most runs write nothing

    try:
        fd, tmp = tempfile.mkstemp(prefix=".argmap-", dir=directory)
    except OSError as e:
        raise Fail(f"{path}: cannot write there: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise Fail(f"{path}: cannot write: {e.strerror or e}") from None
        raise


def write_output(path: str, data: bytes, *, inputs: Sequence[str] = ()) -> None:
    """Write a command's output to ``path``.

    ``-`` is standard output.  A path that names one of ``inputs`` is refused (the input
    would be lost).  A regular file, or a new one, is replaced atomically
    (:func:`write_atomic`); anything else that exists (a terminal, ``/dev/null``, a FIFO,
    ``/dev/stdout``) is written in place, never replaced by a regular file.
    """
    if path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    refuse_overwriting(path, inputs)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise Fail(f"{path}: cannot write: {e.strerror or e}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise Fail(f"{path}: is a directory; name a file to write")
    special = st is not None and not stat.S_ISREG(st.st_mode)
    if special or path.startswith(("/dev/", "/proc/")):  # /dev/stdout may resolve to a regular file
        try:
            with open(path, "wb") as f:
                f.write(data)
        except OSError as e:
            raise Fail(f"{path}: cannot write: {e.strerror or e}") from None
        return
    write_atomic(path, data)


def refuse_overwriting(path: str, inputs: Sequence[str]) -> None:
    """Stop if ``path`` is one of the files ``inputs`` names (``-`` is standard input, never a file)."""
    if path == "-":
        return
    for name in inputs:
        if name == "-" or not os.path.exists(path):
            continue
        try:
            same = os.path.samefile(name, path)
        except OSError:
            continue
        if same:
            raise Fail(f"{path}: writing there would overwrite the input {name}; choose another name")


class Input(NamedTuple):
    """A file as read: the document (empty if it could not be read), the problems met reading
    it, its text, and its name as messages show it."""

    doc: Document
    problems: list[Diagnostic]
    text: str
    path: str


def load(
    name: str,
    fmt: formats.FormatName | None = None,
    *,
    only: formats.FormatName | None = None,
    relation_map: Mapping[str, str] | None = None,
) -> Input:
    """Read a document in any format (``fmt``, else from the name and content); with ``only``,
    stop unless the file is in that format.  ``relation_map`` extends the relation vocabulary
    of the formats that name relations (brat, CMV)."""
    text, path = read(name)
    reader = formats.by_name(fmt) if fmt else formats.detect(path, text)
    reader = reader.with_relation_map(relation_map)
    if only is not None and reader.name != only:
        wanted = formats.by_name(only).description
        raise Fail(f"{name} is {reader.description}, and this command reads {wanted} only "
                   f"(argmap convert turns one into the other)")  # fmt: skip
    if reader.read is None:
        raise Fail(f"argmap can write {reader.name} but not read it")
    try:
        doc, diags = reader.read(text, path)
    except ParseError as e:
        return Input(Document(path=path), list(e.diagnostics), text, path)
    return Input(doc, list(diags), text, path)


def is_text(name: str, fmt: formats.FormatName | None) -> bool:
    """Whether ``name`` (read as ``fmt``) is argmap text, whose locations the checker's spans are."""
    return (fmt or formats.detect(name).name) == "argmap"


def has_errors(diags: Sequence[Diagnostic]) -> bool:
    """Whether any of ``diags`` is an error."""
    return any(d.severity is Severity.ERROR for d in diags)


def _print_diagnostics(diags: Sequence[Diagnostic], text: str) -> None:
    for rendered in render_all(diags, text):
        print(rendered, file=sys.stderr)


def require_clean(
    name: str,
    fmt: formats.FormatName | None = None,
    *,
    only: formats.FormatName | None = None,
    relation_map: Mapping[str, str] | None = None,
) -> Input:
    """Read a file (see :func:`load`) and stop with its errors if it has any."""
    found = load(name, fmt, only=only, relation_map=relation_map)
    if has_errors(found.problems):
        _print_diagnostics(found.problems, found.text)
        raise Fail(f"{name}: {_count(found.problems)}; nothing done", EXIT_PROBLEMS)
    if not is_text(name, fmt):  # say what the import left out or repaired
        for d in found.problems:
            print(str(d), file=sys.stderr)
    return found


def _count(diags: Sequence[Diagnostic]) -> str:
    n = sum(d.severity is Severity.ERROR for d in diags)
    return f"{n} error{'s' * (n != 1)}"
