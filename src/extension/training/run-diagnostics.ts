import * as vscode from 'vscode';
import type { SymmetricLayer } from '../../core/nn/symmetry';
import { outlineSpec } from '../../core/spec/outline';
import type { TrainingSummary } from '../../core/train/progress';
import type { LayerHealth } from '../../core/train/unit-health';
import { toRange } from '../positions';

/**
 * What a finished run found, as diagnostics at the right line of the spec: a cost that
 * became NaN (on `learningRate`, else `optimizer`), hidden units that stayed symmetric (on
 * `init`), dead or saturated units (on their layer). Cleared when the spec is edited or trained again, since they describe one run.
 */
export class RunDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('nnspec-run');
  private readonly subscription = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.contentChanges.length > 0) this.collection.delete(e.document.uri);
  });

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  report(document: vscode.TextDocument, summary: TrainingSummary, symmetry: readonly SymmetricLayer[], health: readonly LayerHealth[] = []): void {
    const outline = outlineSpec(document.getText());
    const found: vscode.Diagnostic[] = [];
    const at = (...paths: string[]): vscode.Range => {
      for (const p of paths) {
        const entry = outline.keys.get(p);
        if (entry) return toRange(document, entry.value ?? entry.key);
      }
      return new vscode.Range(0, 0, 0, 0);
    };
    if (summary.notFinite) {
      const { iteration, where, layer } = summary.notFinite;
      const d = new vscode.Diagnostic(
        at('train.learningRate', 'train.optimizer', 'train'),
        `Training diverged: the ${where} became NaN or infinite at iteration ${iteration}${layer ? ` in Θ^(${layer})` : ''}. Try a smaller learningRate; the last finite weights were kept.`,
        vscode.DiagnosticSeverity.Error,
      );
      d.code = 'training-diverged';
      found.push(d);
    }
    for (const s of symmetry) {
      const units = s.groups.map((g) => `{${g.join(', ')}}`).join(' ');
      const layerRange = outline.layers[s.layer - 1];
      const d = new vscode.Diagnostic(
        at('init.strategy', 'init'),
        `Symmetry was not broken: the units ${units} of layer ${s.layer} are identical after training, so they learn the same feature. Use a random initialisation (uniform, xavier, he).`,
        vscode.DiagnosticSeverity.Warning,
      );
      d.code = 'symmetry-not-broken';
      if (layerRange) d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, toRange(document, layerRange)), `layer ${s.layer}`)];
      found.push(d);
    }
    for (const h of health) {
      const entry = outline.layers[h.layer - 1];
      if (!entry) continue;
      const parts = [
        h.dead.length > 0 ? `${h.dead.length} of ${h.units} units are dead (relu output 0 on every training example looked at: ${list(h.dead)})` : '',
        h.saturated.length > 0 ? `${h.saturated.length} of ${h.units} units are saturated (g′(z) < 0.01 on ≥ 95 % of the examples: ${list(h.saturated)})` : '',
      ].filter(Boolean);
      const d = new vscode.Diagnostic(toRange(document, entry), `Layer ${h.layer}: ${parts.join('; ')}. They barely learn: try a smaller learning rate, another initialisation or activation.`, vscode.DiagnosticSeverity.Warning);
      d.code = h.dead.length > 0 ? 'dead-units' : 'saturated-units';
      found.push(d);
    }
    for (const d of found) d.source = 'nnspec';
    this.collection.set(document.uri, found);
  }

  dispose(): void {
    this.collection.dispose();
    this.subscription.dispose();
  }
}

function list(units: readonly number[]): string {
  return units.length <= 8 ? units.join(', ') : `${units.slice(0, 8).join(', ')}, …`;
}
