import * as vscode from 'vscode';
import { fileNameOf } from '../uri-names';
import type { FinalWorkerEvent } from '../../protocol/worker-protocol';
import type { Ctx } from '../ctx';
import { InspectorPanel } from '../inspector/inspector-panel';
import { requireTrust, validSpecDocument } from './spec-document';

/** Iterations of each comparison run: short, so the comparison answers quickly. */
const COMPARE_ITERATIONS = 100;

/** Compare initialization strategies: a short run per strategy; the summary goes to the output channel. */
export function compareInitCommand(ctx: Ctx) {
  return async (uri?: unknown): Promise<FinalWorkerEvent | undefined> => {
    if (!(await requireTrust('compare initialisations'))) return undefined;
    const document = await validSpecDocument(ctx, uri, 'compare initialisations');
    if (!document) return undefined;
    const spec = ctx.diagnostics.validationOf(document).spec;
    const iterations = Math.min(COMPARE_ITERATIONS, spec?.train.iterations ?? COMPARE_ITERATIONS);
    // The inspector overlays the strategies' cost curves: have it open beside the spec to receive them.
    InspectorPanel.createOrShow(ctx, document.uri);
    const final = await ctx.jobs.compareInit(document, iterations);
    const name = fileNameOf(document.uri);
    if (!final) {
      void vscode.window.showInformationMessage(`nnspec: the initialisations of ${name} are being compared already.`);
      return undefined;
    }
    if (final.type === 'compared') {
      ctx.output.info(`Initialisation strategies on ${name}, ${iterations} iterations each:`);
      for (const run of final.runs) {
        const symmetric = run.symmetry.length > 0 ? '  (symmetric hidden units!)' : '';
        const accuracy = run.trainAccuracy !== undefined ? `  accuracy ${(100 * run.trainAccuracy).toFixed(1)} %` : '';
        ctx.output.info(`  ${run.strategy.padEnd(8)} J ${run.costHistory[0]?.toPrecision(4)} → ${run.finalCost.toPrecision(4)}${accuracy}${symmetric}`);
      }
      ctx.output.show(true);
    } else if (final.type === 'failed') {
      void vscode.window.showErrorMessage(`nnspec: the comparison failed: ${final.message}`);
    }
    return final;
  };
}
