/** How a finished training run reads in a terminal, and as JSON. */
import type { OpenedSpec } from '../jobs/open-spec';
import type { TrainJobResult } from '../jobs/train-job';

const percent = (x: number | undefined): string => (x === undefined ? '' : `${(100 * x).toFixed(1)} %`);

export function describeTraining(opened: OpenedSpec, result: TrainJobResult, weightsShown: string): string {
  const { summary } = result;
  const lines = [
    `${opened.spec.name ?? 'network'} ${opened.architecture.sizes.join('-')}: ${opened.spec.train.optimizer}, ${summary.iterations} iterations (${REASONS[summary.reason]}) in ${formatMs(summary.elapsedMs)}`,
    `  J: ${summary.initialCost.toPrecision(6)} → ${summary.finalCost.toPrecision(6)}${summary.validationCost !== undefined ? `   validation J: ${summary.validationCost.toPrecision(6)}` : ''}`,
  ];
  if (summary.trainAccuracy !== undefined) {
    lines.push(`  accuracy: training ${percent(summary.trainAccuracy)}${summary.validationAccuracy !== undefined ? `, validation ${percent(summary.validationAccuracy)}` : ''}`);
  }
  if (summary.notFinite) {
    const { iteration, where, layer } = summary.notFinite;
    lines.push(`  the ${where} became NaN or infinite at iteration ${iteration}${layer ? ` (Θ^(${layer}))` : ''}: try a smaller learningRate; the last finite weights were kept`);
  }
  for (const s of result.symmetry) {
    lines.push(`  symmetry: layer ${s.layer} has identical units ${s.groups.map((g) => `{${g.join(', ')}}`).join(' ')}; they compute the same thing — use a random init`);
  }
  for (const h of result.health) {
    if (h.dead.length > 0) lines.push(`  layer ${h.layer}: ${h.dead.length} of ${h.units} relu units are dead (output 0 on every example): ${h.dead.join(', ')}`);
    if (h.saturated.length > 0) lines.push(`  layer ${h.layer}: ${h.saturated.length} of ${h.units} units are saturated (g'(z) < 0.01 on ≥ 95 % of the examples): ${h.saturated.join(', ')}`);
  }
  if (result.weights && 'path' in result.weights) lines.push(`  weights: ${weightsShown}${result.partial ? ' (partial: the run did not finish)' : ''}`);
  return `${lines.join('\n')}\n`;
}

export function trainingJson(file: string, opened: OpenedSpec, result: TrainJobResult, weightsShown: string): object {
  const { costHistory, ...summary } = result.summary;
  return {
    file,
    layers: opened.architecture.sizes,
    optimizer: opened.spec.train.optimizer,
    ...summary,
    partial: result.partial,
    weights: result.weights && 'path' in result.weights ? weightsShown : null,
    symmetry: result.symmetry,
    health: result.health,
    costHistory,
  };
}

const REASONS: Record<TrainJobResult['summary']['reason'], string> = {
  'max-iterations': 'the iteration limit',
  converged: 'converged',
  cancelled: 'cancelled',
  'not-finite': 'diverged',
  stopped: 'stopped',
};

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
