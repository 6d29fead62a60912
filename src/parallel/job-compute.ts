/**
 * The Compute of one job in a Node thread (the CLI's process, a training worker, the bench):
 * the WebAssembly kernels when they load, and an evaluation pool of `threads` that the job owns.
 * Dispose it when the job ends: the pool thread stops, and nothing outlives the job.
 */
import type { Compute } from '../core/nn/compute';
import { loadWasmKernels } from '../kernels/wasm-loader';
import { EvaluationPool } from './evaluation-pool';

export interface JobCompute {
  readonly compute: Compute;
  /** The threads large batches use (1: the pool shares nothing). */
  readonly threads: number;
  /** Starts the pool thread now, so that a timed run does not pay for it. */
  warm(): void;
  dispose(): Promise<void>;
}

/** The fast paths: results equal the TypeScript, one-thread path's to rounding (test/kernels, test/parallel). */
export function openJobCompute(options: { readonly threads?: number; readonly wasm?: boolean } = {}): JobCompute {
  const wasm = options.wasm === false ? undefined : loadWasmKernels();
  const pool = new EvaluationPool(options.threads !== undefined ? { threads: options.threads } : {});
  const compute: Compute = { ...(wasm ? { wasm } : {}), ...(pool.threads > 1 ? { sharing: pool } : {}) };
  return { compute, threads: pool.threads, warm: () => pool.warm(), dispose: () => pool.dispose() };
}
