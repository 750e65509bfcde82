"""One function per subcommand: ``cmd_check``, ``cmd_render``, …"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING, Callable

from .. import _formats as formats
from .._check import RULES, apply_fixes, config_for, report, selected_rules
from .._check.catalogue import markdown
from .._language import format_document
from .._model import Diagnostic, Severity, render_all, stats
from .._render import FORMATS, LARGE_MAP, render
from .._version import __version__
from .files import (
    EXIT_OK,
    EXIT_PROBLEMS,
    Fail,
    Input,
    is_text,
    load,
    read,
    refuse_overwriting,
    require_clean,
    write_atomic,
    write_output,
)
from .report import github, junit, painter, sarif, statistics, summary

__all__ = [
    "cmd_af",
    "cmd_check",
    "cmd_completion",
    "cmd_convert",
    "cmd_eval",
    "cmd_fmt",
    "cmd_lsp",
    "cmd_render",
    "cmd_rules",
    "cmd_serve",
    "cmd_stats",
]

if TYPE_CHECKING:
    from .._evaluate import SemanticsName


def cmd_check(args: argparse.Namespace) -> int:
    select, ignore = _split(args.select), _split(args.ignore)
    selected_rules(select, ignore)  # refuse unknown codes before any work
    paint = painter(sys.stdout)
    everything: list[Diagnostic] = []
    changed = False
    for name in args.files:
        found = _check_one(name, args, select, ignore)
        if (args.fix or args.diff) and is_text(name, args.source_format) and name != "-":
            fixed, applied = apply_fixes(found.text, found.problems)
            if applied and args.diff:
                changed = True
                sys.stdout.writelines(_diff(name, found.text, fixed))
                continue
            if applied:
                write_atomic(name, fixed.encode("utf-8"))
                print(f"{name}: fixed {len(applied)} problem{'s' * (len(applied) != 1)}", file=sys.stderr)
                found = _check_one(name, args, select, ignore)  # what is left
        elif args.diff:
            continue
        everything += found.problems
        if args.statistics:
            continue
        if args.format == "full":
            for rendered in render_all(found.problems, found.text, paint=paint or _plain):
                print(rendered)
        elif args.format == "concise":
            for d in found.problems:
                print(d.headline(paint or _plain))
    if args.diff:
        return EXIT_PROBLEMS if changed else EXIT_OK
    if args.statistics:
        print("\n".join(statistics(everything, RULES)))
    elif args.format == "json":
        print(json.dumps([d.as_dict() for d in everything], ensure_ascii=False, indent=2))
    elif args.format == "github":
        print("\n".join(github(everything)))
    elif args.format == "sarif":
        print(sarif(everything, RULES, __version__))
    elif args.format == "junit":
        sys.stdout.write(junit(everything, args.files))
    if args.format in ("full", "concise") or args.statistics:
        print(summary(everything, len(args.files)), file=sys.stderr)
    floor = _SEVERITY_ORDER.index(Severity(args.fail_on))
    failed = any(_SEVERITY_ORDER.index(d.severity) <= floor for d in everything)
    return EXIT_PROBLEMS if failed and not args.exit_zero else EXIT_OK


def _check_one(
    name: str, args: argparse.Namespace, select: list[str] | None, ignore: list[str] | None
) -> Input:
    """One file read and checked, as the report shows it: its problems are the report's."""
    doc, read_problems, text, path = load(name, args.source_format, relation_map=relation_map(args, name))
    diags = report(
        doc, read_problems, select=select, ignore=ignore, config=config_for(name),
        severity=Severity(args.severity), located=is_text(name, args.source_format),
    )  # fmt: skip
    return Input(doc, diags, text, path)


def _diff(name: str, before: str, after: str) -> list[str]:
    import difflib

    return list(difflib.unified_diff(before.splitlines(True), after.splitlines(True), name, name))


def _plain(part: str, text: str) -> str:
    return text


_SEVERITY_ORDER = [Severity.ERROR, Severity.WARNING, Severity.INFO]


def _split(codes: str | None) -> list[str] | None:
    return [c.strip() for c in codes.split(",") if c.strip()] if codes else None


def cmd_rules(args: argparse.Namespace) -> int:
    if args.format == "markdown":
        sys.stdout.write(markdown())
        return EXIT_OK
    for r in selected_rules():
        print(f"{r.code}  {r.severity.value:<7}  {r.name:<26}  {r.summary}")
    return EXIT_OK


def cmd_fmt(args: argparse.Namespace) -> int:
    if args.write and "-" in args.files:
        raise Fail("--write cannot rewrite standard input; use it with file names")
    status = EXIT_OK
    for name in args.files:
        doc, _, text, _ = require_clean(name, only="argmap")  # it writes argmap text, so it reads only that
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


def cmd_render(args: argparse.Namespace) -> int:
    fmt = args.to
    suffix = os.path.splitext(args.output)[1].lstrip(".").lower()
    if fmt is None:
        if args.output == "-":
            raise Fail("writing to standard output needs --to (svg, png, pdf, dot or html)")
        fmt = suffix
        if fmt not in FORMATS:
            raise Fail(
                f"cannot tell the output format from {args.output!r}; "
                f"use a .svg, .png, .pdf, .dot or .html name, or --to"
            )
    elif suffix in FORMATS and suffix != fmt:
        raise Fail(f"{args.output} is named .{suffix} but --to asks for {fmt}; name the file .{fmt}")
    if args.depth is not None and args.focus is None:
        raise Fail("--depth counts relations from the --focus proposition: give --focus ID too")
    refuse_overwriting(args.output, [args.file])  # before the work, not only before writing
    doc = require_clean(args.file, args.source_format, relation_map=relation_map(args, args.file)).doc

    progress = _progress_line(quiet=args.quiet)

    status = None
    chosen = _semantics(args.semantics)
    semantics = list(dict.fromkeys(["grounded", *chosen]))  # what an HTML page offers; more with --semantics
    if chosen and fmt != "html":
        if len(chosen) > 1:
            raise Fail("a static map shows one semantics: give --semantics once (an HTML map takes several)")
        from .._evaluate import evaluate

        status = evaluate(doc, chosen[0], support=args.support).labels
    options = dict(
        direction=args.direction, cluster=args.cluster, focus=args.focus, depth=args.depth,
        authors=args.author, tags=args.tag, width=args.width, engine=args.engine,
        legend=not args.no_legend, status=status, wrap=args.wrap or None,
    )  # fmt: skip
    n = len(doc.propositions)
    if args.engine is None and n > LARGE_MAP and fmt != "dot":
        progress(f"{n} propositions: using the sfdp layout (faster than dot on maps over {LARGE_MAP})")
    extra = {"semantics": semantics, "support": args.support} if fmt == "html" else {}
    data = render(doc, fmt, progress=progress if n > 200 else None, **extra, **options)
    progress(None)
    write_output(args.output, data, inputs=[args.file])
    return EXIT_OK


def _progress_line(quiet: bool) -> Callable[[str | None], None]:
    """How a long render reports: one line, rewritten in place, on a terminal; nothing when
    standard error is not one (piped, redirected) or with --quiet.  None ends the line."""
    shown = [False]
    if quiet or not sys.stderr.isatty():
        return lambda message: None

    def say(message: str | None) -> None:
        if message is None:
            if shown[0]:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()
            return
        sys.stderr.write(f"\r\x1b[Kargmap: {message}")
        sys.stderr.flush()
        shown[0] = True

    return say


def cmd_convert(args: argparse.Namespace) -> int:
    writer = formats.by_name(args.to) if args.to else None
    if writer is None:
        if args.output == "-":
            raise Fail("writing to standard output needs --to")
        writer = formats.output_format(args.output)
    if args.output != "-":
        refuse_overwriting(args.output, [args.file])
    if writer.write is None:
        raise Fail(f"argmap can read {writer.name} but not write it")
    doc = require_clean(args.file, args.source_format, relation_map=relation_map(args, args.file)).doc
    data = writer.write(doc).encode("utf-8")
    write_output(args.output, data, inputs=[args.file])
    if not args.quiet:  # what the target format cannot hold: one line per kind, with its count
        for loss in formats.losses(doc, writer.name):
            print(f"argmap: warning: {loss}", file=sys.stderr)
    return EXIT_OK


def relation_map(args: argparse.Namespace, name: str) -> dict[str, str] | None:
    """The relation map for reading ``name``: ``[tool.argmap] relation-map`` of its project, then
    ``--relation-map FILE`` (whose names win)."""
    cfg = config_for(name)
    out: dict[str, str] = {}
    if cfg.relation_map_file is not None:
        out.update(formats.read_relation_map(cfg.relation_map_file))
    if cfg.relation_map:
        origin = f"{cfg.path}: [tool.argmap] relation-map"
        out.update(formats.relation_map_entries(dict(cfg.relation_map), origin))
    if getattr(args, "relation_map", None):
        out.update(formats.read_relation_map(args.relation_map))
    return out or None


def cmd_eval(args: argparse.Namespace) -> int:
    from .._evaluate import evaluate

    doc = require_clean(args.file, args.source_format).doc
    ev = evaluate(doc, args.semantics, support=args.support)
    if args.format == "json":
        print(json.dumps(ev.as_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    if ev.has_extension is False:
        print(f"argmap: there is no {ev.semantics} extension", file=sys.stderr)
    sys.stdout.write(ev.table())
    return EXIT_OK


def cmd_af(args: argparse.Namespace) -> int:
    """The ICCMA solver interface: -p TASK -f FILE [-a ARG] [--fo FORMAT]."""
    from ..af import TASKS, read_af, solve

    if args.formats:
        print("[apx,tgf,i23]")
        return EXIT_OK
    if args.problems:
        print("[" + ",".join(TASKS) + "]")
        return EXIT_OK
    if not args.p or not args.f:
        raise Fail("af needs -p TASK and -f FILE (or --problems / --formats)")
    fmt = args.fo or {".apx": "apx", ".tgf": "tgf"}.get(os.path.splitext(args.f)[1].lower(), "i23")
    text, path = read(args.f)
    af = read_af(text, fmt, path=path)
    for line in solve(af, args.p, args.a, fmt):
        print(line)
    return EXIT_OK


def _semantics(names: list[str] | None) -> list[SemanticsName]:
    """The semantics named by --semantics, each once by its own name ("GR" is "grounded"); an
    unknown name is a usage error (exit 2) before any work."""
    from .._evaluate import semantics_name

    return list(dict.fromkeys(semantics_name(n) for n in names or ()))


def cmd_serve(args: argparse.Namespace) -> int:
    """The live preview, until Ctrl-C."""
    from .._render.live import LivePreview

    if not os.path.isfile(args.file):
        raise Fail(f"{args.file}: no such file")
    semantics = tuple(dict.fromkeys(["grounded", *_semantics(args.semantics)]))  # checked before listening
    try:
        live = LivePreview(
            args.file, args.port, semantics=semantics, cluster=args.cluster, direction=args.direction
        )
    except OSError as e:
        raise Fail(f"cannot listen on 127.0.0.1:{args.port}: {e.strerror or e}") from None
    live.serve_forever(lambda message: print(message, file=sys.stderr, flush=True))
    return EXIT_OK


def cmd_lsp(args: argparse.Namespace) -> int:
    """The language server, until the editor shuts it down."""
    from .._lsp import serve

    serve()
    return EXIT_OK


def cmd_completion(args: argparse.Namespace) -> int:
    """The shell code that asks argmap for completions (argcomplete writes it)."""
    from argcomplete.shell_integration import shellcode

    sys.stdout.write(shellcode(["argmap"], shell=args.shell))
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    doc = require_clean(args.file, args.source_format).doc
    counts = stats(doc)
    if args.format == "json":
        print(json.dumps(counts, indent=2))
    else:
        width = max(map(len, counts))
        for key, value in counts.items():
            print(f"{key:<{width}}  {value}")
    return EXIT_OK
