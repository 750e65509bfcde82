"""How the documentation site is built from the guides and the docstrings (used by mkdocs.yml).

Two things that MkDocs and mkdocstrings do not do by themselves:

- ``DocstringMarkup``, a griffe extension: the docstrings are written for doctest
  and for reading in an editor, so their ``>>>`` sessions stand in plain text
  (Markdown would make them nested block quotes) and they name objects with
  Sphinx roles (``:func:`read```).  It fences every session as ``pycon`` code
  and shows a role as inline code, on griffe's copy of the docstrings only: the
  sources, and the doctests that pytest runs from them, stay as they are.  It
  also shows an attrs field with its default, not its ``attrs.field(...)`` call.
  (The ``#:`` comments that document constants and fields are read by the
  griffe-sphinx extension.)
- ``on_page_markdown``, a MkDocs hook: a guide may link to a file of the
  repository outside docs/ (``../grammars/argmap.lark``), which the site does
  not hold.  Such a link becomes its text; a link to a file that does not
  exist is left alone, so that the strict build still fails on it.

This file is not part of the site (``exclude_docs`` in mkdocs.yml).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import griffe

_FENCE = re.compile(r"^\s*(```|~~~)")
_ROLE = re.compile(r":(?:py:)?(?:func|class|data|attr|meth|mod|exc|obj|const|type):`(~?)([^`]+)`")


def fence_sessions(text: str) -> str:
    """``text`` with every interactive session (``>>>`` lines and their output) fenced as pycon.

    >>> fence_sessions("Sum:\\n\\n>>> 1 + 1\\n2\\n\\nDone.").split("\\n")
    ['Sum:', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'Done.']
    >>> fence_sessions("    >>> f(\\n    ...   1)\\n    3\\nText").split("\\n")
    ['    ```pycon', '    >>> f(', '    ...   1)', '    3', '    ```', 'Text']
    >>> fence_sessions("```\\n>>> already fenced\\n```") == "```\\n>>> already fenced\\n```"
    True
    """
    out: list[str] = []
    in_fence = in_session = False
    indent = ""
    for line in text.split("\n"):
        if in_session and (not line.strip() or not line.startswith(indent)):
            out.append(f"{indent}```")
            in_session = False
        if not in_session and not in_fence and line.lstrip().startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            if out and out[-1].strip():
                out.append("")
            out.append(f"{indent}```pycon")
            in_session = True
        elif not in_session and _FENCE.match(line):
            in_fence = not in_fence
        out.append(line)
    if in_session:
        out.append(f"{indent}```")
    return "\n".join(out)


def plain_roles(text: str) -> str:
    """``text`` with each Sphinx role shown as inline code of the name it gives.

    >>> plain_roles("see :func:`read` and :class:`~argmap._model.Document`")
    'see `read` and `Document`'
    """
    return _ROLE.sub(lambda m: f"`{m[2].rsplit('.', 1)[-1] if m[1] else m[2]}`", text)


def field_default(value: str | griffe.Expr | None) -> str | griffe.Expr | None:
    """What an attrs field's assignment shows in the reference: its default, not the ``attrs.field``
    call (``None`` for a required field).

    >>> field_default(griffe.ExprCall(griffe.ExprName("attrs.field"), [griffe.ExprKeyword("default", "()")]))
    '()'
    >>> field_default(griffe.ExprCall(griffe.ExprName("attrs.field"), [griffe.ExprKeyword("factory", "dict")]))
    'dict()'
    >>> field_default(griffe.ExprCall(griffe.ExprName("attrs.field"), [griffe.ExprKeyword("converter", "f")]))
    >>> field_default("42")
    '42'
    """
    if not (isinstance(value, griffe.ExprCall) and str(value.function) in _FIELD_CALLS):
        return value
    for arg in value.arguments:
        if isinstance(arg, griffe.ExprKeyword) and arg.name == "default":
            return arg.value
        if isinstance(arg, griffe.ExprKeyword) and arg.name == "factory":
            return f"{arg.value}()"
    return None


_FIELD_CALLS = {"attrs.field", "attr.ib", "attr.attrib", "attr.field", "field"}


class DocstringMarkup(griffe.Extension):
    """Fences the doctest sessions of every docstring, shows its Sphinx roles as code, and an
    attrs field's default instead of its ``attrs.field(...)`` call."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if isinstance(obj, griffe.Attribute):
            obj.value = field_default(obj.value)
        if obj.docstring is not None:
            obj.docstring.value = plain_roles(fence_sessions(obj.docstring.value))


_LINK = re.compile(r"(?<!!)\[(?P<text>[^\[\]]*)\]\((?P<target>[^()\s]+)\)")


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """A guide's links to existing files of the repository outside docs/ become their text."""
    docs = Path(config.docs_dir).resolve()
    root = Path(config.config_file_path).resolve().parent
    here = (docs / page.file.src_uri).parent

    def unlink(m: re.Match[str]) -> str:
        target = m["target"].split("#", 1)[0]
        if not target or ":" in target or target.startswith("/"):
            return m[0]
        path = (here / target).resolve()
        if path.is_relative_to(docs) or not path.is_relative_to(root) or not path.exists():
            return m[0]
        return m["text"]

    lines, in_fence = [], False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        lines.append(line if in_fence else _LINK.sub(unlink, line))
    return "\n".join(lines)
