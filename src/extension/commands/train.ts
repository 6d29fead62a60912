import * as vscode from 'vscode';
import { fileNameOf } from '../uri-names';
import { baseName } from '../../core/text/base-name';
import type { FinalWorkerEvent } from '../../protocol/worker-protocol';
import type { Ctx } from '../ctx';
import { requireTrust, validSpecDocument } from './spec-document';

const LOG_INTERVAL_MS = 1000;

/** How a programmatic caller answers "already training: stop it and start again?" (the user is asked otherwise). */
export interface TrainOptions {
  readonly ifRunning?: 'restart' | 'keep';
}

/** Train network: trains the spec in a worker, with progress, and saves the weights beside it. */
export function trainCommand(ctx: Ctx) {
  return async (uri?: unknown, options: TrainOptions = {}): Promise<FinalWorkerEvent | undefined> => {
    if (!(await requireTrust('train a network'))) return undefined;
    const document = await validSpecDocument(ctx, uri, 'train');
    if (!document) return undefined;
    const name = fileNameOf(document.uri);
    if (ctx.jobs.isRunning(document.uri, 'train')) {
      const choice =
        options.ifRunning === undefined
          ? await Promise.resolve(vscode.window.showWarningMessage(`${name} is already training. Stop it and start again?`, 'Stop and Restart', 'Keep Running'))
          : { restart: 'Stop and Restart', keep: 'Keep Running' }[options.ifRunning];
      if (choice !== 'Stop and Restart') return undefined;
      await ctx.jobs.stop(document.uri, 'train');
    }
    ctx.runDiagnostics.clear(document.uri);
    ctx.status.show(document.uri);
    ctx.output.info(`Training ${document.uri.fsPath}`);
    let lastLog = 0;
    const final = await ctx.jobs.train(document, `Training ${name}`, (p) => {
      ctx.status.show(document.uri, p);
      const now = Date.now();
      if (now - lastLog >= LOG_INTERVAL_MS) {
        lastLog = now;
        ctx.output.info(`  iteration ${p.iteration}/${p.maxIterations}  J = ${p.cost.toPrecision(6)}${p.trainAccuracy !== undefined ? `  accuracy ${(100 * p.trainAccuracy).toFixed(1)} %` : ''}`);
      }
    });
    if (!ctx.jobs.anyTraining) ctx.status.hide();
    // Another Train of the spec started while this one asked or stopped: that one goes on.
    if (!final) return undefined;
    report(ctx, document, name, final);
    return final;
  };
}

function report(ctx: Ctx, document: vscode.TextDocument, name: string, final: FinalWorkerEvent): void {
  if (final.type === 'failed') {
    ctx.output.error(`Training ${name} failed: ${final.code}: ${final.message}`);
    void vscode.window.showErrorMessage(`nnspec: training ${name} failed: ${final.message}`);
    return;
  }
  if (final.type !== 'trained') return;
  const s = final.summary;
  ctx.runDiagnostics.report(document, s, final.symmetry, final.health);
  const accuracy = s.trainAccuracy !== undefined ? `, accuracy ${(100 * s.trainAccuracy).toFixed(1)} %` : '';
  const line = `${name}: J ${s.initialCost.toPrecision(4)} → ${s.finalCost.toPrecision(4)} in ${s.iterations} iterations (${s.reason})${accuracy}`;
  ctx.output.info(line);
  const saved = final.weightsPath ? ` Weights${final.partial ? ' (partial)' : ''}: ${baseName(final.weightsPath)}.` : '';
  if (final.weightsError) void vscode.window.showErrorMessage(`nnspec: could not save the weights of ${name}: ${final.weightsError}`);
  if (s.reason === 'not-finite') void vscode.window.showErrorMessage(`nnspec: ${name} diverged at iteration ${s.notFinite?.iteration}.${saved}`);
  else void vscode.window.showInformationMessage(`nnspec: trained ${line}.${saved}`);
}

/** Stop training: the active spec's run, or the only one, or one picked from a list. */
export function stopTrainingCommand(ctx: Ctx) {
  return async (uri?: unknown): Promise<void> => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (target && ctx.jobs.isRunning(target, 'train')) return ctx.jobs.stop(target, 'train');
    const running = ctx.jobs.trainings();
    if (running.length === 0) {
      void vscode.window.showInformationMessage('nnspec: no network is training.');
      return;
    }
    const pick = running.length === 1 ? running[0] : await pickTraining(running);
    if (pick) await ctx.jobs.stop(pick, 'train');
  };
}

async function pickTraining(running: readonly vscode.Uri[]): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showQuickPick(
    running.map((uri) => ({ label: uri.toString(), uri })),
    { placeHolder: 'Which training to stop?' },
  );
  return picked?.uri;
}
