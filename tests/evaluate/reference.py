"""Brute-force reference semantics, straight from the definitions (for small frameworks)."""

from __future__ import annotations

from itertools import combinations


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
