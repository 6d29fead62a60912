// The desktop entry (package.json `main`): the Node extension host.
import type * as vscode from 'vscode';
import { activateOn, deactivateNow, type NnspecApi } from './activate';
import { nodePlatform } from './node-platform';

export type { NnspecApi } from './activate';

export function activate(context: vscode.ExtensionContext): NnspecApi {
  return activateOn(context, nodePlatform(context));
}

export function deactivate(): void {
  deactivateNow();
}
