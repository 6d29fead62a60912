/**
 * Writes a file through vscode.workspace.fs as data/atomic-write.ts does on disk: whole to
 * a temporary file beside it, then renamed over it, so an interrupted write never leaves a
 * half-written file. Any file system the editor opens (a disk, a remote, a browser's virtual
 * workspace); a read-only one is told apart before anything is written.
 */
import * as vscode from 'vscode';

export type WriteOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

let writes = 0;

/** Writes `contents` to `target`; the reason of a failure completes "Could not write FILE: …". */
export async function writeFileAtomically(target: vscode.Uri, contents: Uint8Array | string): Promise<WriteOutcome> {
  if (vscode.workspace.fs.isWritableFileSystem(target.scheme) === false) return { ok: false, reason: `its file system (${target.scheme}:) is read-only.` };
  const temp = target.with({ path: `${target.path}.${Date.now().toString(36)}-${(writes++).toString(36)}.tmp` });
  try {
    await vscode.workspace.fs.writeFile(temp, typeof contents === 'string' ? new TextEncoder().encode(contents) : contents);
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
    return { ok: true };
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temp)).catch(() => undefined);
    if (error instanceof vscode.FileSystemError && error.code === 'NoPermissions') return { ok: false, reason: 'the file system refused the write (no permission).' };
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
