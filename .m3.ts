import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { summarizeCsvFile } from './src/data/csv-stream-summary';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'm-'));
const lines = [[...Array.from({ length: 400 }, (_, c) => `x${c}`), 'label'].join(',')];
for (let r = 0; r < 2000; r++) lines.push([...Array.from({ length: 400 }, (_, c) => (c === 0 ? String(r) : (((r * 31 + c * 17) % 1000) / 7).toFixed(3))), `class${r % 10}`].join(','));
const file = path.join(tmp, 'big.csv');
fs.writeFileSync(file, lines.join('\n') + '\n');
(async () => {
  for (const kb of (process.env.KB ?? '64,32,16,8').split(',').map(Number)) for (let i = 0; i < 3; i++) {
    const h = monitorEventLoopDelay({ resolution: 1 }); h.enable();
    let ticks = 0, last = performance.now(), maxGap = 0, on = true; const gaps: number[] = [];
    const tick = () => { const n = performance.now(); gaps.push(n - last); maxGap = Math.max(maxGap, n - last); last = n; ticks++; if (on) setImmediate(tick); };
    setImmediate(tick);
    const t = performance.now();
    await summarizeCsvFile(file, { chunkBytes: kb * 1024 });
    on = false; h.disable();
    gaps.sort((a, b) => a - b);
    console.log(`${kb}KB run ${i}: total ${(performance.now() - t).toFixed(0)} ms, ticks ${ticks}, max gap ${maxGap.toFixed(1)} ms, median gap ${gaps[gaps.length >> 1]!.toFixed(1)}, p95 ${gaps[Math.floor(gaps.length * 0.95)]!.toFixed(1)}, eld max ${(h.max / 1e6).toFixed(1)} ms`);
  }
  fs.rmSync(tmp, { recursive: true });
})();
