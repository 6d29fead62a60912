/**
 * Saves a weights file through vscode.workspace.fs as the desktop does on disk
 * (data/atomic-write.ts): written whole to a temporary file beside it, then renamed over it,
 * so an interrupted save never leaves a half-written file. A read-only file system is told
 * apart before anything is written.
 */
import * as vscode from 'vscode';
import type { WeightsSavedMessage } from '../../protocol/web-worker-protocol';
import { displayName } from './workspace-data-files';

let saves = 0;

export async function saveWeightsText(target: vscode.Uri, text: string): Promise<WeightsSavedMessage> {
  const file = displayName(target);
  const failed = (reason: string): WeightsSavedMessage => ({ failure: { code: 'write-failed', message: `Could not write ${file}: ${reason}` } });
  if (vscode.workspace.fs.isWritableFileSystem(target.scheme) === false) return failed(`its file system (${target.scheme}:) is read-only.`);
  const temp = target.with({ path: `${target.path}.${Date.now().toString(36)}-${(saves++).toString(36)}.tmp` });
  try {
    await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
    return { path: file };
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temp)).catch(() => undefined);
    if (error instanceof vscode.FileSystemError && error.code === 'NoPermissions') return failed('the file system refused the write (no permission).');
    return failed(error instanceof Error ? error.message : String(error));
  }
}
