import * as vscode from 'vscode';
import { fileExists } from '../file-exists';
import type { Ctx } from '../ctx';
import { SHIPPED_EXAMPLES } from '../shipped-examples';

/**
 * Open example: copies a shipped example (and its data folder) into the extension's
 * storage, where training may write weights beside it, opens it, and optionally runs a
 * command on it (the walkthrough's "open the example and train it" links). Files go through
 * vscode.workspace.fs, so this works on a disk and in the browser alike.
 */
export function openExampleCommand(ctx: Ctx) {
  return async (name?: unknown, thenCommand?: unknown): Promise<vscode.Uri | undefined> => {
    const example = typeof name === 'string' && (SHIPPED_EXAMPLES as readonly string[]).includes(name) ? name : await pick();
    if (!example) return undefined;
    const target = vscode.Uri.joinPath(ctx.extension.globalStorageUri, 'examples');
    await copyMissing(vscode.Uri.joinPath(ctx.extension.extensionUri, 'examples'), target);
    const uri = vscode.Uri.joinPath(target, example);
    await vscode.window.showTextDocument(uri);
    if (typeof thenCommand === 'string' && thenCommand.startsWith('nnspec.')) await vscode.commands.executeCommand(thenCommand, uri);
    return uri;
  };
}

/** Copies the files under `source` that `target` lacks: an example the user has edited (or trained) is kept as it is. */
async function copyMissing(source: vscode.Uri, target: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.createDirectory(target);
  for (const [name, type] of await vscode.workspace.fs.readDirectory(source)) {
    const from = vscode.Uri.joinPath(source, name);
    const to = vscode.Uri.joinPath(target, name);
    if (type & vscode.FileType.Directory) await copyMissing(from, to);
    else if (type & vscode.FileType.File && !(await fileExists(to))) await vscode.workspace.fs.copy(from, to, { overwrite: false });
  }
}

async function pick(): Promise<string | undefined> {
  return vscode.window.showQuickPick([...SHIPPED_EXAMPLES], { placeHolder: 'Which example?' });
}
