/**
 * The scaling sweep (`npm run bench -- --sweep`): time per evaluation against the batch size m
 * (100 → 100,000, network 400-25-10) and against the hidden width (8 → 512, network 400-H-10,
 * m = 5,000), for the TypeScript kernels (1 thread), the WebAssembly kernels (1 thread and the
 * configured threads) and, when installed, the OpenBLAS limit (1 thread). Writes
 * bench/out/sweep.csv, bench/out/sweep.svg and bench/out/sweep.png (the SVG converted by
 * rsvg-convert, Debian's librsvg2-bin; without it only the SVG is written, and a message says so).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { NetworkEvaluator, type KernelChoice } from '../src/core/nn/evaluator';
import { instantiateWorkload, type Workload } from './evaluation-networks';
import type { BenchOptions } from './options';
import { openblasLimit } from './peers';
import { medianCallMs } from './timing';
import { renderSweepSvg, type Series } from './sweep-plot';

const OUT = path.resolve(__dirname, '..', 'bench', 'out');
const M_VALUES = [100, 300, 1000, 3000, 10000, 30000, 100000];
const WIDTHS = [8, 16, 32, 64, 128, 256, 512];

interface Contender {
  readonly name: string;
  readonly time: (w: Workload) => number | undefined;
}

function ours(options: BenchOptions, kernels: KernelChoice, parallel: 'single' | 'auto'): (w: Workload) => number {
  return (w) => {
    const inst = instantiateWorkload(w);
    const ev = new NetworkEvaluator(inst.architecture, w.m, { kernels, parallel, compute: options.compute ?? {} });
    return medianCallMs(() => ev.costAndGradient(inst.theta, inst.batch, inst.grad), 3, 100);
  };
}

export function runSweep(options: BenchOptions): void {
  const contenders: Contender[] = [
    { name: 'typescript, 1 thread', time: ours(options, 'typescript', 'single') },
    { name: 'wasm-simd, 1 thread', time: ours(options, 'auto', 'single') },
    ...(options.threads > 1 ? [{ name: `wasm-simd, ${options.threads} threads`, time: ours(options, 'auto', 'auto') }] : []),
    {
      name: 'OpenBLAS limit, 1 thread',
      time: (w: Workload) => {
        const r = openblasLimit(w.sizes, w.m, 3);
        return 'medianMs' in r ? r.medianMs : undefined;
      },
    },
  ];
  const rows: string[] = ['sweep,layers,m,contender,medianMs'];
  const panels: { title: string; xLabel: string; series: Series[] }[] = [];
  const sweeps = [
    { title: 'time per evaluation against m (400-25-10)', xLabel: 'm (examples)', key: 'm', points: M_VALUES.map((m) => ({ x: m, w: workload([400, 25, 10], m) })) },
    { title: 'time per evaluation against hidden width H (400-H-10, m = 5,000)', xLabel: 'H (hidden units)', key: 'width', points: WIDTHS.map((h) => ({ x: h, w: workload([400, h, 10], 5000) })) },
  ];
  for (const sweep of sweeps) {
    const series: Series[] = contenders.map((c) => ({ name: c.name, points: [] }));
    for (const { x, w } of sweep.points) {
      contenders.forEach((c, i) => {
        const ms = c.time(w);
        if (ms === undefined) return;
        series[i]!.points.push({ x, y: ms });
        rows.push(`${sweep.key},${w.sizes.join('-')},${w.m},${c.name},${ms.toPrecision(4)}`);
        process.stderr.write(`sweep ${sweep.key} ${w.sizes.join('-')} m=${w.m} ${c.name}: ${ms.toPrecision(4)} ms\n`);
      });
    }
    panels.push({ title: sweep.title, xLabel: sweep.xLabel, series: series.filter((s) => s.points.length > 0) });
  }
  mkdirSync(OUT, { recursive: true });
  const csv = path.join(OUT, 'sweep.csv'), svg = path.join(OUT, 'sweep.svg'), png = path.join(OUT, 'sweep.png');
  writeFileSync(csv, rows.join('\n') + '\n');
  writeFileSync(svg, renderSweepSvg(panels));
  let pngNote = png;
  try {
    execFileSync('rsvg-convert', ['-f', 'png', '-o', png, svg], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch {
    pngNote = 'not written: rsvg-convert is missing (apt-get install -y librsvg2-bin)';
  }
  process.stdout.write(`${JSON.stringify({ workload: 'sweep', csv, svg, png: pngNote, threads: options.threads })}\n`);
}

function workload(sizes: number[], m: number): Workload {
  return { name: `${sizes.join('-')}@${m}`, sizes, m, data: 'uniform-one-hot' };
}
