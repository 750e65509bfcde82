"""The Pygments lexer: registered for ```argmap blocks, reads every example and docs block without an
error token, marks what the parser would refuse, and never hangs."""

from __future__ import annotations

import re
import signal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

pygments = pytest.importorskip("pygments")
from pygments.lexers import get_lexer_by_name  # noqa: E402
from pygments.token import Comment, Error, Keyword, Literal, Name, String  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def blocks() -> list[tuple[str, str]]:
    """Every file in examples/ and every ```argmap block in README and docs/."""
    out = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.argmap"))]
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        out += [(f"{page.name} block {i}", b) for i, b in enumerate(re.findall(r"```argmap\n(.*?)```", text, re.S))]
    return out


def tokens(text: str) -> list[tuple[object, str]]:
    return list(get_lexer_by_name("argmap", stripnl=False).get_tokens(text))


def test_the_lexer_is_found_by_its_name_and_file_suffix():
    from pygments.lexers import get_lexer_for_filename

    assert get_lexer_by_name("argmap").name == "argmap"
    assert get_lexer_for_filename("thread.argmap").name == "argmap"


@pytest.mark.parametrize(("name", "text"), blocks(), ids=[n for n, _ in blocks()])
def test_examples_and_docs_blocks_have_no_error_token(name, text):
    found = [(t, v) for t, v in tokens(text) if t is Error]
    assert found == [], found[:5]


def test_the_parts_of_a_line_get_their_kinds():
    toks = tokens('post 6 by "wjk, 검은 머리" reply-to 5 at 2010-12-29\n  claim c6.1: Tea.\n  # note\n'
                  "  rebut c6.1 -> c5.1\n  | text\n")  # fmt: skip
    kinds = {v: t for t, v in toks if v.strip()}
    assert kinds["post"] in Keyword and kinds["reply-to"] in Keyword and kinds["rebut"] in Keyword
    assert kinds['"wjk, 검은 머리"'] in Name and kinds["2010-12-29"] in Literal
    assert kinds["c6.1"] in Name and kinds["Tea."] in String and kinds["# note"] in Comment
    assert kinds["claim"] in Keyword


def test_a_line_the_parser_refuses_shows_an_error():
    assert any(t is Error for t, _ in tokens("  cliam c1: Tea.\n"))


@given(st.text(alphabet=st.sampled_from(list("post by claim support rebut -> & : | # \"\n\t 1c.\\")), max_size=200)
       | st.text(max_size=200))
def test_any_text_is_lexed_whole_and_quickly(text):
    """The tokens spell the text (a newline added at the end, as Pygments does) and lexing ends:
    a zero-width rule once made the lexer loop without end."""

    def alarm(signum, frame):
        raise TimeoutError("the lexer did not finish")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, 2)
    try:
        out = "".join(v for _, v in tokens(text))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    assert out.rstrip("\n") == expected.rstrip("\n")


def test_a_voice_line_gets_its_kinds_and_a_wrong_one_an_error():
    toks = tokens("  claim c1: Tea.\n    voice: reported by a Chosun Ilbo columnist\n    voice: ironic\n")
    kinds = {v: t for t, v in toks if v.strip()}
    assert kinds["voice"] in Keyword and kinds["reported"] in Keyword.Constant and kinds["by"] in Keyword
    assert kinds["a Chosun Ilbo columnist"] in Name and kinds["ironic"] in Keyword.Constant
    assert any(t is Error for t, _ in tokens("    voice: supposed by a columnist\n"))
    assert any(t is Error for t, _ in tokens("    voice: hearsay\n"))
