import * as vscode from 'vscode';

/** Whether anything is at `uri`, on any file system the editor opens. */
export async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
