// The fixture's browser entry, for VS Code's web worker extension host: the language part
// (diagnostics) and a command saying where it runs. Only `require('vscode')` is available
// there, so this file requires nothing else; extension.js (Node) reuses it.
const vscode = require('vscode');

/** Every word "bad" in a .nnfix file is an error at its exact range. */
function validate(document, collection) {
  if (document.languageId !== 'nnspec-fixture') return;
  const diagnostics = [];
  const text = document.getText();
  for (const match of text.matchAll(/\bbad\b/g)) {
    const range = new vscode.Range(document.positionAt(match.index), document.positionAt(match.index + 3));
    const diagnostic = new vscode.Diagnostic(range, 'fixture: "bad" is not allowed', vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'nnspec-fixture';
    diagnostic.code = 'FIX001';
    diagnostics.push(diagnostic);
  }
  collection.set(document.uri, diagnostics);
}

/** 'web' in a web worker (the web worker extension host), 'node' in the Node one. */
function where() {
  return typeof importScripts === 'function' ? 'web' : 'node';
}

/** Diagnostics and the where command: what both entries register. */
function activateLanguage(context) {
  const collection = vscode.languages.createDiagnosticCollection('nnspec-fixture');
  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument((doc) => validate(doc, collection)),
    vscode.workspace.onDidChangeTextDocument((event) => validate(event.document, collection)),
    vscode.workspace.onDidCloseTextDocument((doc) => collection.delete(doc.uri)),
    vscode.commands.registerCommand('nnspecFixture.where', where),
  );
  for (const doc of vscode.workspace.textDocuments) validate(doc, collection);
}

module.exports = { activate: activateLanguage, deactivate() {}, activateLanguage };
