/** The training progress bar on a terminal (cli-progress): iteration, cost and ETA. */
import { SingleBar } from 'cli-progress';
import type { TrainingProgress } from '../core/train/progress';
import type { OutputStream } from './io';

export interface ProgressBar {
  update(progress: TrainingProgress): void;
  stop(): void;
}

/**
 * A bar on `stream` when it is a terminal; otherwise nothing is drawn. `stream` is the
 * guarded stderr (guarded-stream.ts): if the terminal fails mid-run, the bar's writes become
 * no-ops and training goes on to save its weights.
 */
export function createProgressBar(stream: OutputStream, total: number): ProgressBar {
  if (!(stream as { isTTY?: boolean }).isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: stream as NodeJS.WritableStream,
    format: 'Training |{bar}| {value}/{total} | J {cost} | ETA {eta_formatted}',
    barsize: 30,
    hideCursor: true,
    etaBuffer: 20,
  });
  bar.start(total, 0, { cost: '…' });
  return {
    update: (p) => bar.update(p.iteration, { cost: p.cost.toPrecision(6) }),
    stop: () => bar.stop(),
  };
}
