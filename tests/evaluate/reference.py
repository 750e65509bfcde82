"""Brute-force reference semantics, straight from the definitions (for small frameworks),
and the hypothesis strategies for small frameworks the property tests draw from."""

from __future__ import annotations

from itertools import combinations

from hypothesis import strategies as st

from argmap.af import AF


def subsets(items):
    items = list(items)
    for k in range(len(items) + 1):
        for c in combinations(items, k):
            yield frozenset(c)


def reference(af) -> dict[str, set[frozenset[str]]]:
    args = list(af.arguments)
    att = af.attacks
    attackers = {a: {b for b, c in att if c == a} for a in args}

    def attacks_set(s, a):
        return any((b, a) in att for b in s)

    def cf(s):
        return not any((a, b) in att for a in s for b in s)

    def defends(s, a):
        return all(attacks_set(s, b) for b in attackers[a])

    def rng(s):
        return set(s) | {b for a in s for (x, b) in att if x == a}

    CF = {s for s in subsets(args) if cf(s)}
    AD = {s for s in CF if all(defends(s, a) for a in s)}
    CO = {s for s in AD if all(a in s for a in args if defends(s, a))}
    GR = {min(CO, key=len)}
    PR = {s for s in AD if not any(s < t for t in AD)}
    ST = {s for s in CF if rng(s) == set(args)}
    SST = {s for s in CO if not any(rng(s) < rng(t) for t in CO)}
    STG = {s for s in CF if not any(rng(s) < rng(t) for t in CF)}
    inter = frozenset.intersection(*PR)
    ID = {max((s for s in AD if s <= inter), key=len)}
    return {"CF": CF, "AD": AD, "CO": CO, "GR": GR, "PR": PR, "ST": ST, "SST": SST, "STG": STG, "ID": ID}


def attacked_by(af, ext) -> set[str]:
    """The arguments ``ext`` attacks."""
    return {b for a, b in af.attacks if a in ext}


def reference_labels(af, exts) -> dict[str, str] | None:
    """IN: in every extension; OUT: attacked by every extension; UNDEC otherwise; None: no extension."""
    if not exts:
        return None
    hit = [attacked_by(af, e) for e in exts]
    return {
        a: "IN" if all(a in e for e in exts) else "OUT" if all(a in h for h in hit) else "UNDEC"
        for a in af.arguments
    }


@st.composite
def frameworks(draw, max_args=10, prefix="a"):
    """Random frameworks of up to ``max_args`` arguments, self-attacks included, at several densities."""
    n = draw(st.integers(0, max_args))
    args = [f"{prefix}{i}" for i in range(n)]
    pairs = [(a, b) for a in args for b in args]
    density = draw(st.sampled_from([0.05, 0.15, 0.3, 0.6]))
    attacks = (
        [p for p in pairs if draw(st.floats(0, 1)) < density]
        if n <= 6
        else draw(
            st.lists(st.sampled_from(pairs), max_size=int(len(pairs) * density) + 1) if pairs else st.just([])
        )
    )
    return AF(args, attacks)


@st.composite
def unions(draw, max_args=10):
    """Disjoint unions of two to four frameworks (no attack between them), ``max_args`` in all."""
    pieces = []
    left = max_args
    for k in range(draw(st.integers(2, 4))):
        piece = draw(frameworks(max_args=min(left, 5), prefix=f"p{k}_"))
        left -= len(piece)
        pieces.append(piece)
    args = [a for p in pieces for a in p.arguments]
    order = draw(st.permutations(args))  # parts interleave in the argument order
    return AF(order, [pair for p in pieces for pair in p.attacks])


@st.composite
def layered(draw):
    """An upstream framework and a downstream one (up to 5 arguments each), with attacks from
    upstream to downstream only: an upstream argument's ancestors are all upstream."""
    up = draw(frameworks(max_args=5, prefix="u"))
    down = draw(frameworks(max_args=5, prefix="d"))
    across = [(a, b) for a in up.arguments for b in down.arguments]
    links = draw(st.lists(st.sampled_from(across), max_size=4)) if across else []
    return AF(up.arguments + down.arguments, set(up.attacks) | set(down.attacks) | set(links))
