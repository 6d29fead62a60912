import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { diskIo } from '../cli/disk-io';
import { SPECS, trainedSpec } from './trained-specs';

describe('nnspec export', function () {
  this.timeout(60_000);

  it('writes the ONNX model and the PyTorch script in one run', async () => {
    const t = await trainedSpec('xor');
    assert.equal(await run(['export', t.spec, '--weights', t.weights, '--onnx', 'both.onnx', '--pytorch', 'both.py'], t.io), 0, t.io.err());
    assert.ok(readFileSync(path.join(t.io.cwd, 'both.onnx')).length > 0);
    assert.match(t.io.read('both.py'), /^#!\/usr\/bin\/env python3\n/);
    // `wrote FILE`, one line per file in the order given, is the command's output format.
    assert.match(t.io.out(), /wrote both\.onnx\nwrote both\.py\n/);
  });

  it('needs only the spec and the weights: the data file may be gone (its normalisation and classes are in the weights)', async () => {
    const t = await trainedSpec('iris');
    assert.equal(await run(['export', t.spec, '--weights', t.weights, '--pytorch', 'with.py'], t.io), 0, t.io.err());
    const withData = t.io.read('with.py');
    // The trained folder is shared with the other export tests: the CSV goes back afterwards.
    const csv = path.join(t.io.cwd, 'data', 'iris.csv'), saved = readFileSync(csv);
    rmSync(csv);
    try {
      assert.equal(await run(['export', t.spec, '--weights', t.weights, '--pytorch', 'without.py', '--onnx', 'without.onnx'], t.io), 0, t.io.err());
      assert.equal(t.io.read('without.py').replace(/without/g, 'with'), withData);
      // Training does need the data, and says so.
      assert.equal(await run(['train', t.spec, '--quiet'], t.io), 1);
      assert.match(t.io.err(), /:\d+:\d+: error csv-not-found: /);
    } finally {
      writeFileSync(csv, saved);
    }
  });

  it('exits 2 on usage errors: no weights, no output, a bad precision', async () => {
    const io = diskIo({ 'xor.nnspec': SPECS.xor });
    assert.equal(await run(['export', 'xor.nnspec', '--onnx', 'a.onnx'], io), 2);
    assert.equal(await run(['export', 'xor.nnspec', '--weights', 'w.json'], io), 2);
    assert.equal(await run(['export', 'xor.nnspec', '--weights', 'w.json', '--onnx', 'a.onnx', '--precision', 'float16'], io), 2);
    assert.equal(await run(['export', 'xor.nnspec', '--weights', 'w.json', '--pytorch', 'a.py', '--precision', 'float64'], io), 2);
    assert.equal(await run(['export', 'xor.nnspec', '--weights', 'missing.json', '--onnx', 'a.onnx'], io), 2);
    assert.ok(!existsSync(path.join(io.cwd, 'a.onnx')));
  });

  it('exits 1 for weights of another shape, writing nothing', async () => {
    const t = await trainedSpec('xor');
    const wide = SPECS.xor.replace('  - units: 2\n    activation', '  - units: 3\n    activation');
    t.io.write('wide.nnspec', wide);
    assert.equal(await run(['export', 'wide.nnspec', '--weights', t.weights, '--onnx', 'wide.onnx'], t.io), 1);
    assert.match(t.io.err(), /^nnspec export: .*: error weights-layer-shape: /m);
    assert.ok(!existsSync(path.join(t.io.cwd, 'wide.onnx')));
  });

  it('warns when the weights were trained on another version of the spec', async () => {
    const t = await trainedSpec('xor');
    t.io.write('changed.nnspec', SPECS.xor.replace('    - [1, 1, 0]', '    - [1, 1, 0]\n    - [1, 1, 0]'));
    assert.equal(await run(['export', 'changed.nnspec', '--weights', t.weights, '--pytorch', 'old.py'], t.io), 0, t.io.err());
    // This warning has no code: its one line is all there is to assert.
    assert.match(t.io.err(), /warning: .* trained on another version/);
  });
});
