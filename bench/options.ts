import type { Compute } from '../src/core/nn/compute';

/** The bench's command line: workload names and flags; and the run's Compute, made by main. */
export interface BenchOptions {
  /** The kernels and threads on offer (main opens them once for the whole run). */
  readonly compute?: Compute;
  readonly names: readonly string[];
  /** Also time PyTorch and the OpenBLAS limit, and print ratios. */
  readonly compare: boolean;
  /** Run the scaling sweep (CSV and PNG into bench/out/). */
  readonly sweep: boolean;
  /** Threads for large batches (1 = no pool). */
  readonly threads: number;
  /** 'typescript' turns the WebAssembly kernels off. */
  readonly kernels: 'auto' | 'typescript';
}

/** Parses `[NAME…] [--compare] [--sweep] [--threads N] [--kernels auto|typescript]`. */
export function parseOptions(argv: readonly string[], defaultThreads: number): BenchOptions | string {
  const names: string[] = [];
  let compare = false, sweep = false, threads = defaultThreads, kernels: 'auto' | 'typescript' = 'auto';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--compare') compare = true;
    else if (a === '--sweep') sweep = true;
    else if (a === '--threads') {
      threads = Number(argv[++i]);
      if (!Number.isInteger(threads) || threads < 1) return `--threads needs a whole number ≥ 1, got ${argv[i]}`;
    } else if (a === '--kernels') {
      const k = argv[++i];
      if (k !== 'auto' && k !== 'typescript') return `--kernels is auto or typescript, got ${k}`;
      kernels = k;
    } else if (a.startsWith('--')) return `unknown flag ${a}`;
    else names.push(a);
  }
  return { names, compare, sweep, threads, kernels };
}
