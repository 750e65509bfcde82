"""The abstract argumentation framework: arguments and who attacks whom."""

from __future__ import annotations

from typing import Iterable

import attrs

__all__ = ["AF"]


def _args(value) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(a) for a in value))


@attrs.frozen
class AF:
    """An immutable Dung framework.

    Arguments keep their order; attacks are (attacker, attacked) pairs of
    arguments.  Integer indexes (``index``, ``attackers``, ``attacked``) are
    built once, for the algorithms.

    >>> af = AF(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> af.attackers_of("c")
    ('b',)
    """

    arguments: tuple[str, ...] = attrs.field(converter=_args)
    attacks: frozenset[tuple[str, str]] = attrs.field(converter=lambda v: frozenset((str(a), str(b)) for a, b in v))

    index: dict = attrs.field(init=False, eq=False, repr=False)
    attackers: tuple[tuple[int, ...], ...] = attrs.field(init=False, eq=False, repr=False)
    attacked: tuple[tuple[int, ...], ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index = {a: i for i, a in enumerate(self.arguments)}
        into: list[list[int]] = [[] for _ in self.arguments]
        out: list[list[int]] = [[] for _ in self.arguments]
        for a, b in sorted(self.attacks):
            if a not in index or b not in index:
                raise ValueError(f"attack ({a}, {b}) names an argument the framework does not have")
            into[index[b]].append(index[a])
            out[index[a]].append(index[b])
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "attackers", tuple(map(tuple, into)))
        object.__setattr__(self, "attacked", tuple(map(tuple, out)))

    def __len__(self) -> int:
        return len(self.arguments)

    def attackers_of(self, argument: str) -> tuple[str, ...]:
        return tuple(self.arguments[i] for i in self.attackers[self.index[argument]])

    def names(self, indexes: Iterable[int]) -> frozenset[str]:
        return frozenset(self.arguments[i] for i in indexes)

    def renamed(self, mapping) -> "AF":
        """The same framework with every argument renamed through ``mapping``."""
        return AF([mapping[a] for a in self.arguments], [(mapping[a], mapping[b]) for a, b in self.attacks])
