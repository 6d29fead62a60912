import * as vscode from 'vscode';
import { fileNameOf } from '../uri-names';
import type { FinalWorkerEvent } from '../../protocol/worker-protocol';
import type { Ctx } from '../ctx';
import { requireTrust, validSpecDocument } from './spec-document';

/** Check gradients: backprop against central differences in a worker; the verdict goes inline on each layer. */
export function checkGradientsCommand(ctx: Ctx) {
  return async (uri?: unknown): Promise<FinalWorkerEvent | undefined> => {
    if (!(await requireTrust('check gradients'))) return undefined;
    const document = await validSpecDocument(ctx, uri, 'check gradients');
    if (!document) return undefined;
    const name = fileNameOf(document.uri);
    const version = document.version;
    const final = await ctx.jobs.check(document, undefined);
    if (!final) {
      void vscode.window.showInformationMessage(`nnspec: the gradients of ${name} are being checked already.`);
      return undefined;
    }
    if (final.type === 'checked') {
      if (document.version === version) ctx.checkResults.set(document, final.report);
      const r = final.report;
      const failed = r.layers.filter((l) => !l.passed);
      ctx.output.info(`Gradient check of ${name}: ${r.layers.map((l) => `Θ^(${l.layer}) ${l.relativeDifference.toExponential(2)} ${l.passed ? 'pass' : 'FAIL'}`).join(', ')}`);
      if (r.cancelled) void vscode.window.showWarningMessage(`nnspec: the gradient check of ${name} was cancelled.`);
      else if (failed.length > 0) void vscode.window.showErrorMessage(`nnspec: gradient check of ${name} FAILED for ${failed.map((l) => `Θ^(${l.layer})`).join(', ')}.`);
      else void vscode.window.showInformationMessage(`nnspec: gradient check of ${name} passed for all ${r.layers.length} layers.`);
    } else if (final.type === 'failed') {
      void vscode.window.showErrorMessage(`nnspec: the gradient check of ${name} failed: ${final.message}`);
    }
    return final;
  };
}
