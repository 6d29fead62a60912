import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { summarizeCsv } from '../../src/core/data/csv-summary';
import { ok, type DataResult } from '../../src/core/data/data-error';
import { DISTINCT_CAP, type CsvSummary } from '../../src/core/spec/data-probe';
import { readCsvFile, type CsvReadOptions } from '../../src/data/csv-file';
import { probeCsv, probeCsvAsync, type CsvProbeOptions } from '../../src/data/csv-probe';
import { summarizeCsvFile } from '../../src/data/csv-stream-summary';
import { CsvSummaryBuilder } from '../../src/data/csv-summary-builder';

/**
 * The streamed probe against its oracle, the synchronous path (readCsvFile, then
 * summarizeCsv): equal answers, codes, lines and messages included, for every fixture, the
 * examples and files made to split awkwardly across chunk boundaries.
 */
const repo = path.resolve(__dirname, '..', '..');
const fixtures = path.join(__dirname, 'fixtures');
const examples = path.join(repo, 'examples', 'data');
const policy: CsvProbeOptions = { workspaceRoot: repo, allowOutside: false };

function oracle(file: string, options: CsvReadOptions = {}): DataResult<CsvSummary> {
  const records = readCsvFile(file, options);
  return records.ok ? ok(summarizeCsv(records.value)) : records;
}

/** Files whose chunks split a CRLF, a BOM, a multi-byte character, a quoted cell or a row. */
const edgeCases: Record<string, string | Buffer> = {
  'crlf-split.csv': 'a,b\r\n1,2\r\n3,4\r\n',
  'cr-only.csv': 'a,b\r1,2\r3,x\r',
  'bom-only.csv': '\uFEFF',
  'bom-blank.csv': '\uFEFF \t\r\n\n',
  'whitespace.csv': '\t \u00a0\n\n  ',
  'multibyte.csv': 'näme,ü\n"ä,ö",€\n1,😀\n',
  'quoted-lines.csv': 'a,b\n"x\ny",1\n"p""q",2\n',
  'ragged-after-quoted.csv': 'a,b\n"x\ny",1\n3\n4,5\n',
  'ragged-then-unclosed.csv': 'a,b\n1\n2,"3\n',
  'duplicate-and-ragged.csv': 'a,a\n1\n',
  'duplicate-header-only.csv': 'a,a\n',
  'blank-lines-first.csv': '\n\na,b\n\n1,2\n\n',
  'spaces.csv': ' a , b \n 1 , x \n 2 ,  \n',
  'invalid-opening-quote.csv': 'a,b\n1,x"y"\n',
  'invalid-closing-quote.csv': 'a,b\n"1"x,2\n',
  'no-final-newline.csv': 'a,b\n1,2',
  'numbers.csv': 'a,b,c\n1e3,-.5,+7.\n0x10,1_000,inf\n',
  'invalid-utf8.csv': Buffer.concat([Buffer.from('a,b\n'), Buffer.from([0xe2, 0x82]), Buffer.from(',1\n'), Buffer.from([0xff, 0xc3]), Buffer.from(',2\n')]),
  'over-cap.csv': `id,k\n${Array.from({ length: DISTINCT_CAP + 50 }, (_, i) => `${i},${i % 3}`).join('\n')}\n`,
};

describe('csv probe, streamed', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-stream-'));
    for (const [name, content] of Object.entries(edgeCases)) fs.writeFileSync(path.join(tmp, name), content);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('probeCsvAsync answers exactly as probeCsv for every fixture and example', async () => {
    const files = [...fs.readdirSync(fixtures).map((f) => path.join(fixtures, f)), path.join(examples, 'digits.csv'), path.join(examples, 'iris.csv')];
    assert.ok(files.length >= 20);
    for (const file of files) {
      const csvPath = path.relative(fixtures, file);
      assert.deepEqual(await probeCsvAsync(fixtures, csvPath, policy), probeCsv(fixtures, csvPath, policy), csvPath);
    }
  });

  it('the examples summarise as expected (both paths agree on a non-trivial answer)', async () => {
    const r = await probeCsvAsync(examples, 'iris.csv', policy);
    assert.ok(r.status === 'ok');
    assert.ok(r.summary.rows > 0);
    assert.ok(r.summary.columns.some((c) => !c.numeric));
  });

  it('every fixture, at chunk sizes from 1 byte up, gives the oracle result with its line', async () => {
    for (const name of fs.readdirSync(fixtures)) {
      const file = path.join(fixtures, name);
      for (const chunkBytes of [1, 2, 3, 5, 64 * 1024]) {
        assert.deepEqual(await summarizeCsvFile(file, { chunkBytes }), oracle(file), `${name} @ ${chunkBytes}`);
      }
    }
  });

  it('files split awkwardly across chunks give the oracle result', async () => {
    for (const name of Object.keys(edgeCases)) {
      const file = path.join(tmp, name);
      for (const chunkBytes of [1, 2, 3, 5, 7, 64 * 1024]) {
        assert.deepEqual(await summarizeCsvFile(file, { chunkBytes }), oracle(file), `${name} @ ${chunkBytes}`);
      }
    }
  });

  it('the edge cases cover the outcomes that matter', async () => {
    const code = async (name: string): Promise<string> => {
      const r = await summarizeCsvFile(path.join(tmp, name), { chunkBytes: 2 });
      return r.ok ? 'ok' : `${r.error.code}${r.error.line !== undefined ? `:${r.error.line}` : ''}`;
    };
    assert.equal(await code('bom-blank.csv'), 'csv-empty');
    assert.equal(await code('ragged-after-quoted.csv'), 'csv-ragged-row:4');
    assert.equal(await code('ragged-then-unclosed.csv'), 'csv-malformed:3');
    assert.equal(await code('duplicate-and-ragged.csv'), 'csv-duplicate-column:1');
    assert.equal(await code('invalid-opening-quote.csv'), 'csv-malformed:2');
    assert.equal(await code('multibyte.csv'), 'ok');
    const capped = await summarizeCsvFile(path.join(tmp, 'over-cap.csv'), { chunkBytes: 5 });
    assert.ok(capped.ok);
    assert.deepEqual(
      capped.value.columns.map((c) => [c.distinct.length, c.distinctTruncated]),
      [[DISTINCT_CAP, true], [3, false]],
    );
  });

  it('checks size and kind from stat before reading: too large, a directory, a FIFO', async () => {
    const big = path.join(fixtures, 'strings.csv');
    assert.deepEqual(await summarizeCsvFile(big, { maxBytes: 10 }), oracle(big, { maxBytes: 10 }));
    assert.deepEqual(await summarizeCsvFile(fixtures), oracle(fixtures));
    if (process.platform !== 'win32') {
      // Reading a FIFO with no writer would wait forever; stat must refuse it first.
      const fifo = path.join(tmp, 'fifo.csv');
      execFileSync('mkfifo', [fifo]);
      const r = await summarizeCsvFile(fifo);
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'csv-not-a-file');
    }
  });

  it('never rejects: a missing file, a path with a NUL byte, a missing workspace', async () => {
    for (const [dir, csvPath, options] of [
      [fixtures, 'nope.csv', policy],
      [fixtures, 'bad\0name.csv', policy],
      [fixtures, 'strings.csv', { workspaceRoot: path.join(tmp, 'no-such-root'), allowOutside: false }],
    ] as const) {
      const r = await probeCsvAsync(dir, csvPath, options);
      assert.equal(r.status, 'failed', csvPath);
    }
    assert.equal((await summarizeCsvFile(path.join(tmp, 'nope.csv'))).ok, false);
  });
});

describe('csv probe, streamed: the event loop keeps turning', () => {
  let tmp: string;
  let file: string;
  before(function () {
    this.timeout(60_000);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-stream-big-'));
    file = path.join(tmp, 'big.csv');
    fs.writeFileSync(file, wideCsv(2000, 400));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('a ticker on setImmediate fires many times while a ~6 MB file is being summarised', async function () {
    this.timeout(60_000);
    assert.ok(fs.statSync(file).size > 5_000_000);
    // Count the records summarised so far, to see ticks land in the middle of the summary and
    // not only while the file is read (the old path read asynchronously, then blocked).
    let added = 0;
    const add = CsvSummaryBuilder.prototype.add;
    CsvSummaryBuilder.prototype.add = function (record, line) {
      added++;
      add.call(this, record, line);
    };
    let ticks = 0;
    let midSummaryTicks = 0;
    let probing = true;
    const tick = (): void => {
      ticks++;
      if (added > 1 && added < 2001) midSummaryTicks++;
      if (probing) setImmediate(tick);
    };
    setImmediate(tick);
    let result;
    try {
      result = await probeCsvAsync(tmp, 'big.csv', { workspaceRoot: tmp, allowOutside: false });
    } finally {
      probing = false;
      CsvSummaryBuilder.prototype.add = add;
    }
    assert.equal(added, 2001);
    assert.ok(ticks >= 20, `only ${ticks} ticks while probing`);
    assert.ok(midSummaryTicks >= 20, `only ${midSummaryTicks} ticks between the first and the last row`);
    assert.deepEqual(result, probeCsv(tmp, 'big.csv', { workspaceRoot: tmp, allowOutside: false }));
    assert.ok(result.status === 'ok' && result.summary.rows === 2000 && result.summary.columns.length === 401);
  });
});

/** `rows` rows of `columns` numeric cells and a label; the first column is a row id (over DISTINCT_CAP values). */
function wideCsv(rows: number, columns: number): string {
  const lines = [[...Array.from({ length: columns }, (_, c) => `x${c}`), 'label'].join(',')];
  for (let r = 0; r < rows; r++) {
    const cells = Array.from({ length: columns }, (_, c) => (c === 0 ? String(r) : (((r * 31 + c * 17) % 1000) / 7).toFixed(3)));
    lines.push([...cells, `class${r % 10}`].join(','));
  }
  return `${lines.join('\n')}\n`;
}
