"""Argdown (argdown.org): import a useful subset, export what Argdown's own CLI accepts.

Import reads statements and their equivalence classes (``[T]: text``),
arguments (``<A>: text``), the relations ``+ - _ ><`` in both directions and
nested, premise–conclusion structures with inference lines, tags, headings,
YAML data and comments.  The logical lines are found in ``syntax.py``, which
also reads each line as ``grammars/argdown.lark`` defines it (by hand: in
linear time).

Export writes one heading per post (its data carries author, reply, body,
quotes and dialogue moves), propositions as statements, supports as
premise–conclusion arguments and attacks as relations, so an argmap document
survives the round trip through Argdown.
"""

from __future__ import annotations

from .build import from_argdown, read
from .write import escape, to_argdown

__all__ = ["escape", "from_argdown", "read", "to_argdown"]
