"""brat files of threads: posts from the .metadata, agreements that keep who agrees, a synthetic
post where there are no posts, offsets that count UTF-8 bytes (issue #15, items 2 and 3)."""

from __future__ import annotations

import argmap
from argmap._cli import main
from argmap._formats import brat

# a thread of three posts by two authors, as the CMV-modes corpus writes it (text of our own)
TXT = (
    "CMV: Tea beats coffee.\n\n"
    "Tea calms. It has theanine.\n\n"
    "&gt; Tea calms.\n\nCoffee calms too. Théanine is weak.\n\n"
    "Fair, tea calms. But taste.\n"
)
META = (
    "Title 0 22 \nSource https://example.org/t \n"
    "Content t1 ann 22 53 \nContent c1 bob 53 108 \nContent c2 ann 108 136 \n"
    "Linked Premise 35 50 \nDelta Yes\n"
)
ANN = (
    "T1\tmain_claim 0 22\tCMV: Tea beats coffee.\n"
    "A1\tType1 T1 interpretation\n"
    "T2\tclaim 24 34\tTea calms.\n"
    "T3\tpremise 35 50\tIt has theanine\n"
    "T4\tclaim 70 87\tCoffee calms too.\n"
    "T5\tpremise 88 106\tThéanine is weak.\n"
    "T6\tclaim 108 123\tFair, tea calms\n"
    "R1\tagreement Arg1:T2 Arg2:T1\n"
    "R2\tsupport Arg1:T3 Arg2:T2\n"
    "R3\tpartial_attack Arg1:T4 Arg2:T2\n"
    "R4\tundercutter Arg1:T5 Arg2:T3\n"
    "R5\tagreement Arg1:T6 Arg2:T4\n"
    "R6\tpartial_agreement Arg1:T6 Arg2:T5\n"
)


def write(tmp_path, ann=ANN, txt=TXT, meta=META):
    (tmp_path / "t.ann").write_text(ann, encoding="utf-8")
    (tmp_path / "t.txt").write_text(txt, encoding="utf-8")
    if meta is not None:
        (tmp_path / "t.metadata").write_text(meta, encoding="utf-8")
    return tmp_path / "t.ann"


def read(path):
    return brat.from_brat(path.read_text(encoding="utf-8"), path=str(path))


def test_posts_come_from_the_metadata_with_bodies_quotes_and_anchors(tmp_path):
    doc, warnings = read(write(tmp_path))
    assert (doc.metadata.title, doc.metadata.source) == ("CMV: Tea beats coffee.", "https://example.org/t")
    assert [(p.id, p.author, p.reply_to) for p in doc.posts] == [
        ("t1", "ann", None), ("c1", "bob", "t1"), ("c2", "ann", "c1")]  # fmt: skip
    assert doc.posts[0].body == (
        "CMV: Tea beats coffee.",
        "",
        "Tea calms. It has theanine.",
    )  # with its title
    assert [(q.source, q.text) for q in doc.posts[1].quotes] == [("t1", "Tea calms.")]
    assert [(p.id, p.post, p.anchor is not None) for p in doc.propositions] == [
        ("T1", "t1", True), ("T2", "t1", True), ("T3", "t1", True), ("T4", "c1", True),
        ("T5", "c1", True), ("T6", "c2", True)]  # fmt: skip
    assert doc.propositions_by_id["T1"].kind.value == "thesis"  # main_claim
    assert doc.propositions_by_id["T1"].tags == ("interpretation",)  # the Type attribute's value
    # the offsets count UTF-8 bytes (as in the corpus): after the é (two bytes), T6 shows it
    assert [(w.code, w.span.line) for w in warnings] == [("X605", 7)] and "UTF-8 bytes" in warnings[0].message


def test_agreements_keep_their_source_and_belong_to_its_post(tmp_path):
    """Item 3: the agreement of T6 (ann, post c2) with T4 (bob) is c2's; T6 is named in it.  (The old
    reader dropped T6 and gave the agreement no post, and its argmap text did not parse.)"""
    doc, _ = read(write(tmp_path))
    moves = [
        (r.kind, r.target, r.post, r.comments) for r in doc.relations if r.kind in ("agreement", "concession")
    ]
    assert moves == [
        ("agreement", "T4", "c2", ("from T6 (agreement)",)),
        ("concession", "T5", "c2", ("from T6 (partial_agreement)",)),
    ]
    # T2 agreeing with its own author's title is no move between people: a support
    assert [(s.id, s.premises, s.conclusion, s.post) for s in doc.supports] == [
        ("R1", ("T2",), "T1", "t1"), ("R2", ("T3",), "T2", "t1")]  # fmt: skip
    assert [(r.attacker, r.target, r.post) for r in doc.rebuttals] == [("T4", "T2", "c1")]
    assert [(u.attacker, u.target, u.post) for u in doc.undercuts] == [("T5", "R2", "c1")]
    assert doc.propositions_by_id["T4"].tags == ("partial_attack",)
    assert all(r.post is not None for r in doc.relations)


def test_the_thread_converts_checks_and_comes_back(tmp_path, capsys):
    path = write(tmp_path)
    out = tmp_path / "t.argmap"
    assert main(["convert", str(path), "-o", str(out)]) == 0
    assert main(["check", str(out), "--severity", "error"]) == 0
    assert main(["convert", str(out), "-o", str(tmp_path / "t.json")]) == 0
    assert main(["convert", str(tmp_path / "t.json"), "-o", str(tmp_path / "back.argmap")]) == 0
    assert (tmp_path / "back.argmap").read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
    assert "  # from T6 (agreement)\n  agree T4\n" in out.read_text(encoding="utf-8")


def test_linked_premise_lines_make_linked_supports(tmp_path):
    ann = ANN.replace(
        "R2\tsupport Arg1:T3 Arg2:T2\n", "R2\tsupport Arg1:T3 Arg2:T2\nR7\tsupport Arg1:T2 Arg2:T1\n"
    )
    txt = TXT
    meta = META.replace("Linked Premise 35 50", "Linked Premise 24 34 35 50 \nLinked Premise 88 106")
    ann = ann.replace("R1\tagreement Arg1:T2 Arg2:T1\n", "R1\tsupport Arg1:T3 Arg2:T1\n")
    doc, _ = read(write(tmp_path, ann, txt, meta))
    assert [(s.id, s.premises, s.conclusion) for s in doc.supports] == [
        ("R1", ("T2", "T3"), "T1"), ("R2", ("T3",), "T2")]  # fmt: skip


def test_without_posts_the_relations_go_to_a_synthetic_post(tmp_path):
    """Item 3 for a brat file with no .metadata (an essay): agreements need a post."""
    doc, warnings = read(write(tmp_path, meta=None))
    assert [(p.id, p.author, p.body) for p in doc.posts] == [("synthetic", "(synthetic post)", None)]
    assert {r.post for r in doc.relations} == {"synthetic"} and all(p.post is None for p in doc.propositions)
    (x608,) = [w for w in warnings if w.code == "X608"]
    assert "6 relations are put in a synthetic post, post synthetic by '(synthetic post)'" in x608.message
    # the agreements stay agreements (no authors to compare), one per target, naming who agreed
    assert [(r.target, r.comments) for r in doc.agreements if r.kind == "agreement"] == [
        ("T1", ("from T2 (agreement)",)), ("T4", ("from T6 (agreement)",))]  # fmt: skip
    argmap.parse(argmap.format(doc))


def test_many_posts_and_annotations_counted_in_bytes_are_read_in_linear_time():
    """6,000 posts with a claim each, agreeing with the claim before, offsets in bytes."""
    from test_limits import bounded

    setup = """
        from argmap._formats import brat
        n = 6000
        lines = [f"Ünïcode post {i}. Claim {i}.\\n" for i in range(n)]
        source, offsets, b = "".join(lines), [], 0  # the offsets count bytes
        for i, line in enumerate(lines):
            at = b + len(line[: line.index("Claim")].encode())
            offsets.append((b, at, at + len(f"Claim {i}.")))
            b += len(line.encode())
        ann = "".join(f"T{i}\\tclaim {s} {e}\\tClaim {i}.\\n"
                      f"R{i}\\tagreement Arg1:T{i} Arg2:T{max(i - 1, 0)}\\n"
                      for i, (_, s, e) in enumerate(offsets))
        meta = "".join(f"Content p{i} a{i % 3} {p} {offsets[i + 1][0] if i + 1 < n else b}\\n"
                       for i, (p, _, _) in enumerate(offsets))
        """
    result = bounded(setup, "brat.from_brat(ann, path='x.ann', source=source, metadata=meta)")
    assert result["propositions"] == 6000 and result["codes"] == ["X605", "X603"]  # bytes; R0 to itself
