/**
 * Special files given to the CLI as a real process (test/reliability/built-cli.ts) where it
 * expects a file: a FIFO with no writer, /dev/zero, a directory, as the spec, the weights or
 * the spec's CSV; a sparse 2 GiB spec. Each ends in one line naming the file and what it is,
 * a non-zero exit and no stack trace. A CLI that hangs is killed, and the test fails saying so.
 * A few seconds in all (each process ends at once), so it runs with the unit tests.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { builtCli, finished, startCli, STACK_TRACE, type Finished } from '../reliability/built-cli';

const POSIX = process.platform !== 'win32';
/** Long enough for node to start and refuse; a hang is killed after it. */
const HANG_MS = 15_000;

/** Runs `nnspec args…` in `cwd`, killed (SIGKILL) if it has not ended after HANG_MS. */
async function runOrKill(args: readonly string[], cwd: string): Promise<Finished> {
  const child = startCli(args, cwd);
  const timer = setTimeout(() => child.kill('SIGKILL'), HANG_MS);
  try {
    const end = await finished(child);
    assert.equal(end.signal, null, `nnspec ${args.join(' ')} hung and was killed after ${HANG_MS} ms; stderr: ${end.stderr.slice(0, 500)}`);
    return end;
  } finally {
    clearTimeout(timer);
  }
}

/** Exit 2, nothing on stdout, and exactly `line` on stderr. */
function assertOneLine(end: Finished, line: string): void {
  assert.doesNotMatch(end.stderr, STACK_TRACE);
  assert.equal(end.stderr, `${line}\n`);
  assert.equal(end.stdout, '');
  assert.equal(end.code, 2);
}

describe('the CLI given special files: one line, non-zero, never a hang', function () {
  this.timeout(HANG_MS + 30_000);
  let dir: string;

  before(function () {
    if (!POSIX) this.skip(); // mkfifo and /dev are POSIX's
    builtCli();
    dir = fs.mkdtempSync(path.join(tmpdir(), 'nnspec-special-'));
    fs.copyFileSync(path.join(__dirname, '..', '..', 'examples', 'xor.nnspec'), path.join(dir, 'xor.nnspec'));
    execFileSync('mkfifo', [path.join(dir, 'spec.fifo')]);
    execFileSync('mkfifo', [path.join(dir, 'weights.fifo')]);
    execFileSync('mkfifo', [path.join(dir, 'data.fifo')]);
    fs.mkdirSync(path.join(dir, 'folder.nnspec'));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('nnspec validate FIFO, nnspec train FIFO: "it is a named pipe (FIFO), not a file", exit 2', async () => {
    for (const command of ['validate', 'train']) {
      assertOneLine(await runOrKill([command, 'spec.fifo'], dir), `nnspec ${command}: cannot read spec.fifo: it is a named pipe (FIFO), not a file`);
    }
  });

  it('nnspec check SPEC --weights FIFO, and --weights /dev/zero: the weights refused by what they are, exit 2', async () => {
    assertOneLine(await runOrKill(['check', 'xor.nnspec', '--weights', 'weights.fifo'], dir), 'nnspec check: cannot read weights.fifo: it is a named pipe (FIFO), not a file');
    assertOneLine(await runOrKill(['check', 'xor.nnspec', '--weights', '/dev/zero'], dir), 'nnspec check: cannot read /dev/zero: it is a character device, not a file');
  });

  it('nnspec validate /dev/zero, and a directory: exit 2 at once', async () => {
    assertOneLine(await runOrKill(['validate', '/dev/zero'], dir), 'nnspec validate: cannot read /dev/zero: it is a character device, not a file');
    assertOneLine(await runOrKill(['validate', 'folder.nnspec'], dir), 'nnspec validate: cannot read folder.nnspec: it is a directory, not a file');
  });

  it("a spec whose data file is a FIFO: csv-not-a-file on its csv: line, exit 1", async () => {
    fs.writeFileSync(path.join(dir, 'fifo-data.nnspec'), 'layers:\n  - units: 2\n  - units: 1\n    activation: sigmoid\ndata:\n  csv: data.fifo\n  target: y\n');
    const end = await runOrKill(['validate', 'fifo-data.nnspec'], dir);
    assert.equal(end.code, 1, end.stderr);
    assert.doesNotMatch(end.stdout + end.stderr, STACK_TRACE);
    assert.match(end.stdout, /^fifo-data\.nnspec:6:\d+: error csv-not-a-file: .*data\.fifo is a named pipe \(FIFO\), not a file/m);
  });

  it('looking into an existing output (is it nnspec\'s?) goes through the opener: a FIFO is not nnspec\'s, at once', () => {
    // writtenByNnspec is called after refuseOutput's stat; a FIFO put there since must not block it.
    const script = `const { writtenByNnspec } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'src', 'cli', 'output-safety.ts'))});
      process.stdout.write(JSON.stringify(['weights', 'onnx', 'pytorch'].map((k) => writtenByNnspec(process.argv[1], k))));`;
    const child = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script, path.join(dir, 'weights.fifo')], { encoding: 'utf8', timeout: HANG_MS, killSignal: 'SIGKILL' });
    assert.equal(child.signal, null, `writtenByNnspec hung on a FIFO and was killed; stderr: ${child.stderr.slice(0, 500)}`);
    assert.equal(child.stdout, '[false,false,false]', child.stderr);
  });

  it('a sparse 2 GiB spec: spec-too-large from the first 3 MB, exit 1, a few lines of output', async () => {
    const big = path.join(dir, 'big.nnspec');
    fs.writeFileSync(big, 'name: big\n');
    fs.truncateSync(big, 2 * 1024 ** 3);
    for (const command of ['validate', 'train']) {
      const end = await runOrKill([command, 'big.nnspec'], dir);
      assert.equal(end.code, 1, end.stderr);
      assert.doesNotMatch(end.stdout + end.stderr, STACK_TRACE);
      assert.match(end.stdout + end.stderr, /error spec-too-large: /);
      assert.ok((end.stdout + end.stderr).length < 2000, `${(end.stdout + end.stderr).length} characters of output`);
    }
  });
});
