/**
 * The bad-data corpus (data-cases.ts), through the core and through the CLI. For each case
 * a fresh workspace holds the CSV (or the folder, link or sparse file it needs) and a spec
 * naming it.
 *
 * Core: loadData fails with the expected code, line and column (or loads); validateSpec,
 * with the real probe, reports the expected codes on the expected keys. CLI: `nnspec
 * validate --json` exits 1 on errors with the same codes; `nnspec train` exits 1 and names
 * the code and the CSV's file:line:col; nothing looks like a stack trace. A few cases also
 * run through the real process.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CliIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import type { JsonReport } from '../../src/cli/render-diagnostics';
import { validateSpec } from '../../src/core/spec/validate';
import { LineIndex } from '../../src/core/text/line-index';
import { createCsvProbe } from '../../src/data/csv-probe';
import { loadData } from '../../src/data/load-data';
import { readInput } from '../../src/data/open-input';
import { runCli, STACK_TRACE } from './built-cli';
import { DATA_CASES, type DataCase } from './data-cases';

interface Workspace {
  readonly root: string;
  readonly ws: string;
  readonly specPath: string;
  readonly text: string;
  /** The [start, end) of each key's value in the spec: csv, target, features.0 … */
  readonly ranges: ReadonlyMap<string, readonly [number, number]>;
}

const made: string[] = [];

function workspace(c: DataCase): Workspace {
  const root = fs.mkdtempSync(path.join(tmpdir(), 'nnspec-rel-data-'));
  made.push(root);
  const ws = path.join(root, 'ws');
  fs.mkdirSync(path.join(ws, 'data'), { recursive: true });
  if (c.csv !== undefined) fs.writeFileSync(path.join(ws, 'data', 'input.csv'), c.csv);
  c.setup?.(ws, root);
  const csvPath = typeof c.csvPath === 'function' ? c.csvPath(ws, root) : (c.csvPath ?? 'data/input.csv');
  const [n, k] = c.units ?? [2, 1];
  const ranges = new Map<string, readonly [number, number]>();
  let text = `task: ${c.task ?? 'classification'}\nlayers:\n  - units: ${n}\n  - units: `;
  ranges.set('output-units', [text.length, text.length + String(k).length]);
  text += `${k}\n    activation: ${c.task === 'regression' ? 'linear' : 'sigmoid'}\ndata:\n`;
  const add = (key: string, value: string): void => {
    ranges.set(`${key}-key`, [text.length + 2, text.length + 2 + key.length]);
    text += `  ${key}: `;
    ranges.set(key, [text.length, text.length + value.length]);
    text += `${value}\n`;
  };
  add('csv', JSON.stringify(csvPath));
  add('target', c.target ?? 'y');
  if (c.features) {
    text += '  features: [';
    c.features.forEach((f, j) => {
      if (j > 0) text += ', ';
      ranges.set(`features.${j}`, [text.length, text.length + f.length]);
      text += f;
    });
    text += ']\n';
  }
  const specPath = path.join(ws, 'spec.nnspec');
  fs.writeFileSync(specPath, text);
  return { root, ws, specPath, text, ranges };
}

function policy(c: DataCase, w: Workspace) {
  return { workspaceRoot: w.ws, allowOutside: c.allowOutside === true, ...(c.maxBytes !== undefined ? { maxBytes: c.maxBytes } : {}) };
}

function policyArgs(c: DataCase): string[] {
  return [...(c.allowOutside ? ['--allow-outside'] : []), ...(c.maxBytes !== undefined ? ['--max-csv-bytes', String(c.maxBytes)] : [])];
}

/** A CliIo on the real file system with `cwd` as working directory and captured output. */
function folderIo(cwd: string): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd,
    readInput,
    createProbe: (specDir, options) => createCsvProbe(specDir, options),
    out: () => out,
    err: () => err,
  };
}

/** Where the loader's position must appear in the CLI's output, if anywhere. */
function position(c: DataCase): RegExp | undefined {
  if (c.load === 'ok' || c.load.line === undefined) return undefined;
  if (c.load.column !== undefined) return new RegExp(`input\\.csv:${c.load.line}:${c.load.column}\\b`);
  return c.load.line > 1 ? new RegExp(`input\\.csv:${c.load.line}\\b`) : undefined;
}

describe('reliability: the bad-data corpus', () => {
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds at least 40 data cases', () => {
    assert.ok(DATA_CASES.length >= 40, `${DATA_CASES.length} cases`);
  });

  for (const c of DATA_CASES) {
    describe(c.name, () => {
      let w: Workspace;
      before(() => {
        w = workspace(c);
      });

      it('core: loadData', () => {
        const parsed = validateSpec(w.text);
        assert.ok(parsed.spec, `the spec itself is valid: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
        const loaded = loadData(parsed.spec, w.specPath, { ...policy(c, w), outputUnits: parsed.spec.layers.at(-1)!.units });
        if (c.load === 'ok') {
          assert.ok(loaded.ok, loaded.ok ? '' : `${loaded.error.code}: ${loaded.error.message}`);
          return;
        }
        assert.ok(!loaded.ok, 'the loader refuses it');
        const { code, line, column } = loaded.error;
        assert.deepEqual({ code, line, column }, { code: c.load.code, line: c.load.line, column: c.load.column });
      });

      it('core: validateSpec with the real probe', () => {
        const result = validateSpec(w.text, { probe: createCsvProbe(w.ws, policy(c, w)) });
        const actual = result.diagnostics.map((d) => `${d.code} ${d.range.join('-')}`).sort();
        const expected = c.validate.map((v) => `${v.code} ${w.ranges.get(v.on)!.join('-')}`).sort();
        assert.deepEqual(actual, expected);
      });

      it('CLI: nnspec validate --json', async () => {
        const io = folderIo(w.ws);
        const code = await run(['validate', '--json', 'spec.nnspec', ...policyArgs(c)], io);
        const errors = validateSpec(w.text, { probe: createCsvProbe(w.ws, policy(c, w)) }).hasErrors;
        assert.equal(code, errors ? 1 : 0);
        assert.equal(io.err(), '');
        const report = JSON.parse(io.out()) as JsonReport;
        const index = new LineIndex(w.text);
        const at = (o: number): string => `${index.positionAt(o).line + 1}:${index.positionAt(o).character + 1}`;
        assert.deepEqual(
          report.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}`).sort(),
          c.validate.map((v) => `${v.code} ${at(w.ranges.get(v.on)![0])}`).sort(),
        );
      });

      it('CLI: nnspec train', async () => {
        const io = folderIo(w.ws);
        const code = await run(['train', 'spec.nnspec', '--quiet', '--out', 'w.json', ...policyArgs(c)], io);
        const output = io.out() + io.err();
        assert.doesNotMatch(output, STACK_TRACE);
        if (c.load === 'ok' && !c.validate.some((v) => v.code !== 'single-class')) {
          assert.equal(code, 0, output);
          return;
        }
        assert.equal(code, 1, output);
        const firstError = c.validate.find((v) => v.code !== 'single-class')?.code ?? (c.load === 'ok' ? undefined : c.load.code);
        assert.match(io.err(), new RegExp(`\\b${firstError}\\b`));
        const where = position(c);
        if (where) assert.match(io.err(), where);
      });
    });
  }

  describe('through the real process (bin/nnspec.js train)', () => {
    const chosen = DATA_CASES.filter((c) => /200 MB|NaN in a feature|symlink inside|duplicate column|NaN in a numeric class/.test(c.name));
    for (const c of chosen) {
      it(c.name, async function () {
        this.timeout(30_000);
        const w = workspace(c);
        const done = await runCli(['train', 'spec.nnspec', '--quiet', '--out', 'w.json', ...policyArgs(c)], w.ws);
        assert.equal(done.code, 1);
        assert.doesNotMatch(done.stdout + done.stderr, STACK_TRACE);
        const where = position(c);
        if (where) assert.match(done.stderr, where);
        if (c.load !== 'ok' && c.load.code === 'csv-too-large') {
          // The message names the limit and the setting that raises it.
          assert.match(done.stderr, /100 MiB/);
          assert.match(done.stderr, /nnspec\.data\.maxCsvBytes/);
          assert.match(done.stderr, /--max-csv-bytes/);
        }
      });
    }
  });
});
