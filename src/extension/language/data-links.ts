import * as vscode from 'vscode';
import { dataFileLink } from '../../core/spec/data-file-link';
import { dataFilePath } from '../../data/resolve-data-path';
import { toRange } from '../positions';
import { specDirOf } from '../validation/spec-validator';

/**
 * The `csv:` path as a link to the file, resolved as validation resolves it. A missing file
 * still gets its link (VS Code then offers to create it); its diagnostic says it is missing.
 */
export class SpecDataLinks implements vscode.DocumentLinkProvider {
  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    // An unsaved spec has no folder to resolve a relative path against.
    if (document.uri.scheme !== 'file') return [];
    const link = dataFileLink(document.getText());
    if (!link) return [];
    const target = vscode.Uri.file(dataFilePath(specDirOf(document), link.path));
    const out = new vscode.DocumentLink(toRange(document, link.range), target);
    out.tooltip = `Open ${link.path}`;
    return [out];
  }
}
