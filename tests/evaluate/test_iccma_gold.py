"""The ICCMA gold files in ../shared/corpora/iccma-gold all match (skipped without ../shared)."""

from __future__ import annotations

import re

import pytest

from argmap.af import extensions, read_af, write_af


def gold_cases(shared):
    folder = shared / "corpora" / "iccma-gold"
    for apx in sorted(folder.glob("*.apx")):
        for sem in ("CO", "GR", "PR", "ST"):
            answer = apx.with_suffix(f".EE-{sem}")
            if answer.exists():
                yield apx, sem, answer


def parse_answer(text: str) -> set[frozenset[str]]:
    inner = text.strip()
    assert inner.startswith("[") and inner.endswith("]"), inner[:40]
    return {
        frozenset(x for x in group.split(",") if x) for group in re.findall(r"\[([^\[\]]*)\]", inner[1:-1])
    } | ({frozenset()} if inner.replace(" ", "") == "[[]]" else set())


def test_every_gold_file_matches(shared):
    cases = list(gold_cases(shared))
    assert len(cases) == 80
    wrong = []
    for apx, sem, answer in cases:
        af = read_af(apx.read_text(encoding="utf-8"), "apx", path=str(apx))
        if set(extensions(af, sem)) != parse_answer(answer.read_text(encoding="utf-8")):
            wrong.append(f"{apx.name} {sem}")
    assert wrong == []


def test_answer_parser_reads_the_gold_conventions():
    assert parse_answer("[]") == set()
    assert parse_answer("[[]]") == {frozenset()}
    assert parse_answer("[[a,b],[c]]") == {frozenset("ab"), frozenset("c")}


@pytest.mark.parametrize("fmt", ["apx", "tgf", "i23"])
def test_formats_round_trip_on_gold_frameworks(shared, fmt):
    from argmap.af import write_af

    for apx, _, _ in list(gold_cases(shared))[::4]:
        af = read_af(apx.read_text(encoding="utf-8"), "apx")
        back = read_af(write_af(af, fmt), fmt)
        if fmt == "i23":
            assert len(back) == len(af) and len(back.attacks) == len(af.attacks)
        else:
            assert back == af


def test_framework_formats_take_format_by_name_and_refuse_unknown_ones_as_usage_errors():
    from argmap import UsageError

    af = read_af("arg(a).\narg(b).\natt(a,b).\n", format="apx")
    assert write_af(af, format="tgf") == "a\nb\n#\na b\n"
    with pytest.raises(UsageError, match="unknown framework format 'xml'"):
        read_af("", format="xml")
    with pytest.raises(UsageError, match="choose from apx, tgf, i23"):
        write_af(af, "xml")
