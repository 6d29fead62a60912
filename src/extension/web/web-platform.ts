import * as vscode from 'vscode';
import { DEBUG_TYPE } from '../debug/debug-configurations';
import type { Platform } from '../platform';
import { NO_DEBUGGER_MESSAGE, unavailableJob } from './unavailable-job';
import { WorkspaceDataFiles } from './workspace-data-files';

/**
 * The browser's edge (the web worker extension host: vscode.dev, github.dev, code-server's
 * web host): files through vscode.workspace.fs. Jobs need the training worker of the
 * browser build, which has not landed yet: until then each says so, and nothing else.
 */
export function webPlatform(_context: vscode.ExtensionContext): Platform {
  return {
    kind: 'web',
    dataFiles: new WorkspaceDataFiles(),
    startJob: () => unavailableJob(),
    registerExtras: (ctx) => {
      // F5 on a spec would otherwise end in VS Code's "no debug adapter": say why instead.
      ctx.own(
        vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, {
          resolveDebugConfiguration: () => {
            void vscode.window.showErrorMessage(`nnspec: ${NO_DEBUGGER_MESSAGE}`);
            return undefined;
          },
        }),
      );
    },
  };
}
