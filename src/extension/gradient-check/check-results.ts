import * as vscode from 'vscode';
import type { GradientCheckReport, LayerCheck } from '../../core/nn/gradient-check';
import type { OffsetRange } from '../../core/diagnostic';
import { outlineSpec } from '../../core/spec/outline';
import { toRange } from '../positions';

/**
 * The verdict of the last gradient check of each spec, inline: one diagnostic on the layer
 * entry that Θ^(l) feeds (layer l + 1), Information when it passes, Error when it fails. A
 * check describes one version of the spec, so an edit clears it.
 */
export class CheckResults implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('nnspec-gradient-check');
  private readonly reports = new Map<string, GradientCheckReport>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscription = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.contentChanges.length > 0 && this.reports.delete(e.document.uri.toString())) {
      this.collection.delete(e.document.uri);
      this.changed.fire(e.document.uri);
    }
  });
  readonly onDidChange = this.changed.event;

  reportOf(uri: vscode.Uri): GradientCheckReport | undefined {
    return this.reports.get(uri.toString());
  }

  set(document: vscode.TextDocument, report: GradientCheckReport): void {
    this.reports.set(document.uri.toString(), report);
    const outline = outlineSpec(document.getText());
    this.collection.set(
      document.uri,
      report.layers.map((layer) => {
        const entry = outline.layers[layer.layer] ?? outline.layersKey ?? [0, 0];
        return toDiagnostic(document, layer, report, toRange(document, entry), outline.layers[layer.layer - 1]);
      }),
    );
    this.changed.fire(document.uri);
  }

  dispose(): void {
    this.collection.dispose();
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function toDiagnostic(
  document: vscode.TextDocument,
  layer: LayerCheck,
  report: GradientCheckReport,
  range: vscode.Range,
  sourceLayer: OffsetRange | undefined,
): vscode.Diagnostic {
  const message = layerVerdict(layer, report);
  const d = new vscode.Diagnostic(range, message, layer.passed ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Error);
  d.source = 'nnspec';
  d.code = layer.passed ? 'gradient-check-passed' : 'gradient-check-failed';
  if (layer.worst && !layer.passed) {
    const w = layer.worst;
    const where = sourceLayer ? toRange(document, sourceLayer) : range;
    d.relatedInformation = [
      new vscode.DiagnosticRelatedInformation(
        new vscode.Location(document.uri, where),
        `worst parameter Θ^(${w.layer})_${w.i},${w.j} (unit ${w.i} of layer ${w.layer + 1}, ${w.j === 0 ? 'bias' : `from unit ${w.j} of layer ${w.layer}`}): numeric ${w.numeric.toExponential(4)}, backprop ${w.backprop.toExponential(4)}`,
      ),
    ];
  }
  return d;
}

/** The verdict on one Θ^(l), as the diagnostic and the Test Explorer say it. */
export function layerVerdict(layer: LayerCheck, report: GradientCheckReport): string {
  const rel = layer.relativeDifference.toExponential(2);
  const sampled = layer.checked < layer.total ? ` (${layer.checked} of ${layer.total} parameters sampled)` : '';
  return layer.passed
    ? `Gradient check passed for Θ^(${layer.layer}): relative difference ${rel} ≤ ${report.tolerance}${sampled}.`
    : `Gradient check FAILED for Θ^(${layer.layer}): relative difference ${rel} > ${report.tolerance}; largest |numeric − backprop| ${layer.maxAbsDifference.toExponential(2)}${sampled}.${layer.note ? ` Note: ${layer.note}.` : ''}`;
}
