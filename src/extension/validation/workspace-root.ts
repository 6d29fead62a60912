import * as path from 'node:path';
import * as vscode from 'vscode';

/** The workspace folder a spec belongs to, or its own folder when it is outside every workspace folder. */
export function workspaceRootOf(uri: vscode.Uri): string {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
}
