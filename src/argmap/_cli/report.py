"""How ``argmap check`` shows what it found: on a terminal (with colour), or for other tools
(GitHub workflow annotations, SARIF, JUnit XML), or as counts per code."""

from __future__ import annotations

import json
import os
from typing import IO, Any, Iterable, Sequence

from .._formats.graph import xml_text
from .._model import Diagnostic, Paint, Rule, Severity

__all__ = ["REPORT_FORMATS", "github", "painter", "sarif", "junit", "statistics", "summary"]

#: the values of ``check --format``: text on a terminal, and three formats other tools read
REPORT_FORMATS = ("full", "concise", "json", "github", "sarif", "junit")

_COLOURS = {"error": "1;31", "warning": "1;33", "info": "1;36", "code": "1", "caret": "1;31", "hint": "1;32"}


def painter(stream: IO[str]) -> Paint | None:
    """Colours for ``stream``: on a terminal, unless ``NO_COLOR`` is set; always with
    ``FORCE_COLOR`` (as https://no-color.org and https://force-color.org ask)."""
    force, no = os.environ.get("FORCE_COLOR", ""), os.environ.get("NO_COLOR", "")
    if force and force != "0":
        on = True
    elif no:
        on = False
    else:
        isatty = getattr(stream, "isatty", None)
        on = bool(isatty and isatty())
    if not on:
        return None

    def paint(part: str, text: str) -> str:
        code = _COLOURS.get(part)
        return f"\x1b[{code}m{text}\x1b[0m" if code else text

    return paint


def summary(diags: Sequence[Diagnostic], nfiles: int) -> str:
    """One line: how many problems of each severity, in how many files."""
    files = f"{nfiles} file{'s' * (nfiles != 1)}"
    if not diags:
        return f"All checks passed ({files})."
    by = {s: sum(d.severity is s for d in diags) for s in Severity}
    parts = [f"{n} {s.value}{'s' * (n != 1)}" for s, n in by.items() if n]
    return f"Found {', '.join(parts)} in {files}."


def statistics(diags: Iterable[Diagnostic], rules: dict[str, Rule]) -> list[str]:
    """``count  CODE  name``, most frequent first (ruff's ``--statistics``)."""
    counts: dict[str, int] = {}
    for d in diags:
        counts[d.code] = counts.get(d.code, 0) + 1
    width = max((len(str(n)) for n in counts.values()), default=1)
    order = sorted(counts, key=lambda code: (-counts[code], code))
    return [f"{counts[c]:>{width}}  {c}  {rules[c].name if c in rules else _PARSER}" for c in order]


_PARSER = "reading the file"


def _property(value: str) -> str:
    """A value inside a workflow command's properties (``file=…,line=…``)."""
    return (
        value.replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(":", "%3A")
        .replace(",", "%2C")
    )


def _data(value: str) -> str:
    """A workflow command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github(diags: Iterable[Diagnostic]) -> list[str]:
    """GitHub Actions workflow commands: each finding an annotation on its file and line."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    out = []
    for d in diags:
        props = [f"title={_property(d.code)}"]
        if d.path:
            props.insert(0, f"file={_property(d.path)}")
        if d.span is not None:
            props += [f"line={d.span.line}", f"col={d.span.column}",
                      f"endLine={d.span.end_line}", f"endColumn={d.span.end_column}"]  # fmt: skip
        message = d.message + (f" (hint: {d.hint})" if d.hint else "")
        out.append(f"::{level[d.severity]} {','.join(props)}::{_data(f'{d.code} {message}')}")
    return out


def sarif(diags: Iterable[Diagnostic], rules: dict[str, Rule], version: str) -> str:
    """A SARIF 2.1.0 log (what code-scanning services read), the rule catalogue as its rules."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    results = []
    for d in diags:
        result: dict[str, Any] = {
            "ruleId": d.code,
            "level": level[d.severity],
            "message": {"text": d.message},
        }
        location: dict[str, Any] = {"artifactLocation": {"uri": d.path or "<stdin>"}}
        if d.span is not None:
            location["region"] = {"startLine": d.span.line, "startColumn": d.span.column,
                                  "endLine": d.span.end_line, "endColumn": d.span.end_column}  # fmt: skip
        result["locations"] = [{"physicalLocation": location}]
        results.append(result)
    driver = {
        "name": "argmap",
        "version": version,
        "informationUri": "https://argmap.invalid/docs/rules.md",
        "rules": [
            {"id": r.code, "name": r.name, "shortDescription": {"text": r.summary},
             "defaultConfiguration": {"level": level[r.severity]}}
            for r in sorted(rules.values(), key=lambda r: r.code)
        ],
    }  # fmt: skip
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def junit(diags: Sequence[Diagnostic], files: Sequence[str]) -> str:
    """JUnit XML: a test suite per file, a failing test case per finding (a clean file: one passing)."""
    import xml.etree.ElementTree as ET

    root = ET.Element("testsuites", name="argmap check", tests="0", failures="0")
    total = 0
    for name in files:
        found = [d for d in diags if (d.path or "<stdin>") == (name if name != "-" else "<stdin>")]
        suite = ET.SubElement(root, "testsuite", name=name, tests=str(max(1, len(found))),
                              failures=str(len(found)), errors="0")  # fmt: skip
        if not found:
            ET.SubElement(suite, "testcase", name="argmap check", classname=name)
        for d in found:
            where = f"{d.span.line}:{d.span.column}" if d.span else ""
            case = ET.SubElement(suite, "testcase", name=f"{d.code} {where}".strip(), classname=name)
            failure = ET.SubElement(case, "failure", message=xml_text(d.message), type=d.severity.value)
            failure.text = xml_text(str(d))
        total += max(1, len(found))
    root.set("tests", str(total))
    root.set("failures", str(len(diags)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
