import * as vscode from 'vscode';
import { outlineSpec } from '../../core/spec/outline';
import type { Ctx } from '../ctx';
import { toRange } from '../positions';

/**
 * Above `layers:`: Train, Check gradients, Inspect. After a gradient check, a lens on each
 * layer entry with its verdict and relative difference.
 */
export class SpecCodeLenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly ctx: Ctx) {
    ctx.own(ctx.checkResults.onDidChange(() => this.changed.fire()));
    ctx.own(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('nnspec.codeLens') && this.changed.fire()));
    ctx.own(this.changed);
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.ctx.config.codeLensEnabled) return [];
    const outline = outlineSpec(document.getText());
    if (!outline.layersKey) return [];
    const at = toRange(document, outline.layersKey);
    const lenses = [
      new vscode.CodeLens(at, { title: '$(play) Train', command: 'nnspec.train', arguments: [document.uri] }),
      new vscode.CodeLens(at, { title: '$(debug-alt) Debug', command: 'nnspec.debug', arguments: [document.uri] }),
      new vscode.CodeLens(at, { title: '$(beaker) Check gradients', command: 'nnspec.checkGradients', arguments: [document.uri] }),
      new vscode.CodeLens(at, { title: '$(graph) Inspect', command: 'nnspec.openInspector', arguments: [document.uri] }),
    ];
    const report = this.ctx.checkResults.reportOf(document.uri);
    for (const layer of report?.layers ?? []) {
      const entry = outline.layers[layer.layer];
      if (!entry) continue;
      const verdict = layer.passed ? '$(pass) gradient check passed' : '$(error) gradient check FAILED';
      lenses.push(
        new vscode.CodeLens(toRange(document, entry), {
          title: `${verdict} for Θ^(${layer.layer}): relative difference ${layer.relativeDifference.toExponential(2)}`,
          command: 'nnspec.checkGradients',
          arguments: [document.uri],
          tooltip: 'Check the gradients again',
        }),
      );
    }
    return lenses;
  }
}
