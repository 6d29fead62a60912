/**
 * A spec's weights file read through vscode.workspace.fs, on any file system the editor
 * opens, by the desktop's rules (data/open-input.ts): a regular file, at most
 * WEIGHTS_INPUT.maxBytes, refused before a byte is read otherwise. Missing is an answer of
 * its own: an inspection shows the initial weights then, an export asks for a training.
 */
import * as vscode from 'vscode';
import { WEIGHTS_INPUT } from '../data/weights-limits';
import type { WeightsTextMessage } from '../protocol/web-worker-protocol';
import { displayName } from './uri-names';

/** The weights file beside the spec, by the desktop's rules: a file, at most WEIGHTS_INPUT.maxBytes. */
export async function readWeightsText(uri: vscode.Uri): Promise<WeightsTextMessage> {
  const file = displayName(uri);
  const failed = (reason: string): WeightsTextMessage => ({ status: 'failed', code: 'weights-unreadable', message: `Cannot read the weights file ${file}: ${reason}.` });
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (!(stat.type & vscode.FileType.File)) return failed(stat.type & vscode.FileType.Directory ? 'it is a directory, not a file' : 'it is not a regular file');
    if (stat.size > WEIGHTS_INPUT.maxBytes) return failed(`it is over the limit of ${WEIGHTS_INPUT.maxBytes} bytes for ${WEIGHTS_INPUT.what}`);
    return { status: 'read', text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { status: 'missing' };
    return failed(error instanceof Error ? error.message : String(error));
  }
}
