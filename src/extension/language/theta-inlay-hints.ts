import * as vscode from 'vscode';
import { thetaHints } from '../../core/spec/theta-hints';
import type { Ctx } from '../ctx';

/** On each layer's line after the first: the shape and parameter count of the Θ^(l) that produces it. */
export class ThetaInlayHints implements vscode.InlayHintsProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;

  constructor(private readonly ctx: Ctx) {
    ctx.own(ctx.diagnostics.onDidValidate(() => this.changed.fire()));
    ctx.own(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('nnspec.inlayHints') && this.changed.fire()));
    ctx.own(this.changed);
  }

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    if (!this.ctx.config.inlayHintsEnabled) return [];
    return thetaHints(document.getText()).flatMap((hint) => {
      const at = document.positionAt(hint.offset);
      if (!range.contains(at)) return [];
      const out = new vscode.InlayHint(at, hint.label);
      out.tooltip = hint.tooltip;
      out.paddingLeft = true;
      return [out];
    });
  }
}
