import * as path from 'node:path';
import * as vscode from 'vscode';
import { modelSummary } from '../../core/spec/model-summary';
import { parseInspectorRequest, type InspectorMessage } from '../../protocol/inspector-protocol';
import type { Ctx } from '../ctx';
import { createNonce, inspectorHtml } from './inspector-html';

export const INSPECTOR_VIEW_TYPE = 'nnspec.inspector';

/**
 * The network inspector beside the editor: one panel, following one spec. It re-draws on
 * every validation of that spec and shows training progress and gradient checks live.
 */
export class InspectorPanel implements vscode.Disposable {
  private static current: InspectorPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;

  /** Opens (or reveals) the inspector on a spec. */
  static createOrShow(ctx: Ctx, uri: vscode.Uri): InspectorPanel {
    if (InspectorPanel.current) {
      InspectorPanel.current.follow(uri);
      InspectorPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      return InspectorPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(INSPECTOR_VIEW_TYPE, 'Network inspector', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(ctx));
    InspectorPanel.current = new InspectorPanel(ctx, panel, uri);
    return InspectorPanel.current;
  }

  /** Restores a panel after a window reload (the serializer's state holds the spec). */
  static revive(ctx: Ctx, panel: vscode.WebviewPanel, state: unknown): void {
    const file = (state as { file?: unknown } | undefined)?.file;
    panel.webview.options = webviewOptions(ctx);
    InspectorPanel.current = new InspectorPanel(ctx, panel, typeof file === 'string' ? vscode.Uri.parse(file) : undefined);
  }

  static get instance(): InspectorPanel | undefined {
    return InspectorPanel.current;
  }

  private constructor(
    private readonly ctx: Ctx,
    readonly panel: vscode.WebviewPanel,
    private uri: vscode.Uri | undefined,
  ) {
    const dist = vscode.Uri.joinPath(ctx.extension.extensionUri, 'dist', 'webview');
    panel.webview.html = inspectorHtml(panel.webview, panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'main.js')), panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'main.css')), createNonce());
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      ctx.diagnostics.onDidValidate((document) => this.isFollowed(document.uri) && this.postSpec(document)),
      ctx.jobs.onProgress(({ uri, progress }) => this.isFollowed(uri) && this.post({ type: 'progress', progress })),
      ctx.jobs.onFinished(({ uri, kind, event }) => {
        if (!this.isFollowed(uri)) return;
        if (kind === 'train' && event.type === 'trained') this.post({ type: 'training-finished', reason: event.summary.reason, finalCost: event.summary.finalCost });
        if (kind === 'check' && event.type === 'checked') this.post({ type: 'gradient-check', report: event.report });
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor?.document.languageId === 'nnspec' && this.follow(editor.document.uri)),
    );
  }

  /** The spec the panel shows. */
  get followed(): vscode.Uri | undefined {
    return this.uri;
  }

  private follow(uri: vscode.Uri): void {
    this.uri = uri;
    this.panel.title = `Inspector: ${path.basename(uri.fsPath)}`;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document) this.postSpec(document);
  }

  private isFollowed(uri: vscode.Uri): boolean {
    return this.uri?.toString() === uri.toString();
  }

  private receive(raw: unknown): void {
    const request = parseInspectorRequest(raw);
    if (!request) return;
    switch (request.type) {
      case 'ready':
        this.ready = true;
        if (this.uri) this.follow(this.uri);
        return;
      case 'reveal-layer':
        return;
      default: {
        const never: never = request;
        return never;
      }
    }
  }

  private postSpec(document: vscode.TextDocument): void {
    const validation = this.ctx.diagnostics.validationOf(document);
    const errors = validation.diagnostics.filter((d) => d.severity === 'error').length;
    const file = path.basename(document.uri.fsPath);
    if (!validation.spec) {
      this.post({ type: 'spec', file, valid: false, errors });
      return;
    }
    const summary = modelSummary(validation.spec.layers);
    this.post({ type: 'spec', file, valid: true, errors: 0, layers: summary.layers, total: summary.total });
  }

  private post(message: InspectorMessage): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (InspectorPanel.current === this) InspectorPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
    this.panel.dispose();
  }
}

function webviewOptions(ctx: Ctx): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(ctx.extension.extensionUri, 'dist', 'webview')] };
}
