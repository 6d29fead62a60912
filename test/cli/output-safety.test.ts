/**
 * Outputs that would overwrite inputs: every command that writes (train, init, export)
 * refuses the spec, its data file, the weights it reads and its other output, through
 * symbolic and hard links, even with --force; it replaces an existing file only when nnspec
 * wrote it, or with --force.
 */
import assert from 'node:assert/strict';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { writtenByNnspec } from '../../src/cli/output-safety';
import { parseWeights } from '../../src/core/weights/parse';
import { XOR_SPEC } from '../fixtures/xor-spec';
import { diskIo, type DiskIo } from './disk-io';

/** XOR from a CSV file beside the spec. */
const CSV_SPEC = XOR_SPEC.replace(/data:\n.*\n$/, 'data:\n  csv: data/xor.csv\n  target: y\n');
const CSV = 'a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n';

function folder(): DiskIo {
  const io = diskIo({ 'xor.nnspec': XOR_SPEC, 'csv.nnspec': CSV_SPEC });
  mkdirSync(path.join(io.cwd, 'data'));
  io.write('data/xor.csv', CSV);
  return io;
}

/** The bytes of every file in the folder (data/ included), to show nothing changed. */
function snapshot(io: DiskIo): Record<string, string> {
  const files: Record<string, string> = {};
  for (const dir of ['.', 'data']) {
    for (const name of readdirSync(path.join(io.cwd, dir), { withFileTypes: true })) {
      if (name.isFile()) files[path.join(dir, name.name)] = readFileSync(path.join(io.cwd, dir, name.name), 'latin1');
    }
  }
  return files;
}

/** Runs `argv`, expecting a refusal: exit 2, the line naming the output, and no file changed. */
async function refused(io: DiskIo, argv: string[], why: RegExp): Promise<void> {
  const before = snapshot(io);
  const mark = io.err().length;
  assert.equal(await run(argv, io), 2, `${argv.join(' ')}: ${io.err().slice(mark)}`);
  const err = io.err().slice(mark);
  assert.match(err, new RegExp(`^nnspec ${argv[0]}: refusing to write `), err);
  assert.match(err, why, err);
  assert.deepEqual(snapshot(io), before, `${argv.join(' ')} changed a file`);
}

describe('outputs that would overwrite inputs', () => {
  it('train --out SPEC, and --out the data file, are refused, even with --force', async () => {
    const io = folder();
    await refused(io, ['train', 'xor.nnspec', '--out', 'xor.nnspec'], /the spec/);
    await refused(io, ['train', 'xor.nnspec', '--out', './sub/../xor.nnspec', '--force'], /the spec/);
    await refused(io, ['train', 'csv.nnspec', '--out', 'data/xor.csv'], /data file/);
    await refused(io, ['train', 'csv.nnspec', '--out', 'data/xor.csv', '--force'], /data file/);
  });

  it('through a symbolic link and a hard link', async () => {
    const io = folder();
    symlinkSync(path.join(io.cwd, 'xor.nnspec'), path.join(io.cwd, 'link.json'));
    linkSync(path.join(io.cwd, 'data', 'xor.csv'), path.join(io.cwd, 'hard.json'));
    await refused(io, ['train', 'xor.nnspec', '--out', 'link.json', '--force'], /the spec/);
    await refused(io, ['train', 'csv.nnspec', '--out', 'hard.json', '--force'], /data file/);
    await refused(io, ['init', 'csv.nnspec', '--out', 'hard.json', '--force'], /data file/);
  });

  it('an existing file that is not a weights file needs --force; a weights file or an empty file does not', async () => {
    const io = folder();
    io.write('notes.json', '{"mine": true}\n');
    await refused(io, ['train', 'xor.nnspec', '--quiet', '--out', 'notes.json'], /not an nnspec weights file.*--force/);
    await refused(io, ['init', 'xor.nnspec', '--out', 'notes.json'], /--force/);
    // The default path beside the spec too.
    io.write('xor.weights.json', 'my own notes\n');
    await refused(io, ['train', 'xor.nnspec', '--quiet'], /--force/);
    assert.equal(await run(['train', 'xor.nnspec', '--quiet', '--force'], io), 0, io.err());
    assert.ok(parseWeights(io.read('xor.weights.json')).ok);
    // Now a weights file: replaced without --force, by train and by init.
    assert.equal(await run(['train', 'xor.nnspec', '--quiet'], io), 0, io.err());
    assert.equal(await run(['init', 'xor.nnspec', '--out', 'xor.weights.json'], io), 0, io.err());
    assert.equal(await run(['train', 'xor.nnspec', '--quiet', '--out', 'notes.json', '--force'], io), 0, io.err());
    assert.ok(parseWeights(io.read('notes.json')).ok);
    // A weights file with its keys in another order (written by hand) is one too.
    io.write('hand.json', `{"version": 1, "format": "nnspec-weights"}\n`);
    assert.equal(await run(['init', 'xor.nnspec', '--out', 'hand.json'], io), 0, io.err());
    io.write('empty.json', '');
    assert.equal(await run(['init', 'xor.nnspec', '--out', 'empty.json'], io), 0, io.err());
  });

  it('a folder and a device are never replaced', async () => {
    const io = folder();
    mkdirSync(path.join(io.cwd, 'dir'));
    await refused(io, ['train', 'xor.nnspec', '--out', 'dir', '--force'], /folder/);
    if (existsSync('/dev/null')) await refused(io, ['init', 'xor.nnspec', '--out', '/dev/null', '--force'], /not a regular file/);
  });

  it('export refuses the spec, the data file, the weights and its other output', async () => {
    const io = folder();
    assert.equal(await run(['train', 'csv.nnspec', '--quiet', '--out', 'w.json'], io), 0, io.err());
    const base = ['export', 'csv.nnspec', '--weights', 'w.json'];
    await refused(io, [...base, '--onnx', 'csv.nnspec', '--force'], /the spec/);
    await refused(io, [...base, '--pytorch', 'data/xor.csv', '--force'], /data file/);
    await refused(io, [...base, '--onnx', 'w.json', '--force'], /weights file/);
    await refused(io, [...base, '--onnx', 'same.out', '--pytorch', 'same.out'], /other output/);
    assert.ok(!existsSync(path.join(io.cwd, 'same.out')));
  });

  it('export replaces its own earlier outputs, but not foreign files without --force', async () => {
    const io = folder();
    assert.equal(await run(['train', 'xor.nnspec', '--quiet'], io), 0, io.err());
    const base = ['export', 'xor.nnspec', '--weights', 'xor.weights.json'];
    assert.equal(await run([...base, '--onnx', 'm.onnx', '--pytorch', 'm.py'], io), 0, io.err());
    assert.equal(await run([...base, '--onnx', 'm.onnx', '--pytorch', 'm.py'], io), 0, io.err());
    io.write('other.onnx', 'not a model of ours');
    io.write('other.py', 'print("mine")\n');
    await refused(io, [...base, '--onnx', 'other.onnx'], /not an ONNX model exported by nnspec.*--force/);
    await refused(io, [...base, '--pytorch', 'other.py'], /not a PyTorch script exported by nnspec/);
    assert.equal(await run([...base, '--onnx', 'other.onnx', '--pytorch', 'other.py', '--force'], io), 0, io.err());
    assert.ok(writtenByNnspec(path.join(io.cwd, 'other.onnx'), 'onnx'));
    assert.ok(writtenByNnspec(path.join(io.cwd, 'other.py'), 'pytorch'));
  });

  it('the help of each writing command names --force', async () => {
    for (const command of ['train', 'init', 'export']) {
      const io = diskIo();
      assert.equal(await run([command, '--help'], io), 0);
      assert.match(io.out(), /--force/, command);
    }
  });
});
