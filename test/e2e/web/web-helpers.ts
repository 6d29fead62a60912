// Helpers for the suites that run in the web worker extension host: VS Code's API only (no
// Node: files go through vscode.workspace.fs), waits on events with a deadline, never sleeps.
import * as vscode from 'vscode';
import type { NnspecApi } from '../../../src/extension/activate';

export { waitFor, waitForDiagnostics } from '../lib/wait';

/** A file of the opened workspace folder. */
export function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Writes `text` to a workspace file (replacing it) and returns its URI. */
export async function writeWorkspaceFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** nnspec, activated, in this (the web worker) extension host: its API. */
export async function nnspec(): Promise<NnspecApi> {
  const extension = vscode.extensions.getExtension<NnspecApi>('nnspec.nnspec');
  if (!extension) throw new Error('nnspec is not in this extension host');
  return extension.activate();
}

/** A diagnostic's code, whether VS Code holds it plain or with its link. */
export function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

/** The spec opened in an editor, validated now by the extension: its nnspec diagnostics as published. */
export async function openAndValidate(api: NnspecApi, uri: vscode.Uri): Promise<{ document: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: true });
  api.ctx.diagnostics.validationOf(document);
  return { document, diagnostics: vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'nnspec') };
}
