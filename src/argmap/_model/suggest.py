"""'Did you mean …?' suggestions for misspelt keywords and ids."""

from __future__ import annotations

import difflib
from typing import Iterable

__all__ = ["closest", "did_you_mean"]

#: Beyond this many candidates, only those of similar length are compared.
_MANY = 2000


def _one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one character changed, added, dropped, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diffs) == 1:
            return True
        i = diffs[0]
        return len(diffs) == 2 and diffs[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate ``word`` most likely meant, or None if none is close.

    A candidate that differs only in case comes first, then one a single slip away (a
    character changed, added, dropped or swapped with its neighbour: short ids such as
    ``kl`` for ``k1``), then the closest by difflib's ratio.

    >>> closest("K1", ["k1", "k2"]), closest("kl", ["k1", "x9"]), closest("suport", ["support"])
    ('k1', 'k1', 'support')
    """
    pool = candidates if isinstance(candidates, (list, tuple)) else list(candidates)
    if len(pool) > _MANY:
        pool = [c for c in pool if abs(len(c) - len(word)) <= 2]
    if word in pool:
        return None
    folded = word.casefold()
    for c in pool:
        if c.casefold() == folded:
            return c
    if len(word) > 1:  # every one-character id is one slip from every other: no guess
        for c in pool:
            if _one_edit(word, c) or _one_edit(folded, c.casefold()):
                return c
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """A hint naming the closest candidate (see :func:`closest`), or None if nothing is close.

    >>> did_you_mean("cliam", ["claim", "post"])
    "did you mean 'claim'?"
    >>> did_you_mean("zzz", ["claim"]) is None
    True
    """
    found = closest(word, candidates)
    return f"did you mean {found!r}?" if found else None
