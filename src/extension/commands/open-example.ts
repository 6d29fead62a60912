import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { SHIPPED_EXAMPLES } from '../shipped-examples';

/**
 * Open example: copies a shipped example (and its data folder) into the extension's
 * storage, where training may write weights beside it, opens it, and optionally runs a
 * command on it (the walkthrough's "open the example and train it" links).
 */
export function openExampleCommand(ctx: Ctx) {
  return async (name?: unknown, thenCommand?: unknown): Promise<vscode.Uri | undefined> => {
    const example = typeof name === 'string' && (SHIPPED_EXAMPLES as readonly string[]).includes(name) ? name : await pick();
    if (!example) return undefined;
    const source = path.join(ctx.extension.extensionPath, 'examples');
    const target = path.join(ctx.extension.globalStorageUri.fsPath, 'examples');
    await fs.mkdir(target, { recursive: true });
    await fs.cp(source, target, { recursive: true, force: false, errorOnExist: false });
    const uri = vscode.Uri.file(path.join(target, example));
    await vscode.window.showTextDocument(uri);
    if (typeof thenCommand === 'string' && thenCommand.startsWith('nnspec.')) await vscode.commands.executeCommand(thenCommand, uri);
    return uri;
  };
}

async function pick(): Promise<string | undefined> {
  return vscode.window.showQuickPick([...SHIPPED_EXAMPLES], { placeHolder: 'Which example?' });
}
