"""The abstract argumentation framework: arguments and who attacks whom."""

from __future__ import annotations

from typing import Iterable, Mapping

import attrs

from .._model import paused

__all__ = ["AF"]


def _args(value: Iterable[object]) -> tuple[str, ...]:
    """Argument names as strings, in order, each once (``7`` becomes ``"7"``)."""
    return tuple(dict.fromkeys(a if type(a) is str else str(a) for a in value))


def _pairs(value: Iterable[tuple[object, object]]) -> frozenset[tuple[str, str]]:
    """Attack pairs as a frozenset; a frozenset passes as it is (names are checked while indexing)."""
    if isinstance(value, frozenset):
        return value  # pyright: ignore[reportReturnType]  # any name not a string is converted while indexing
    return frozenset((a, b) if type(a) is str and type(b) is str else (str(a), str(b)) for a, b in value)


def _as_str_pairs(value: frozenset[tuple[object, object]]) -> frozenset[tuple[str, str]]:
    return frozenset((a, b) if type(a) is str and type(b) is str else (str(a), str(b)) for a, b in value)


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
    attacks: frozenset[tuple[str, str]] = attrs.field(converter=_pairs)

    #: argument name -> its position in ``arguments``
    index: dict[str, int] = attrs.field(init=False, eq=False, repr=False)
    #: for each argument index, the indexes of its attackers, in argument order
    attackers: tuple[tuple[int, ...], ...] = attrs.field(init=False, eq=False, repr=False)
    #: for each argument index, the indexes of the arguments it attacks, in argument order
    attacked: tuple[tuple[int, ...], ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        with paused():  # millions of small lists: the collector would rescan them again and again
            self._build_indexes()

    def _build_indexes(self) -> None:
        index = {a: i for i, a in enumerate(self.arguments)}
        n = len(self.arguments)
        try:
            codes = self._codes(index)
        except KeyError:  # a name that is not a string (7 for "7"), or a missing argument
            object.__setattr__(self, "attacks", _as_str_pairs(self.attacks))
            try:
                codes = self._codes(index)
            except KeyError as e:
                raise ValueError(
                    f"an attack names {e.args[0]!r}, which the framework does not have"
                ) from None
        # one sort of integer codes puts every list in argument order (results must not depend on hashing)
        codes.sort()
        into: list[list[int]] = [[] for _ in range(n)]
        out: list[list[int]] = [[] for _ in range(n)]
        for code in codes:
            i, j = divmod(code, n)
            into[j].append(i)
            out[i].append(j)
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "attackers", tuple(map(tuple, into)))
        object.__setattr__(self, "attacked", tuple(map(tuple, out)))

    def _codes(self, index: dict[str, int]) -> list[int]:
        """Each attack (a, b) as the integer index[a] * n + index[b]."""
        if not self.attacks:
            return []
        n = len(index)
        attackers, attacked = zip(*self.attacks)
        get = index.__getitem__
        return [i * n + j for i, j in zip(map(get, attackers), map(get, attacked))]

    def __len__(self) -> int:
        """The number of arguments."""
        return len(self.arguments)

    def attackers_of(self, argument: str) -> tuple[str, ...]:
        """The names of the arguments that attack ``argument``, in argument order."""
        return tuple(self.arguments[i] for i in self.attackers[self.index[argument]])

    def names(self, indexes: Iterable[int]) -> frozenset[str]:
        """The names of the arguments at ``indexes``."""
        return frozenset(self.arguments[i] for i in indexes)

    def renamed(self, mapping: Mapping[str, str]) -> AF:
        """The same framework with every argument renamed through ``mapping``."""
        return AF([mapping[a] for a in self.arguments], [(mapping[a], mapping[b]) for a, b in self.attacks])
