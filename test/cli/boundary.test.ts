/**
 * The CLI's error boundary in process: whatever a command throws that is not bad input (a
 * bug, injected here through an io that throws) is one line with the code internal-error
 * and a hint, exit 70; --debug or NNSPEC_DEBUG=1 add the stack trace. The process-level
 * boundary (uncaught exceptions, unhandled rejections) is driven in process.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { splitDebug } from '../../src/cli/boundary';
import { EXIT } from '../../src/cli/command';
import type { CliIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { memoryIo } from './memory-io';

const XOR = readFileSync(path.join(__dirname, '..', 'fixtures', 'defining-example.nnspec'), 'utf8');
/** A stack frame as V8 prints it. */
const FRAME = /^\s+at .+:\d+:\d+\)?$/m;

/** memoryIo whose CSV probe factory throws `thrown`: a bug inside `validate`. */
function throwingIo(thrown: unknown, env: Record<string, string> = {}): CliIo & { out: () => string; err: () => string } {
  const io = memoryIo({ 'xor.nnspec': XOR });
  return {
    ...io,
    env,
    createProbe: () => {
      throw thrown;
    },
  };
}

describe('nnspec error boundary (in process)', () => {
  it('an unexpected throw is one line with internal-error and a --debug hint, exit 70, no stack', async () => {
    const io = throwingIo(new TypeError("Cannot read properties of undefined (reading 'x')"));
    assert.equal(await run(['validate', 'xor.nnspec'], io), EXIT.internal);
    assert.equal(EXIT.internal, 70);
    const lines = io.err().split('\n').filter(Boolean);
    assert.equal(lines.length, 1, io.err());
    assert.match(lines[0]!, /^nnspec validate: error internal-error: .*\(TypeError\).*--debug/);
    assert.doesNotMatch(io.err(), FRAME);
    assert.equal(io.out(), '');
  });

  it('--debug, anywhere on the line, adds the stack trace; so does NNSPEC_DEBUG=1', async () => {
    for (const [argv, env] of [
      [['validate', 'xor.nnspec', '--debug'], {}],
      [['--debug', 'validate', 'xor.nnspec'], {}],
      [['validate', 'xor.nnspec'], { NNSPEC_DEBUG: '1' }],
    ] as const) {
      const io = throwingIo(new RangeError('injected'), env);
      assert.equal(await run(argv, io), 70, argv.join(' '));
      assert.match(io.err(), /^nnspec validate: error internal-error: injected \(RangeError\)/, argv.join(' '));
      assert.match(io.err(), FRAME, argv.join(' '));
    }
    // NNSPEC_DEBUG=0 is off.
    const off = throwingIo(new RangeError('injected'), { NNSPEC_DEBUG: '0' });
    assert.equal(await run(['validate', 'xor.nnspec'], off), 70);
    assert.doesNotMatch(off.err(), FRAME);
  });

  it('a thrown non-Error, and a huge message, still give one bounded line', async () => {
    const io = throwingIo({ toString: () => 'x'.repeat(1_000_000) });
    assert.equal(await run(['validate', 'xor.nnspec'], io), 70);
    assert.equal(io.err().split('\n').filter(Boolean).length, 1);
    assert.ok(io.err().length < 1000, `${io.err().length} characters`);
    const multiLine = throwingIo(new Error('first\nsecond\nthird'));
    assert.equal(await run(['validate', 'xor.nnspec'], multiLine), 70);
    assert.equal(multiLine.err().split('\n').filter(Boolean).length, 1, multiLine.err());
  });

  it('an io whose stderr throws as well still ends in exit 70, not a rejection', async () => {
    const io = throwingIo(new Error('injected'));
    const broken: CliIo = {
      ...io,
      stderr: {
        write: () => {
          throw new Error('stderr is gone');
        },
      },
    };
    assert.equal(await run(['validate', 'xor.nnspec'], broken), 70);
  });

  it('usage errors keep exit 2, and bad input keeps 1: only bugs are 70', async () => {
    assert.equal(await run(['validate', '--bogus', 'xor.nnspec'], memoryIo({ 'xor.nnspec': XOR })), EXIT.usage);
    assert.equal(await run(['validate', 'bad.nnspec'], memoryIo({ 'bad.nnspec': 'layers: 3\n' })), EXIT.failed);
  });

  it('--debug is taken out of the arguments only before a --', () => {
    assert.deepEqual(splitDebug(['train', '--debug', 'x']), { argv: ['train', 'x'], debug: true });
    assert.deepEqual(splitDebug(['train', '--', '--debug']), { argv: ['train', '--', '--debug'], debug: false });
    assert.equal(splitDebug(['train'], { NNSPEC_DEBUG: 'true' }).debug, true);
    assert.equal(splitDebug(['train'], { NNSPEC_DEBUG: '' }).debug, false);
  });

  it('the help names --debug and every exit code', async () => {
    const io = memoryIo({});
    assert.equal(await run(['--help'], io), 0);
    assert.match(io.out(), /--debug/);
    assert.match(io.out(), /NNSPEC_DEBUG=1/);
    for (const code of [0, 1, 2, 70]) assert.match(io.out(), new RegExp(`^  ${code} +\\S`, 'm'), `exit ${code}`);
    const train = memoryIo({});
    assert.equal(await run(['train', '--help'], train), 0);
    assert.match(train.out(), /--debug/);
    assert.match(train.out(), /--force/);
  });
});
