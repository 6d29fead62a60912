/**
 * F5 on a spec with no launch.json, NN: Debug network and the Debug lens: a configuration of
 * type `nnspec` is filled in from the active spec, checked (a trusted workspace, a spec that
 * validates) and handed to the adapter with the workspace policy, as Train's jobs get it.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { requireTrust, validSpecDocument } from '../commands/spec-document';
import { NNSPEC_LANGUAGE } from '../validation/diagnostics-controller';
import { fileNameOf } from '../uri-names';
import { workspaceRootOf } from '../validation/workspace-root';

export const DEBUG_TYPE = 'nnspec';

/**
 * The adapter is a process that reads the spec and its data from this machine's disk: a spec on
 * a virtual file system (a remote repository opened without a clone) cannot be debugged.
 * Says so, and returns whether the spec is on disk.
 */
function onDisk(uri: vscode.Uri): boolean {
  if (uri.scheme === 'file') return true;
  void vscode.window.showErrorMessage(`nnspec: the debugger reads a spec from this machine's disk, and ${fileNameOf(uri)} is on ${uri.scheme}:. Clone it to debug it; Train, Check gradients and Export work where it is.`);
  return false;
}

/** The configuration for one spec: one evaluation, stopping at its first step. */
export function debugConfigurationFor(uri: vscode.Uri): vscode.DebugConfiguration {
  return { type: DEBUG_TYPE, request: 'launch', name: 'Debug network', spec: uri.fsPath, mode: 'evaluate', stopOnEntry: true };
}

export class SpecDebugConfigurations implements vscode.DebugConfigurationProvider {
  constructor(private readonly ctx: Ctx) {}

  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    return [{ type: DEBUG_TYPE, request: 'launch', name: 'Debug network', spec: '${file}', mode: 'evaluate', stopOnEntry: true }];
  }

  /** Fills in an empty configuration (F5 without launch.json) from the active spec. */
  resolveDebugConfiguration(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration | undefined {
    if (!config.type && !config.request && !config.name) {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.languageId !== NNSPEC_LANGUAGE) return config; // not ours: VS Code asks which debugger
      return onDisk(editor.document.uri) ? debugConfigurationFor(editor.document.uri) : undefined;
    }
    return config;
  }

  /** After variables are substituted: trust, a spec that validates, and the workspace policy. */
  async resolveDebugConfigurationWithSubstitutedVariables(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
    if (typeof config['spec'] !== 'string' || config['spec'] === '') {
      void vscode.window.showErrorMessage('nnspec: the debug configuration needs "spec", the .nnspec file to debug.');
      return undefined;
    }
    if (!(await requireTrust('debug a network'))) return undefined;
    const uri = vscode.Uri.file(config['spec']);
    const document = await validSpecDocument(this.ctx, uri, 'debug it');
    if (!document) return undefined;
    // The adapter reads the file: what the editor shows must be on disk.
    if (document.isDirty && !(await document.save())) return undefined;
    return { ...config, workspaceRoot: config['workspaceRoot'] ?? workspaceRootOf(uri), allowOutside: this.ctx.config.allowOutsideWorkspace };
  }
}

/** The adapter runs as its own Node process (dist/debug-adapter.js), so a stepped network never blocks the extension host. */
export class SpecDebugAdapters implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly extensionUri: vscode.Uri) {}

  createDebugAdapterDescriptor(): vscode.DebugAdapterDescriptor {
    const adapter = vscode.Uri.joinPath(this.extensionUri, 'dist', 'debug-adapter.js').fsPath;
    // In the desktop host process.execPath is the editor's own binary: ELECTRON_RUN_AS_NODE makes it Node.
    return new vscode.DebugAdapterExecutable(process.execPath, [adapter], { env: { ELECTRON_RUN_AS_NODE: '1' } });
  }
}

/** NN: Debug network (palette, lens): starts a session on the given or active spec. */
export function debugCommand(_ctx: Ctx) {
  return async (uri?: unknown): Promise<boolean> => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target || (uri === undefined && vscode.window.activeTextEditor?.document.languageId !== NNSPEC_LANGUAGE)) {
      void vscode.window.showErrorMessage('nnspec: open a .nnspec file to debug it.');
      return false;
    }
    // Asked here, as Train asks: in Restricted Mode VS Code's own start would wait on its trust dialog.
    if (!onDisk(target) || !(await requireTrust('debug a network'))) return false;
    return vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(target), debugConfigurationFor(target));
  };
}
