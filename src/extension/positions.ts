import * as vscode from 'vscode';
import type { OffsetRange } from '../core/diagnostic';

/** The core speaks in offsets; VS Code in positions. This is the one place they meet. */
export function toRange(document: vscode.TextDocument, range: OffsetRange): vscode.Range {
  return new vscode.Range(document.positionAt(range[0]), document.positionAt(range[1]));
}

export function toOffsetRange(document: vscode.TextDocument, range: vscode.Range): OffsetRange {
  return [document.offsetAt(range.start), document.offsetAt(range.end)];
}
