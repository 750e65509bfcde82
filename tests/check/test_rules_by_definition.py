"""Rules that index the map once give what their definitions, applied object by object, give."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import Kind, Rebuttal, Support, Undercut, strategies
from argmap._check.rules import dialogue
from argmap._language import parse_with_diagnostics
from argmap._model import relation_sources

maps = st.one_of(
    strategies.documents(max_propositions=14, max_relations=18),
    strategies.documents(shape="cyclic", max_propositions=8, max_relations=18),
    strategies.defective_documents(["S103", "R001"]),
    strategies.defective_documents(["S107", "S104", "S105"]),
)


def found(doc, code) -> list:
    return sorted(d.message for d in argmap.check(doc, select=[code]))


def by_definition(doc, code) -> list:
    """The rule's definition, written plainly over the document's lookups."""
    out = []
    if code == "M101":  # takes part in no relation (a supposition is M105's)
        out = [f"{p.id} is not related to anything" for p in doc.propositions
               if not doc.relations_to(p.id) and not doc.relations_from(p.id) and p.voice != "supposed"]  # fmt: skip
    elif code == "M102":  # a thesis nothing supports
        out = [f"thesis {p.id} has no support" for p in doc.propositions
               if p.kind is Kind.THESIS and not any(isinstance(r, Support) for r in doc.relations_to(p.id))]  # fmt: skip
    elif code == "M103":  # nobody undercuts the rebuttal, rebuts an attacker or undercuts a support it is a premise of
        def answered(a) -> bool:
            rebutted = any(isinstance(x, Rebuttal) for x in doc.relations_to(a))
            undercut = any(isinstance(x, Undercut) for s in doc.relations_from(a)
                           if isinstance(s, Support) for x in doc.relations_to(s.id))  # fmt: skip
            return rebutted or undercut

        def first(pid):
            return next((p for p in doc.propositions if p.id == pid), None)

        for r in doc.rebuttals:
            if r.id is not None and any(isinstance(x, Undercut) for x in doc.relations_to(r.id)):
                continue
            if first(r.target) is not None and first(r.target).voice != "own":
                continue  # nobody holds a reported, supposed or ironic proposition
            if any(first(a) is not None and first(a).voice == "supposed" for a in r.attackers):
                continue  # M105's
            if not any(answered(a) for a in r.attackers):
                out.append(f"nobody answers {' & '.join(r.attackers)}'s rebuttal of {r.target}")
    elif code == "M105":  # supposed, and not rebutted, conceded, nor part of an undercut inference or attack
        for p in doc.propositions:
            if p.voice != "supposed":
                continue
            rebutted = any(isinstance(x, Rebuttal) for x in doc.relations_to(p.id))
            conceded = any(isinstance(a, argmap.Concession) and a.target == p.id for a in doc.agreements)
            undercut = any(isinstance(x, Undercut) for s in doc.relations_from(p.id)
                           if isinstance(s, (Support, Rebuttal, Undercut)) and s.id is not None
                           for x in doc.relations_to(s.id))  # fmt: skip
            if not (rebutted or conceded or undercut):
                out.append(f"{p.id} is supposed, raised to be answered, but nothing answers it")
    elif code == "M104":  # a post with no quote, proposition or relation
        out = [f"post {p.id} puts forward nothing" for p in doc.posts
               if not p.quotes and not doc.propositions_of(p.id) and not doc.relations_of(p.id)]  # fmt: skip
    return sorted(out)


@given(maps, st.sampled_from(["M101", "M102", "M103", "M104", "M105"]))
def test_completeness_rules_agree_with_their_definitions(doc, code):
    """For every generated map, each completeness rule finds exactly what its definition finds."""
    assert found(doc, code) == by_definition(doc, code)


def _has_cycle(doc) -> bool:
    """Depth-first search over premise -> conclusion steps."""
    steps: dict = {}
    for s in doc.supports:
        for p in s.premises:
            if p != s.conclusion:
                steps.setdefault(p, set()).add(s.conclusion)
    state: dict = {}

    def visit(node) -> bool:
        state[node] = "open"
        for nxt in steps.get(node, ()):
            if state.get(nxt) == "open" or (nxt not in state and visit(nxt)):
                return True
        state[node] = "done"
        return False

    return any(node not in state and visit(node) for node in list(steps))


@given(maps)
def test_circular_support_is_reported_exactly_when_there_is_a_cycle(doc):
    """S103 fires if and only if the premise -> conclusion steps (self-support aside) form a cycle."""
    assert bool(found(doc, "S103")) == _has_cycle(doc)


def _same(a, b) -> bool:
    """Whether relation ``b`` states again what ``a`` states."""
    if a.kind != b.kind:
        return False
    if isinstance(a, Support):
        return set(a.premises) == set(b.premises) and a.conclusion == b.conclusion
    if isinstance(a, argmap.Agreement):
        return (a.post, a.target) == (b.post, b.target)
    return (relation_sources(a), a.target) == (relation_sources(b), b.target)


@given(maps)
def test_duplicate_relations_are_those_equal_to_an_earlier_one(doc):
    """S107 reports each relation that repeats an earlier one, pairwise compared."""
    rels = doc.relations
    repeats = [b for i, b in enumerate(rels) if any(_same(a, b) for a in rels[:i])]
    diags = argmap.check(doc, select=["S107"])
    assert len(diags) == len(repeats)
    assert sorted(d.span for d in diags if d.span) == sorted(b.span for b in repeats if b.span)


def test_a_support_with_its_premises_reordered_or_repeated_is_a_duplicate():
    head = "post 1 by ann\n  claim a: A.\n  claim b: B.\n  claim c: C.\n"
    reordered = argmap.parse(head + "  support s1: b & c -> a\n  support s2: c & b -> a\n")
    repeated = argmap.parse(head + "  support s1: b -> a\n  support s2: b & b -> a\n")
    different = argmap.parse(head + "  support s1: b -> a\n  support s2: b & c -> a\n")
    assert [d.span.line for d in argmap.check(reordered, select=["S107"])] == [6]
    assert [d.span.line for d in argmap.check(repeated, select=["S107"])] == [6]
    assert argmap.check(different, select=["S107"]) == []


# -- rules that read the shared tables (_model/rule_tables.py) --------------------

with_references = st.one_of(
    maps,
    # one or two authors: rebuttals of what the same author said earlier (D105)
    strategies.documents(max_authors=1, max_posts=4, relation_mix=["rebuttal", "agreement", "concession"]),
    strategies.documents(max_authors=2, max_posts=4),
    strategies.defective_documents(["R002", "R003"]),
    strategies.defective_documents(["R002", "S107", "M101"]),
    strategies.defective_documents(["D103", "D102", "R001"]),
    strategies.defective_documents(["S104", "R005", "R004"]),
)


@attrs.frozen
class _OwnRebuttal(argmap.Rebuttal):
    """A relation class made outside argmap: the rules must treat it as its base."""


@attrs.frozen
class _OwnSupport(argmap.Support):
    pass


def _subclassed(doc):
    own = {argmap.Rebuttal: _OwnRebuttal, argmap.Support: _OwnSupport}
    rels = [own[type(r)](**attrs.asdict(r, recurse=False)) if type(r) in own else r for r in doc.relations]
    return attrs.evolve(doc, relations=rels)


def _named(rel) -> list:
    """(position, id) of each proposition a relation names, by the language's definition."""
    if isinstance(rel, Support):
        return list(enumerate([*rel.premises, rel.conclusion]))
    if isinstance(rel, Rebuttal):
        return [(0, rel.attacker), (1, rel.target)]
    if isinstance(rel, argmap.Restatement):
        return [(0, rel.source), (1, rel.target)]
    if isinstance(rel, Undercut):
        return [(0, rel.attacker)]
    return [(0, rel.target)]


def reported(doc, code) -> list:
    return sorted((d.message, d.span) for d in argmap.check(doc, select=[code]))


def defined(doc, code) -> list:
    """The definitions, object by object, with no shared tables."""
    ids = {p.id for p in doc.propositions}
    posts = {p.id for p in doc.posts}
    out = []
    if code == "R002":
        for r in doc.relations:
            for i, ref in _named(r):
                if ref not in ids:
                    spans = r.ref_spans
                    out.append(
                        (f"unknown proposition {ref!r}", spans[i] if i < len(spans) and spans[i] else r.span)
                    )
    elif code == "R003":
        for obj in [*doc.propositions, *doc.relations]:
            if obj.post is not None and obj.post not in posts:
                out.append((f"asserted in post {obj.post!r}, which does not exist", obj.span))
        for p in doc.posts:
            if p.reply_to is not None and p.reply_to not in posts:
                span = p.ref_spans[0] if p.ref_spans and p.ref_spans[0] else p.span
                out.append((f"post {p.id} replies to post {p.reply_to!r}, which does not exist", span))
            for q in p.quotes:
                if q.source not in posts:
                    span = q.ref_spans[0] if q.ref_spans and q.ref_spans[0] else q.span
                    out.append((f"quote from post {q.source!r}, which does not exist", span))
    elif code == "S104":  # a rebuttal whose attacker also supports its target
        for r in doc.rebuttals:
            s = next((s for s in doc.supports if r.attacker in s.premises and s.conclusion == r.target), None)
            if s is not None:
                out.append((f"{r.attacker} both supports (in {s.id}) and rebuts {r.target}", r.span))
    elif code == "D103":  # the last post with an id and a text is the one quoted
        text = {p.id: p.text for p in doc.posts if p.body is not None}
        for p in doc.posts:
            for q in p.quotes:
                if q.source in text and not dialogue.occurs_in(q.text, dialogue.normalize(text[q.source])):
                    out.append((f"the quoted words do not occur in post {q.source}", q.span))
    elif code == "D105":  # a later rebuttal of what the same author asserted (in their own voice) or agreed with
        author = {p.id: p.author for p in doc.posts}
        for r in doc.rebuttals:
            who = author.get(r.post)
            if any(p.id in r.attackers and p.post == r.post and p.voice != "own" for p in doc.propositions):
                continue  # the later post voices the attacker for someone else, or to answer it
            earlier = [x for x in [*doc.propositions, *doc.agreements]
                       if (getattr(x, "id", None) == r.target or getattr(x, "target", None) == r.target)
                       and not isinstance(x, argmap.Concession) and hasattr(x, "post")
                       and getattr(x, "voice", "own") == "own"
                       and x.post in author and author[x.post] == who]  # fmt: skip
            earlier.sort(key=lambda x: not hasattr(x, "text"))  # propositions first, as committed
            if who is not None and earlier and earlier[0].post != r.post:
                how = "asserted" if hasattr(earlier[0], "text") else "agreed with"
                out.append((f"{who} rebuts {r.target}, which they {how} in post {earlier[0].post}", r.span))
    return sorted(out)


@pytest.mark.parametrize("code", ["R002", "R003", "S104", "D103", "D105"])
@given(doc=with_references, how=st.sampled_from(["", "text", "subclass"]))
def test_table_rules_agree_with_their_definitions(code, doc, how):
    """For every generated map (also read back from its text, so that every reference has its
    own place, or with relation classes made outside argmap), R002, R003, S104, D103 and D105
    find exactly what their definitions, applied object by object, find, at the same places."""
    if how == "text":
        doc, _ = parse_with_diagnostics(argmap.format(doc))
    elif how == "subclass":
        doc = _subclassed(doc)
    assert reported(doc, code) == defined(doc, code)


@given(with_references, st.sampled_from(["M101", "M102", "M103", "M104", "M105"]))
def test_completeness_rules_agree_with_their_definitions_for_own_relation_classes(doc, code):
    """The completeness rules see a relation of a class made outside argmap as its base class."""
    assert found(_subclassed(doc), code) == by_definition(doc, code)


@given(with_references)
def test_duplicate_relations_with_own_relation_classes(doc):
    """S107 compares relations by kind, whatever class they were made with."""
    assert reported(_subclassed(doc), "S107") == reported(doc, "S107")


def test_each_unknown_id_is_reported_where_it_stands():
    """R002 points at the unknown id itself: a premise, a conclusion, an attacker, a target."""
    text = (
        "post 1 by ann\n  claim a: Tea is good.\n"
        "  support s1: a & zz -> yy\n  rebut xx -> a\n  restate a -> ww\n  agree vv\n"
    )
    doc, diags = parse_with_diagnostics(text)
    lines = text.split("\n")
    where = sorted((d.span.line, d.span.column) for d in diags if d.code == "R002")
    expected = sorted((n, line.index(word) + 1)
                      for n, line in enumerate(lines, 1) for word in ("zz", "yy", "xx", "ww", "vv")
                      if f" {word}" in line)  # fmt: skip
    assert len(expected) == 5 and where == expected


def test_propositions_and_relations_in_a_missing_post_are_reported():
    """R003 names the missing post of a proposition and of a relation, even when the post ids
    that other objects use all exist."""
    doc = argmap.Document(
        posts=[argmap.Post("1", "ann")],
        propositions=[argmap.Proposition("a", "Tea.", post="1"), argmap.Proposition("b", "Hot.", post="7")],
        relations=[Rebuttal("b", "a", post="1"), Rebuttal("a", "b", post="8")],
    )
    assert [d.message for d in argmap.check(doc, select=["R003"])] == [
        "asserted in post '7', which does not exist",
        "asserted in post '8', which does not exist",
    ]


def test_a_concession_is_no_commitment():
    """D105 counts what an author asserted or agreed with, not what they conceded."""
    head = "post 1 by ann\n  claim a: Tea is good.\npost 2 by bob\n  claim b: Tea is bad.\n"
    agreed = argmap.parse(head + "post 3 by cat\n  agree b\npost 4 by cat\n  rebut a -> b\n")
    conceded = argmap.parse(head + "post 3 by cat\n  concede b\npost 4 by cat\n  rebut a -> b\n")
    assert [d.code for d in argmap.check(agreed, select=["D105"])] == ["D105"]
    assert argmap.check(conceded, select=["D105"]) == []
