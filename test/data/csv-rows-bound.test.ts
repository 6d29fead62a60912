import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { countCsvRows, countCsvRowsSync } from '../../src/data/csv-rows-bound';

describe('data/csv-rows-bound', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-rows-bound-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Both counters' answers for a file holding `text`, read in chunks of `chunkBytes`. */
  async function rowsOf(text: string, chunkBytes?: number, maxBytes?: number): Promise<unknown> {
    const file = path.join(dir, 'f.csv');
    fs.writeFileSync(file, text);
    const options = { ...(chunkBytes !== undefined && { chunkBytes }), ...(maxBytes !== undefined && { maxBytes }) };
    const sync = countCsvRowsSync(file, options);
    assert.deepEqual(await countCsvRows(file, options), sync);
    return sync.ok ? sync.value.rows : sync.error.code;
  }

  it('the lines but the header: an empty file, a header only, no final line break', async () => {
    assert.equal(await rowsOf(''), 0);
    assert.equal(await rowsOf('x,y\n'), 0);
    assert.equal(await rowsOf('x,y'), 0);
    assert.equal(await rowsOf('x,y\n1,2\n3,4'), 2);
    assert.equal(await rowsOf('x,y\n1,2\n3,4\n'), 2);
  });

  it('a CRLF split across chunks counts once, at every chunk size', async () => {
    const text = 'x,y\r\n1,2\r\n3,4\r\n5,6\r\n';
    for (const size of [1, 2, 3, 4, 5, 6, 64]) assert.equal(await rowsOf(text, size), 3, `chunks of ${size}`);
  });

  it('is the records csv-parse finds in an ordinary file, and never fewer than it finds in any', async () => {
    const records = (text: string): number => (parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown[]).length;
    const ordinary = 'a,b\r\n1,2\r\n3,4\r\n';
    assert.equal(await rowsOf(ordinary, 3), records(ordinary) - 1);
    for (const text of ['a,b\n1,"two\nlines"\n3,4\n', 'a,b\r1,2\n3,4\r\n5,6', 'a,b\n\n\n1,2\n', 'a,b\r\r\n1,2']) {
      assert.ok((await rowsOf(text, 2)) as number >= records(text) - 1, JSON.stringify(text));
    }
  });

  it('reads by the opener’s rule: a missing file, a file over the limit, a FIFO', async () => {
    assert.equal((countCsvRowsSync(path.join(dir, 'missing.csv')) as { ok: false; error: { code: string } }).error.code, 'csv-not-found');
    assert.equal(await rowsOf('x,y\n1,2\n', undefined, 4), 'csv-too-large');
    if (process.platform !== 'win32') {
      // Reading a FIFO with no writer would wait forever; the opener refuses it from stat.
      const fifo = path.join(dir, 'fifo.csv');
      execFileSync('mkfifo', [fifo]);
      const r = await countCsvRows(fifo);
      assert.equal(r.ok ? 'ok' : r.error.code, 'csv-not-a-file');
    }
  });
});
