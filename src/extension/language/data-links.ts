import * as vscode from 'vscode';
import { dataFileLink } from '../../core/spec/data-file-link';
import type { DataFiles } from '../platform';
import { toRange } from '../positions';

/**
 * The `csv:` path as a link to the file, resolved as validation resolves it. A missing file
 * still gets its link (VS Code then offers to create it); its diagnostic says it is missing.
 */
export class SpecDataLinks implements vscode.DocumentLinkProvider {
  constructor(private readonly files: DataFiles) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    // An unsaved spec has no folder to resolve a relative path against.
    if (document.isUntitled) return [];
    const link = dataFileLink(document.getText());
    if (!link) return [];
    const target = this.files.uriOf(this.files.specDirOf(document.uri), link.path);
    const out = new vscode.DocumentLink(toRange(document, link.range), target);
    out.tooltip = `Open ${link.path}`;
    return [out];
  }
}
