/**
 * Atomic writes under SIGKILL: the real CLI (bin/nnspec.js) trains a network whose weights
 * file is a few megabytes and is killed 30 times: half at a random moment of the whole run,
 * half at a random moment just after the temporary file appears (watched with fs.watch), so
 * that many kills land inside the write itself. Before each run the target holds the
 * complete file of an older run; afterwards it must parse and be, byte for byte, either
 * that old file or the new run's complete file (the run's elapsed time aside), never a
 * mixture or a truncation. Leftover temporary files show that kills did land inside the
 * write.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readWeights } from '../../src/core/weights/parse';
import { finished, runCli, startCli } from './built-cli';

const KILLS = 30;
const SIZES = [2, 500, 300, 1];
const spec = (seed: number): string =>
  `layers:\n${SIZES.map((s) => `  - units: ${s}\n`).join('')}data:\n  generate: xor\n  samples: 8\ntrain:\n  optimizer: gd\n  iterations: 1\ninit:\n  seed: ${seed}\n`;

/** The file without the run's elapsed time, the one thing two runs of one spec may differ in. */
const timeless = (text: string): string => text.replace(/"elapsedMs": *\d+/, '"elapsedMs": 0');

/** A seeded stream in [0, 1) (mulberry32), so a failure can be replayed. */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('reliability: atomic weights writes under SIGKILL', function () {
  this.timeout(120_000);
  let dir: string;
  let oldText: string;
  let newText: string;
  let runMs: number;

  before(async () => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'nnspec-rel-kill-'));
    fs.writeFileSync(path.join(dir, 'old.nnspec'), spec(1));
    fs.writeFileSync(path.join(dir, 'new.nnspec'), spec(2));
    const old = await runCli(['train', 'old.nnspec', '--quiet', '--out', 'old.json'], dir);
    assert.equal(old.code, 0, old.stderr);
    const started = Date.now();
    const fresh = await runCli(['train', 'new.nnspec', '--quiet', '--out', 'new.json'], dir);
    runMs = Date.now() - started;
    assert.equal(fresh.code, 0, fresh.stderr);
    oldText = fs.readFileSync(path.join(dir, 'old.json'), 'utf8');
    newText = fs.readFileSync(path.join(dir, 'new.json'), 'utf8');
    assert.notEqual(timeless(oldText), timeless(newText));
    assert.ok(newText.length > 2_000_000, `a large file: ${newText.length} bytes`);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`the target is always the old or the new complete file (${KILLS} kills at random moments)`, async () => {
    const seed = Number(process.env['NNSPEC_KILL_SEED'] ?? 20261128);
    const random = uniform(seed);
    const target = path.join(dir, 'w.json');
    const outcomes = { old: 0, new: 0, duringWrite: 0 };
    for (let k = 0; k < KILLS; k++) {
      fs.writeFileSync(target, oldText);
      for (const f of fs.readdirSync(dir)) if (f.endsWith('.tmp')) fs.rmSync(path.join(dir, f));
      const child = startCli(['train', 'new.nnspec', '--quiet', '--out', 'w.json'], dir);
      const targeted = k % 2 === 1;
      const at = targeted ? random() * 20 : random() * runMs * 1.1;
      let timer: NodeJS.Timeout | undefined;
      const kill = (): void => {
        timer = setTimeout(() => child.kill('SIGKILL'), at);
      };
      // Targeted kills start their delay when the temporary file appears: inside the write.
      const watcher = targeted
        ? fs.watch(dir, (_event, name) => {
            if (timer === undefined && typeof name === 'string' && name.startsWith('.w.json.') && name.endsWith('.tmp')) kill();
          })
        : undefined;
      if (!targeted) kill();
      const end = await finished(child);
      watcher?.close();
      clearTimeout(timer);
      const text = fs.readFileSync(target, 'utf8');
      const where = `kill ${k} at ${at.toFixed(0)} ms ${targeted ? 'into the write' : 'into the run'} (seed ${seed}), exit ${end.code ?? end.signal}`;
      assert.ok(readWeights(text, SIZES).ok, `${where}: the file parses as weights`);
      if (text === oldText) outcomes.old++;
      else if (timeless(text) === timeless(newText)) outcomes.new++;
      else assert.fail(`${where}: the file is neither the old nor the new one`);
      if (fs.readdirSync(dir).some((f) => f.startsWith('.w.json.') && f.endsWith('.tmp'))) outcomes.duringWrite++;
    }
    // The test means something only if kills landed before, inside and after the write.
    assert.ok(outcomes.old > 0 && outcomes.new > 0, JSON.stringify(outcomes));
    assert.ok(outcomes.duringWrite >= 3, `kills inside the write: ${JSON.stringify(outcomes)}`);
  });
});
