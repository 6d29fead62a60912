// One check both host suites run: the unknown-value quick fix on a spec at `uri` (XOR with
// `sigmoidd` on layer 2) is offered, applies, and clears every error.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForDiagnostics } from './wait';

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

/** The spec the check runs on: XOR_SPEC with an unknown activation at line 5, characters 16–24. */
export const unknownActivation = (spec: string): string => spec.replace('    activation: sigmoid\n  - units: 1', '    activation: sigmoidd\n  - units: 1');

export async function assertUnknownValueFixApplies(uri: vscode.Uri): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri);
  const [diagnostic] = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'unknown-value'));
  assert.deepEqual([diagnostic!.range.start.line, diagnostic!.range.start.character, diagnostic!.range.end.character], [4, 16, 24]);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic!.range);
  const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.edit);
  assert.ok(fix, `no quick fix among ${actions.map((a) => a.title).join(', ')}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit!));
  assert.match(editor.document.getText(), /activation: sigmoid\n {2}- units: 1/);
  await waitForDiagnostics(uri, (ds) => ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length === 0);
}
