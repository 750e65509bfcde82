"""The VS Code extension (editors/vscode): its manifest points at files that exist and agree with argmap
(the language, the grammar, the server's command), its settings and word pattern match the language,
extension.js starts ``argmap lsp`` over stdio as configured (with stand-ins for VS Code and the LSP
client), and the whole packages into a .vsix with vsce (slow: npm installs, cached in .tools/vsce).
Without node (and npm, for the .vsix) those tests are skipped.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from argmap._highlight import textmate
from argmap._language.lexicon import FIRST, TERMINALS
from npm_tools import npm_tools

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "editors/vscode"
#: vsce, the packager (3.x runs on Node 20; 4.x wants Node 22)
VSCE = ("@vscode/vsce@3.9.2",)


def manifest() -> dict:
    return json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))


def language_configuration() -> dict:
    return json.loads((EXTENSION / "language-configuration.json").read_text(encoding="utf-8"))


def needs_node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (scripts/bootstrap installs it)")
    return node


# ---- the manifest ------------------------------------------------------------------------------
def test_the_manifest_points_at_files_that_exist():
    m = manifest()
    assert (m["name"], m["publisher"]) == ("argmap", "argmap") and re.fullmatch(
        r"\d+\.\d+\.\d+", m["version"]
    )
    assert (EXTENSION / m["main"]).is_file()
    (language,) = m["contributes"]["languages"]
    assert language["id"] == "argmap" and language["extensions"] == [".argmap"]
    assert (EXTENSION / language["configuration"]).is_file()
    grammars = m["contributes"]["grammars"]
    for grammar in grammars:
        assert (EXTENSION / grammar["path"]).is_file(), grammar["path"]
        assert (
            json.loads((EXTENSION / grammar["path"]).read_text(encoding="utf-8"))["scopeName"]
            == grammar["scopeName"]
        )
    (main,) = [g for g in grammars if "language" in g]
    assert main["language"] == "argmap" and main["scopeName"] == textmate.SCOPE_NAME
    assert main["path"] == "./syntaxes/argmap.tmLanguage.json"
    (injection,) = [g for g in grammars if "injectTo" in g]
    assert injection["embeddedLanguages"] == {"meta.embedded.block.argmap": "argmap"}
    for file in ("README.md", "LICENSE", ".vscodeignore"):
        assert (EXTENSION / file).is_file(), file


def test_the_license_is_the_projects_own():
    assert (EXTENSION / "LICENSE").read_text(encoding="utf-8") == (ROOT / "LICENSE").read_text(
        encoding="utf-8"
    )


def test_the_server_command_defaults_to_argmap_lsp():
    from argmap._cli import build_parser

    settings = manifest()["contributes"]["configuration"]["properties"]
    command = settings["argmap.server.command"]
    assert command["default"] == ["argmap", "lsp"] and command["type"] == "array"
    # the extension adds --stdio (vscode-languageclient's stdio transport): argmap lsp takes it
    assert build_parser().parse_args(["lsp", "--stdio"]).stdio
    # a folder you open does not choose the program that runs
    restricted = manifest()["capabilities"]["untrustedWorkspaces"]["restrictedConfigurations"]
    assert restricted == ["argmap.server.command"]
    assert "argmap.trace.server" in settings


def test_the_language_client_is_a_pinned_major_version():
    m = manifest()
    assert re.fullmatch(r"\^\d+\.\d+\.\d+", m["dependencies"]["vscode-languageclient"])
    lock = json.loads((EXTENSION / "package-lock.json").read_text(encoding="utf-8"))
    locked = lock["packages"]["node_modules/vscode-languageclient"]["version"]
    assert locked.split(".")[0] == m["dependencies"]["vscode-languageclient"][1:].split(".")[0]
    assert lock["packages"][""]["dependencies"] == m["dependencies"]
    # the client's own minimum VS Code is the extension's
    client_engine = lock["packages"]["node_modules/vscode-languageclient"]["engines"]["vscode"]
    assert m["engines"]["vscode"] == client_engine


def test_the_language_configuration_fits_the_language():
    conf = language_configuration()
    comment_mark = next(word for word, rule in FIRST.items() if rule == "comment")
    assert conf["comments"] == {"lineComment": comment_mark}
    assert {"open": '"', "close": '"', "notIn": ["string", "comment"]} in conf["autoClosingPairs"]
    assert conf["folding"]["offSide"] is True  # a post folds with the lines indented under it
    assert re.match(conf["indentationRules"]["increaseIndentPattern"], "post 1 by ann")
    assert not re.match(conf["indentationRules"]["increaseIndentPattern"], "posts")
    body_mark = next(word for word, rule in FIRST.items() if rule == "body")
    assert conf["onEnterRules"][0]["action"]["appendText"] == f"{body_mark} "


#: strings to find words in: ids of any script, and what is no id (or only partly one)
WORDS = ["c1", "c6.2", "s-analogy", "14", "주장1", "naïve", "x_y", "c1.", "a-", "-x", "🎉a", "e\u0301", "Ⅻ",
         "x²",
         "a..b", "«c1»", " s10.3 "]  # fmt: skip


def test_the_word_pattern_finds_ids_as_the_grammar_does():
    """VS Code reads the word pattern as a JavaScript regex, whose \\w is ASCII only: the pattern spells
    out letters and numbers of every script, and finds in each string the id the grammar finds."""
    node = needs_node()
    word = language_configuration()["wordPattern"]
    script = (
        "const [p, f, words] = JSON.parse(process.argv[1]);"
        "const re = new RegExp(p, f + 'g');"
        "console.log(JSON.stringify(words.map((w) => { re.lastIndex = 0; const m = re.exec(w);"
        " return m ? m[0] : null; })));"
    )
    proc = subprocess.run([node, "-e", script, json.dumps([word["pattern"], word["flags"], WORDS])],
                          capture_output=True, text=True, check=True, timeout=60)  # fmt: skip
    found = json.loads(proc.stdout)
    expected = [m.group(0) if (m := re.search(TERMINALS["ID"], w)) else None for w in WORDS]
    differ = [(w, f, e) for w, f, e in zip(WORDS, found, expected, strict=True) if f != e]
    # Python's \w leaves out combining marks, which VS Code may keep in a word: "é" written as e + ◌́
    assert differ == [("e\u0301", "e\u0301", "e")]


# ---- extension.js, with stand-ins for VS Code and vscode-languageclient ------------------------------
STAND_INS = r"""
const Module = require("module");
const [extension, setting, folder, fails] = JSON.parse(process.argv[1]);
const calls = [];
const vscode = {
  workspace: {
    getConfiguration: (section) => ({
      get: (key) => (section === "argmap" && key === "server.command" ? setting : undefined),
    }),
    workspaceFolders: folder ? [{ uri: { fsPath: folder } }] : undefined,
    onDidChangeConfiguration: (listener) => { calls.push(["listen"]); return { dispose() {} }; },
  },
  commands: {
    registerCommand: (id) => { calls.push(["command", id]); return { dispose() {} }; },
    executeCommand: async () => undefined,
  },
  window: { showErrorMessage: async (message) => { calls.push(["error", message]); return undefined; } },
};
class LanguageClient {
  constructor(id, name, server, client) { calls.push(["client", id, name, server, client]); }
  async start() { calls.push(["start"]); if (fails) throw new Error("spawn argmap ENOENT"); }
  async stop() { calls.push(["stop"]); }
}
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === "vscode") return vscode;
  if (request === "vscode-languageclient/node") {
    return { LanguageClient, TransportKind: { stdio: 0, ipc: 1, pipe: 2 } };
  }
  return load.call(this, request, ...rest);
};
const ext = require(extension);
(async () => {
  const context = { subscriptions: [] };
  await ext.activate(context);
  calls.push(["subscriptions", context.subscriptions.length]);
  await new Promise((resolve) => setTimeout(resolve, 10));
  await ext.deactivate();
  console.log(JSON.stringify(calls));
})();
"""


def run_extension(setting: object, folder: str | None = None, fails: bool = False) -> list[list]:
    node = needs_node()
    args = json.dumps([str(EXTENSION / "extension.js"), setting, folder, fails])
    proc = subprocess.run(
        [node, "-e", STAND_INS, args], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_the_extension_starts_argmap_lsp_over_stdio_and_stops_it():
    calls = run_extension(None)
    (client,) = [c for c in calls if c[0] == "client"]
    _, client_id, _, server, options = client
    assert client_id == "argmap"  # so argmap.trace.server is the client's trace setting
    assert server == {"command": "argmap", "args": ["lsp"], "transport": 0, "options": {}}
    assert {"scheme": "file", "language": "argmap"} in options["documentSelector"]
    assert ["command", "argmap.restartServer"] in calls and ["listen"] in calls
    assert [c[0] for c in calls if c[0] in ("start", "stop")] == ["start", "stop"]
    assert ["subscriptions", 2] in calls


def test_the_configured_command_is_taken_from_the_workspace_folder():
    calls = run_extension(["${workspaceFolder}/.venv/bin/argmap", "lsp"], folder="/home/me/thread")
    (server,) = [c[3] for c in calls if c[0] == "client"]
    assert server["command"] == "/home/me/thread/.venv/bin/argmap" and server["args"] == ["lsp"]
    assert server["options"] == {"cwd": "/home/me/thread"}
    calls = run_extension([".venv/bin/argmap", "lsp", "--verbose"], folder="/home/me/thread")
    (server,) = [c[3] for c in calls if c[0] == "client"]
    assert server["command"] == "/home/me/thread/.venv/bin/argmap" and server["args"] == ["lsp", "--verbose"]
    calls = run_extension([], folder="/home/me/thread")  # nothing usable: the default
    assert [c[3]["command"] for c in calls if c[0] == "client"] == ["argmap"]


def test_a_server_that_does_not_start_is_explained():
    calls = run_extension(None, fails=True)
    (message,) = [c[1] for c in calls if c[0] == "error"]
    assert (
        "`argmap lsp`" in message and "spawn argmap ENOENT" in message and "argmap.server.command" in message
    )


# ---- the .vsix ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_extension_packages_into_a_vsix(tmp_path):
    vsce = npm_tools("vsce", VSCE) / ".bin" / "vsce"
    npm = shutil.which("npm")
    assert npm is not None
    copy = tmp_path / "vscode"
    shutil.copytree(EXTENSION, copy, ignore=shutil.ignore_patterns("node_modules", "*.vsix"))
    # the locked dependencies (npm's cache keeps a rerun off the network)
    install = [npm, "ci", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error", "--prefer-offline"]
    proc = subprocess.run(install, cwd=copy, capture_output=True, text=True, timeout=600, check=False)
    if proc.returncode != 0:
        pytest.skip(f"npm could not install the extension's dependencies: {proc.stderr.strip()[-400:]}")
    vsix = tmp_path / "argmap.vsix"
    package = [str(vsce), "package", "--allow-missing-repository", "--out", str(vsix)]
    proc = subprocess.run(
        package, cwd=copy, capture_output=True, text=True, timeout=600, check=False, stdin=subprocess.DEVNULL
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with zipfile.ZipFile(vsix) as z:
        names = set(z.namelist())
        packed = json.loads(z.read("extension/package.json"))
        grammar = z.read("extension/syntaxes/argmap.tmLanguage.json").decode("utf-8")
    expected = [
        "package.json",
        "extension.js",
        "language-configuration.json",
        "syntaxes/argmap.tmLanguage.json",
        "syntaxes/argmap.markdown.tmLanguage.json",
        "node_modules/vscode-languageclient/package.json",
        "node_modules/vscode-languageclient/lib/node/main.js",
        "LICENSE.txt",
        "readme.md",
    ]
    assert [name for name in expected if f"extension/{name}" not in names] == []
    assert grammar == textmate.render()
    assert packed["contributes"] == manifest()["contributes"]
    assert not [n for n in names if n.endswith((".vsix", ".ts", ".map"))]
