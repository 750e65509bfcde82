"""AIF's argument layer: RA-, CA- and MA-nodes as supports, attacks and restatements (see :mod:`.aif`).

A CA-node is one attack by all the I-nodes that enter it (several: a linked attack) on what it
points at: an I-node (a rebuttal), an RA-node (an undercut of that support) or another CA-node
(an undercut of that attack, which is named by the CA-node's id).  An MA-node with several
sources or targets is a restatement of each target by each source, with a warning.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Literal, TypedDict

from .._model import Proposition, Rebuttal, Relation, Restatement, Support, Undercut
from .aif_export import DEFAULT_INFERENCE
from .attack_nodes import live_attacks
from .common import Ids, Report, as_line

__all__ = ["ArgumentLayer", "Relations"]


class Relations(TypedDict):
    """The relations read, and the indexes in ``all`` of those each scheme node gave."""

    all: list[Relation]
    by_node: defaultdict[str, list[int]]


class ArgumentLayer:
    """Reads the scheme nodes of a nodeset whose nodes and legal edges the reader has checked."""

    def __init__(
        self,
        nodes: dict[str, dict[str, Any]],
        out_edges: defaultdict[str, list[str]],
        in_edges: defaultdict[str, list[str]],
        of_type: defaultdict[str, list[str]],
        ids: Ids,
        report: Report,
    ) -> None:
        self.nodes, self.out, self.inn, self.of_type = nodes, out_edges, in_edges, of_type
        self.ids, self.report = ids, report

    def _ends(self, nid: str, direction: Literal["in", "out"], kind: str) -> list[str]:
        edges = self.out[nid] if direction == "out" else self.inn[nid]
        return [x for x in edges if self.nodes[x]["type"] == kind]

    def relations(self, props: dict[str, Proposition]) -> Relations:
        out: list[Relation] = []
        by_node: defaultdict[str, list[int]] = defaultdict(list)
        supports: dict[str, str] = {}

        def add(nid: str, rel: Relation) -> None:
            by_node[nid].append(len(out))
            out.append(rel)

        for ra in self.of_type["RA"]:
            premises, conclusions = self._ends(ra, "in", "I"), self._ends(ra, "out", "I")
            if not premises or not conclusions:
                missing = "premise" if not premises else "conclusion"
                self.report.warn("X105", f"RA-node {ra} has no {missing}; left out")
                continue
            if len(conclusions) > 1:
                self.report.warn(
                    "X105", f"RA-node {ra} has {len(conclusions)} conclusions; only the first is kept"
                )
            if conclusions[0] in premises:
                premises = [p for p in premises if p != conclusions[0]]
                what = "its other premises are kept" if premises else "left out"
                self.report.warn("X109", f"RA-node {ra} gives I-node {conclusions[0]} as a reason for itself; "
                                 f"{what}")  # fmt: skip
                if not premises:
                    continue
            node = self.nodes[ra]
            scheme = as_line(node["scheme"] or node["text"])
            supports[ra] = self.ids.get(ra)
            add(ra, Support(
                supports[ra], [props[p].id for p in dict.fromkeys(premises)], props[conclusions[0]].id,
                None if scheme in DEFAULT_INFERENCE else scheme,
            ))  # fmt: skip
        self._attacks(props, supports, add)
        for ma in self.of_type["MA"]:
            sources, targets = self._ends(ma, "in", "I"), self._ends(ma, "out", "I")
            if not sources or not targets:
                self.report.warn(
                    "X105", f"MA-node {ma} has no {'source' if not sources else 'target'}; left out"
                )
            elif sum(s != t for s in sources for t in targets) > 1:
                self.report.warn("X110", f"MA-node {ma} rephrases {len(sources)} I-node(s) as {len(targets)}: "
                                 "read as a restatement of each target by each source")  # fmt: skip
            for s in sources:
                for t in targets:
                    if s != t:
                        add(ma, Restatement(props[s].id, props[t].id))
                    else:
                        self.report.warn("X109", f"MA-node {ma} rephrases I-node {s} as itself, which says "
                                         "nothing; left out")  # fmt: skip
        if self.of_type["PA"]:
            self.report.warn(
                "X104",
                f"{len(self.of_type['PA'])} PA-node(s) (preferences) have no argmap counterpart; left out",
            )
        return {"all": out, "by_node": by_node}

    def _attacks(self, props: dict[str, Proposition], supports: dict[str, str],
                 add: Callable[[str, Relation], None]) -> None:  # fmt: skip
        """Each CA-node: one attack by all its I-nodes together (several: a linked attack) on each
        of its targets — an I-node (a rebuttal), an RA-node (an undercut of that support) or a
        CA-node (an undercut of that attack, which takes the CA's id as its name)."""
        cas = self.of_type["CA"]
        attackers = {ca: list(dict.fromkeys(self._ends(ca, "in", "I"))) for ca in cas}
        targets = {ca: list(dict.fromkeys(t for t in self.out[ca] if self.nodes[t]["type"] in ("I", "RA", "CA")))
                   for ca in cas}  # fmt: skip
        for ca in cas:
            if not attackers[ca] or not targets[ca]:
                self.report.warn(
                    "X105", f"CA-node {ca} has no {'attacker' if not attackers[ca] else 'target'}; left out"
                )
        # the CA-nodes that give attacks: with attackers and a target that is there (an I-node, a
        # support read, or a CA-node that gives attacks itself)
        live = live_attacks((ca for ca in cas if attackers[ca]), targets,
                            lambda t: self.nodes[t]["type"] == "I" or t in supports)  # fmt: skip

        def aims(ca: str) -> list[str]:
            return [t for t in targets[ca] if self.nodes[t]["type"] == "I" or t in supports or t in live]

        for ca in cas:
            gone_targets = [t for t in targets[ca] if self.nodes[t]["type"] == "CA" and t not in live]
            if attackers[ca] and gone_targets:
                self.report.warn("X105", f"CA-node {ca} attacks CA-node {gone_targets[0]}, which gives no "
                                 f"attack; {'that target is' if ca in live else 'it is'} left out")  # fmt: skip
        attacked = {t for ca in live for t in aims(ca) if t in live}
        for ca in self.of_type["CA"]:
            if ca not in live:
                continue
            first, *partners = [props[a].id for a in attackers[ca]]
            if len(aims(ca)) > 1:
                also = "; what attacks this CA-node undercuts the first" if ca in attacked else ""
                self.report.warn("X110", f"CA-node {ca} attacks {len(aims(ca))} nodes: read as one attack on "
                                 f"each{also}")  # fmt: skip
            for i, t in enumerate(aims(ca)):
                # an attacked CA's (first) attack is named by the CA's id: what attacks it undercuts that
                name = self.ids.get(ca) if ca in attacked and i == 0 else None
                if self.nodes[t]["type"] == "I":
                    add(ca, Rebuttal(first, props[t].id, id=name, partners=partners))
                else:
                    add(ca, Undercut(first, supports[t] if t in supports else self.ids.get(t), id=name,
                                     partners=partners))  # fmt: skip
