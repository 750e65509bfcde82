"""argmap lsp, end to end over stdio with a real LSP client (pytest-lsp, on pygls's client)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

import argmap

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "korea-japan-allies.argmap"

TEXT = """\
post 1 by ann
  | Tea is good for you.
  claim c1: Tea is healthy.
  claim c2: Tea is cheap.
  support s1: c2 -> c1
post 2 by 한국 reply-to 1
  claim c3: 차는 비싸다 🍵.
  rebut c3 -> c2
  undercut c3 -> s1
post 3 by bob
  quote 1: Tea is good for you.
  rebut c3 -> cl
"""


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


async def open_file(client: LanguageClient, text: str, name: str = "t.argmap") -> str:
    uri = f"file:///tmp/argmap-lsp-test/{name}"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="argmap", version=1, text=text)
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


def at(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


@pytest.mark.asyncio
async def test_diagnostics_on_open_with_code_severity_range_hint_and_related(client: LanguageClient):
    uri = await open_file(client, TEXT)
    found = {d.code: d for d in client.diagnostics[uri]}
    r002 = found["R002"]
    assert r002.severity == types.DiagnosticSeverity.Error and r002.source == "argmap"
    assert r002.range == types.Range(at(11, 14), at(11, 16)) and "did you mean 'c1'?" in r002.message
    assert found["D106"].severity == types.DiagnosticSeverity.Warning


@pytest.mark.asyncio
async def test_diagnostics_follow_every_change(client: LanguageClient):
    uri = await open_file(client, TEXT)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(range=types.Range(at(11, 14), at(11, 16)), text="c1")],
    ))  # fmt: skip
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert "R002" not in {d.code for d in client.diagnostics[uri]}
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
        content_changes=[types.TextDocumentContentChangePartial(range=types.Range(at(12, 0), at(12, 0)), text="  claim c9")],
    ))  # a half-typed line  # fmt: skip
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    (p100,) = [d for d in client.diagnostics[uri] if d.code == "P100"]
    assert p100.range.start.line == 12


@pytest.mark.asyncio
async def test_related_locations_name_every_member_of_a_cycle(client: LanguageClient):
    text = "claim a: A.\nclaim b: B.\nsupport s1: a -> b\nsupport s2: b -> a\n"
    uri = await open_file(client, text)
    (s103,) = [d for d in client.diagnostics[uri] if d.code == "S103"]
    assert sorted(r.location.range.start.line for r in s103.related_information) == [2, 3]


@pytest.mark.asyncio
async def test_hover_shows_text_kind_author_post_and_relations(client: LanguageClient):
    uri = await open_file(client, TEXT)
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), at(7, 15))
    )
    assert hover.contents.kind == types.MarkupKind.PlainText
    value = hover.contents.value
    assert "claim c2: Tea is cheap." in value and "by ann, post 1" in value
    assert "rebuttal from c3" in value and "support of c1" in value
    post = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), at(5, 22))
    )
    assert post.contents.value.startswith("post 1 by ann")


@pytest.mark.asyncio
async def test_positions_count_utf16_units_after_hangul_and_emoji(client: LanguageClient):
    """Each emoji before the cursor is two UTF-16 units, a Hangul syllable one: the id after them is
    found where the client says it is, and its range comes back in the client's units."""
    header = 'post 2 by "한국 🍵🍵🍵" reply-to '
    uri = await open_file(client, f"post 1 by x\n{header}1\n")
    units = len(header) + 3  # three emoji, each a surrogate pair
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), at(1, units))
    )
    assert hover.contents.value.startswith("post 1 by x")
    assert hover.range == types.Range(at(1, units), at(1, units + 1))
    past_end = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), at(1, 400))
    )
    assert past_end is None
    past_last = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), at(90, 3))
    )
    assert past_last is None


@pytest.mark.asyncio
async def test_definition_and_references_of_propositions_supports_and_posts(client: LanguageClient):
    uri = await open_file(client, TEXT)
    doc = types.TextDocumentIdentifier(uri)
    found = await client.text_document_definition_async(
        types.DefinitionParams(doc, at(8, 18))
    )  # s1 in undercut
    assert found.range.start == at(4, 10)
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc, position=at(2, 9), context=types.ReferenceContext(include_declaration=True)
        )  # c1
    )
    assert sorted(r.range.start.line for r in refs) == [2, 4]
    post = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc, position=at(0, 5), context=types.ReferenceContext(include_declaration=False)
        )  # post 1
    )
    assert sorted((r.range.start.line, r.range.start.character) for r in post) == [(5, 22), (10, 8)]


@pytest.mark.asyncio
async def test_completion_offers_what_fits_the_slot(client: LanguageClient):
    uri = await open_file(client, TEXT + "  \n")
    doc = types.TextDocumentIdentifier(uri)

    async def labels(line: int, text: str) -> set[str]:
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=line + 10),
            content_changes=[types.TextDocumentContentChangePartial(range=types.Range(at(12, 0), at(12, 200)), text=text)],
        ))  # fmt: skip
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        result = await client.text_document_completion_async(types.CompletionParams(doc, at(12, len(text))))
        return {i.label for i in result.items}

    assert {"claim", "support", "rebut", "post"} <= await labels(0, "  re")
    assert await labels(0, "  undercut c1 -> ") == {"s1"}
    assert await labels(0, "  rebut ") == {"c1", "c2", "c3"}
    assert await labels(0, "  support s9: c1 & ") == {"c1", "c2", "c3"}
    assert await labels(0, "  quote ") == {"1", "2", "3"}
    assert await labels(0, "post 4 by cat reply-to ") == {"1", "2", "3"}


ATTACKS = """\
post 1 by ann
  claim c1: Tea is healthy.
  claim c2: Tea is cheap.
  claim c3: Tea stains teeth.
  support s1: c2 -> c1
post 2 by bob reply-to 1
  rebut r1: c3 & c2 -> c1
  claim c4: Whitening fixes that.
  undercut c4 -> r1
"""


@pytest.mark.asyncio
async def test_named_and_linked_attacks_hover_define_and_complete(client: LanguageClient):
    """A named rebuttal is an inference like a support: hovering shows its attackers and what
    undercuts it, going to its definition from an undercut finds its id, and the slot after
    `undercut c4 ->` offers it beside the supports."""
    uri = await open_file(client, ATTACKS + "  \n")
    doc = types.TextDocumentIdentifier(uri)
    hover = await client.text_document_hover_async(types.HoverParams(doc, at(8, 18)))  # r1 in undercut
    assert hover.contents.value.splitlines()[0] == "rebuttal r1: c3 & c2 -> c1"
    assert "by bob, post 2" in hover.contents.value and "undercut from c4" in hover.contents.value
    found = await client.text_document_definition_async(types.DefinitionParams(doc, at(8, 18)))
    assert found.range.start == at(6, 8)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(range=types.Range(at(9, 0), at(9, 200)),
                                                                 text="  undercut c4 -> ")],
    ))  # fmt: skip
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    result = await client.text_document_completion_async(types.CompletionParams(doc, at(9, 17)))
    assert {i.label for i in result.items} == {"s1", "r1"}


@pytest.mark.asyncio
async def test_rename_changes_every_occurrence_and_refuses_taken_or_bad_names(client: LanguageClient):
    uri = await open_file(client, TEXT)
    doc = types.TextDocumentIdentifier(uri)
    edit = await client.text_document_rename_async(types.RenameParams(doc, at(6, 9), "tea-price"))  # c3
    changes = edit.changes[uri]
    assert {e.new_text for e in changes} == {"tea-price"}
    assert sorted(e.range.start.line for e in changes) == [6, 7, 8, 11]
    for bad in ("c1", "no good", "x."):
        with pytest.raises(Exception):
            await client.text_document_rename_async(types.RenameParams(doc, at(6, 9), bad))


@pytest.mark.asyncio
async def test_outline_and_folding_by_post(client: LanguageClient):
    uri = await open_file(client, TEXT)
    doc = types.TextDocumentIdentifier(uri)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(doc))
    assert [s.name for s in symbols] == ["post 1", "post 2", "post 3"]
    assert [c.name for c in symbols[0].children] == ["c1", "c2", "s1"] and not symbols[2].children
    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(doc))
    assert [(f.start_line, f.end_line) for f in folds] == [(0, 4), (5, 8), (9, 11)]


@pytest.mark.asyncio
async def test_formatting_gives_argmap_fmt_and_leaves_broken_files_alone(client: LanguageClient):
    messy = "post 1 by ann\nclaim c1:   Tea.\n"
    uri = await open_file(client, messy)
    (edit,) = await client.text_document_formatting_async(
        types.DocumentFormattingParams(types.TextDocumentIdentifier(uri), types.FormattingOptions(2, True))
    )
    assert edit.new_text == argmap.format(argmap.parse(messy))
    broken = await open_file(client, "post 1 by ann\n  claim c1 Tea.\n", "broken.argmap")
    assert (
        await client.text_document_formatting_async(
            types.DocumentFormattingParams(
                types.TextDocumentIdentifier(broken), types.FormattingOptions(2, True)
            )
        )
        is None
    )


@pytest.mark.asyncio
async def test_code_actions_offer_the_mechanical_fixes(client: LanguageClient):
    uri = await open_file(client, TEXT)
    doc = types.TextDocumentIdentifier(uri)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            doc, types.Range(at(9, 0), at(11, 20)), types.CodeActionContext(diagnostics=[])
        )
    )
    titles = {a.title: a for a in actions}
    assert set(titles) == {"replace 'cl' with 'c1'", "mark post 3 as a reply to post 1"}
    (edit,) = titles["mark post 3 as a reply to post 1"].edit.changes[uri]
    assert edit.new_text == "post 3 by bob reply-to 1" and edit.range.start.line == 9


@pytest.mark.asyncio
async def test_the_seed_thread_opens_clean_of_errors(client: LanguageClient):
    uri = await open_file(client, SEED.read_text(encoding="utf-8"), "seed.argmap")
    assert not [d for d in client.diagnostics[uri] if d.severity == types.DiagnosticSeverity.Error]
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))
    )
    assert len(symbols) == len(argmap.load(SEED).posts)


VOICED = """\
post 1 by ann
  claim c1: Korea should keep Japan at arm's length.
    voice: reported by a Chosun Ilbo columnist
  claim c2: Japan is a partner.
  rebut c2 -> c1
"""


@pytest.mark.asyncio
async def test_hover_shows_a_propositions_voice_and_who_it_is_reported_by(client: LanguageClient):
    uri = await open_file(client, VOICED)
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), at(1, 9)))
    lines = hover.contents.value.splitlines()
    assert "voice: reported by a Chosun Ilbo columnist (not ann's own assertion)" in lines
    own = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), at(3, 9)))
    assert not any(line.startswith("voice:") for line in own.contents.value.splitlines())  # own: not shown
    post = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), at(0, 5)))
    assert "  claim c1: Korea should keep Japan at arm's length. (reported by a Chosun Ilbo columnist)" in (
        post.contents.value.splitlines()
    )


@pytest.mark.asyncio
async def test_completion_after_voice_offers_the_four_voices(client: LanguageClient):
    uri = await open_file(client, "post 1 by ann\n  claim c1: Tea.\n    voice: \n")
    result = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), at(2, 11))
    )
    assert sorted(i.label for i in result.items) == ["ironic", "own", "reported", "supposed"]
    keywords = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), at(2, 4))
    )
    assert "voice" in {i.label for i in keywords.items}
