import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { csvRowsBound, csvRowsBoundAsync, probeCsvAsync, type CsvProbeOptions } from '../../src/data/csv-probe';
import { answerInThreadOnly, boundCsvRowsInThread, MAX_PROBE_THREADS, probeCsvInThread, probeInThreadOnly, probeThreadsRunning, type CsvProbeRequest } from '../../src/data/csv-probe-thread';

/** The worker's source, run through tsx as mocha runs the tests. */
const WORKER = path.resolve(__dirname, '..', '..', 'src', 'worker', 'csv-probe-worker.ts');
const TSX = ['--require', createRequire(__filename).resolve('tsx/cjs')];
const repo = path.resolve(__dirname, '..', '..');
const policy: CsvProbeOptions = { workspaceRoot: repo, allowOutside: false };

describe('data/csv-probe-thread', () => {
  const specDir = path.join(repo, 'examples');
  const requests: [string, CsvProbeRequest][] = [
    ['a good file', { specDir, csvPath: 'data/iris.csv', options: policy, target: 'species' }],
    ['a missing file', { specDir, csvPath: 'data/missing.csv', options: policy }],
    ['a file outside the workspace', { specDir, csvPath: '../../outside.csv', options: policy }],
    ['a file over the size limit', { specDir, csvPath: 'data/digits.csv', options: { ...policy, maxBytes: 100 } }],
  ];

  for (const [what, request] of requests) {
    it(`answers as the in-process probe does: ${what}`, async () => {
      const inThread = await probeInThreadOnly(WORKER, request, TSX);
      const here = await probeCsvAsync(request.specDir, request.csvPath, request.options, request.target);
      assert.deepEqual(inThread, here);
    });
  }

  for (const [what, request] of requests) {
    it(`counts the rows bound as the in-process probe and the CLI’s do: ${what}`, async () => {
      const inThread = await answerInThreadOnly(WORKER, { ...request, ask: 'rows-bound' }, TSX);
      assert.deepEqual(inThread, await csvRowsBoundAsync(request.specDir, request.csvPath, request.options));
      assert.deepEqual(inThread, csvRowsBound(request.specDir, request.csvPath, request.options));
    });
  }

  it('counts the rows bound in-process when the thread cannot run', async () => {
    const request: CsvProbeRequest = { specDir, csvPath: 'data/iris.csv', options: policy };
    const answer = await boundCsvRowsInThread(path.join(os.tmpdir(), 'no-such-worker.js'), request);
    assert.deepEqual(answer, csvRowsBound(specDir, 'data/iris.csv', policy));
    assert.equal(answer.status, 'ok');
  });

  it('answers in the thread: a malformed file’s line and message come back', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-probe-thread-'));
    fs.writeFileSync(path.join(dir, 'bad.csv'), 'a,b\n1,2\n3\n');
    const request: CsvProbeRequest = { specDir: dir, csvPath: 'bad.csv', options: { workspaceRoot: dir, allowOutside: false } };
    const answer = await probeInThreadOnly(WORKER, request, TSX);
    assert.equal(answer?.status === 'failed' ? answer.error.code : answer?.status, 'csv-malformed');
    // The message is the in-process probe's, whole; the line is only in it (a Failure has no line field).
    assert.deepEqual(answer, await probeCsvAsync(request.specDir, request.csvPath, request.options));
    assert.match(answer?.status === 'failed' ? answer.error.message : '', /(^|\/)bad\.csv:3: /);
  });

  it('runs at most MAX_PROBE_THREADS threads at once; the others wait their turn and all answer', async () => {
    const request: CsvProbeRequest = { specDir, csvPath: 'data/iris.csv', options: policy, target: 'species' };
    let most = 0;
    const sampler = setInterval(() => (most = Math.max(most, probeThreadsRunning())), 1);
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, () => probeCsvInThread(WORKER, request, TSX)));
      assert.ok(answers.every((a) => a.status === 'ok'));
    } finally {
      clearInterval(sampler);
    }
    assert.ok(most >= 1 && most <= MAX_PROBE_THREADS, `at most ${MAX_PROBE_THREADS} at once, saw ${most}`);
    assert.equal(probeThreadsRunning(), 0);
  });

  it('stops a thread that does not answer in time: no answer from it (the caller then probes in-process)', async () => {
    const request: CsvProbeRequest = { specDir, csvPath: 'data/iris.csv', options: policy };
    // 1 ms is less than a thread takes to start: it cannot answer in time.
    assert.equal(await probeInThreadOnly(WORKER, request, TSX, 1), undefined);
  });

  it('still answers when the thread cannot run (the probe then runs in-process)', async () => {
    const request: CsvProbeRequest = { specDir, csvPath: 'data/iris.csv', options: policy };
    const missing = path.join(os.tmpdir(), 'no-such-worker.js');
    assert.equal(await probeInThreadOnly(missing, request), undefined);
    const answer = await probeCsvInThread(missing, request);
    assert.deepEqual(answer, await probeCsvAsync(specDir, 'data/iris.csv', policy));
    assert.equal(answer.status, 'ok');
  });
});
