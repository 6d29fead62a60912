import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { probeCsv, probeCsvAsync } from '/work/main/src/data/csv-probe';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'm-'));
const lines = [[...Array.from({ length: 400 }, (_, c) => `x${c}`), 'label'].join(',')];
for (let r = 0; r < 2000; r++) lines.push([...Array.from({ length: 400 }, (_, c) => (c === 0 ? String(r) : (((r * 31 + c * 17) % 1000) / 7).toFixed(3))), `class${r % 10}`].join(','));
fs.writeFileSync(path.join(tmp, 'big.csv'), lines.join('\n') + '\n');
console.log('size', fs.statSync(path.join(tmp, 'big.csv')).size);
const opts = { workspaceRoot: tmp, allowOutside: false };
(async () => {
  for (let i = 0; i < 3; i++) {
    let t = performance.now(); if (process.env.SYNC) { probeCsv(tmp, "big.csv", opts); console.log("sync ms", (performance.now() - t).toFixed(0)); }
    const h = monitorEventLoopDelay({ resolution: 1 }); h.enable();
    let ticks = 0, last = performance.now(), maxGap = 0, on = true;
    const tick = () => { const n = performance.now(); maxGap = Math.max(maxGap, n - last); last = n; ticks++; if (on) setImmediate(tick); };
    setImmediate(tick);
    t = performance.now();
    await probeCsvAsync(tmp, 'big.csv', opts);
    on = false; h.disable();
    console.log('async ms', (performance.now() - t).toFixed(0), 'ticks', ticks, 'max gap between setImmediate ticks ms', maxGap.toFixed(1), 'eld max ms', (h.max / 1e6).toFixed(1), 'p99', (h.percentile(99) / 1e6).toFixed(1));
  }
  fs.rmSync(tmp, { recursive: true });
})();
