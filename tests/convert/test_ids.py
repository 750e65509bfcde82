"""Foreign identifiers → unique argmap ids (``_formats._common.Ids``), shared by the importers and writers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap._formats.common import Ids


class _Plain:
    """The definition: a fresh id is the first of base, base-2, base-3, … not yet given."""

    def __init__(self):
        self.used: set[str] = set()
        self.known: dict = {}

    def get(self, raw, namespace=""):
        key = (namespace, str(raw))
        if key not in self.known:
            self.known[key] = self.fresh(raw)
        return self.known[key]

    def fresh(self, raw):
        base = Ids().base(raw)  # the same clean-up of foreign ids
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        self.used.add(candidate)
        return candidate


raws = st.sampled_from(["ta", "ta-2", "ta-3", "ca", "ya", "x y", "x_y", "7", "-", "ta-10"]) | st.text(
    max_size=4
)
calls = st.lists(
    st.tuples(st.sampled_from(["get", "fresh"]), raws, st.sampled_from(["", "post"])), max_size=60
)


@given(calls)
def test_ids_are_those_of_the_plain_definition(seq):
    """Whatever the order of requests (repeated bases, bases that look like earlier suffixes),
    ids are what counting up from each base gives, and never repeat."""
    ids, plain = Ids(), _Plain()
    got = []
    for op, raw, ns in seq:
        a = ids.get(raw, ns) if op == "get" else ids.fresh(raw)
        b = plain.get(raw, ns) if op == "get" else plain.fresh(raw)
        assert a == b
        got.append(a)
    fresh = [a for (op, _, _), a in zip(seq, got) if op == "fresh"]
    assert len(set(fresh)) == len(fresh)


def test_thousands_of_nodes_of_one_kind_get_numbered_ids():
    ids = Ids()
    assert [ids.fresh("ta") for _ in range(3000)][-2:] == ["ta-2999", "ta-3000"]
