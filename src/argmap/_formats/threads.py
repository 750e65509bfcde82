"""What the brat and CMV-modes readers share: relations given by name, and posts from raw text.

Both formats give relations as ``name: source -> target`` between annotated components.
:func:`build_relations` turns them into argmap relations through a
:class:`~argmap._formats.vocabulary.Vocabulary`:

- supports that share a group (CMV's ``rid``, the ``Linked Premise`` lines of a brat
  ``.metadata``) and a target are one linked support;
- an undercutter aimed at a component undercuts the support(s) that component gives; aimed at
  a component whose own relation is an attack it undercuts that attack, which is named after
  its relation (brat ``R3``, CMV ``r3a``) so that the undercut can name it; aimed at a
  component that draws no inference (the title, a claim that only agrees) it is read as a
  rebuttal of that component, with a warning;
- agreements and concessions are moves of the post that holds the agreeing component, one per
  post and target; the components that agree are named in its comments (``from 3d
  (agreement)``).  An agreement between two components of one author (the OP's claims that
  agree with the title) is no move between people: it is read as a support, and so commented;
- every relation gets a post: the post of the component it starts from, else the fallback post
  the reader names (brat without posts: a synthetic one).

Warnings use the reader's codes (:class:`Codes`), so brat reports X6xx and CMV X7xx.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from typing import Callable, Iterable, Mapping

import attrs

from .._model import (
    Agreement,
    Concession,
    Post,
    Proposition,
    Quote,
    Rebuttal,
    Relation,
    Restatement,
    Support,
    Undercut,
)
from .common import Ids, Report, one_line
from .vocabulary import Meaning, Vocabulary

__all__ = ["Codes", "Named", "body_lines", "build_relations", "quotes_in", "tag_of"]


@attrs.frozen
class Codes:
    """The warning codes a reader reports the relations' problems with."""

    missing: str  # a relation naming a component that is not there, or one component at both ends
    unknown: str  # a relation name without argmap counterpart
    undercut: str  # an undercutter that has no support to aim at


@attrs.frozen
class Named:
    """A relation as the source gives it."""

    #: how messages name it (brat ``relation R3``; CMV ``the relation of 3a``)
    label: str
    #: the relation's name as written (``supports``, ``partial_attack`` …)
    name: str
    #: the keys of the components it runs from and to
    source: str
    target: str
    #: the raw id a support made from it is named after (brat: ``R3``; CMV: ``s3a``)
    key: str
    line: int | None = None
    column: int = 1
    #: premises whose supports share a group and a target make one linked support
    group: str | None = None
    #: the raw id an attack made from it is named after when an undercut aims at it (default: ``key``)
    attack_key: str | None = None

    def __str__(self) -> str:
        return f"{self.label} ({self.name} {self.source} -> {self.target})"


@attrs.frozen
class Built:
    relations: list[Relation]
    #: component key -> tags its relations' names add
    tags: dict[str, list[str]]
    #: whether some relation was given the fallback post
    used_fallback: bool


def tag_of(name: str) -> str:
    """``name`` as a tag: one word without commas."""
    return re.sub(r"[\s,]+", "-", name.strip()) or "-"


def build_relations(
    props: dict[str, Proposition],
    named: Iterable[Named],
    vocabulary: Vocabulary,
    report: Report,
    codes: Codes,
    ids: Ids,
    authors: Mapping[str, str],
    fallback_post: str | None = None,
) -> Built:
    """The argmap relations that ``named`` stand for, in their order (see the module's notes).

    ``props`` maps component keys to their propositions (whose ``post`` the relations take),
    ``authors`` post ids to their authors.
    """
    meant: list[tuple[Named, Meaning]] = []
    for n in named:
        meaning = vocabulary.relation(n.name)
        ends = [k for k in (n.source, n.target) if k not in props]
        if ends:
            report.warn(codes.missing, f"{n}: {ends[0]} is not a component; left out", n.line, n.column)
        elif n.source == n.target:
            report.warn(codes.missing, f"{n} runs from a component to itself; left out", n.line, n.column)
        elif meaning is None:
            report.warn(codes.unknown, f"{n}: the relation name {n.name!r} has no argmap counterpart; "
                        "left out", n.line, n.column,
                        hint="give it a kind with --relation-map or [tool.argmap] relation-map")  # fmt: skip
        else:
            meant.append((n, meaning))
    used = [False]

    def post_of(key: str) -> str | None:
        post = props[key].post
        if post is None and fallback_post is not None:
            used[0] = True
            return fallback_post
        return post

    def one_author(n: Named) -> bool:
        a, b = (authors.get(props[k].post or "") for k in (n.source, n.target))
        return a is not None and a == b

    # an agreement within one author's words (the OP's claims with the title) argues for its target
    meant = [(n, Meaning("support") if m.word == "agreement" and one_author(n) else m) for n, m in meant]
    # linked supports: one per (group, target); the first member names it
    groups: defaultdict[tuple[str, str], list[Named]] = defaultdict(list)
    for n, m in meant:
        if m.word == "support" and n.group is not None:
            groups[(n.group, n.target)].append(n)
    order = {key: i for i, key in enumerate(props)}  # linked premises are listed in the text's order
    made: dict[int, Support] = {}  # id(first member) -> its support
    supports_from: defaultdict[str, list[str]] = defaultdict(list)  # component key -> support ids
    for n, m in meant:
        if m.word == "support":
            members = groups.get((n.group, n.target), [n]) if n.group is not None else [n]
            if members[0] is n:
                premises = dict.fromkeys(
                    props[p.source].id for p in sorted(members, key=lambda p: order[p.source])
                )
                said = [f"{one_line(p.name)} of {props[p.source].id}, by the author of both: read as a "
                        "support" for p in members if vocabulary.relation(p.name) != m]  # fmt: skip
                made[id(n)] = Support(ids.get(n.key, "relation"), premises, props[n.target].id,
                                      post=post_of(n.source), comments=said)  # fmt: skip
            supports_from[n.source].append(made[id(members[0])].id)
    attacks = _Attacks(meant, props, post_of, supports_from, report, codes, ids)
    relations: list[Relation] = []
    moves: dict[tuple[str, str, str | None], int] = {}  # (kind, target, post) -> its place in relations
    notes: defaultdict[int, list[str]] = defaultdict(list)  # that place -> the components that agree
    tags: defaultdict[str, list[str]] = defaultdict(list)
    for n, m in meant:
        attacker, target, post = props[n.source].id, props[n.target].id, post_of(n.source)
        if m.tag and tag_of(n.name) not in tags[n.source]:
            tags[n.source].append(tag_of(n.name))
        if m.word == "support":
            if id(n) in made:
                relations.append(made[id(n)])
        elif m.word in ("agreement", "concession"):
            # who agrees is the post; which of its components does, the comment (one move per post and target)
            at = moves.setdefault((m.word, target, post), len(relations))
            notes[at].append(f"from {attacker} ({one_line(n.name)})")
            if at == len(relations):
                relations.append((Agreement if m.word == "agreement" else Concession)(target, post))
        elif m.word == "restatement":
            relations.append(Restatement(attacker, target, post))
        else:  # rebuttal, undercut
            relations += attacks.of(n)
    for at, said in notes.items():
        relations[at] = attrs.evolve(relations[at], comments=said)
    return Built(relations, dict(tags), used[0])


class _Attacks:
    """The rebuttals and undercuts that the attack relations stand for, each worked out once.

    An undercutter aims at a component: it undercuts the supports that component gives; else
    the attacks the component makes (its rebuttals and undercuts, whatever they became), each
    of which is then named after its relation so that the undercut can name it; else it rebuts
    the component, with a warning.  Undercutters aimed at each other's components in a cycle
    cannot all stand: the one that closes the cycle is left out, with a warning.
    """

    def __init__(
        self,
        meant: list[tuple[Named, Meaning]],
        props: dict[str, Proposition],
        post_of: Callable[[str], str | None],
        supports_from: Mapping[str, list[str]],
        report: Report,
        codes: Codes,
        ids: Ids,
    ) -> None:
        self.props, self.post_of, self.supports_from = props, post_of, supports_from
        self.report, self.codes, self.ids = report, codes, ids
        self.word = {id(n): m.word for n, m in meant if m.word in ("rebuttal", "undercut")}
        #: component key -> the attack relations that start there
        self.attacks_from: defaultdict[str, list[Named]] = defaultdict(list)
        for n, _ in meant:
            if id(n) in self.word:
                self.attacks_from[n.source].append(n)
        #: the attack relations an undercutter aims at (each is named)
        self.aimed = {id(a) for n, _ in meant if self.word.get(id(n)) == "undercut"
                      and not supports_from.get(n.target)
                      for a in self.attacks_from.get(n.target, ())}  # fmt: skip
        self.done: dict[int, list[Rebuttal | Undercut]] = {}
        self.busy: set[int] = set()

    def of(self, n: Named) -> list[Rebuttal | Undercut]:
        """The attacks relation ``n`` stands for (worked out once; the same each time)."""
        if id(n) not in self.done:
            self.busy.add(id(n))
            made = self._make(n)
            self.busy.discard(id(n))
            if id(n) in self.aimed:  # named, so that the undercuts aimed at it can name it
                key = n.attack_key or n.key
                made = [attrs.evolve(r, id=self.ids.get(key, "attack") if i == 0 else self.ids.fresh(key))
                        for i, r in enumerate(made)]  # fmt: skip
            self.done[id(n)] = made
        return self.done[id(n)]

    def _make(self, n: Named) -> list[Rebuttal | Undercut]:
        attacker, aimed, post = self.props[n.source].id, self.props[n.target].id, self.post_of(n.source)
        if self.word[id(n)] == "rebuttal":
            return [Rebuttal(attacker, aimed, post)]
        warn = functools.partial(self.report.warn, self.codes.undercut, line=n.line, column=n.column)
        leading = list(dict.fromkeys(self.supports_from.get(n.target, ())))
        if leading:
            if len(leading) > 1:
                warn(f"{n}: {n.target} gives {len(leading)} supports ({', '.join(leading)}); it undercuts "
                     "each")  # fmt: skip
            return [Undercut(attacker, s, post) for s in leading]
        attacks = self.attacks_from.get(n.target, [])
        if not attacks:
            warn(f"{n} aims at no support ({n.target} gives none); read as a rebuttal of {aimed}")
            return [Rebuttal(attacker, aimed, post)]
        targets: list[str] = []
        for a in attacks:
            if id(a) in self.busy:
                warn(f"{n} aims at an attack, {a}, which undercuts it in turn (a cycle); left out")
                continue
            targets += [r.id for r in self.of(a) if r.id is not None]
        if not targets and len(attacks) > sum(id(a) in self.busy for a in attacks):
            warn(f"{n} aims at an attack, {attacks[0]}, which is left out; left out too")
        elif len(targets) > 1:
            warn(f"{n}: {n.target} makes {len(targets)} attacks ({', '.join(targets)}); it undercuts each")
        return [Undercut(attacker, t, post) for t in targets]


# -- posts ----------------------------------------------------------------------------------


def body_lines(text: str) -> list[str]:
    """A post's raw text as body lines: each without trailing blanks, no blank lines around."""
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    start = next((i for i, line in enumerate(lines) if line), len(lines))
    return lines[start:]


_QUOTE_MARK = re.compile(r"^\s*(?:>|&gt;)\s*")


def quotes_in(lines: Iterable[str], earlier: list[Post]) -> list[Quote]:
    """The quotes of a post: its lines that start with ``>`` (Reddit's mark, also as ``&gt;``) and
    whose words occur in the post before it, or else in the first (the OP).  (Only those two: a
    thread of thousands of posts, each quote looked for in every earlier one, took quadratic time.)"""
    texts = [(p.id, " ".join((p.text or "").split())) for p in dict.fromkeys(earlier[-1:] + earlier[:1])]
    out: list[Quote] = []
    for line in lines:
        m = _QUOTE_MARK.match(line)
        if m is None:
            continue
        words = one_line(line[m.end() :])
        source = next((pid for pid, text in texts if words and words in text), None)
        if source is not None:
            out.append(Quote(source, words))
    return out
