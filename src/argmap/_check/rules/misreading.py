"""Misreading rules: annotations that make a poster say what they did not say.

Each pattern below was found in a careful review of the seed thread
(issue #16): an author who contradicts themselves in one post, who agrees with
an attack on their own claim, a post that answers another but is not marked
as a reply, a proposition rebutting its own paraphrase.  None is impossible in
a real thread, so all are warnings; each usually means that a relation points
the wrong way, or that a voice or a concession is missing.

The codes follow the families: who said what to whom is dialogue (D), the
shape of the relations is structure (S).  Two neighbouring checks live in
dialogue.py: an anchor not found in its post's text is D104, a quote or an
"@N" in a post that replies to no post is D106.
"""

from __future__ import annotations

from collections import deque
from typing import Iterator, Mapping

import attrs

from ..._language import post_header
from ..._model import (
    Agreement,
    Concession,
    Context,
    Document,
    Edit,
    Finding,
    Fix,
    Inference,
    Proposition,
    Rebuttal,
    Related,
    Restatement,
    Support,
    Undercut,
    named_ids,
)
from ..registry import rule
from .dialogue import ADDRESS, positions, voiced

_TEA = "post 1 by ann\n  claim a: Tea is good.\n"


def _authors(doc: Document) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in doc.posts:
        out.setdefault(p.id, p.author)
    return out


@rule(
    "D107", "rebuts-own-claim", "warning",
    summary="A post rebuts a proposition it puts forward itself and does not concede the attacker: the "
            "author contradicts themselves, or an objection they raise, or a view they report, is recorded "
            "as their own. (An objection the post raises against its claim and answers in the same post is "
            "not counted: neither the objection's rebuttal of the claim nor the answer's of the objection. "
            "Nor is a rebuttal where the post puts forward the rebutted proposition or an attacker as "
            "reported, supposed or ironic: the author is committed to neither side of it.)",
    bad="post 1 by ann\n  thesis a: Tea is good.\n  claim b: Tea calms.\n  support s1: b -> a\n"
        "  claim c: Tea stains teeth.\n  rebut c -> a\n",
    good="post 1 by ann\n  thesis a: Tea is good.\n  claim b: Tea calms.\n  support s1: b -> a\n"
         "  claim c: Tea stains teeth.\n  concede c\n  rebut c -> a\n",
)  # fmt: skip
def rebuts_own_claim(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    rebuttals = doc.rebuttals
    if not rebuttals:
        return
    props = doc.propositions_by_id
    # raising an objection to grant or to answer it is fine: (post, id) pairs of what a post concedes,
    # rebuts or undercuts (then the attacker, or the attack, is settled), and of what it rebuts with
    # (then the target is an objection, and rebutting it answers it)
    settled = {(a.post, a.target) for a in doc.agreements if isinstance(a, Concession)}
    settled.update((r.post, r.target) for r in rebuttals)
    settled.update((u.post, u.target) for u in doc.undercuts)
    objections = {(r.post, x) for r in rebuttals for x in r.attackers}
    for r in rebuttals:
        attackers = r.attackers
        if r.post is None or r.target in attackers:  # a rebuttal of itself is S102
            continue
        target = props.get(r.target)
        if target is None or target.post != r.post or (r.post, r.target) in objections:
            continue
        if not target.own or voiced(doc, attackers, r.post):  # not the author's own: no contradiction
            continue
        if any((r.post, x) in settled for x in attackers) or (r.id is not None and (r.post, r.id) in settled):
            continue
        by = " & ".join(attackers)
        yield Finding(
            f"post {r.post} rebuts its own {target.kind} {target.id} with {by}, "
            f"and neither concedes nor answers {by}",
            r.span,
            hint=f"if the author grants {by} while holding {target.id}, add 'concede {r.attacker}'; "
            f"if they raise it only to refute it, rebut it in this post; if it is someone else's view, "
            f"or a supposition, give it 'voice: reported' or 'voice: supposed'; otherwise check the direction",
            related=[Related(f"{target.id} is put forward here", target.span)],
        )


@rule(
    "D108", "agrees-with-attack-on-self", "warning",
    summary="An author agrees with a proposition that rebuts or undercuts something they put forward "
            "themselves. (A concession, which grants a point while arguing on, is not counted; nor is an "
            "attack on what they put forward as reported, supposed or ironic, or on an inference to such "
            "a conclusion: they never held it. An attacker that is someone else's report or supposition "
            "still counts: agreeing with it adopts it, attack and all.)",
    bad=_TEA + "post 2 by bob reply-to 1\n  claim b: Tea is bitter.\n  rebut b -> a\n"
        "post 3 by ann reply-to 2\n  agree b\n",
    good=_TEA + "post 2 by bob reply-to 1\n  claim b: Tea is bitter.\n  rebut b -> a\n"
         "post 3 by ann reply-to 2\n  concede b\n",
)  # fmt: skip
def agrees_with_attack_on_self(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    author = _authors(doc)
    agreed: dict[tuple[str, str], Agreement] = {}  # (author, proposition) -> their first agreement
    for a in doc.agreements:
        who = author.get(a.post) if a.post is not None and not isinstance(a, Concession) else None
        if who is not None:
            agreed.setdefault((who, a.target), a)
    if not agreed:
        return
    targets = {p for _, p in agreed}
    props, inferences = doc.propositions_by_id, doc.inferences_by_id
    both: list[Rebuttal | Undercut] = [*doc.rebuttals, *doc.undercuts]
    for r in both:
        if r.attacker not in targets:
            continue
        item: Proposition | Inference | None
        whose: str
        if isinstance(r, Undercut):
            item = inferences.get(r.target)
            whose = item.kind if item is not None else ""
            what = f"undercuts {whose} {r.target}"
        else:
            item, what, whose = props.get(r.target), f"rebuts {r.target}", "claim"
        owner = author.get(item.post) if item is not None and item.post is not None else None
        if item is None or owner is None or not _held(item, props):
            continue
        found = [agreed.get((owner, x)) for x in r.attackers]
        agreements = [x for x in found if x is not None]
        if len(agreements) < len(found):  # a linked attack counts when every part of it is agreed with
            continue
        by = " & ".join(r.attackers)
        yield Finding(
            f"{owner} agrees with {by}, which {what}, {owner}'s own {whose} from post {item.post}",
            agreements[0].span,
            hint=f"if {owner} grants {by} while arguing on, use 'concede'; "
            "otherwise check what the agreement is with, or whether the attack is real",
            related=[Related(f"{by} {what} here", r.span),
                     Related(f"{owner} put {r.target} forward here", item.span),
                     *(Related(f"{owner} agrees with {x.target} here", x.span) for x in agreements[1:])],
        )  # fmt: skip


def _held(item: Proposition | Inference, props: Mapping[str, Proposition]) -> bool:
    """Whether the author of ``item`` holds it: a proposition in their own voice, or an inference
    whose conclusion (a proposition of the same post) is in their own voice."""
    if isinstance(item, Proposition):
        return item.own
    if isinstance(item, Support):
        conclusion = props.get(item.conclusion)
        return conclusion is None or conclusion.post != item.post or conclusion.own
    return True


@rule(
    "D109", "reply-implied", "warning",
    summary="A post answers an earlier post (it rebuts, supports, undercuts, agrees with or restates what "
            "that post put forward) but replies to no post. (A post that quotes or addresses one is D106's.)",
    bad=_TEA + "post 2 by bob\n  claim b: Tea is bitter.\n  rebut b -> a\n",
    good=_TEA + "post 2 by bob reply-to 1\n  claim b: Tea is bitter.\n  rebut b -> a\n",
)  # fmt: skip
def reply_implied(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    if not doc.relations or all(p.reply_to is not None for p in doc.posts):
        return
    position = positions(doc)
    props, inferences = doc.propositions_by_id, doc.inferences_by_id
    for i, post in enumerate(doc.posts):
        if post.reply_to is not None or post.span is None:
            continue
        addressed = [q.source for q in post.quotes]
        addressed += [m.group(1) for m in map(ADDRESS.match, post.body or ()) if m is not None]
        if any(position.get(p, i) < i for p in addressed):
            continue  # D106 reports it
        answered: dict[str, Related] = {}  # earlier post -> the first relation that answers it
        for rel in doc.relations_of(post.id):
            items: list[Proposition | Inference | None] = [props.get(x) for _, x in named_ids(rel)]
            if isinstance(rel, Undercut):
                items.append(inferences.get(rel.target))
            for item in items:
                if item is not None and item.post is not None and position.get(item.post, i) < i:
                    answered.setdefault(
                        item.post, Related(f"this {rel.kind} names {item.id} of post {item.post}", rel.span)
                    )
        if not answered:
            continue
        earlier = sorted(answered, key=position.__getitem__, reverse=True)  # the latest first
        fix = None
        if len(earlier) == 1:
            header = post_header(attrs.evolve(post, reply_to=earlier[0]))
            fix = Fix(f"mark post {post.id} as a reply to post {earlier[0]}", [Edit(post.span, header)])
        yield Finding(
            f"post {post.id} answers post {earlier[0]} but replies to no post",
            post.span,
            hint=f"add reply-to {earlier[0]} to its header"
            if len(earlier) == 1
            else f"add the post it answers: reply-to {' or '.join(earlier)}",
            related=[answered[p] for p in earlier],
            fix=fix,
        )


@rule(
    "S108", "rebuts-restatement", "warning",
    summary="A proposition rebuts one that it restates, or that restates it (directly or through a chain "
            "of restatements): it speaks against what it says itself.",
    bad=_TEA + "post 2 by bob reply-to 1\n  claim b: Tea does you good.\n  claim c: Tea is bitter.\n"
        "  restate b -> a\n  rebut b -> a\n",
    good=_TEA + "post 2 by bob reply-to 1\n  claim b: Tea does you good.\n  claim c: Tea is bitter.\n"
         "  restate b -> a\n  rebut c -> a\n",
)  # fmt: skip
def rebuts_restatement(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    restatements = [r for r in doc.restatements if r.source != r.target]  # a self-restatement is S102
    if not restatements or not doc.rebuttals:
        return
    links: dict[str, list[tuple[str, Restatement]]] = {}
    for rs in restatements:
        links.setdefault(rs.source, []).append((rs.target, rs))
        links.setdefault(rs.target, []).append((rs.source, rs))
    group = _groups(links)
    for r in doc.rebuttals:
        g = group.get(r.target)
        same = [x for x in r.attackers if x != r.target and group.get(x) == g] if g is not None else ()
        if not same:
            continue
        x = same[0]  # of a linked attack, the first attacker that says what the target says
        chain = _path(links, x, r.target)
        if len(chain) == 1:
            how = "which it restates" if chain[0].source == x else "which restates it"
            message = f"{x} rebuts {r.target}, {how}"
        else:
            ids = [x]
            for rs in chain:
                ids.append(rs.target if rs.source == ids[-1] else rs.source)
            message = f"{x} rebuts {r.target}, though restatements make them one claim: {' = '.join(ids)}"
        yield Finding(
            message,
            r.span,
            hint="a proposition cannot speak against what it says again: "
            "remove the rebuttal, or the restatement if the two differ",
            related=[Related(f"restate {rs.source} -> {rs.target}", rs.span) for rs in chain],
        )


def _groups(links: dict[str, list[tuple[str, Restatement]]]) -> dict[str, str]:
    """The restatement classes: each id that a restatement names, with the first id of its class."""
    group: dict[str, str] = {}
    for start in links:
        if start in group:
            continue
        group[start] = start
        stack = [start]
        while stack:
            for other, _ in links[stack.pop()]:
                if other not in group:
                    group[other] = start
                    stack.append(other)
    return group


def _path(links: dict[str, list[tuple[str, Restatement]]], start: str, goal: str) -> list[Restatement]:
    """The shortest chain of restatements from ``start`` to ``goal`` (which are in one class)."""
    came: dict[str, tuple[str, Restatement] | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            break
        for other, rs in links[node]:
            if other not in came:
                came[other] = (node, rs)
                queue.append(other)
    chain: list[Restatement] = []
    step = came[goal]
    while step is not None:
        node, rs = step
        chain.append(rs)
        step = came[node]
    return chain[::-1]
