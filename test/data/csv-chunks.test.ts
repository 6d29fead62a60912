import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CsvTableBuilder, TARGET_TEXT_CAP } from '../../src/core/data/csv-table';
import type { CsvColumns } from '../../src/core/data/csv-table';
import { parse } from 'csv-parse/sync';
import { loadCsvFile, readCsvFile } from '../../src/data/csv-file';

/**
 * The streamed loader, chunk by chunk: a line, a quoted cell, a CRLF and a multi-byte UTF-8
 * character split across chunk boundaries give the table (or the failure, with its line
 * and column) that reading the file as one chunk gives, and that the file's text says.
 */
const fixtures = path.join(__dirname, 'fixtures');
const WHOLE = 1 << 30;
const SMALL_CHUNKS = [1, 2, 3, 4, 5, 6, 7, 64];

/** Files whose every byte is a chunk boundary at size 1, with the table they hold. */
const files: Record<string, { text: string | Buffer; columns: CsvColumns; X: number[]; targets: (number | string)[] }> = {
  'lines.csv': { text: 'x1,x2,y\n1,2,0\n3.5,-4,1\n', columns: { target: 'y', task: 'classification' }, X: [1, 2, 3.5, -4], targets: [0, 1] },
  'crlf.csv': { text: 'x1,y\r\n10,0\r\n20,1\r\n', columns: { target: 'y', task: 'regression' }, X: [10, 20], targets: [0, 1] },
  'quoted.csv': {
    text: 'x,name\n1,"Smith, John"\n2,"two\r\nlines ""q"""\n3,"Smith, John"\n',
    columns: { target: 'name', task: 'classification' },
    X: [1, 2, 3],
    targets: ['Smith, John', 'two\r\nlines "q"', 'Smith, John'],
  },
  'multibyte.csv': { text: '\uFEFFx,espèce\n1,é😀\n2,€\n3,é😀\n', columns: { target: 'espèce', task: 'classification' }, X: [1, 2, 3], targets: ['é😀', '€', 'é😀'] },
  'no-final-newline.csv': { text: '\uFEFFx1,y\r\n\r\n5,1\r\n6,"0"', columns: { target: 'y', task: 'regression' }, X: [5, 6], targets: [1, 0] },
};

/** Files that fail, with the failure's code, line and column, whatever the chunks. */
const failing: Record<string, { text: string; columns: CsvColumns; code: string; line: number; column?: number }> = {
  'bad-cell-after-quoted-lines.csv': { text: 'x,y\n1,"a\nb"\n\r\n2,"c\r\nd"\r\nabc,e\n', columns: { target: 'y', task: 'classification' }, code: 'csv-not-a-number', line: 7, column: 1 },
  'unclosed-quote-after-blank-lines.csv': { text: 'x,y\n1,0\n\n\n2,"open\n3,1\n', columns: { target: 'y', task: 'classification' }, code: 'csv-malformed', line: 5 },
  'ragged-after-crlf.csv': { text: 'x,y\r\n1,0\r\n2\r\n', columns: { target: 'y', task: 'classification' }, code: 'csv-ragged-row', line: 3 },
};

describe('CSV read in chunks', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-chunks-'));
    for (const [name, { text }] of [...Object.entries(files), ...Object.entries(failing)]) fs.writeFileSync(path.join(dir, name), text);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a line, a quoted cell, a CRLF and a multi-byte character split across chunks: the table the text holds', () => {
    for (const [name, { columns, X, targets }] of Object.entries(files)) {
      for (const chunkBytes of [...SMALL_CHUNKS, WHOLE]) {
        const table = loadCsvFile(path.join(dir, name), columns, { chunkBytes });
        assert.ok(table.ok, `${name} @ ${chunkBytes}: ${table.ok ? '' : table.error.message}`);
        assert.deepEqual(Array.from(table.value.X), X, `${name} @ ${chunkBytes}`);
        assert.deepEqual(table.value.targets, targets, `${name} @ ${chunkBytes}`);
      }
    }
  });

  it('a failure keeps its code, line and column (and message) whatever the chunks', () => {
    for (const [name, { columns, code, line, column }] of Object.entries(failing)) {
      const whole = loadCsvFile(path.join(dir, name), columns, { chunkBytes: WHOLE });
      assert.ok(!whole.ok, name);
      assert.deepEqual([whole.error.code, whole.error.line, whole.error.column], [code, line, column], name);
      for (const chunkBytes of SMALL_CHUNKS) assert.deepEqual(loadCsvFile(path.join(dir, name), columns, { chunkBytes }), whole, `${name} @ ${chunkBytes}`);
    }
  });

  it('the records are the ones csv-parse gives the whole text, at every chunk size', () => {
    for (const name of [...Object.keys(files), ...fs.readdirSync(fixtures).filter((f) => !/unclosed|blank|empty/.test(f))]) {
      const file = fs.existsSync(path.join(dir, name)) ? path.join(dir, name) : path.join(fixtures, name);
      const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const [header, ...rows] = (parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][]);
      for (const chunkBytes of [...SMALL_CHUNKS, WHOLE]) {
        const records = readCsvFile(file, { chunkBytes });
        if (!records.ok) continue;
        assert.deepEqual([records.value.header, records.value.rows], [header, rows], `${name} @ ${chunkBytes}`);
      }
    }
  });

  it('every fixture, at chunk sizes from 1 byte up, gives the whole-file answer: tables, codes, lines, columns and messages', () => {
    for (const name of fs.readdirSync(fixtures)) {
      const file = path.join(fixtures, name);
      for (const columns of [{ target: 'y', task: 'classification' }, { target: 'y', task: 'regression' }, { target: 'species', task: 'classification' }] as const) {
        const whole = loadCsvFile(file, columns, { chunkBytes: WHOLE });
        for (const chunkBytes of SMALL_CHUNKS) assert.deepEqual(loadCsvFile(file, columns, { chunkBytes }), whole, `${name} ${columns.target} @ ${chunkBytes}`);
        const records = readCsvFile(file, { chunkBytes: WHOLE });
        for (const chunkBytes of SMALL_CHUNKS) assert.deepEqual(readCsvFile(file, { chunkBytes }), records, `${name} records @ ${chunkBytes}`);
      }
    }
  });

  it('class names past the cap a read keeps: the builder asks to read again, and the loader does', () => {
    const builder = new CsvTableBuilder('y', undefined, 2);
    builder.add(['x', 'y'], 1);
    ['a', 'b', 'c'].forEach((y, i) => builder.add([String(i), y], i + 2));
    assert.equal(builder.finish('f.csv', 'classification'), undefined);
    // Numbers past the cap need no names: the table comes at once.
    const numbers = new CsvTableBuilder('y', undefined, 2);
    numbers.add(['x', 'y'], 1);
    [1, 2, 3].forEach((y, i) => numbers.add([String(i), String(y)], i + 2));
    assert.deepEqual(numbers.finish('f.csv', 'regression'), { ok: true, value: { m: 3, n: 1, X: new Float64Array([0, 1, 2]), targets: [1, 2, 3], featureNames: ['x'] } });

    const m = TARGET_TEXT_CAP + 10;
    const file = path.join(dir, 'many-classes.csv');
    fs.writeFileSync(file, `x,y\n${Array.from({ length: m }, (_, i) => `${i},c${i}`).join('\n')}\n`);
    const table = loadCsvFile(file, { target: 'y', task: 'classification' });
    assert.ok(table.ok);
    assert.equal(table.value.targets.length, m);
    assert.deepEqual([table.value.targets[0], table.value.targets[m - 1]], ['c0', `c${m - 1}`]);
  });
});
