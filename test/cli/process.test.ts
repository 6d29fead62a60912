/**
 * The CLI as a real process (bin/nnspec.js over a fresh bundle, test/reliability/built-cli.ts)
 * in the situations a shell puts it in: a pipe its reader closes (`| head -1`), a full disk
 * (/dev/full), a working directory deleted under it, a bug at the process level, SIGINT and
 * SIGTERM in the middle of training, a spec that is one 20 MB line.
 *
 * Slow (it spawns processes): meant for `npm run test:reliability`.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseWeights } from '../../src/core/weights/parse';
import { builtCli, finished, runCli, STACK_TRACE, type Finished } from '../reliability/built-cli';

const LINUX = process.platform === 'linux';

/** Runs a bash script with $NODE and $CLI set, in `cwd`; `extraEnv` is added. */
function bash(script: string, cwd: string, extraEnv: Record<string, string> = {}): Promise<Finished> {
  const child = spawn('bash', ['-c', script], { cwd, env: { ...process.env, NODE: process.execPath, CLI: builtCli(), ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  return finished(child);
}

/** No stack frame, no bare `Error:` of node, no node:internal. */
function assertNoStack(text: string, where: string): void {
  assert.doesNotMatch(text, STACK_TRACE, `${where}: ${text.slice(0, 2000)}`);
  assert.doesNotMatch(text, /^\s+at /m, where);
}

/** Zero initialisation of 2-20000-1: the summary's symmetry line lists 20,000 units, more than a pipe holds. */
const WIDE_ZEROS = `name: wide
layers:
  - units: 2
  - units: 20000
    activation: sigmoid
  - units: 1
    activation: sigmoid
init:
  strategy: zeros
train:
  optimizer: gd
  iterations: 2
data:
  generate: xor
  samples: 8
`;

/** Trains for minutes (gd, no tolerance): long enough to be interrupted. */
const LONG = `name: long
layers:
  - units: 2
  - units: 32
    activation: tanh
  - units: 1
    activation: sigmoid
data:
  generate: spiral
  samples: 2000
train:
  optimizer: gd
  learningRate: 0.1
  iterations: 100000000
  tolerance: 0
`;

/** A spec with 4,000 bad rows: `validate --json` prints far more than a pipe holds. */
const MANY_ERRORS = `layers:\n  - units: 2\n  - units: 1\ndata:\n  rows:\n${'    - [x, 1, 0]\n'.repeat(4000)}`;

describe('the CLI as a process: output, errors, signals', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    builtCli();
    dir = fs.mkdtempSync(path.join(tmpdir(), 'nnspec-process-'));
    fs.writeFileSync(path.join(dir, 'wide.nnspec'), WIDE_ZEROS);
    fs.writeFileSync(path.join(dir, 'many.nnspec'), MANY_ERRORS);
    fs.copyFileSync(path.join(__dirname, '..', '..', 'examples', 'xor.nnspec'), path.join(dir, 'xor.nnspec'));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('a closed pipe (EPIPE): quiet, the command finishes, its own exit code', () => {
    it('nnspec train SPEC | head -1: stderr empty, exit 0, the weights written', async () => {
      fs.rmSync(path.join(dir, 'wide.weights.json'), { force: true });
      const end = await bash('"$NODE" "$CLI" train wide.nnspec | head -1; exit "${PIPESTATUS[0]}"', dir);
      assert.equal(end.stderr, '');
      assert.equal(end.code, 0);
      assert.match(end.stdout, /^wide 2-20000-1: /);
      assert.equal(end.stdout.split('\n').filter(Boolean).length, 1);
      const weights = parseWeights(fs.readFileSync(path.join(dir, 'wide.weights.json'), 'utf8'));
      assert.ok(weights.ok, 'the weights file is a complete weights file');
      assert.deepEqual(weights.value.layers.map((l) => [l.rows, l.cols]), [[20000, 3], [1, 20001]]);
    });

    it('nnspec validate --json … | head -c 10: stderr empty, exit 1 (the spec has errors)', async () => {
      const end = await bash('"$NODE" "$CLI" validate --json many.nnspec | head -c 10; exit "${PIPESTATUS[0]}"', dir);
      assert.equal(end.stderr, '');
      assert.equal(end.stdout, '{"file":"m');
      assert.equal(end.code, 1);
      // And of a valid spec: exit 0.
      const valid = await bash('"$NODE" "$CLI" validate --json xor.nnspec | head -c 1; exit "${PIPESTATUS[0]}"', dir);
      assert.deepEqual([valid.code, valid.stderr], [0, '']);
    });
  });

  describe('a full disk (/dev/full): one line, exit 2', function () {
    before(function () {
      if (!LINUX || !fs.existsSync('/dev/full')) this.skip(); // /dev/full is Linux's
    });

    it('stdout to /dev/full: one line on stderr naming ENOSPC, exit 2, and train still writes its weights', async () => {
      const validate = await bash('exec "$NODE" "$CLI" validate xor.nnspec > /dev/full', dir);
      assert.equal(validate.code, 2);
      assertNoStack(validate.stderr, 'validate > /dev/full');
      assert.equal(validate.stderr.split('\n').filter(Boolean).length, 1, validate.stderr);
      assert.match(validate.stderr, /^nnspec: .*ENOSPC/);
      fs.rmSync(path.join(dir, 'xor.weights.json'), { force: true });
      const train = await bash('exec "$NODE" "$CLI" train xor.nnspec > /dev/full', dir);
      assert.equal(train.code, 2);
      assertNoStack(train.stderr, 'train > /dev/full');
      assert.ok(parseWeights(fs.readFileSync(path.join(dir, 'xor.weights.json'), 'utf8')).ok);
    });

    it('stderr to /dev/full: nothing can be printed; exit 2 where the command would exit 0', async () => {
      // export warns on stderr (the weights come from another version of the spec) and exits 0.
      assert.equal((await runCli(['train', 'xor.nnspec', '--quiet', '--out', 'old.json'], dir)).code, 0);
      fs.writeFileSync(path.join(dir, 'changed.nnspec'), fs.readFileSync(path.join(dir, 'xor.nnspec'), 'utf8').replace('    - [1, 1, 0]\n', '    - [1, 1, 0]\n    - [1, 1, 0]\n'));
      const warned = await runCli(['export', 'changed.nnspec', '--weights', 'old.json', '--pytorch', 'a.py'], dir);
      assert.equal(warned.code, 0, warned.stderr);
      assert.match(warned.stderr, /warning/);
      const end = await bash('exec "$NODE" "$CLI" export changed.nnspec --weights old.json --pytorch b.py 2> /dev/full', dir);
      assert.equal(end.code, 2);
      assert.equal(end.stdout, 'wrote b.py\n');
    });
  });

  describe('the error boundary at the process level: one line, exit 70', () => {
    let preloads: string;
    before(() => {
      preloads = fs.mkdtempSync(path.join(tmpdir(), 'nnspec-preload-'));
      // Run after bin/nnspec.js has started main() (the next tick), outside any command's await.
      fs.writeFileSync(path.join(preloads, 'throw.js'), "process.nextTick(() => { throw new TypeError('injected by the test'); });\n");
      fs.writeFileSync(path.join(preloads, 'reject.js'), "process.nextTick(() => { Promise.reject(new RangeError('injected rejection')); });\n");
    });
    after(() => fs.rmSync(preloads, { recursive: true, force: true }));

    for (const [kind, file, name] of [['an uncaught exception', 'throw.js', 'TypeError'], ['an unhandled rejection', 'reject.js', 'RangeError']] as const) {
      it(`${kind}: one line with internal-error and the --debug hint; the stack only with NNSPEC_DEBUG=1`, async () => {
        const script = `exec "$NODE" -r "${path.join(preloads, file)}" "$CLI" validate xor.nnspec`;
        const end = await bash(script, dir);
        assert.equal(end.code, 70);
        assertNoStack(end.stderr, kind);
        const lines = end.stderr.split('\n').filter(Boolean);
        assert.equal(lines.length, 1, end.stderr);
        assert.match(lines[0]!, new RegExp(`^nnspec: error internal-error: .*\\(${name}\\).*--debug`));
        const debug = await bash(script, dir, { NNSPEC_DEBUG: '1' });
        assert.equal(debug.code, 70);
        assert.match(debug.stderr, /^\s+at .*:\d+:\d+\)?$/m);
      });
    }
  });

  describe('bin/nnspec.js when the CLI cannot be loaded', () => {
    /** A copy of bin/nnspec.js beside a dist/cli.js of `source` (none when undefined). */
    function install(source: string | undefined): string {
      const root = fs.mkdtempSync(path.join(dir, 'install-'));
      fs.mkdirSync(path.join(root, 'bin'));
      fs.copyFileSync(path.join(__dirname, '..', '..', 'bin', 'nnspec.js'), path.join(root, 'bin', 'nnspec.js'));
      if (source !== undefined) {
        fs.mkdirSync(path.join(root, 'dist'));
        fs.writeFileSync(path.join(root, 'dist', 'cli.js'), source);
      }
      return path.join(root, 'bin', 'nnspec.js');
    }

    it('a broken build: the internal-error line, exit 70; the stack with --debug', async () => {
      const bin = install("throw new TypeError('a broken build');\n");
      const end = await finished(spawn(process.execPath, [bin, 'validate', 'xor.nnspec'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }));
      assert.equal(end.code, 70);
      assertNoStack(end.stderr, 'broken build');
      assert.match(end.stderr, /^nnspec: error internal-error: cannot load the CLI: a broken build; .*--debug.*\n$/);
      const debug = await finished(spawn(process.execPath, [bin, 'validate', 'xor.nnspec', '--debug'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }));
      assert.equal(debug.code, 70);
      assert.match(debug.stderr, /^\s+at .*:\d+:\d+\)?$/m);
    });

    it('no build: one line saying so, exit 2', async () => {
      const end = await finished(spawn(process.execPath, [install(undefined), 'validate', 'xor.nnspec'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }));
      assert.equal(end.code, 2);
      assert.match(end.stderr, /^nnspec: the CLI is not built yet; run `npm run build` first\.\n$/);
    });
  });

  describe('a working directory that no longer exists', () => {
    const COMMANDS: readonly string[][] = [
      ['validate', 'x.nnspec'],
      ['train', 'x.nnspec'],
      ['check', 'x.nnspec'],
      ['cost', 'x.nnspec'],
      ['init', 'x.nnspec', '--out', 'w.json'],
      ['predict', 'x.nnspec', '--weights', 'w.json'],
      ['export', 'x.nnspec', '--weights', 'w.json', '--onnx', 'x.onnx'],
    ];
    for (const argv of COMMANDS) {
      it(`nnspec ${argv[0]}: one line, exit 2`, async () => {
        const end = await bash(`mkdir gone && cd gone && rmdir ../gone && exec "$NODE" "$CLI" ${argv.join(' ')}`, dir);
        assert.equal(end.code, 2, end.stderr);
        assertNoStack(end.stderr, argv[0]!);
        assert.equal(end.stderr, 'nnspec: the current directory no longer exists (it was deleted or moved); cd to an existing directory and run again.\n');
      });
    }
  });

  describe('SIGINT and SIGTERM end a run at once; the previous weights stay, no temporary file is left', function () {
    before(function () {
      // The run is known to be training once it has used a second of CPU (/proc: Linux only).
      if (!LINUX) this.skip();
    });

    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      it(signal, async () => {
        const folder = fs.mkdtempSync(path.join(dir, `${signal}-`));
        fs.writeFileSync(path.join(folder, 'long.nnspec'), LONG);
        const init = await runCli(['init', 'long.nnspec', '--out', 'long.weights.json'], folder);
        assert.equal(init.code, 0, init.stderr);
        const previous = fs.readFileSync(path.join(folder, 'long.weights.json'));
        const child = spawn(process.execPath, [builtCli(), 'train', 'long.nnspec'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
        const ended = finished(child);
        await cpuSeconds(child, 1).catch((error: unknown) => {
          child.kill('SIGKILL');
          throw error;
        });
        child.kill(signal);
        // A run that outlives the signal is ended for good (and the test fails: SIGKILL, not the signal).
        const watchdog = setTimeout(() => child.kill('SIGKILL'), 10_000);
        const end = await ended.finally(() => clearTimeout(watchdog));
        // Ended by the signal itself (default disposition, no handler waiting for the loop), at once.
        assert.equal(end.signal, signal, `exit ${end.code ?? end.signal}: ${end.stderr}`);
        assert.ok(previous.equals(fs.readFileSync(path.join(folder, 'long.weights.json'))), 'the previous weights, byte for byte');
        assert.deepEqual(fs.readdirSync(folder).filter((f) => f.includes('.tmp')), []);
        assert.deepEqual(fs.readdirSync(folder).sort(), ['long.nnspec', 'long.weights.json']);
      });
    }
  });

  it('a 20 MB one-line spec: a few hundred bytes on stderr (train) and stdout (validate)', async () => {
    fs.writeFileSync(path.join(dir, 'big.nnspec'), `name: ${'x'.repeat(20 * 1024 * 1024)}\n`);
    // Refused by the validator's length limit (exit 1) or, where the file is capped before it
    // is read, by that cap (exit 2): either way a few hundred bytes.
    const train = await runCli(['train', 'big.nnspec'], dir);
    assert.ok(train.code === 1 || train.code === 2, `exit ${train.code}`);
    assert.ok(train.stderr.length < 2000, `${train.stderr.length} bytes on stderr`);
    assert.match(train.stderr, /too.large/);
    assertNoStack(train.stderr, 'train big.nnspec');
    const validate = await runCli(['validate', 'big.nnspec'], dir);
    assert.ok(validate.code === 1 || validate.code === 2, `exit ${validate.code}`);
    assert.ok(validate.stdout.length + validate.stderr.length < 2000, `${validate.stdout.length} + ${validate.stderr.length} bytes`);
    assertNoStack(validate.stdout + validate.stderr, 'validate big.nnspec');
  });
});

/** Resolves once `child` has used `seconds` of CPU (user + system, from /proc/PID/stat). */
async function cpuSeconds(child: ChildProcess, seconds: number): Promise<void> {
  const ticksPerSecond = 100; // USER_HZ, fixed at 100 for /proc on Linux
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the run ended first (${child.exitCode ?? child.signalCode})`);
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
    } catch {
      throw new Error('the run ended first');
    }
    // The fields after the command name (which may hold spaces) start after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    if (ticks >= seconds * ticksPerSecond) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
