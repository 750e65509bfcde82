"""'Did you mean …?' suggestions for misspelt keywords and ids."""

from __future__ import annotations

import difflib
from typing import Iterable

__all__ = ["did_you_mean"]

#: Beyond this many candidates, only those of similar length are compared.
_MANY = 2000


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """A hint naming the closest candidate, or None if nothing is close.

    >>> did_you_mean("cliam", ["claim", "post"])
    "did you mean 'claim'?"
    >>> did_you_mean("zzz", ["claim"]) is None
    True
    """
    pool = candidates if isinstance(candidates, (list, tuple)) else list(candidates)
    if len(pool) > _MANY:
        pool = [c for c in pool if abs(len(c) - len(word)) <= 2]
    if word in pool:
        return None
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else None
