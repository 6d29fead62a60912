/**
 * `npm run bench` (= build, then `node dist/bench.js [NAME…]`): runs every workload, or the
 * named ones, and prints one JSON line per workload: `{"workload": NAME, …measurements}`.
 */
import { WORKLOADS } from './workloads';

function main(argv: readonly string[]): number {
  const unknown = argv.filter((name) => !WORKLOADS.some((w) => w.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown workload ${unknown.join(', ')}; known: ${WORKLOADS.map((w) => w.name).join(', ')}\n`);
    return 2;
  }
  for (const workload of WORKLOADS) {
    if (argv.length > 0 ? !argv.includes(workload.name) : workload.onlyWhenNamed) continue;
    process.stdout.write(`${JSON.stringify({ workload: workload.name, ...workload.run() })}\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
