/**
 * `npm run bench` (= build, then `node dist/bench.js [NAME…] [--compare] [--sweep] [--threads N]
 * [--kernels auto|typescript]`): runs every workload, or the named ones, and prints one JSON
 * line per workload: `{"workload": NAME, …measurements}`. --compare adds PyTorch and the
 * OpenBLAS limit with ratios; --sweep writes the scaling sweep to bench/out/.
 */
import { availableParallelism } from 'node:os';
import { wasmUnavailableReason } from '../src/kernels/wasm-loader';
import { openJobCompute } from '../src/parallel/job-compute';
import { parseOptions } from './options';
import { runSweep } from './sweep';
import { WORKLOADS } from './workloads';

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseOptions(argv, Math.min(2, availableParallelism()));
  if (typeof parsed === 'string') {
    process.stderr.write(`bench: ${parsed}\n`);
    return 2;
  }
  const unknown = parsed.names.filter((name) => !WORKLOADS.some((w) => w.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown workload ${unknown.join(', ')}; known: ${WORKLOADS.map((w) => w.name).join(', ')}\n`);
    return 2;
  }
  const jobCompute = openJobCompute({ threads: parsed.threads, wasm: parsed.kernels === 'auto' });
  if (parsed.kernels === 'auto' && !jobCompute.compute.wasm) process.stderr.write(`bench: TypeScript kernels only: ${wasmUnavailableReason}\n`);
  // The pool thread starts with the process, as a library's threads would: no run times its start.
  jobCompute.warm();
  const options = { ...parsed, compute: jobCompute.compute };
  try {
    if (options.sweep) {
      runSweep(options);
      if (options.names.length === 0) return 0;
    }
    for (const workload of WORKLOADS) {
      if (options.names.length > 0 ? !options.names.includes(workload.name) : workload.onlyWhenNamed) continue;
      process.stdout.write(`${JSON.stringify({ workload: workload.name, ...(await workload.run(options)) })}\n`);
    }
    return 0;
  } finally {
    await jobCompute.dispose();
  }
}

void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
