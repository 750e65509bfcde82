"""argmap lsp on a 20,000-proposition file: every feature still answers, and edits are followed.
(How fast is benchmarks/bench_lsp.py's question; this file asks only whether it works.)"""

from __future__ import annotations

import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

POSTS = 2000  # ten propositions each


def big_text() -> str:
    lines = []
    for p in range(POSTS):
        lines.append(f"post {p} by u{p % 50}" + (f" reply-to {p - 1}" if p else ""))
        for i in range(10):
            lines.append(f"  claim c{p}.{i}: Claim {i} of post {p}.")
        lines += [f"  support s{p}.{i}: c{p}.{i + 1} -> c{p}.{i}" for i in range(9)]
        if p:
            lines.append(f"  rebut c{p}.0 -> c{p - 1}.0")
    return "\n".join(lines) + "\n"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_a_20000_proposition_file_gets_diagnostics_hover_and_follows_an_edit(client: LanguageClient):
    text = big_text()
    assert text.count("  claim ") == 20_000
    uri = "file:///tmp/argmap-lsp-test/big.argmap"
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="argmap", version=1, text=text)))  # fmt: skip
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert not [d for d in client.diagnostics[uri] if d.severity == types.DiagnosticSeverity.Error]
    last = text.count("\n") - 1  # the last line: rebut c1999.0 -> c1998.0
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line=last, character=24)))  # fmt: skip
    assert hover.contents.value.startswith("claim c1998.0: Claim 0 of post 1998.")
    # a typo at the end: the unknown id is reported where it is, the rest stays clean
    end = types.Position(line=last + 1, character=0)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(range=types.Range(end, end),
                                                                text="  rebut c1999.1 -> c19999.0\n")],
    ))  # fmt: skip
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    errors = [d for d in client.diagnostics[uri] if d.severity == types.DiagnosticSeverity.Error]
    assert [(d.code, d.range.start.line) for d in errors] == [("R002", last + 1)]
