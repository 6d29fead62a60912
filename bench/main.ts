/**
 * `npm run bench` (= build, then `node dist/bench.js [NAME…] [--compare] [--sweep] [--threads N]
 * [--kernels auto|typescript]`): runs every workload, or the named ones, and prints one JSON
 * line per workload: `{"workload": NAME, …measurements}`. --compare adds PyTorch and the
 * OpenBLAS limit with ratios; --sweep writes the scaling sweep to bench/out/.
 */
import { availableParallelism } from 'node:os';
import { enableWasmKernels, wasmUnavailableReason } from '../src/kernels/wasm-loader';
import { enableParallelEvaluation, warmParallelEvaluation } from '../src/parallel/pool';
import { parseOptions } from './options';
import { runSweep } from './sweep';
import { WORKLOADS } from './workloads';

function main(argv: readonly string[]): number {
  const options = parseOptions(argv, Math.min(2, availableParallelism()));
  if (typeof options === 'string') {
    process.stderr.write(`bench: ${options}\n`);
    return 2;
  }
  const unknown = options.names.filter((name) => !WORKLOADS.some((w) => w.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown workload ${unknown.join(', ')}; known: ${WORKLOADS.map((w) => w.name).join(', ')}\n`);
    return 2;
  }
  if (options.kernels === 'auto' && !enableWasmKernels()) process.stderr.write(`bench: TypeScript kernels only: ${wasmUnavailableReason}\n`);
  enableParallelEvaluation(options.threads);
  // The pool thread starts with the process, as a library's threads would: no run times its start.
  warmParallelEvaluation();
  if (options.sweep) {
    runSweep(options);
    if (options.names.length === 0) return 0;
  }
  for (const workload of WORKLOADS) {
    if (options.names.length > 0 ? !options.names.includes(workload.name) : workload.onlyWhenNamed) continue;
    process.stdout.write(`${JSON.stringify({ workload: workload.name, ...workload.run(options) })}\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
