/**
 * How evaluators compute, chosen by whoever runs the job (the CLI, a worker, the bench) and
 * passed down: the kernels a platform can offer and the threads it lends. Never a global: a
 * job that made a pool disposes it, and evaluators left holding it fall back to one thread.
 * Without a Compute (`{}`), everything runs on the TypeScript kernels in the calling thread;
 * results are the same to rounding (bit for bit where the order of operations is the same).
 */
import type { BatchSharingProvider } from './kernels/batch-sharing';
import type { NnKernelFactory } from './kernels/wasm-exports';

export interface Compute {
  /** Instances of the WebAssembly kernels (src/kernels/wasm-loader.ts loads them where it can). */
  readonly wasm?: NnKernelFactory;
  /** Threads to share large batches with (src/parallel/evaluation-pool.ts). */
  readonly sharing?: BatchSharingProvider;
}
