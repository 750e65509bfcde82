"""Arguments that stand for one argmap attack: how argmap writes linked and named attacks.

Argdown attacks with statements and arguments; an undercut aims at an argument (its
inference).  argmap writes a rebuttal or undercut that is linked (several attackers that
attack only together) or named (so that an undercut can aim at it) as an argument whose data
gives its kind, whose premises are the attackers and whose one relation names the target::

    <r1> {kind: rebuttal}

    (1) [c]
    (2) [d]
    ----
    (3) [r1]

    <r1>
      -> [a]

The conclusion stands for the attack itself: a statement with the argument's title, no text,
named nowhere else.  An undercut is written so too (``kind: undercut``, ``_> <s1>``), and an
undercut of the attack aims at the argument (``_> <r1>``).  The title is the attack's id; an
unnamed linked attack has a title that is no id (``rebuttal 1``).  An argument that says it is
an attack but is not of this shape is read as any argument is, with a warning (``X209``).
"""

from __future__ import annotations

from collections import Counter, defaultdict

import attrs

from ..common import Report
from .reader import Node, Reader

__all__ = ["ATTACK_KINDS", "AttackArgument", "attack_arguments"]

#: the kinds an argument's data may give, with the relation each is drawn with
ATTACK_KINDS = {"rebuttal": "attack", "undercut": "undercut"}


@attrs.frozen
class AttackArgument:
    """An argument that stands for one attack."""

    node: Node
    kind: str  # "rebuttal" | "undercut"
    attackers: tuple[Node, ...]
    conclusion: Node
    #: the index in the reader's relations of its one relation, which names the target
    relation: int


def attack_arguments(reader: Reader, report: Report) -> dict[tuple[str, str], AttackArgument]:
    """The arguments of ``reader`` that stand for an attack, by their key."""
    in_structures: Counter[int] = Counter()
    for node in reader.nodes.values():
        in_structures.update(id(entry[1]) for entry in node.pcs if entry[0] == "item")
    related: Counter[int] = Counter()
    outgoing: defaultdict[int, list[int]] = defaultdict(list)
    for i, (relation, source, target, _, _) in enumerate(reader.relations):
        related.update((id(source), id(target)))
        outgoing[id(source)].append(i)
        if relation == "contradiction":  # it runs both ways
            outgoing[id(target)].append(i)
    found: dict[tuple[str, str], AttackArgument] = {}
    for key, node in reader.nodes.items():
        kind = node.data.get("kind")
        if node.kind != "argument" or not isinstance(kind, str) or kind not in ATTACK_KINDS or not node.pcs:
            continue
        entries = node.pcs
        items = [entry[1] for entry in entries if isinstance(entry[1], Node)]
        conclusion = entries[-1][1]
        bar = [i for i, entry in enumerate(entries) if entry[0] == "bar"]
        mine = outgoing.get(id(node), [])
        problem = None
        if bar != [len(entries) - 2] or len(entries) < 3 or not isinstance(conclusion, Node):
            problem = "its premises are not followed by one inference and a conclusion"
        elif (conclusion.text or conclusion.roots or related[id(conclusion)]
              or in_structures[id(conclusion)] > 1 or conclusion.kind != "statement"):  # fmt: skip
            problem = "its conclusion is a statement of the map"
        elif len(mine) != 1 or reader.relations[mine[0]][0] != ATTACK_KINDS[kind]:
            symbol = "->" if kind == "rebuttal" else "_>"
            problem = f"it has not exactly one relation, {symbol}"
        if problem is not None or not isinstance(conclusion, Node):
            report.warn("X209", f"argument <{node.title}> says it is a {kind}, but {problem}; it is read "
                        "as an argument", node.line)  # fmt: skip
            continue
        attackers = tuple({id(n): n for n in items[:-1]}.values())  # each once, in order
        found[key] = AttackArgument(node, kind, attackers, conclusion, mine[0])
    return found
