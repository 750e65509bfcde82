"""What the names of relations and components in annotated corpora mean in argmap.

brat standoff and CMV-modes threads name their relations in words (``supports``,
``partial_attack``, ``undercutter``, ``agreement`` …) and their components by label
(``MajorClaim``, ``main_claim``, ``premise`` …).  A :class:`Vocabulary` maps each name to an
argmap relation kind (``support``, ``rebuttal``, ``undercut``, ``agreement``, ``concession``,
``restatement``) or proposition kind (``thesis``, ``claim``, ``premise``, ``evidence``,
``question``).  Names are compared without case, blanks, ``-`` and ``_``, and a plural ``s``
is dropped when the singular is known: ``Supports``, ``support`` and ``SUPPORT`` are one name,
and so are ``MajorClaim`` and ``major_claim``.

Where a name says more than its argmap kind (``partial_attack`` is a rebuttal, but only a
partial one), the proposition the relation starts from keeps the name as a tag.  A user
extends or overrides the built-in names with a relation map: ``--relation-map FILE`` (TOML or
YAML, ``name = "kind"``) or ``[tool.argmap] relation-map`` in ``pyproject.toml``.
"""

from __future__ import annotations

import os
import re
from typing import Final, Mapping

import attrs

from .._model import RELATION_KINDS, Kind, UsageError

__all__ = ["BUILTIN", "DEFAULT", "WORDS", "Meaning", "Vocabulary", "normalise", "read_relation_map"]

#: the argmap words a name can mean: relation kinds, then proposition kinds
WORDS: Final[tuple[str, ...]] = (*RELATION_KINDS, *(k.value for k in Kind))

_SEPARATORS = re.compile(r"[\s_\-]+")


def normalise(name: str) -> str:
    """``name`` as names are compared: lower case, without blanks, ``-`` and ``_``.

    >>> normalise("Partial-Attack"), normalise("MajorClaim"), normalise(" major_claim ")
    ('partialattack', 'majorclaim', 'majorclaim')
    """
    return _SEPARATORS.sub("", name.casefold())


@attrs.frozen
class Meaning:
    """What a name means: an argmap ``word`` (see :data:`WORDS`), and whether the proposition a
    relation so named starts from keeps the name as a tag (it says more than the word)."""

    word: str
    tag: bool = False

    @property
    def is_relation(self) -> bool:
        return self.word in RELATION_KINDS


def _table(entries: dict[str, tuple[str, ...]], tag: bool = False) -> dict[str, Meaning]:
    return {normalise(name): Meaning(word, tag) for word, names in entries.items() for name in names}


#: The built-in names (normalised).  Every relation name of the brat essays, the CMV-modes
#: threads (docs/formats.md#relation-names) and the arg-microtexts' brat exports is here.
BUILTIN: Final[dict[str, Meaning]] = {
    **_table(
        {
            "support": ("support", "sup", "supporting", "pro"),
            "rebuttal": ("rebuttal", "rebut", "attack", "att", "contra", "con", "disagreement", "disagree"),
            "undercut": ("undercut", "undercutter"),
            "agreement": ("agreement", "agree"),
            "concession": ("concession", "concede", "partial_agreement"),
            "restatement": ("restatement", "restate", "rephrase"),
            "thesis": ("thesis", "major_claim", "main_claim"),
            "claim": ("claim",),
            "premise": ("premise",),
            "evidence": ("evidence",),
            "question": ("question",),
        }
    ),  # fmt: skip
    # names that say more than their kind: the relation's source keeps the name as a tag
    **_table(
        {
            "rebuttal": ("partial_attack", "rebuttal_attack", "partial_disagreement"),
            "undercut": ("undercutter_attack",),
            "concession": ("understand",),
        },
        tag=True,
    ),  # fmt: skip
}


class Vocabulary:
    """The built-in names, extended (and overridden) by a relation map ``name -> word``.

    >>> v = Vocabulary({"Pro-Argument": "support"})
    >>> v.relation("pro_arguments"), v.relation("Partial-Attacks"), v.kind("MajorClaim")
    (Meaning(word='support', tag=False), Meaning(word='rebuttal', tag=True), <Kind.THESIS: 'thesis'>)
    """

    def __init__(self, extra: Mapping[str, str] | None = None, origin: str = "the relation map") -> None:
        self.table = dict(BUILTIN)
        self.known: dict[str, Meaning | None] = {}  # names looked up, as written
        for name, word in (extra or {}).items():
            key, value = normalise(str(name)), normalise(str(word))
            if not key:
                raise UsageError(f"{origin}: an empty name cannot be mapped")
            if value not in WORDS:
                raise UsageError(
                    f"{origin}: {name!r} maps to {word!r}, which is not an argmap kind; "
                    f"use one of: {', '.join(WORDS)}"
                )
            self.table[key] = Meaning(value)

    def meaning(self, name: str) -> Meaning | None:
        """What ``name`` means (a plural means what its singular does, and the other way round), or
        None if it is unknown."""
        if name in self.known:
            return self.known[name]
        key = normalise(name)
        found = self.table.get(key)
        if found is None and key.endswith("s"):
            found = self.table.get(key[:-1])
        self.known[name] = found if found is not None else self.table.get(key + "s")
        return self.known[name]

    def relation(self, name: str) -> Meaning | None:
        """The relation kind ``name`` means; None if it is unknown or a component label."""
        found = self.meaning(name)
        return found if found is not None and found.is_relation else None

    def kind(self, label: str) -> Kind | None:
        """The proposition kind a component label means; None if it is unknown or a relation."""
        found = self.meaning(label)
        return Kind(found.word) if found is not None and not found.is_relation else None


DEFAULT: Final = Vocabulary()


def vocabulary(relation_map: Mapping[str, str] | None) -> Vocabulary:
    """The built-in vocabulary extended by ``relation_map`` (none: :data:`DEFAULT`)."""
    return Vocabulary(relation_map) if relation_map else DEFAULT


def read_relation_map(path: str) -> dict[str, str]:
    """A relation map file: TOML (``name = "kind"``, or a ``[relation-map]`` table) or YAML
    (``.yaml``/``.yml``: a mapping ``name: kind``).

    Raises:
        UsageError: the file cannot be read, is not of its kind, or maps a name to anything but
            one of :data:`WORDS`.
    """
    try:
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        reason = "not UTF-8 text" if isinstance(e, UnicodeDecodeError) else e.strerror or str(e)
        raise UsageError(f"{path}: cannot read the relation map: {reason}") from None
    if os.path.splitext(path)[1].lower() in (".yaml", ".yml"):
        data = _yaml(text, path)
    else:
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise UsageError(f"{path}: not valid TOML: {e}") from None
        except RecursionError:
            raise UsageError(f"{path}: not readable TOML: tables nested too deeply") from None
        if set(data) == {"relation-map"}:
            data = data["relation-map"]
    return relation_map_entries(data, path)


def relation_map_entries(data: object, origin: str) -> dict[str, str]:
    """``data`` (parsed TOML or YAML) as a relation map, checked: a table of names to kinds."""
    if not isinstance(data, dict):
        raise UsageError(f'{origin}: a relation map is a table of names, e.g. partial_support = "support"')
    out: dict[str, str] = {}
    for name, word in data.items():
        if not isinstance(word, str):
            raise UsageError(f'{origin}: {str(name)!r} must map to the name of a kind, e.g. "rebuttal"')
        out[str(name)] = word
    Vocabulary(out, origin)  # refuse unknown kinds now, naming the file
    return out


def _yaml(text: str, path: str) -> object:
    import yaml

    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):  # an alias may stand for a copy of anything
                raise UsageError(f"{path}: the relation map uses a YAML alias; write each name out")
        return yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        raise UsageError(f"{path}{where}: not valid YAML: {getattr(e, 'problem', None) or e}") from None
    except RecursionError:
        raise UsageError(f"{path}: not readable YAML: nested too deeply") from None
