import * as vscode from 'vscode';
import { folderOf } from '../uri-names';

/** The workspace folder a spec belongs to, or its own folder when it is outside every workspace folder. */
export function workspaceRootOf(uri: vscode.Uri): string {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? folderOf(uri).fsPath;
}
