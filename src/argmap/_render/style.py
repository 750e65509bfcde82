"""The map's visual vocabulary: styles of kinds, relations and evaluation labels (Okabe–Ito
colours, and every relation also differs by line style), the legend's words for them, and
:func:`subgraph`, the one way argmap opens a Graphviz subgraph."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

from .._model import Kind, Proposition, Voice

__all__ = [
    "EDGE_STYLE", "KIND_STYLE", "LEGEND_EDGES", "STATUS_STYLE", "STATUS_WORDS", "VOICE_HEAD", "VOICE_NOTES",
    "subgraph", "voice_mark",
]  # fmt: skip

# Okabe–Ito colours (safe for colour-blind readers); every relation also differs by line style.
KIND_STYLE = {
    Kind.THESIS: {"fillcolor": "#fde9b6", "penwidth": "2.5", "shape": "box", "style": "rounded,filled,bold"},
    Kind.CLAIM: {"fillcolor": "#ffffff", "penwidth": "1.2", "shape": "box", "style": "rounded,filled"},
    Kind.PREMISE: {"fillcolor": "#e3f0fa", "penwidth": "1.2", "shape": "box", "style": "rounded,filled"},
    Kind.EVIDENCE: {"fillcolor": "#e0f2ea", "penwidth": "1.2", "shape": "note", "style": "filled"},
    Kind.QUESTION: {
        "fillcolor": "#f4e6f0",
        "penwidth": "1.2",
        "shape": "box",
        "style": "rounded,filled,dashed",
    },
}
EDGE_STYLE = {
    "support": {"color": "#009e73", "style": "solid", "arrowhead": "normal", "penwidth": "1.6"},
    "linked": {"color": "#009e73", "style": "solid", "arrowhead": "none", "penwidth": "1.6"},
    "rebuttal": {"color": "#d55e00", "style": "dashed", "arrowhead": "tee", "penwidth": "1.8"},
    "undercut": {"color": "#cc79a7", "style": "dotted", "arrowhead": "tee", "penwidth": "2.2"},
    "linked_attack": {"color": "#d55e00", "style": "dashed", "arrowhead": "none", "penwidth": "1.8"},
    "linked_undercut": {"color": "#cc79a7", "style": "dotted", "arrowhead": "none", "penwidth": "2.2"},
    "restatement": {
        "color": "#555555:invis:#555555",
        "style": "solid",
        "arrowhead": "none",
        "penwidth": "1.2",
    },
}
STATUS_STYLE = {
    "IN": {"color": "#009e73", "penwidth": "3"},
    "OUT": {"color": "#d55e00", "penwidth": "3", "style_add": "dashed"},
    "UNDEC": {"color": "#e69f00", "penwidth": "3", "style_add": "dotted"},
}
STATUS_WORDS = {"IN": "stands (accepted)", "OUT": "defeated", "UNDEC": "undecided"}
LEGEND_EDGES = (
    ("support", "supports"),
    ("linked", "linked premises join at ● before the conclusion"),
    ("rebuttal", "rebuts (attacks a claim)"),
    ("linked_attack", "linked attackers join at ● before the claim they rebut"),
    ("undercut", "undercuts (attacks an inference ●)"),
    ("linked_undercut", "linked undercutters join at ● first"),
    ("restatement", "restates"),
)

#: the legend's words for each voice that is not the author's own (the node's label starts with its
#: mark); those used share one line of the legend, which stays a strip
VOICE_NOTES = {
    Voice.REPORTED: "reported (by …): someone else's view",
    Voice.SUPPOSED: "supposed: raised to be answered",
    Voice.IRONIC: "ironic: not meant literally",
}
#: what begins that line
VOICE_HEAD = "not the author's own:"


def voice_mark(p: Proposition) -> str | None:
    """The words a node's label starts with when ``p`` is not its author's own (``reported by X:``,
    ``supposed:``, ``ironic:``), or None.  User text: the caller escapes it, as all label text."""
    if p.voice is Voice.OWN:
        return None
    by = f" by {p.reported_by}" if p.reported_by is not None else ""
    return f"{p.voice.value}{by}:"


@contextmanager
def subgraph(parent: Any, name: str | None = None) -> Iterator[Any]:
    """``parent.subgraph(name=name)``, less a copy: the graphviz package's context manager
    copies the whole parent body for every subgraph it opens (quadratic with a cluster per post)."""
    sub = type(parent)(name=name)
    yield sub
    parent.subgraph(sub)
