"""The ``argmap`` command line.

Exit codes: 0 success, 1 the input has errors (or ``fmt --check`` would
change a file), 2 usage or file-system error, 70 a bug in argmap, 130
interrupted.  Every error a
user can cause is one clear message on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from typing import Sequence

import attrs

from . import _formats as formats
from ._check import check, known_prefixes, selected_rules
from ._config import config_for
from ._document import Document
from ._errors import ArgmapError, Diagnostic, ParseError, Severity, UsageError
from ._format import format_document
from ._graphviz_run import FORMATS, RenderError, render
from ._parse import decode_text
from ._render import CLUSTERS, DIRECTIONS, ENGINES, LARGE_MAP
from ._rules import RULES, catalogue
from ._rules.references import CODES as REFERENCE_CODES
from ._stats import stats

__all__ = ["main"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 70, 130


class _Fail(Exception):
    """Stop the command with a message and an exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


# -- input and output ----------------------------------------------------------


def _read(name: str) -> tuple[str, str]:
    """Return (text, display path) for a file name or ``-`` (stdin)."""
    if name == "-":
        return decode_text(sys.stdin.buffer.read(), "<stdin>"), "<stdin>"
    try:
        with open(name, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise _Fail(f"{name}: no such file") from None
    except IsADirectoryError:
        raise _Fail(f"{name}: is a directory, not a file") from None
    except OSError as e:
        raise _Fail(f"{name}: cannot read: {e.strerror or e}") from None
    return decode_text(data, name), name


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half."""
    target = os.path.realpath(path)
    directory = os.path.dirname(target) or "."
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=".argmap-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _load(name: str, fmt: str | None = None):
    """Read a document in any format; return (document, diagnostics, text, path)."""
    text, path = _read(name)
    reader = formats.by_name(fmt) if fmt else formats.detect(path, text)
    if reader.read is None:
        raise _Fail(f"argmap can write {reader.name} but not read it")
    try:
        doc, diags = reader.read(text, path)
    except ParseError as e:
        return Document(path=path), list(e.diagnostics), text, path
    return doc, diags, text, path


def _is_text(name: str, fmt: str | None) -> bool:
    return (fmt or formats.detect(name).name) == "argmap"


def _has_errors(diags: Sequence[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diags)


def _print_diagnostics(diags, text) -> None:
    for d in diags:
        print(d.render(text), file=sys.stderr)


def _require_clean(name: str, fmt: str | None = None):
    """Read a file and stop with its errors if it has any."""
    doc, diags, text, _ = _load(name, fmt)
    if _has_errors(diags):
        _print_diagnostics(diags, text)
        raise _Fail(f"{name}: {_count(diags)}; nothing done", EXIT_PROBLEMS)
    if not _is_text(name, fmt):  # say what the import left out or repaired
        for d in diags:
            print(str(d), file=sys.stderr)
    return doc, text


def _count(diags) -> str:
    n = sum(d.severity is Severity.ERROR for d in diags)
    return f"{n} error{'s' * (n != 1)}"


# -- commands ------------------------------------------------------------------


def cmd_check(args) -> int:
    cli_select = _split(args.select)
    cli_ignore = _split(args.ignore) or []
    selected_rules(cli_select, cli_ignore)  # refuse unknown codes before any work
    floor = _SEVERITY_ORDER.index(Severity(args.severity))
    everything: list[Diagnostic] = []
    for name in args.files:
        doc, diags, text, path = _load(name, args.source_format)
        cfg = config_for(name)
        select = cli_select if cli_select is not None else cfg.select
        ignore = cli_ignore + list(cfg.ignore)
        codes = {r.code for r in selected_rules(select, ignore + known_prefixes(doc.metadata.ignore))}
        # reading already ran the reference rules (with precise spans); P… and J… are not rules
        diags = [d for d in diags if d.code not in RULES or d.code in codes]
        unreadable = any(d.code not in RULES and d.severity is Severity.ERROR for d in diags)
        if not unreadable:
            diags += [d for d in check(doc, select=select, ignore=ignore) if d.code not in REFERENCE_CODES]
        diags = [d for d in diags if _SEVERITY_ORDER.index(d.severity) <= floor]
        if not _is_text(name, args.source_format):
            # the checker's spans point into the text the document was made from, not this file;
            # reading problems (J…, X…) are located in this file
            diags = [attrs.evolve(d, span=None, related=()) if d.code[0] not in "JX" else d for d in diags]
        diags.sort(key=lambda d: (d.span.line, d.span.column) if d.span else (0, 0))
        everything += diags
        if args.format == "full":
            for d in diags:
                print(d.render(text))
        elif args.format == "concise":
            for d in diags:
                print(d)
    if args.format == "json":
        print(json.dumps([d.as_dict() for d in everything], ensure_ascii=False, indent=2))
    else:
        print(_summary(everything, len(args.files)), file=sys.stderr)
    return EXIT_PROBLEMS if _has_errors(everything) else EXIT_OK


_SEVERITY_ORDER = [Severity.ERROR, Severity.WARNING, Severity.INFO]


def _split(codes: str | None) -> list[str] | None:
    return [c.strip() for c in codes.split(",") if c.strip()] if codes else None


def cmd_rules(args) -> int:
    if args.format == "markdown":
        sys.stdout.write(catalogue.markdown())
        return EXIT_OK
    for r in selected_rules():
        print(f"{r.code}  {r.severity.value:<7}  {r.name:<26}  {r.summary}")
    return EXIT_OK


def _summary(diags, nfiles: int) -> str:
    if not diags:
        return f"All checks passed ({nfiles} file{'s' * (nfiles != 1)})."
    by = {s: sum(d.severity is s for d in diags) for s in Severity}
    parts = [f"{n} {s.value}{'s' * (n != 1)}" for s, n in by.items() if n]
    return f"Found {', '.join(parts)} in {nfiles} file{'s' * (nfiles != 1)}."


def cmd_fmt(args) -> int:
    if args.write and "-" in args.files:
        raise _Fail("--write cannot rewrite standard input; use it with file names")
    status = EXIT_OK
    for name in args.files:
        doc, text = _require_clean(name)
        out = format_document(doc)
        if args.check:
            if out != text:
                print(f"would reformat {name}", file=sys.stderr)
                status = EXIT_PROBLEMS
        elif args.write:
            if out != text:
                write_atomic(name, out.encode("utf-8"))
                print(f"reformatted {name}", file=sys.stderr)
        else:
            sys.stdout.write(out)
    return status


def cmd_render(args) -> int:
    fmt = args.format
    if fmt is None:
        if args.output == "-":
            raise _Fail("writing to standard output needs --format (svg, png, pdf or dot)")
        fmt = os.path.splitext(args.output)[1].lstrip(".").lower()
        if fmt not in FORMATS:
            raise _Fail(
                f"cannot tell the output format from {args.output!r}; "
                f"use a .svg, .png, .pdf or .dot name, or --format"
            )
    doc, _ = _require_clean(args.file, args.source_format)

    def progress(message: str) -> None:
        print(f"argmap: {message}", file=sys.stderr)

    status = None
    if args.semantics:
        from ._evaluate import evaluate

        status = evaluate(doc, args.semantics, support=args.support).labels
    options = dict(
        direction=args.direction, cluster=args.cluster, focus=args.focus, depth=args.depth,
        authors=args.author, tags=args.tag, width=args.width, engine=args.engine,
        legend=not args.no_legend, status=status,
    )  # fmt: skip
    n = len(doc.propositions)
    if args.engine is None and n > LARGE_MAP and fmt != "dot":
        progress(f"{n} propositions: using the sfdp layout (faster than dot on maps over {LARGE_MAP})")
    data = render(doc, fmt, progress=progress if n > 200 else None, **options)
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(args.output, data)
    return EXIT_OK


def cmd_convert(args) -> int:
    writer = formats.by_name(args.to) if args.to else None
    if writer is None:
        if args.output == "-":
            raise _Fail("writing to standard output needs --to")
        writer = formats.output_format(args.output)
    if args.output != "-" and args.file != "-" and os.path.exists(args.output):
        if os.path.samefile(args.file, args.output):
            raise _Fail(
                f"{args.output}: converting a file onto itself would overwrite it; choose another name"
            )
    doc, _ = _require_clean(args.file, args.source_format)
    data = writer.write(doc).encode("utf-8")
    if args.output == "-":
        sys.stdout.buffer.write(data)
    else:
        write_atomic(args.output, data)
    return EXIT_OK


def cmd_eval(args) -> int:
    from ._evaluate import evaluate

    doc, _ = _require_clean(args.file, args.source_format)
    ev = evaluate(doc, args.semantics, support=args.support)
    if args.format == "json":
        print(json.dumps(ev.as_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    if ev.extensions == 0:
        print(f"argmap: there is no {ev.semantics} extension", file=sys.stderr)
    width = max((len(k) for k in ev.labels), default=0)
    for pid in ev.labels:
        print(f"{pid:<{width}}  {ev.reasons[pid]}")
    return EXIT_OK


def cmd_af(args) -> int:
    """The ICCMA solver interface: -p TASK -f FILE [-a ARG] [--fo FORMAT]."""
    from .af import read_af
    from .af._iccma import TASKS, solve

    if args.formats:
        print("[apx,tgf,i23]")
        return EXIT_OK
    if args.problems:
        print("[" + ",".join(TASKS) + "]")
        return EXIT_OK
    if not args.p or not args.f:
        raise _Fail("af needs -p TASK and -f FILE (or --problems / --formats)")
    fmt = args.fo or {".apx": "apx", ".tgf": "tgf"}.get(os.path.splitext(args.f)[1].lower(), "i23")
    text, path = _read(args.f)
    af = read_af(text, fmt, path=path)
    for line in solve(af, args.p, args.a, fmt):
        print(line)
    return EXIT_OK


def cmd_stats(args) -> int:
    doc, _ = _require_clean(args.file, args.source_format)
    counts = stats(doc)
    if args.format == "json":
        print(json.dumps(counts, indent=2))
    else:
        width = max(map(len, counts))
        for key, value in counts.items():
            print(f"{key:<{width}}  {value}")
    return EXIT_OK


# -- wiring ----------------------------------------------------------------------


def _from_option(p) -> None:
    p.add_argument(
        "--from", dest="source_format", choices=sorted(n for n, f in formats.FORMATS.items() if f.read),
        help="input format (default: from the file name and, for .json and .txt, the content; "
        "an unknown suffix is argmap text)",
    )  # fmt: skip


def _semantics_options(p, required: bool) -> None:
    p.add_argument(
        "--semantics", required=required, metavar="NAME",
        help="grounded, complete, preferred, stable, semi-stable, stage, ideal, h-categorizer or df-quad",
    )  # fmt: skip
    p.add_argument(
        "--support", choices=("deductive", "necessary"), default="deductive",
        help="how a support acts on its conclusion (docs/evaluation.md)",
    )  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(
        prog="argmap",
        description="Parse, check, evaluate, draw and convert annotated debates.",
    )
    p.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    c = sub.add_parser("check", help="report problems in annotated files")
    c.add_argument("files", nargs="+", metavar="FILE", help="files to check ('-' for stdin)")
    c.add_argument("--format", choices=("full", "concise", "json"), default="full")
    _from_option(c)
    c.add_argument("--select", metavar="CODES", help="comma-separated rule codes or prefixes to run")
    c.add_argument("--ignore", metavar="CODES", help="comma-separated rule codes or prefixes to skip")
    c.add_argument(
        "--severity",
        choices=("error", "warning", "info"),
        default="info",
        help="show problems of this severity and worse (default: info, i.e. all)",
    )
    c.set_defaults(func=cmd_check)

    r = sub.add_parser("rules", help="list the checker's rules")
    r.add_argument("--format", choices=("text", "markdown"), default="text")
    r.set_defaults(func=cmd_rules)

    f = sub.add_parser("fmt", help="print files in canonical layout")
    f.add_argument("files", nargs="+", metavar="FILE", help="files to format ('-' for stdin)")
    mode = f.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 if a file is not canonical")
    mode.add_argument("--write", action="store_true", help="rewrite files in place (atomically)")
    f.set_defaults(func=cmd_fmt)

    rd = sub.add_parser("render", help="draw the argument map (SVG, PNG, PDF or DOT)")
    rd.add_argument("file", metavar="FILE", help="annotated file ('-' for stdin)")
    rd.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="output file; its suffix picks the format"
    )
    rd.add_argument("--format", choices=sorted(FORMATS), help="output format (default: from OUT's suffix)")
    _from_option(rd)
    rd.add_argument(
        "--direction",
        choices=DIRECTIONS,
        default="BT",
        help="layout direction (default BT: conclusions on top)",
    )
    rd.add_argument(
        "--cluster", choices=CLUSTERS, default="none", help="group propositions by post or author"
    )
    rd.add_argument("--focus", metavar="ID", help="draw only what is near this proposition")
    rd.add_argument(
        "--depth", type=int, metavar="N", help="with --focus: how many relations away (default: all)"
    )
    rd.add_argument(
        "--author", action="append", metavar="NAME", help="only propositions by this author (repeatable)"
    )
    rd.add_argument(
        "--tag", action="append", metavar="TAG", help="only propositions with this tag (repeatable)"
    )
    rd.add_argument(
        "--width", type=int, default=34, metavar="N", help="characters per label line (default 34)"
    )
    rd.add_argument(
        "--engine",
        choices=ENGINES,
        help=f"Graphviz layout (default: dot; sfdp above {LARGE_MAP} propositions)",
    )
    rd.add_argument("--no-legend", action="store_true", help="leave the legend out")
    _semantics_options(rd, required=False)
    rd.set_defaults(func=cmd_render)

    cv = sub.add_parser("convert", help="convert between formats (argmap text, argmap JSON)")
    cv.add_argument("file", metavar="IN", help="input file ('-' for stdin)")
    cv.add_argument("-o", "--output", required=True, metavar="OUT", help="output file ('-' for stdout)")
    _from_option(cv)
    cv.add_argument(
        "--to",
        choices=sorted(n for n, f in formats.FORMATS.items() if f.write),
        help="output format (default: from OUT's suffix)",
    )
    cv.set_defaults(func=cmd_convert)

    ev = sub.add_parser("eval", help="which propositions stand, and why")
    ev.add_argument("file", metavar="FILE")
    _semantics_options(ev, required=True)
    ev.add_argument("--format", choices=("text", "json"), default="text")
    _from_option(ev)
    ev.set_defaults(func=cmd_eval)

    af = sub.add_parser(
        "af",
        help="solve ICCMA tasks on an abstract framework (ICCMA'23 interface)",
        description="Tasks DC/DS/SE/EE-CO/GR/PR/ST/SST/STG/ID. With i23 input, extensions print as "
        "'w 1 2'; DC prints a witness and DS a counter-example after YES/NO.",
    )
    af.add_argument("-p", metavar="TASK", help="e.g. DC-CO, DS-PR, SE-ST, EE-PR")
    af.add_argument("-f", metavar="FILE", help="the framework")
    af.add_argument("-a", metavar="ARG", help="the query argument (DC and DS tasks)")
    af.add_argument(
        "--fo", choices=("apx", "tgf", "i23"), help="file format (default: from the suffix; i23 otherwise)"
    )
    af.add_argument("--formats", action="store_true", help="list the supported formats")
    af.add_argument("--problems", action="store_true", help="list the supported tasks")
    af.set_defaults(func=cmd_af)

    s = sub.add_parser("stats", help="count posts, authors, propositions and relations")
    s.add_argument("file", metavar="FILE")
    s.add_argument("--format", choices=("text", "json"), default="text")
    _from_option(s)
    s.set_defaults(func=cmd_stats)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except _Fail as e:
        print(f"argmap: {e}", file=sys.stderr)
        return e.code
    except ParseError as e:
        print(str(e), file=sys.stderr)
        return EXIT_PROBLEMS
    except UsageError as e:
        print(f"argmap: {e}", file=sys.stderr)
        return EXIT_USAGE
    except RenderError as e:
        print(f"argmap: {e}", file=sys.stderr)
        return EXIT_PROBLEMS
    except ArgmapError as e:
        print(f"argmap: {e}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        print("argmap: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (e.g. `argmap fmt big.am | head`); that is not an error.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK
    except OSError as e:
        name = getattr(e, "filename", None)
        print(f"argmap: {name + ': ' if name else ''}{e.strerror or e}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as e:  # a bug in argmap: say so in one line, unless debugging
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        print(
            f"argmap: internal error ({type(e).__name__}: {e}); please report it, "
            "with the input if you can (ARGMAP_DEBUG=1 shows the traceback)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
