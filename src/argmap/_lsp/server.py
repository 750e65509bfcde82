"""``argmap lsp``: a language server for argmap text, on pygls, with argmap's own parser and checker.

Every change re-reads the whole file (:mod:`analysis`) and publishes its
problems; the other features answer from that analysis: hover, definition,
references, completion, rename, outline, folding, formatting and the
checker's mechanical fixes as code actions.
"""

from __future__ import annotations

import re

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .._check import Config
from .._language import KEYWORDS, Occurrence, format_document
from .._model import (
    ArgmapError,
    Diagnostic,
    Inference,
    Proposition,
    Severity,
    Support,
    Voice,
    is_id,
    paused,
    relation_sources,
    relation_target,
)
from .._version import __version__
from .analysis import Analysis, analyse
from .positions import Lines

__all__ = ["make_server"]

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_ID = r"[\w.\-]*"
#: what the line before the cursor says the next word is: (pattern, namespace, role)
_SLOTS = [
    (re.compile(rf"^\s*undercut\s+.*->\s*{_ID}$"), "item", "inference"),
    (re.compile(rf"^\s*(?:support|rebut|undercut)\s+\S+\s*:(?:\s*{_ID}\s*&)*\s*{_ID}$"), "item", "proposition"),
    (re.compile(rf"^\s*(?:support|rebut|restate)\s+.*->\s*{_ID}$"), "item", "proposition"),
    (re.compile(rf"^\s*(?:rebut|undercut)\s+(?:{_ID}\s*&\s*)*{_ID}$"), "item", "proposition"),
    (re.compile(rf"^\s*(?:restate|agree|concede)\s+{_ID}$"), "item", "proposition"),
    (re.compile(rf"^\s*post\s+.*\sreply-to\s+{_ID}$"), "post", "post"),
    (re.compile(rf"^\s*quote\s+{_ID}$"), "post", "post"),
]
_KEYWORD_SLOT = re.compile(r"^\s*[a-z\-]*$")
#: after ``voice:`` come the voices (the model's, which are the grammar's words)
_VOICE_SLOT = re.compile(r"^\s*voice\s*:\s*[a-z]*$")


class ArgmapServer(LanguageServer):
    """The language server, with the analysis of every open file."""

    def __init__(self) -> None:
        super().__init__(
            "argmap", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.analyses: dict[str, Analysis] = {}

    def encoding(self) -> str:
        """The position encoding agreed with the client: utf-16 (LSP's default), utf-8 or utf-32."""
        kind = self.workspace.position_encoding
        return str(getattr(kind, "value", kind) or "utf-16")

    def lines(self, analysis: Analysis) -> Lines:
        return Lines(analysis.text, self.encoding())

    def refresh(self, uri: str) -> None:
        """Analyse the file anew and publish its problems."""
        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri)
        try:
            analysis = analyse(document.source, path)
        except ArgmapError as e:  # e.g. a broken [tool.argmap] in the project's pyproject.toml
            self.window_show_message(types.ShowMessageParams(types.MessageType.Warning, f"argmap: {e}"))
            analysis = analyse_without_settings(document.source, path)
        self.analyses[uri] = analysis
        lines = self.lines(analysis)
        with paused():  # thousands of small protocol objects on a large heap
            diagnostics = [_diagnostic(d, uri, lines) for d in analysis.diagnostics]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=document.version)
        )

    def analysis(self, uri: str) -> Analysis:
        found = self.analyses.get(uri)
        if found is None:
            self.refresh(uri)
            found = self.analyses[uri]
        return found


def analyse_without_settings(text: str, path: str | None) -> Analysis:
    from .._check import report
    from .._language import occurrences, parse_in_full

    parsed = parse_in_full(text, path=path)
    return Analysis(text, parsed.doc, report(parsed.doc, parsed.diagnostics, config=Config()),
                    occurrences(parsed.statements))  # fmt: skip


def _diagnostic(d: Diagnostic, uri: str, lines: Lines) -> types.Diagnostic:
    message = d.message + (f"\nhint: {d.hint}" if d.hint else "")
    related = [
        types.DiagnosticRelatedInformation(types.Location(uri, lines.range(r.span)), r.message)
        for r in d.related
        if r.span is not None
    ]
    return types.Diagnostic(
        range=lines.range(d.span), message=message, severity=_SEVERITY[d.severity], code=d.code,
        source="argmap", related_information=related or None,
    )  # fmt: skip


def make_server() -> ArgmapServer:
    """The server with every feature registered (not yet started)."""
    server = ArgmapServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.refresh(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.refresh(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ArgmapServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.refresh(params.text_document.uri)  # the project's settings may have changed

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.analyses.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(params.text_document.uri, []))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
        analysis = ls.analysis(params.text_document.uri)
        lines = ls.lines(analysis)
        found = analysis.at(*lines.column(params.position))
        if found is None:
            return None
        text = _describe(analysis, found)
        if text is None:
            return None
        # plain text: what the file says is shown as it is, never read as Markdown or HTML
        content = types.MarkupContent(kind=types.MarkupKind.PlainText, value=text)
        return types.Hover(contents=content, range=lines.range(found.span))

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: ArgmapServer, params: types.DefinitionParams) -> types.Location | None:
        analysis = ls.analysis(params.text_document.uri)
        lines = ls.lines(analysis)
        found = analysis.at(*lines.column(params.position))
        target = analysis.definition(found) if found is not None else None
        return types.Location(params.text_document.uri, lines.range(target.span)) if target else None

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(ls: ArgmapServer, params: types.ReferenceParams) -> list[types.Location] | None:
        analysis = ls.analysis(params.text_document.uri)
        lines = ls.lines(analysis)
        found = analysis.at(*lines.column(params.position))
        if found is None:
            return None
        keep = params.context.include_declaration
        return [types.Location(params.text_document.uri, lines.range(o.span))
                for o in analysis.all_of(found) if keep or not o.defines]  # fmt: skip

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[" ", ">", "&"])
    )
    def completion(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList:
        analysis = ls.analysis(params.text_document.uri)
        prefix = ls.lines(analysis).prefix(params.position)
        items: list[types.CompletionItem] = []
        if _KEYWORD_SLOT.match(prefix):
            items = [types.CompletionItem(k, kind=types.CompletionItemKind.Keyword) for k in KEYWORDS]
        elif _VOICE_SLOT.match(prefix):
            items = [types.CompletionItem(v.value, kind=types.CompletionItemKind.EnumMember) for v in Voice]
        else:
            for pattern, namespace, role in _SLOTS:
                if pattern.match(prefix):
                    items = [_id_item(analysis, i, role) for i in analysis.ids(namespace, role)]
                    break
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(ls: ArgmapServer, params: types.PrepareRenameParams) -> types.Range | None:
        analysis = ls.analysis(params.text_document.uri)
        lines = ls.lines(analysis)
        found = analysis.at(*lines.column(params.position))
        return lines.range(found.span) if found is not None else None

    @server.feature(types.TEXT_DOCUMENT_RENAME)
    def rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
        analysis = ls.analysis(params.text_document.uri)
        lines = ls.lines(analysis)
        found = analysis.at(*lines.column(params.position))
        if found is None:
            return None
        new = params.new_name
        if not is_id(new):
            raise JsonRpcInvalidParams(f"{new!r} is not an id: letters, digits, '_', '.' and '-', "
                                       "not ending in '.' or '-'")  # fmt: skip
        if new != found.id and new in analysis.ids(found.namespace):
            raise JsonRpcInvalidParams(f"{new!r} is already the id of another {found.namespace}")
        edits = [types.TextEdit(lines.range(o.span), new) for o in analysis.all_of(found)]
        return types.WorkspaceEdit(changes={params.text_document.uri: edits})

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def symbols(ls: ArgmapServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        return _outline(ls.analysis(params.text_document.uri), ls)

    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    def folding(ls: ArgmapServer, params: types.FoldingRangeParams) -> list[types.FoldingRange]:
        analysis = ls.analysis(params.text_document.uri)
        return [types.FoldingRange(start - 1, end - 1, kind=types.FoldingRangeKind.Region)
                for start, end in _post_blocks(analysis) if end > start]  # fmt: skip

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: ArgmapServer, params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
        analysis = ls.analysis(params.text_document.uri)
        if any(d.severity is Severity.ERROR and d.code[0] == "P" for d in analysis.diagnostics):
            return None  # a file that does not read is not rewritten
        try:
            text = format_document(analysis.doc)
        except ArgmapError:
            return None
        if text == analysis.text:
            return []
        lines = ls.lines(analysis)
        return [types.TextEdit(types.Range(types.Position(0, 0), lines.end()), text)]

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_actions(ls: ArgmapServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        analysis = ls.analysis(params.text_document.uri)
        lines = ls.lines(analysis)
        wanted = params.range
        out = []
        for d in analysis.diagnostics:
            if d.fix is None or d.span is None:
                continue
            at = lines.range(d.span)
            if (at.end.line, at.end.character) < (wanted.start.line, wanted.start.character) or (
                at.start.line, at.start.character) > (wanted.end.line, wanted.end.character):  # fmt: skip
                continue
            edits = [types.TextEdit(lines.range(e.span), e.text) for e in d.fix.edits]
            out.append(types.CodeAction(
                title=d.fix.description, kind=types.CodeActionKind.QuickFix,
                diagnostics=[_diagnostic(d, params.text_document.uri, lines)],
                edit=types.WorkspaceEdit(changes={params.text_document.uri: edits}), is_preferred=True,
            ))  # fmt: skip
        return out

    return server


def _id_item(analysis: Analysis, name: str, role: str) -> types.CompletionItem:
    doc = analysis.doc
    detail: str | None = None
    if role == "proposition" and name in doc.propositions_by_id:
        detail = doc.propositions_by_id[name].text
    elif name in doc.inferences_by_id:
        detail = _inference_line(doc.inferences_by_id[name])
    elif role == "post" and name in doc.posts_by_id:
        detail = f"by {doc.posts_by_id[name].author}"
    kind = types.CompletionItemKind.Folder if role == "post" else types.CompletionItemKind.Reference
    return types.CompletionItem(name, kind=kind, detail=detail)


def _describe(analysis: Analysis, o: Occurrence) -> str | None:
    """What hovering over an id shows: what it is, who said it where, its relations."""
    doc = analysis.doc
    if o.namespace == "post":
        post = doc.posts_by_id.get(o.id)
        if post is None:
            return f"post {o.id}: not in this file"
        head = f"post {post.id} by {post.author}" + (
            f", replying to post {post.reply_to}" if post.reply_to else ""
        )
        said = [f"  {p.kind.value} {p.id}: {p.text}" + ("" if p.own else f" ({_voice(p)})")
                for p in doc.propositions_of(post.id)]  # fmt: skip
        return "\n".join([head, *said])
    if o.id in doc.propositions_by_id:
        p = doc.propositions_by_id[o.id]
        post = doc.posts_by_id.get(p.post) if p.post else None
        lines = [f"{p.kind.value} {p.id}: {p.text}"]
        if post is not None:
            lines.append(f"by {post.author}, post {post.id}")
        if not p.own:
            whose = f"{post.author}'s" if post is not None else "the author's"
            lines.append(f"voice: {_voice(p)} (not {whose} own assertion)")
        if p.anchor:
            lines.append(f"anchor: {p.anchor}")
        lines += _relations(analysis, o.id)
        return "\n".join(lines)
    if o.id in doc.inferences_by_id:
        s = doc.inferences_by_id[o.id]
        post = doc.posts_by_id.get(s.post) if s.post else None
        lines = [f"{s.kind} {s.id}: {_inference_line(s)}"]
        if isinstance(s, Support) and s.scheme:
            lines.append(f"scheme: {s.scheme}")
        if post is not None:
            lines.append(f"by {post.author}, post {post.id}")
        lines += _relations(analysis, o.id)
        return "\n".join(lines)
    return f"{o.id}: not defined in this file"


def _voice(p: Proposition) -> str:
    """``reported by X``, ``supposed``, ``ironic``: a proposition's voice as its line says it."""
    return p.voice.value + (f" by {p.reported_by}" if p.reported_by is not None else "")


def _inference_line(s: Inference) -> str:
    """``a & b -> c``: what a support or a named attack joins."""
    if isinstance(s, Support):
        return f"{' & '.join(s.premises)} -> {s.conclusion}"
    return f"{' & '.join(s.attackers)} -> {s.target}"


def _relations(analysis: Analysis, name: str) -> list[str]:
    doc = analysis.doc
    into = [
        f"  ← {r.kind} from {' & '.join(relation_sources(r)) or r.post or '?'}"
        for r in doc.relations_to(name)
    ]
    out = [f"  → {r.kind} of {relation_target(r)}" for r in doc.relations_from(name)]
    return (["relations in:", *into] if into else []) + (["relations out:", *out] if out else [])


def _post_blocks(analysis: Analysis) -> list[tuple[int, int]]:
    """(first line, last line) of each post: its header to the last non-blank line before the next."""
    starts = [(o.span.line, o.id) for o in analysis.occurrences if o.defines and o.namespace == "post"]
    text_lines = analysis.text.split("\n")
    out = []
    for i, (line, _) in enumerate(starts):
        end = starts[i + 1][0] - 1 if i + 1 < len(starts) else len(text_lines)
        while end > line and not text_lines[end - 1].strip():
            end -= 1
        out.append((line, end))
    return out


def _outline(analysis: Analysis, ls: ArgmapServer) -> list[types.DocumentSymbol]:
    """Posts, each holding its propositions and supports; what belongs to no post at the top."""
    lines = ls.lines(analysis)
    doc = analysis.doc
    defined = {(o.namespace, o.id): o for o in analysis.occurrences if o.defines}

    def item(name: str, kind: types.SymbolKind, detail: str) -> types.DocumentSymbol | None:
        o = defined.get(("item", name))
        if o is None:
            return None
        r = lines.range(o.span)
        whole = types.Range(
            types.Position(r.start.line, 0), lines.position(o.span.line, len(lines.line(o.span.line)) + 1)
        )
        return types.DocumentSymbol(name=name, kind=kind, range=whole, selection_range=r, detail=detail)

    def children(post: str | None) -> list[types.DocumentSymbol]:
        found = [item(p.id, types.SymbolKind.String, p.text) for p in doc.propositions_of(post)]
        found += [item(r.id, types.SymbolKind.Function, f"{' & '.join(r.premises)} -> {r.conclusion}")
                  for r in doc.relations_of(post) if isinstance(r, Support)]  # fmt: skip
        return [s for s in found if s is not None]

    out = children(None)
    blocks = dict(
        zip(
            [o.id for o in analysis.occurrences if o.defines and o.namespace == "post"],
            _post_blocks(analysis),
        )
    )
    for post in doc.posts:
        o = defined.get(("post", post.id))
        if o is None or post.id not in blocks:
            continue
        first, last = blocks[post.id]
        whole = types.Range(types.Position(first - 1, 0), lines.position(last, len(lines.line(last)) + 1))
        out.append(types.DocumentSymbol(
            name=f"post {post.id}", detail=f"by {post.author}", kind=types.SymbolKind.Namespace,
            range=whole, selection_range=lines.range(o.span), children=children(post.id),
        ))  # fmt: skip
    return out
