import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { NNSPEC_LANGUAGE } from '../validation/diagnostics-controller';

/**
 * The spec a command acts on: the one it was given (CodeLens, explorer), else the active
 * editor's. Says why when there is none, or when the spec has errors.
 */
export async function specDocument(ctx: Ctx, uri: unknown, action: string): Promise<vscode.TextDocument | undefined> {
  const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== NNSPEC_LANGUAGE) {
    void vscode.window.showErrorMessage(`nnspec: open a .nnspec file to ${action}.`);
    return undefined;
  }
  return document;
}

/** A spec that validates, or undefined after telling the user what is wrong. */
export async function validSpecDocument(ctx: Ctx, uri: unknown, action: string): Promise<vscode.TextDocument | undefined> {
  const document = await specDocument(ctx, uri, action);
  if (!document) return undefined;
  if (document.isUntitled) {
    void vscode.window.showErrorMessage(`nnspec: save the spec first to ${action}: its data and weights live beside it.`);
    return undefined;
  }
  const errors = ctx.diagnostics.validationOf(document).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    void Promise.resolve(
      vscode.window.showErrorMessage(`nnspec: cannot ${action}: the spec has ${errors.length} error${errors.length === 1 ? '' : 's'}. ${errors[0]!.message}`, 'Show Problems'),
    ).then((choice) => choice === 'Show Problems' && vscode.commands.executeCommand('workbench.actions.view.problems'));
    return undefined;
  }
  return document;
}

/** Training and checks run code on the workspace's data: they need a trusted workspace. */
export async function requireTrust(action: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  // Said, not awaited: the command ends now; the button opens the trust editor if wanted.
  void Promise.resolve(vscode.window.showWarningMessage(`nnspec: to ${action}, trust this workspace first (validation works without trust).`, 'Manage Workspace Trust')).then(
    (choice) => choice === 'Manage Workspace Trust' && vscode.commands.executeCommand('workbench.trust.manage'),
  );
  return false;
}
