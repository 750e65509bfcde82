// The argmap extension for VS Code.  The language, its grammar and its language configuration are
// declared in package.json; this file starts the argmap language server (`argmap lsp`, from the argmap
// Python package) over stdio and restarts it when its command changes.  Plain JavaScript: no build.
"use strict";

const path = require("path");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

const DEFAULT_COMMAND = ["argmap", "lsp"];

/** @type {LanguageClient | undefined} */
let client;

/** The server's command from the settings: `${workspaceFolder}` expanded, a relative path taken from it. */
function serverOptions() {
  const setting = vscode.workspace.getConfiguration("argmap").get("server.command");
  const argv =
    Array.isArray(setting) && setting.length > 0 && setting.every((a) => typeof a === "string")
      ? setting
      : DEFAULT_COMMAND;
  const folders = vscode.workspace.workspaceFolders;
  const folder = folders && folders.length > 0 ? folders[0].uri.fsPath : undefined;
  const expand = (arg) => (folder === undefined ? arg : arg.split("${workspaceFolder}").join(folder));
  let [command, ...args] = argv.map(expand);
  if (folder !== undefined && !path.isAbsolute(command) && /[\\/]/.test(command)) {
    command = path.resolve(folder, command);
  }
  // TransportKind.stdio: the client adds --stdio, which `argmap lsp` accepts
  return { command, args, transport: TransportKind.stdio, options: folder === undefined ? {} : { cwd: folder } };
}

async function start() {
  const server = serverOptions();
  const started = new LanguageClient("argmap", "argmap", server, {
    documentSelector: [
      { scheme: "file", language: "argmap" },
      { scheme: "untitled", language: "argmap" },
    ],
  });
  client = started;
  try {
    await started.start();
  } catch (error) {
    const shown = [server.command, ...server.args].join(" ");
    const reason = error && error.message ? error.message : String(error);
    // (not awaited: activation does not wait for the reader)
    vscode.window
      .showErrorMessage(
        `argmap: the language server did not start with \`${shown}\` (${reason}). ` +
          "Install argmap (pip install argmap), or set argmap.server.command to the full path of argmap.",
        "Open Settings",
      )
      .then((choice) => {
        if (choice === "Open Settings") {
          vscode.commands.executeCommand("workbench.action.openSettings", "argmap.server.command");
        }
      });
  }
}

async function stop() {
  const running = client;
  client = undefined;
  if (running !== undefined) {
    try {
      await running.stop();
    } catch {
      // a server that never started has nothing to stop
    }
  }
}

async function restart() {
  await stop();
  await start();
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("argmap.restartServer", restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("argmap.server")) {
        return restart();
      }
      return undefined;
    }),
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
