import * as vscode from 'vscode';
import { baseName } from '../core/text/base-name';

/**
 * Names of files by their URI, the same on every file system the editor opens (a disk, a
 * remote, a browser's virtual workspace): never through `fsPath`, which only a disk has.
 */
export function fileNameOf(uri: vscode.Uri): string {
  return baseName(uri.path);
}

/** The folder that holds the file at `uri`. */
export function folderOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

/** A file as messages name it: its path (on a disk, the same text the desktop's CLI shows). */
export function displayName(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.path;
}
