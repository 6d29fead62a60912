import * as vscode from 'vscode';
import type { DiagnosticsController } from '../validation/diagnostics-controller';
import { toRange } from '../positions';

/**
 * Quick fixes come from the core: a diagnostic that knows its repair carries a `fix`
 * (a replacement over an offset range). The edit touches only that range, so the user's
 * comments and formatting elsewhere stay as they were.
 */
export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: DiagnosticsController) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const validation = this.diagnostics.validationOf(document);
    const actions: vscode.CodeAction[] = [];
    for (const d of validation.diagnostics) {
      if (!d.fix) continue;
      const where = toRange(document, d.range);
      if (!where.intersection(range) && !context.diagnostics.some((v) => v.range.isEqual(where))) continue;
      const action = new vscode.CodeAction(d.fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, toRange(document, d.fix.range), d.fix.text);
      action.diagnostics = context.diagnostics.filter((v) => v.range.isEqual(where) && codeOf(v) === d.code);
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}
