// The browser entry (package.json `browser`): the web worker extension host.
import type * as vscode from 'vscode';
import { activateOn, deactivateNow, type NnspecApi } from './activate';
import { webPlatform } from './web/web-platform';

export function activate(context: vscode.ExtensionContext): NnspecApi {
  return activateOn(context, webPlatform(context));
}

export function deactivate(): void {
  deactivateNow();
}
