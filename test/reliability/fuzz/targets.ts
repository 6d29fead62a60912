/**
 * What the fuzz exercises, and the invariant each input must keep: the YAML tree, the spec
 * validator (with the CLI's rendering of its diagnostics) and the CSV loader (text →
 * records → summary → table → prepared data). For every input: no exception, and every
 * position reported lies inside the input (ranges within the text; CSV lines within its
 * lines, columns within its header). Each target pairs a fast-check arbitrary with a
 * check that throws on a broken invariant.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { formatHuman, toJsonReport } from '../../../src/cli/render-diagnostics';
import { checkCsvRecords } from '../../../src/core/data/csv-records';
import { summarizeCsv } from '../../../src/core/data/csv-summary';
import { tableFromCsv } from '../../../src/core/data/csv-table';
import type { DataFailure } from '../../../src/core/data/data-error';
import { prepareData } from '../../../src/core/data/prepare';
import type { OffsetRange } from '../../../src/core/diagnostic';
import type { DataProbe } from '../../../src/core/spec/data-probe';
import { validateSpec } from '../../../src/core/spec/validate';
import { parseSourceTree } from '../../../src/core/spec/yaml-tree';
import { LineIndex } from '../../../src/core/text/line-index';
import { parseCsvText } from '../../../src/data/csv-text';

export interface FuzzTarget<T> {
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Throws when an invariant breaks. */
  readonly check: (input: T) => void;
  /** The input as text, for reports and for the hang watchdog. */
  readonly show: (input: T) => string;
  /** The input back from its text (to replay a hang). */
  readonly parse: (shown: string) => T;
}

const ROOT = path.join(__dirname, '..', '..', '..');

/** Seeds for mutation: the examples, the fixture, and the bad-spec corpus (headers and all). */
function seedSpecs(): string[] {
  const dirs = [path.join(ROOT, 'examples'), path.join(ROOT, 'test', 'corpus', 'invalid'), path.join(ROOT, 'test', 'reliability', 'corpus', 'specs')];
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.nnspec'))
      .sort()
      .map((f) => readFileSync(path.join(dir, f), 'utf8')),
  );
}

/** Pieces of YAML and of specs, so random text gets past the first syntax error. */
const yamlPiece = fc.constantFrom(
  ' ', '  ', '\n', '\r\n', '\r', '\t', ':', ': ', '- ', '-', '[', ']', '{', '}', ', ', '#', ' #', '&a ', '*a', '&b ', '*b', '<<: ', '!!str ', '!x ',
  '"', "'", '\\', '|', '>-', '? ', '%YAML 1.2\n', '---\n', '...\n', '\uFEFF', '\u0000', '\u2028', 'é', '😀', '\ud800',
  'layers', 'units', 'activation', 'data', 'rows', 'csv', 'target', 'features', 'generate', 'samples', 'train', 'optimizer', 'init', 'seed',
  'lambda', 'task', 'gradientCheck', 'softmax', 'sigmoid', 'xor', 'data/fake.csv', 'lbfgs', 'all',
  '0', '1', '-1', '2', '0.5', '-0', '1e308', '1e400', '.inf', '-.inf', '.nan', '0x1F', '9007199254740993', 'null', '~', 'true', 'yes',
);
const yamlText = fc.array(yamlPiece, { maxLength: 120 }).map((xs) => xs.join(''));
const anyText = fc.oneof(yamlText, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme-ascii', maxLength: 300 }));

/** An edit of a text: a span deleted, replaced or inserted, or a line moved in or out. */
const edit = fc.record({
  kind: fc.constantFrom('delete', 'replace', 'insert', 'indent', 'dedent', 'duplicate-line', 'swap-lines'),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 24 }),
  text: fc.oneof(yamlText.map((t) => t.slice(0, 24)), fc.string({ unit: 'binary', maxLength: 6 })),
});

interface Edit {
  readonly kind: string;
  readonly at: number;
  readonly length: number;
  readonly text: string;
}

function applyEdit(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
  switch (e.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'replace':
      return text.slice(0, at) + e.text + text.slice(at + e.length);
    case 'insert':
      return text.slice(0, at) + e.text + text.slice(at);
    case 'indent':
      return `${text.slice(0, lineStart)}  ${text.slice(lineStart)}`;
    case 'dedent':
      return text.slice(0, lineStart) + text.slice(lineStart).replace(/^[ \t]{1,2}/, '');
    case 'duplicate-line':
      return text.slice(0, lineEnd) + '\n' + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
    default: {
      const next = text.indexOf('\n', lineEnd + 1);
      if (lineEnd >= text.length) return text;
      const end = next < 0 ? text.length : next;
      return text.slice(0, lineStart) + text.slice(lineEnd + 1, end) + '\n' + text.slice(lineStart, lineEnd) + text.slice(end);
    }
  }
}

function mutated(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 8 })).map(([seed, edits]) => edits.reduce(applyEdit, seed));
}

/** CSV-answers for any path: some fail, some summarise columns that vary with the path. */
const probe: DataProbe = (csvPath) => {
  if (csvPath.length % 4 === 0) return { status: 'failed', error: { code: 'csv-malformed', message: 'broken' } };
  if (csvPath.length % 4 === 1) return { status: 'pending' };
  const names = ['x1', 'x2', 'y', 'species', ''].slice(0, 1 + (csvPath.length % 5));
  return {
    status: 'ok',
    summary: {
      rows: csvPath.length,
      columns: names.map((name, i) => ({
        name,
        numeric: i % 2 === 0,
        distinct: ['1', '2', 'NaN', ''].slice(0, 1 + (i % 4)),
        distinctTruncated: i === 3,
        ...(i % 2 === 1 && { firstNonNumeric: { line: 2, cell: 'a', kind: 'not-a-number' as const }, firstOfKind: { empty: { line: 3, cell: '', kind: 'empty' as const } } }),
      })),
    },
  };
};

function inside(text: string, r: OffsetRange, what: string): void {
  assert.ok(Number.isInteger(r[0]) && Number.isInteger(r[1]) && 0 <= r[0] && r[0] <= r[1] && r[1] <= text.length, `${what} [${r.join(', ')}] lies outside 0…${text.length}`);
}

function checkSpecText(text: string): void {
  const result = validateSpec(text, { probe });
  for (const d of result.diagnostics) {
    inside(text, d.range, d.code);
    if (d.fix) inside(text, d.fix.range, `the fix of ${d.code}`);
    for (const r of d.related ?? []) inside(text, r.range, `related information of ${d.code}`);
    assert.notEqual(d.code, 'internal-error', d.message);
    assert.ok(d.message.length > 0, `${d.code} has a message`);
  }
  assert.equal(result.spec !== undefined, !result.hasErrors, 'a spec exactly when there is no error');
  // The CLI's edge: positions and carets for any diagnostics.
  const report = toJsonReport('fuzz.nnspec', text, result.diagnostics);
  const lines = new LineIndex(text).lineCount;
  for (const d of report.diagnostics) assert.ok(d.range.start.line >= 1 && d.range.end.line <= lines, 'JSON lines inside the text');
  formatHuman('fuzz.nnspec', text, result.diagnostics);
}

function checkTree(text: string): void {
  const tree = parseSourceTree(text);
  for (const d of tree.diagnostics) inside(text, d.range, d.code);
  for (const entry of tree.entries.values()) {
    inside(text, entry.value, `the value at ${entry.path.join('.')}`);
    if (entry.key) inside(text, entry.key, `the key at ${entry.path.join('.')}`);
  }
}

/** CSV cells and separators, including every kind of number the loader must refuse. */
const csvPiece = fc.constantFrom(
  ',', ',', ',', '\n', '\n', '\r\n', '\r', '"', '""', ' ', '\t', ';', '\uFEFF', '\u0000',
  'x1', 'x2', 'y', 'a', 'b', 'é', '0', '1', '2', '-3', '0.5', '1e5', '-0', '1e999', 'NaN', 'nan', 'Infinity', '-inf', '0x10', '1,5', '"1,5"', '"a\nb"', '+', '.', 'e',
);
const csvText = fc.oneof(
  fc.array(csvPiece, { maxLength: 150 }).map((xs) => xs.join('')),
  fc.string({ unit: 'binary', maxLength: 200 }),
  // Well-formed tables with a few bad cells, so the loader gets past the structure.
  fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(fc.oneof(fc.double({ noNaN: false }).map(String), fc.constantFrom('', 'a', 'NaN', '1', '0', '2')), { minLength: 1, maxLength: 6 }), { maxLength: 12 }), fc.constantFrom('\n', '\r\n'))
    .map(([width, rows, eol]) => [Array.from({ length: width }, (_, j) => `c${j}`).join(','), ...rows.map((r) => r.slice(0, width).join(','))].join(eol)),
);

function checkCsv(input: { text: string; target: number; task: 'classification' | 'regression'; outputs: number; validation: number }): void {
  const { text } = input;
  const lineCount = new LineIndex(text).lineCount;
  const located = (e: DataFailure): void => {
    if (e.line !== undefined) assert.ok(Number.isInteger(e.line) && e.line >= 1 && e.line <= lineCount + 1, `${e.code} at line ${e.line} of ${lineCount}`);
    assert.ok(e.message.length > 0);
  };
  const parsed = parseCsvText(text, 'fuzz.csv');
  if (!parsed.ok) return located(parsed.error);
  const records = checkCsvRecords(parsed.value);
  if (!records.ok) return located(records.error);
  const { header, rows } = records.value;
  const summary = summarizeCsv(records.value);
  assert.equal(summary.rows, rows.length);
  assert.equal(summary.columns.length, header.length);
  for (const c of summary.columns) {
    assert.equal(c.numeric, c.firstNonNumeric === undefined);
    if (c.firstNonNumeric) assert.ok(c.firstNonNumeric.line >= 2 && c.firstNonNumeric.line <= lineCount + 1);
  }
  const target = header[input.target % header.length]!;
  const table = tableFromCsv(records.value, { target, task: input.task });
  if (!table.ok) {
    located(table.error);
    if (table.error.column !== undefined) assert.ok(table.error.column >= 1 && table.error.column <= header.length, `column ${table.error.column}`);
    return;
  }
  assert.equal(table.value.m, rows.length);
  assert.ok(table.value.X.every(Number.isFinite), 'every feature is finite');
  const spec = {
    task: input.task,
    layers: [{ units: table.value.n }, { units: input.outputs }],
    data: { normalize: 'standard' as const, validation: input.validation, seed: 1 },
  };
  const prepared = prepareData(spec, table.value, input.outputs);
  if (prepared.ok) {
    const sets = [prepared.value.train, ...(prepared.value.validation ? [prepared.value.validation] : [])];
    assert.equal(sets.reduce((m, s) => m + s.m, 0), table.value.m);
    for (const s of sets) assert.ok(s.X.every(Number.isFinite) && s.Y.every(Number.isFinite), 'prepared data is finite');
  }
}

export function fuzzTargets(): FuzzTarget<unknown>[] {
  const seeds = seedSpecs();
  const targets = [
    { name: 'yaml tree', arbitrary: fc.oneof(anyText, mutated(seeds)), check: checkTree, show: (t: string) => t, parse: (t: string) => t },
    { name: 'validator (random text)', arbitrary: anyText, check: checkSpecText, show: (t: string) => t, parse: (t: string) => t },
    { name: 'validator (mutated specs)', arbitrary: mutated(seeds), check: checkSpecText, show: (t: string) => t, parse: (t: string) => t },
    {
      name: 'csv loader',
      arbitrary: fc.record({
        text: csvText,
        target: fc.nat(),
        task: fc.constantFrom('classification' as const, 'regression' as const),
        outputs: fc.integer({ min: 1, max: 4 }),
        validation: fc.constantFrom(0, 0.25, 0.5, 0.9),
      }),
      check: checkCsv,
      show: (i: { text: string }) => JSON.stringify(i),
      parse: (t: string) => JSON.parse(t) as Parameters<typeof checkCsv>[0],
    },
  ] as const;
  // The watchdog's own test: a target that loops forever on inputs holding "zz".
  const selfTest = {
    name: 'self-test: hangs on "zz"',
    arbitrary: fc.string({ unit: fc.constantFrom('a', 'z', ' '), minLength: 30, maxLength: 60 }).map((t) => `${t}zz${t}`),
    check: (t: string) => {
      while (t.includes('zz')) {
        // a hang
      }
    },
    show: (t: string) => t,
    parse: (t: string) => t,
  };
  return [...targets, ...(process.env['NNSPEC_FUZZ_SELF_TEST'] === '1' ? [selfTest] : [])] as unknown as FuzzTarget<unknown>[];
}
