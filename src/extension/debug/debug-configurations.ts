/**
 * F5 on a spec with no launch.json, NN: Debug network and the Debug lens: a configuration of
 * type `nnspec` is filled in from the active spec, checked (a trusted workspace, a spec that
 * validates) and handed to the adapter with the workspace policy, as Train's jobs get it.
 * The adapter: a process of its own for a spec on disk; for any other spec (a virtual file
 * system, or every spec in the browser) the inline adapter of web/web-debug-adapter.ts, whose
 * worker is fed through vscode.workspace.fs.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { requireTrust, validSpecDocument } from '../commands/spec-document';
import { NNSPEC_LANGUAGE } from '../validation/diagnostics-controller';
import { workspaceRootOf } from '../validation/workspace-root';
import { WebDebugAdapter } from '../web/web-debug-adapter';
import type { WebJobHost } from '../web/web-worker-job';

export const DEBUG_TYPE = 'nnspec';

/** A spec as the configuration's `spec` names it: its path on disk, else its URI. */
export function specArgumentOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

/** The spec a configuration's `spec` names (a URI with a scheme of two letters or more, else a path). */
export function specUriOf(spec: string): vscode.Uri {
  return /^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(spec) ? vscode.Uri.parse(spec, true) : vscode.Uri.file(spec);
}

/** The configuration for one spec: one evaluation, stopping at its first step. */
export function debugConfigurationFor(uri: vscode.Uri): vscode.DebugConfiguration {
  return { type: DEBUG_TYPE, request: 'launch', name: 'Debug network', spec: specArgumentOf(uri), mode: 'evaluate', stopOnEntry: true };
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
      return debugConfigurationFor(editor.document.uri);
    }
    return config;
  }

  /** After variables are substituted: trust, a spec that validates, and the workspace policy. */
  async resolveDebugConfigurationWithSubstitutedVariables(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
    if (typeof config['spec'] !== 'string' || config['spec'] === '') {
      void vscode.window.showErrorMessage('nnspec: the debug configuration needs "spec", the .nnspec file to debug.');
      return undefined;
    }
    if (!(await requireTrust('debug a network'))) return undefined;
    let uri = specUriOf(config['spec']);
    // `${file}` is a path: in a workspace off disk (the browser, a virtual file system) it is a path of that workspace.
    if (uri.scheme === 'file' && folder && folder.uri.scheme !== 'file' && !/^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(config['spec'])) uri = folder.uri.with({ path: uri.path });
    const document = await validSpecDocument(this.ctx, uri, 'debug it');
    if (!document) return undefined;
    // The adapter reads the file: what the editor shows must be on disk.
    if (document.isDirty && !(await document.save())) return undefined;
    return { ...config, spec: specArgumentOf(uri), workspaceRoot: config['workspaceRoot'] ?? workspaceRootOf(uri), allowOutside: this.ctx.config.allowOutsideWorkspace };
  }
}

/**
 * The adapter runs apart from the extension host, so a stepped network never blocks it: as its
 * own Node process (dist/debug-adapter.js) for a spec on disk, where it can be; otherwise
 * inline, relaying to a worker (`messageHost`'s, a Web Worker in the browser).
 */
export class SpecDebugAdapters implements vscode.DebugAdapterDescriptorFactory {
  constructor(
    private readonly ctx: Ctx,
    private readonly messageHost: WebJobHost,
    private readonly processes: boolean,
  ) {}

  createDebugAdapterDescriptor(session: vscode.DebugSession): vscode.DebugAdapterDescriptor {
    const spec: unknown = session.configuration['spec'];
    const uri = typeof spec === 'string' && spec !== '' ? specUriOf(spec) : undefined;
    if (!this.processes || (uri && uri.scheme !== 'file')) {
      const target = uri ?? vscode.Uri.file('/');
      return new vscode.DebugAdapterInlineImplementation(new WebDebugAdapter(this.messageHost, target, this.ctx.jobs.policyFor(target)));
    }
    const adapter = vscode.Uri.joinPath(this.messageHost.extensionUri, 'dist', 'debug-adapter.js').fsPath;
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
    if (!(await requireTrust('debug a network'))) return false;
    return vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(target), debugConfigurationFor(target));
  };
}
