"""Unicode scripts, line endings, byte-order marks and empty input."""

from __future__ import annotations

import pytest

import argmap

SCRIPTS = {
    "hangul": ("wjk, 검은 머리 외국인", "조선인 전범들은 日 ‘방패막이’ 술책 희생자"),
    "kana": ("山田 太郎", "それは私です!"),
    "kanji": ("東亜", "大東亜共栄圏"),
    "emoji": ("🐼 panda", "Tea ☕ beats coffee 🙂"),
    "rtl": ("מרים", "الشاي أفضل من القهوة"),
    "mixed": ("Zoë, ゾエ", "Kid 1: 내꺼야! Kid 2: それは私です!"),
}


@pytest.mark.parametrize("author, text", SCRIPTS.values(), ids=SCRIPTS.keys())
def test_unicode_authors_texts_and_anchors_survive_parse_and_format(author, text):
    src = (
        f'post 1 by "{author}"\n'
        f"  | {text}\n"
        f"  claim c1: {text}\n"
        f"    anchor: {text}\n"
        f'post 2 by "{author}" reply-to 1\n'
        f"  quote 1: {text}\n"
    )
    doc = argmap.parse(src)
    assert doc.posts[0].author == author
    assert doc.propositions[0].text == text == doc.propositions[0].anchor
    assert doc.posts[1].quotes[0].text == text
    assert argmap.parse(argmap.format(doc)) == doc


def test_crlf_input_parses_like_lf():
    lf = "title: T\npost 1 by ann\n  claim c1: Tea.\n  | body\n"
    crlf = lf.replace("\n", "\r\n")
    assert argmap.parse(crlf) == argmap.parse(lf)
    assert argmap.parse(crlf).posts[0].body == ("body",)


def test_crlf_error_locations_match_lf():
    with pytest.raises(argmap.ParseError) as info:
        argmap.parse("claim a: x\r\nrebut a b\r\n")
    (d,) = info.value.diagnostics
    assert (d.span.line, d.span.column) == (2, 9)


@pytest.mark.parametrize("text", ["", "\n", "\n\n\n", "   \n\t\n", "# only a comment", "\ufeff"])
def test_empty_and_blank_files_give_empty_documents(text):
    doc = argmap.parse(text)
    assert doc.posts == () and doc.propositions == () and doc.relations == ()


def test_byte_order_mark_is_dropped_and_columns_stay_right(tmp_path):
    path = tmp_path / "bom.argmap"
    path.write_bytes(b"\xef\xbb\xbfclaim c1: x\n")
    assert argmap.load(path).propositions[0].text == "x"
    with pytest.raises(argmap.ParseError) as info:
        argmap.parse("\ufeffcliam c1: x\n")
    assert info.value.diagnostics[0].span.column == 2


def test_missing_final_newline_is_fine():
    assert argmap.parse("claim c1: x").propositions[0].text == "x"


def test_tabs_indent_like_spaces():
    assert argmap.parse("post 1 by a\n\tclaim c1:\tx\n").propositions[0].text == "x"


def test_load_reads_path_objects_and_records_the_path(tmp_path):
    path = tmp_path / "t.argmap"
    path.write_text("claim c1: x\n", encoding="utf-8")
    assert argmap.load(path).path == str(path)
