// Tokenize argmap text with the real TextMate engine of VS Code (vscode-textmate + vscode-oniguruma).
//
//   NODE_PATH=.tools/textmate/node_modules node tests/editors/tokenize.js GRAMMAR.json [INJECTION.json]
//
// Reads requests from standard input, one JSON array of texts per line, and answers each with one
// line: for every text, its lines, each a list of tokens {"text": ..., "scopes": [...]}.  The engine
// reports a broken grammar (an endless loop, a regex it cannot compile) on standard error.
// With INJECTION.json (the extension's grammar for ```argmap blocks in Markdown), the texts are
// Markdown: a stand-in grammar for Markdown, with nothing of its own, hosts the injection.
"use strict";

const fs = require("fs");
const path = require("path");
const readline = require("readline");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const [grammarPath, injectionPath] = process.argv.slice(2);
const MARKDOWN = "text.html.markdown";
const wasm = fs.readFileSync(path.join(path.dirname(require.resolve("vscode-oniguruma")), "onig.wasm"));
const onigLib = oniguruma.loadWASM(wasm.buffer).then(() => ({
  createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
  createOnigString: (s) => new oniguruma.OnigString(s),
}));
const read = (file) => vsctm.parseRawGrammar(fs.readFileSync(file, "utf8"), file);
const injection = injectionPath ? read(injectionPath) : null;
const registry = new vsctm.Registry({
  onigLib,
  loadGrammar: async (scopeName) => {
    if (scopeName === "source.argmap") return read(grammarPath);
    if (injection && scopeName === injection.scopeName) return injection;
    if (injection && scopeName === MARKDOWN) return { scopeName, patterns: [], repository: {} };
    return null;
  },
  getInjections: (scopeName) => (injection && scopeName === MARKDOWN ? [injection.scopeName] : []),
});

function tokenize(grammar, text) {
  let state = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

const start = injection ? MARKDOWN : "source.argmap";
registry.loadGrammar(start).then((grammar) => {
  if (!grammar) throw new Error(`no grammar ${start}`);
  const input = readline.createInterface({ input: process.stdin, terminal: false, crlfDelay: Infinity });
  input.on("line", (request) => {
    const texts = JSON.parse(request);
    process.stdout.write(JSON.stringify(texts.map((text) => tokenize(grammar, text))) + "\n");
  });
}).catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
