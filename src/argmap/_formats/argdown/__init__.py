"""Argdown (argdown.org): import a useful subset, export what Argdown's own CLI accepts.

Import reads statements and their equivalence classes (``[T]: text``),
arguments (``<A>: text``), the relations ``+ - _ ><`` in both directions and
nested, premise–conclusion structures with inference lines, tags, headings,
YAML data and comments.  The logical lines are found in ``scan.py`` and
``lines.py``, and ``tokens.py`` reads each line as ``grammars/argdown.lark``
defines it (by hand: in linear time); ``reader.py`` reads them into statements,
arguments and relations, ``build.py`` makes the document.

Export writes one heading per post (its data carries author, reply, body,
quotes and dialogue moves), propositions as statements, supports as
premise–conclusion arguments and attacks as relations — a linked or named
attack as an argument that attacks (``attacks.py`` reads it back), an undercut
of an attack as an undercut of that argument — so an argmap document survives
the round trip through Argdown.
"""

from __future__ import annotations

from .build import from_argdown, read
from .write import LOSSES, escape, to_argdown

__all__ = ["LOSSES", "escape", "from_argdown", "read", "to_argdown"]
