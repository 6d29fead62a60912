/**
 * The CLI's output streams in process: nodeIo over Writables that fail as a closed pipe
 * (EPIPE), a full disk (ENOSPC) or a terminal gone (EIO) fail. The real pipelines and
 * /dev/full are in process.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { GuardedStream } from '../../src/cli/guarded-stream';
import { nodeIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { parseWeights } from '../../src/core/weights/parse';
import { XOR_SPEC } from '../fixtures/xor-spec';

/** A Writable that keeps what it is given, or fails every write with `code` (after `okWrites` good ones). */
class TestStream extends Writable {
  text = '';
  writes = 0;
  isTTY = false;
  columns = 80;

  constructor(
    private readonly code?: string,
    private readonly okWrites = 0,
  ) {
    super({ decodeStrings: false });
  }

  override _write(chunk: string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.writes++;
    if (this.code !== undefined && this.writes > this.okWrites) {
      callback(Object.assign(new Error(`write ${this.code}`), { code: this.code }));
      return;
    }
    this.text += chunk;
    callback();
  }
}

function folder(): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'nnspec-streams-'));
  writeFileSync(path.join(cwd, 'xor.nnspec'), XOR_SPEC);
  return cwd;
}

function weightsIn(cwd: string): ReturnType<typeof parseWeights> {
  return parseWeights(readFileSync(path.join(cwd, 'xor.weights.json'), 'utf8'));
}

describe('nnspec output streams (in process)', () => {
  it('a closed stdout (EPIPE): nothing printed, the command runs to the end with its own exit code', async () => {
    const cwd = folder();
    const stdout = new TestStream('EPIPE'), stderr = new TestStream();
    assert.equal(await run(['train', 'xor.nnspec'], nodeIo({ cwd, stdout, stderr, env: {} })), 0);
    assert.equal(stderr.text, '');
    assert.ok(weightsIn(cwd).ok, 'the weights were written');
    // The command's own code stands: an invalid spec still exits 1 when its reader has gone.
    writeFileSync(path.join(cwd, 'bad.nnspec'), 'layers: 3\n');
    const closed = new TestStream('EPIPE'), err = new TestStream();
    assert.equal(await run(['validate', 'bad.nnspec'], nodeIo({ cwd, stdout: closed, stderr: err, env: {} })), 1);
    assert.equal(err.text, '');
  });

  it('a full disk on stdout (ENOSPC): one line on stderr, exit 2, and the weights are still written', async () => {
    const cwd = folder();
    const stdout = new TestStream('ENOSPC'), stderr = new TestStream();
    assert.equal(await run(['train', 'xor.nnspec', '--quiet'], nodeIo({ cwd, stdout, stderr, env: {} })), 2);
    assert.equal(stderr.text.split('\n').filter(Boolean).length, 1, stderr.text);
    assert.match(stderr.text, /^nnspec: .*\(ENOSPC\)/);
    assert.ok(weightsIn(cwd).ok);
    // Writes after the failure are no-ops: the stream saw the first one only.
    assert.equal(stdout.writes, 1);
  });

  it('a terminal that fails under the progress bar (EIO on stderr): training goes on and saves the weights; exit 2', async () => {
    const cwd = folder();
    const stdout = new TestStream(), stderr = new TestStream('EIO', 1);
    stderr.isTTY = true;
    const code = await run(['train', 'xor.nnspec'], nodeIo({ cwd, stdout, stderr, env: {} }));
    // stderr itself failed: nothing can say so there; the exit code does.
    assert.equal(code, 2);
    assert.ok(stderr.writes >= 2, 'the bar was drawn, and failed');
    assert.ok(weightsIn(cwd).ok, 'the weights were written after the terminal failed');
    assert.match(stdout.text, /accuracy: training 100\.0 %/);
  });

  it('a stream whose write throws is guarded too; later writes are no-ops', () => {
    let calls = 0;
    const target = {
      write: (): boolean => {
        calls++;
        throw Object.assign(new Error('write EIO'), { code: 'EIO' });
      },
      on: () => undefined,
    };
    const guarded = new GuardedStream('stdout', target);
    assert.equal(guarded.write('a'), false);
    assert.equal(guarded.write('b'), false);
    assert.equal(calls, 1);
    assert.deepEqual(guarded.failure, { stream: 'stdout', code: 'EIO', message: 'write EIO' });
  });
});
