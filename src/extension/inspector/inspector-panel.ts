import * as vscode from 'vscode';
import { fileNameOf } from '../uri-names';
import { outlineSpec } from '../../core/spec/outline';
import { parseInspectorRequest, type InspectorMessage } from '../../protocol/inspector-protocol';
import type { Ctx } from '../ctx';
import { toRange } from '../positions';
import { InspectorFeed } from './inspector-feed';
import { createNonce, inspectorHtml } from './inspector-html';

export const INSPECTOR_VIEW_TYPE = 'nnspec.inspector';

/** What the open-inspector command returns: enough for tests to check the panel's security. */
export interface InspectorDescription {
  readonly viewType: string;
  readonly html: string;
  /** The webview's own resource origin(s), the only sources the CSP names besides the nonce. */
  readonly cspSource: string;
  readonly enableScripts: boolean;
  readonly localResourceRoots: readonly string[];
  readonly followed?: string;
}

/**
 * The network inspector beside the editor: one panel, following one spec. It re-draws on
 * every validation of that spec and shows training progress and gradient checks live.
 * Not retained when hidden: the webview keeps its own state (setState) and asks again.
 */
export class InspectorPanel implements vscode.Disposable {
  private static current: InspectorPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly feed: InspectorFeed;
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

  /** Restores a panel after a window reload (the webview's saved state holds the spec's URI). */
  static revive(ctx: Ctx, panel: vscode.WebviewPanel, state: unknown): void {
    const uri = (state as { uri?: unknown } | undefined)?.uri;
    panel.webview.options = webviewOptions(ctx);
    InspectorPanel.current?.dispose();
    InspectorPanel.current = new InspectorPanel(ctx, panel, typeof uri === 'string' ? parseUri(uri) : undefined);
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
    panel.iconPath = new vscode.ThemeIcon('graph');
    panel.webview.html = inspectorHtml(panel.webview, panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'main.js')), panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'main.css')), createNonce());
    // The feed follows the spec's trainings from now on, a running one included.
    this.feed = new InspectorFeed(ctx, () => this.uri, (message) => this.post(message));
    if (uri) this.panel.title = panelTitle(uri);
    this.disposables.push(
      this.feed,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      // Hidden webviews are torn down (no retainContextWhenHidden): they say `ready` again when shown.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor?.document.languageId === 'nnspec' && this.follow(editor.document.uri)),
    );
  }

  /** The spec the panel shows. */
  get followed(): vscode.Uri | undefined {
    return this.uri;
  }

  describe(): InspectorDescription {
    const options = this.panel.webview.options;
    return {
      viewType: this.panel.viewType,
      html: this.panel.webview.html,
      cspSource: this.panel.webview.cspSource,
      enableScripts: options.enableScripts === true,
      localResourceRoots: (options.localResourceRoots ?? []).map((u) => u.toString()),
      ...(this.uri ? { followed: this.uri.toString() } : {}),
    };
  }

  private follow(uri: vscode.Uri): void {
    if (this.isFollowed(uri)) return;
    this.uri = uri;
    this.panel.title = panelTitle(uri);
    this.feed.followedChanged();
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
        this.feed.refresh();
        return;
      case 'reveal-layer':
        void this.revealLayer(request.layer);
        return;
      case 'select-example':
        this.feed.selectExample(request.example);
        return;
      default: {
        const never: never = request;
        return never;
      }
    }
  }

  /** Shows layer `layer` (1-based) of the followed spec in its editor. */
  private async revealLayer(layer: number): Promise<void> {
    if (!this.uri) return;
    const document = await vscode.workspace.openTextDocument(this.uri);
    const range = outlineSpec(document.getText()).layers[layer - 1];
    if (!range) return;
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const target = toRange(document, range);
    // Selected from the end back to the start, so the cursor sits on the layer's first line.
    editor.selection = new vscode.Selection(target.end, target.start);
    editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
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

/** "Inspector: xor", without the extension, so the tab is not mistaken for the spec's own. */
function panelTitle(uri: vscode.Uri): string {
  return `Inspector: ${fileNameOf(uri).replace(/\.nnspec$/i, '')}`;
}

function parseUri(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}

function webviewOptions(ctx: Ctx): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(ctx.extension.extensionUri, 'dist', 'webview')] };
}
