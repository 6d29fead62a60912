import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { summarizeCsvFile, CsvSummaryBuilder } from './src/data/csv-stream-summary';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'm-'));
const lines = [[...Array.from({ length: 400 }, (_, c) => `x${c}`), 'label'].join(',')];
for (let r = 0; r < 2000; r++) lines.push([...Array.from({ length: 400 }, (_, c) => (c === 0 ? String(r) : (((r * 31 + c * 17) % 1000) / 7).toFixed(3))), `class${r % 10}`].join(','));
const file = path.join(tmp, 'big.csv');
fs.writeFileSync(file, lines.join('\n') + '\n');
const origFinish = CsvSummaryBuilder.prototype.finish;
CsvSummaryBuilder.prototype.finish = function (...a: any[]) { const t = performance.now(); const r = (origFinish as any).apply(this, a); console.log('finish ms', (performance.now() - t).toFixed(1)); return r; };
const gcs: string[] = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.duration > 3) gcs.push(`gc ${(e as any).detail?.kind} ${e.duration.toFixed(1)}ms at ${e.startTime.toFixed(0)}`); }).observe({ entryTypes: ['gc'] });
(async () => {
  const kb = Number(process.env.KB ?? 16);
  for (let i = 0; i < 3; i++) {
    let last = performance.now(), on = true; const big: string[] = [];
    const tick = () => { const n = performance.now(); if (n - last > 5) big.push(`gap ${(n - last).toFixed(1)} ending at ${n.toFixed(0)}`); last = n; if (on) setImmediate(tick); };
    setImmediate(tick);
    await summarizeCsvFile(file, { chunkBytes: kb * 1024 });
    on = false;
    await new Promise((r) => setTimeout(r, 50));
    console.log(`run ${i}`, big.join('; ')); console.log(gcs.splice(0).join('; '));
  }
  fs.rmSync(tmp, { recursive: true });
})();
