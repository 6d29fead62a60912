import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readWeightsFile, readWeightsFileAsync, writeWeightsFile, writeWeightsFileSync } from '../../src/data/weights-file';

describe('weights files on disk', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-weights-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const theta = Float64Array.from([0.1, -0.2, 0.3, 1e-17, -0, 5]);
  const input = { specHash: 'fnv1a64:00', layerSizes: [2, 2], theta, normalization: { kind: 'none' as const, shift: [0, 0], scale: [1, 1] } };

  it('writes and reads back the same θ (sync and async)', async () => {
    const file = path.join(dir, 'xor.weights.json');
    assert.ok(writeWeightsFileSync(file, input).ok);
    const back = readWeightsFile(file, [2, 2]);
    assert.ok(back.ok);
    assert.deepEqual(back.value.theta, theta);
    assert.ok((await writeWeightsFile(file, { ...input, theta: theta.map((x) => 2 * x) })).ok);
    const again = await readWeightsFileAsync(file, [2, 2]);
    assert.ok(again.ok);
    assert.equal(again.value.theta[5], 10);
  });

  it('fails as values: unreadable, a shape mismatch, non-finite weights', () => {
    const missing = readWeightsFile(path.join(dir, 'none.json'), [2, 2]);
    assert.ok(!missing.ok && missing.error.code === 'weights-unreadable');
    const file = path.join(dir, 'w.weights.json');
    assert.ok(writeWeightsFileSync(file, input).ok);
    const shape = readWeightsFile(file, [2, 3]);
    assert.ok(!shape.ok && shape.error.code === 'weights-layer-shape' && shape.error.layer === 1);
    const nan = writeWeightsFileSync(file, { ...input, theta: Float64Array.from([NaN, 0, 0, 0, 0, 0]) });
    assert.ok(!nan.ok && nan.error.code === 'weights-non-finite');
    assert.ok(readWeightsFile(file, [2, 2]).ok, 'the old file is intact');
  });

  it('reads through the opener: a directory is refused by what it is, sync and async', async () => {
    for (const r of [readWeightsFile(dir, [2, 2]), await readWeightsFileAsync(dir, [2, 2])]) {
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'weights-unreadable');
      assert.ok(r.error.message.endsWith(`${dir}: it is a directory, not a file.`), r.error.message);
    }
  });
});
