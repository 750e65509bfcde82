"""One independent part of a framework under one semantics, and the questions asked of it.

A :class:`Part` answers in local numbers (see :class:`~._graph.Graph`): some
extension, every extension, an extension with / without / not attacking an
argument, and the skeptical labels of all its arguments.  Each answer is one
SAT call or one targeted search (:func:`~._sat.maximal`), never a list of the
part's extensions, except for :meth:`Part.every` (EE tasks), whose job that is.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._graph import IN, OUT, UNDEC, Graph, ancestors, complete_closure
from ._sat import Encoding, admissible_with, enumerate_models, ideal, maximal, maximal_all

__all__ = ["Part"]

#: the encoding the searches of each semantics run on, and whether it has range variables
_KIND = {
    "CF": ("CF", False),
    "AD": ("AD", False),
    "CO": ("CO", False),
    "ST": ("ST", False),
    "PR": ("CO", False),
    "SST": ("CO", True),
    "STG": ("CF", True),
}


class Part:
    """A graph under one semantics (CF, AD, CO, PR, ST, SST, STG or ID); answers are cached.

    The solver the searches share is made on demand; :meth:`close` frees it (answers stay).
    """

    def __init__(self, g: Graph, semantics: str) -> None:
        self.g = g
        self.s = semantics
        self._enc: Encoding | None = None
        self._stable = False  # a stable extension was seen: SST and STG are then ST here
        self._some: frozenset[int] | None = None
        self._some_known = False
        self._ideal: frozenset[int] | None = None
        self._labels: bytearray | None = None
        self._labels_known = False
        #: stage semantics on a part its grounded labelling decides (an acyclic part, say): the
        #: grounded extension is stable, so it is the one stage extension and no solver is needed
        #: (most parts of a debate map; test_skeptical_labels_match_the_reference and
        #: test_acceptance_answers_and_certificates_match_the_reference fail without the check)
        self._only: frozenset[int] | None = None
        if semantics == "STG":
            grounded = self._grounded()
            attacked = g.attacked
            if len(grounded) + len({j for i in grounded for j in attacked[i]}) == len(g):
                self._only = grounded

    # -- the shared solver --------------------------------------------------------------------

    def _encoding(self) -> Encoding:
        if self._enc is None:
            kind, ranges = ("ST", False) if self._stable else _KIND[self.s]
            self._enc = Encoding(self.g, kind, ranges)
        return self._enc

    def close(self) -> None:
        """Free the solver."""
        if self._enc is not None:
            self._enc.close()
            self._enc = None

    def _search(self, condition: list[int]) -> frozenset[int] | None:
        """An extension (PR, ST, SST or STG) meeting ``condition``: literals over ``in`` (i + 1)
        and ``out`` (k + i + 1) variables, which every encoding numbers alike."""
        if self._only is not None:
            return self._only if self._meets(self._only, condition) else None
        if self.s == "ST" or self._stable:
            return self._encoding().solve(condition)
        enc = self._encoding()
        if self.s == "PR":
            return maximal(enc, "in", condition)
        found = maximal(enc, "rng", condition)
        if found is not None and len(enc.range_of(found)) == len(self.g):
            # a stable extension: the semi-stable (stage) extensions are the stable ones
            # (test_skeptical_labels_match_the_reference asks many questions of one part)
            self._stable = True
            self.close()
        return found

    # -- questions ------------------------------------------------------------------------------

    def _meets(self, ext: frozenset[int], condition: list[int]) -> bool:
        """Whether ``ext`` satisfies the ``in`` / ``out`` literals of ``condition``."""
        k = len(self.g)
        hit = {j for i in ext for j in self.g.attacked[i]}
        for lit in condition:
            v = abs(lit) - 1
            if (v in ext if v < k else v - k in hit) != (lit > 0):
                return False
        return True

    def _grounded(self) -> frozenset[int]:
        return complete_closure(self.g.attackers, self.g.attacked, ())

    def _ideal_set(self) -> frozenset[int]:
        if self._ideal is None:
            self._ideal = ideal(self.g)
        return self._ideal

    def some(self) -> frozenset[int] | None:
        """One extension, or None when there is none (stable semantics only)."""
        if not self._some_known:
            s = self.s
            if s in ("CF", "AD"):
                self._some = frozenset()
            elif s == "CO":
                self._some = self._grounded()
            elif s == "ID":
                self._some = self._ideal_set()
            else:
                self._some = self._search([])
            self._some_known = True
        return self._some

    def every(self) -> Iterator[frozenset[int]]:
        """Every extension once (a solver of its own, blocking each model for good as it comes)."""
        s = self.s
        if s == "ID":
            yield self._ideal_set()
            return
        if self._only is not None:
            yield self._only
            return
        kind, ranges = _KIND[s]
        enc = Encoding(self.g, kind, ranges)
        try:
            if s == "PR":
                yield from maximal_all(enc, "in")
            elif s in ("SST", "STG"):
                yield from maximal_all(enc, "rng")
            else:
                yield from enumerate_models(enc, incomparable=s == "ST")
        finally:
            enc.close()

    def _admissible_with(self, i: int) -> frozenset[int] | None:
        """An admissible set containing ``i``, found among its ancestors (directionality)."""
        nodes = ancestors(self.g, i)
        if len(nodes) == len(self.g):
            return admissible_with(self.g, i)
        found = admissible_with(self.g.sub(nodes), nodes.index(i))
        return None if found is None else frozenset(nodes[j] for j in found)

    def with_(self, i: int) -> frozenset[int] | None:
        """An extension containing ``i``, or None."""
        s = self.s
        if s == "CF":
            return None if i in self.g.attackers[i] else frozenset([i])
        if s == "ID":
            return self._ideal_set() if i in self._ideal_set() else None
        if s in ("AD", "CO", "PR"):
            found = self._admissible_with(i)  # one SAT call decides
            if found is None or s == "AD":
                return found
            if s == "CO":
                return complete_closure(self.g.attackers, self.g.attacked, found)
            enc = self._encoding()  # PR: grow it to a preferred extension
            start = enc.solve([j + 1 for j in found])
            assert start is not None  # an admissible set lies inside a complete extension
            return enc.grow(start, "in")
        return self._search([i + 1])

    def without(self, i: int) -> frozenset[int] | None:
        """An extension without ``i``, or None."""
        s = self.s
        if s in ("CF", "AD"):
            return frozenset()
        if s in ("CO", "ID"):
            only = self._grounded() if s == "CO" else self._ideal_set()
            return None if i in only else only
        if s == "PR":
            nodes = ancestors(self.g, i)
            if len(nodes) < len(self.g):
                # directionality: a preferred extension of the ancestors without i grows to
                # one of the part that meets them in the same set (test_preferred_and_complete_queries_on_ancestors_extend_to_the_whole_part)
                sub = Part(self.g.sub(nodes), "PR")
                try:
                    found = sub._search([-(nodes.index(i) + 1)])
                finally:
                    sub.close()
                if found is None:
                    return None
                enc = self._encoding()
                start = enc.solve([nodes[j] + 1 for j in found])
                assert start is not None  # a preferred extension of ancestors is admissible here
                return enc.grow(start, "in")
        return self._search([-(i + 1)])

    def sparing(self, i: int) -> frozenset[int] | None:
        """An extension that does not attack ``i``, or None."""
        s = self.s
        if s in ("CF", "AD"):
            return frozenset()
        if s in ("CO", "ID"):
            only = self._grounded() if s == "CO" else self._ideal_set()
            return None if any(b in only for b in self.g.attackers[i]) else only
        return self._search([-(len(self.g) + i + 1)])

    def labels(self) -> bytearray | None:
        """IN (in every extension), OUT (attacked by every extension) or UNDEC per argument;
        None when there is no extension.

        Two targeted searches per argument at most, and fewer: every extension a search
        returns shows which arguments it leaves out (not IN) and which it leaves unattacked
        (not OUT), and those are not asked about again.
        """
        if self._labels_known:
            return self._labels
        self._labels_known = True
        k = len(self.g)
        first = self.some()
        if first is None:
            return None
        attackers = self.g.attackers
        may_in = bytearray(b"\x01") * k
        may_out = bytearray(b"\x01") * k

        def note(ext: frozenset[int]) -> None:
            for x in range(k):
                if x not in ext:
                    may_in[x] = 0
                if may_out[x] and not any(b in ext for b in attackers[x]):
                    may_out[x] = 0

        note(first)
        labels = bytearray(k)
        for i in range(k):
            if may_in[i]:
                counter = self.without(i) if self.s in ("CO", "ID") else self._search([-(i + 1)])
                if counter is None:
                    labels[i] = IN
                    continue
                note(counter)
            if may_out[i]:
                counter = self.sparing(i)
                if counter is None:
                    labels[i] = OUT
                    continue
                note(counter)
            labels[i] = UNDEC
        self._labels = labels
        return labels
