"""The ``argmap`` command line.

Exit codes: 0 success, 1 the input has errors (or ``fmt --check`` would
change a file), 2 usage or file-system error, 70 a bug in argmap, 130
interrupted.  Every error a
user can cause is one clear message on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from .. import _formats as formats
from .._model import VISIBLE, ArgmapError, ParseError, UsageError
from .._render import CLUSTERS, DIRECTIONS, ENGINES, FORMATS, LARGE_MAP, GraphvizMissing, RenderError
from .commands import (
    cmd_af,
    cmd_check,
    cmd_completion,
    cmd_convert,
    cmd_eval,
    cmd_fmt,
    cmd_lsp,
    cmd_render,
    cmd_rules,
    cmd_serve,
    cmd_stats,
)
from .files import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Fail, write_atomic
from .report import REPORT_FORMATS

__all__ = ["main", "run", "write_atomic"]


def _from_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--from", dest="source_format", choices=sorted(n for n, f in formats.FORMATS.items() if f.read),
        help="input format (default: from the file name and, for .json and .txt, the content; "
        "an unknown suffix is argmap text)",
    )  # fmt: skip


def _relation_map_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--relation-map", metavar="FILE",
        help="a TOML or YAML file mapping relation and component names of brat and CMV files to argmap "
        "kinds (name = \"rebuttal\"); it extends [tool.argmap] relation-map (docs/formats.md)",
    )  # fmt: skip


def _formats_table() -> str:
    """The format registry as the help shows it: name, suffixes, reads/writes, what it is."""
    lines = [
        "formats (--from / --to NAME; else from the file's suffix and, for .json and .txt, its content):"
    ]
    for f in formats.FORMATS.values():
        can = "/".join(w for w, ok in (("reads", f.read), ("writes", f.write)) if ok)
        lines.append(f"  {f.name:<10} {' '.join(f.suffixes):<18} {can:<12} {f.description}")
    return "\n".join(lines)


def _semantics_options(
    p: argparse.ArgumentParser, required: bool, default: str | None = None, several: bool = False
) -> None:
    names = "grounded, complete, preferred, stable, semi-stable, stage, ideal, h-categorizer or df-quad"
    p.add_argument(
        "--semantics", required=required, metavar="NAME", default=default,
        action="append" if several else "store",
        # (argmap.evaluate checks the name: importing evaluation here would slow every command's start)
        help=names + ("; give it again for more (the HTML map switches between them, beside grounded)"
                      if several else ""),
    )  # fmt: skip
    p.add_argument(
        "--support", choices=("deductive", "necessary"), default="deductive",
        help="how a support acts on its conclusion (docs/evaluation.md)",
    )  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    from .._version import __version__

    p = argparse.ArgumentParser(
        prog="argmap",
        description="Parse, check, evaluate, draw and convert annotated debates.",
        epilog=_formats_table(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    c = sub.add_parser("check", help="report problems in annotated files")
    c.add_argument("files", nargs="+", metavar="FILE", help="files to check ('-' for stdin)")
    c.add_argument(
        "--format", choices=REPORT_FORMATS, default="full",
        help="full (with source lines), concise (one line each), json, github (workflow "
        "annotations), sarif or junit",
    )  # fmt: skip
    _from_option(c)
    _relation_map_option(c)
    c.add_argument("--select", metavar="CODES", help="comma-separated rule codes or prefixes to run")
    c.add_argument("--ignore", metavar="CODES", help="comma-separated rule codes or prefixes to skip")
    c.add_argument(
        "--severity",
        choices=("error", "warning", "info"),
        default="info",
        help="show problems of this severity and worse (default: info, i.e. all)",
    )
    c.add_argument(
        "--fail-on", choices=("error", "warning", "info"), default="error",
        help="exit 1 when a problem of this severity or worse is found (default: error)",
    )  # fmt: skip
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    c.add_argument("--statistics", action="store_true", help="count the problems per code instead")
    c.add_argument(
        "--fix", action="store_true",
        help="apply the mechanical fixes (did-you-mean ids, a reply-to a quote implies) to argmap text files",
    )  # fmt: skip
    c.add_argument(
        "--diff", action="store_true", help="with or without --fix: show the fixes as a diff, write nothing"
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

    rd = sub.add_parser(
        "render", help="draw the argument map (SVG, PNG, PDF, DOT, or an interactive HTML page)"
    )
    rd.add_argument("file", metavar="FILE", help="annotated file ('-' for stdin)")
    rd.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="output file; its suffix picks the format"
    )
    rd.add_argument(
        "--to", "--format", dest="to", choices=sorted(FORMATS),
        help="output format (default: from OUT's suffix); --format is its old name",
    )  # fmt: skip
    _from_option(rd)
    _relation_map_option(rd)
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
    rd.add_argument(
        "--wrap", type=int, default=5, metavar="N",
        help="at most N propositions side by side under one (default 5; 0: no limit), so that maps fold into rows",
    )  # fmt: skip
    rd.add_argument("-q", "--quiet", action="store_true", help="no progress line while Graphviz lays out a large map")
    _semantics_options(rd, required=False, several=True)
    rd.set_defaults(func=cmd_render)

    cv = sub.add_parser(
        "convert", help="convert between formats", epilog=_formats_table(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    cv.add_argument("file", metavar="IN", help="input file ('-' for stdin)")
    cv.add_argument("-o", "--output", required=True, metavar="OUT", help="output file ('-' for stdout)")
    _from_option(cv)
    _relation_map_option(cv)
    cv.add_argument(
        "--to",
        choices=sorted(n for n, f in formats.FORMATS.items() if f.write),
        help="output format (default: from OUT's suffix)",
    )
    cv.add_argument(
        "-q", "--quiet", action="store_true",
        help="say nothing of what the output format cannot hold (by default one warning per kind, with its count)",
    )  # fmt: skip
    cv.set_defaults(func=cmd_convert)

    ev = sub.add_parser("eval", help="which propositions stand, and why")
    ev.add_argument("file", metavar="FILE")
    _semantics_options(ev, required=False, default="grounded")
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

    sv = sub.add_parser(
        "serve", help="the interactive map of a file in a browser, redrawn on every save (127.0.0.1 only)"
    )
    sv.add_argument("file", metavar="FILE", help="annotated file")
    sv.add_argument(
        "--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000; 0: any free one)"
    )
    sv.add_argument(
        "--cluster", choices=CLUSTERS, default="none", help="group propositions by post or author"
    )
    sv.add_argument("--direction", choices=DIRECTIONS, default="BT", help="layout direction")
    _semantics_options(sv, required=False, several=True)
    sv.set_defaults(func=cmd_serve)

    ls = sub.add_parser("lsp", help="run the language server (an editor starts it; it speaks LSP on stdio)")
    ls.add_argument("--stdio", action="store_true", help="talk over standard input and output (the default)")
    ls.set_defaults(func=cmd_lsp)

    co = sub.add_parser(
        "completion", help="print the shell code that completes argmap's commands and options",
        description="Add to your shell's start-up file, e.g. for bash: eval \"$(argmap completion bash)\"; "
        "for zsh: eval \"$(argmap completion zsh)\"; for fish: argmap completion fish | source",
    )  # fmt: skip
    co.add_argument("shell", choices=("bash", "zsh", "fish"))
    co.set_defaults(func=cmd_completion)

    s = sub.add_parser("stats", help="count posts, authors, propositions and relations")
    s.add_argument("file", metavar="FILE")
    s.add_argument("--format", choices=("text", "json"), default="text")
    _from_option(s)
    s.set_defaults(func=cmd_stats)
    return p


def _say(message: str) -> None:
    """One line on standard error, its control characters made visible (file names are user text)."""
    print(f"argmap: {message}".translate(VISIBLE), file=sys.stderr)


def _tolerant_streams() -> None:
    """Text that the terminal's encoding cannot show (Hangul on an ASCII terminal) comes out as
    escapes such as ``\\uc548`` instead of stopping the command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
    parser = build_parser()
    if "_ARGCOMPLETE" in os.environ:  # the shell asks for completions (argmap completion SHELL)
        import argcomplete

        argcomplete.autocomplete(parser)  # prints them and exits
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except Fail as e:
        _say(str(e))
        return e.code
    except ParseError as e:
        print(str(e), file=sys.stderr)
        return EXIT_PROBLEMS
    except UsageError as e:
        _say(str(e))
        return EXIT_USAGE
    except GraphvizMissing as e:
        _say(str(e))
        return EXIT_USAGE  # the environment lacks a program: not a problem of the input
    except RenderError as e:
        _say(str(e))
        return EXIT_PROBLEMS
    except ArgmapError as e:
        _say(str(e))
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
        _say(f"{str(name) + ': ' if name else ''}{e.strerror or e}")
        return EXIT_USAGE
    except Exception as e:  # a bug in argmap: say so in one line, unless debugging
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        _say(
            f"internal error ({type(e).__name__}: {e}); please report it, "
            "with the input if you can (ARGMAP_DEBUG=1 shows the traceback)"
        )
        return EXIT_INTERNAL


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
