/**
 * The bad-spec corpus, through the core and through the CLI. Every spec of
 * test/corpus/invalid and test/reliability/corpus/specs states its diagnostics in
 * `# expect:` lines (see test/corpus/expectations.ts); the generated ones (a binary file,
 * a 10 MB file, alias bombs, deep nesting) state them in generated-specs.ts.
 *
 * Core: validateSpec returns exactly the expected codes and ranges, every range inside the
 * text, no internal-error. CLI: `nnspec validate --json` exits 1 (0 when only warnings),
 * its JSON holds the same codes at the same 1-based lines and columns, and nothing on
 * stderr looks like a stack trace. A few of the worst inputs also go through the real
 * process (bin/nnspec.js).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import type { JsonReport } from '../../src/cli/render-diagnostics';
import { validateSpec } from '../../src/core/spec/validate';
import { LineIndex } from '../../src/core/text/line-index';
import { memoryIo } from '../cli/memory-io';
import { readExpectations, type Expectation } from '../corpus/expectations';
import { fakeProbe } from '../corpus/fake-probe';
import { runCli, STACK_TRACE } from './built-cli';
import { GENERATED_SPECS } from './generated-specs';

const FOLDERS = [path.join(__dirname, '..', 'corpus', 'invalid'), path.join(__dirname, 'corpus', 'specs')];

interface Case {
  readonly name: string;
  readonly text: () => string;
  readonly expect: (text: string) => readonly Expectation[];
}

const FILE_CASES: Case[] = FOLDERS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.nnspec'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      return { name: path.relative(path.join(__dirname, '..'), file), text: () => readFileSync(file, 'utf8'), expect: readExpectations };
    }),
);
const CASES: Case[] = [...FILE_CASES, ...GENERATED_SPECS];

/** "code line:col-line:col" for diagnostics given as offsets. */
function shown(text: string, xs: readonly { code: string; range: readonly number[] }[]): string[] {
  const index = new LineIndex(text);
  const at = (o: number): string => {
    const p = index.positionAt(o);
    return `${p.line + 1}:${p.character + 1}`;
  };
  return xs.map((x) => `${x.code} ${at(x.range[0]!)}-${at(x.range[1]!)}`).sort();
}

describe('reliability: the bad-spec corpus', () => {
  it(`holds at least 80 bad specs of its own, and ${FILE_CASES.length + GENERATED_SPECS.length} in all`, () => {
    const own = readdirSync(FOLDERS[1]!).filter((f) => f.endsWith('.nnspec')).length + GENERATED_SPECS.length;
    assert.ok(own >= 80, `${own} specs under test/reliability`);
  });

  describe('through the core (validateSpec)', () => {
    for (const c of CASES) {
      it(c.name, () => {
        const text = c.text();
        const result = validateSpec(text, { probe: fakeProbe });
        for (const d of result.diagnostics) {
          assert.ok(0 <= d.range[0] && d.range[0] <= d.range[1] && d.range[1] <= text.length, `${d.code} [${d.range.join(', ')}] lies inside the text`);
        }
        assert.ok(!result.diagnostics.some((d) => d.code === 'internal-error'), 'no internal error');
        const show = (xs: readonly { code: string; range: readonly number[] }[]): string[] =>
          xs.map((x) => `${x.code} ${JSON.stringify(text.slice(x.range[0], x.range[1]).slice(0, 60))} @${x.range[0]}-${x.range[1]}`).sort();
        assert.deepEqual(show(result.diagnostics), show(c.expect(text)));
      });
    }
  });

  describe('through the CLI (nnspec validate --json, in process)', () => {
    for (const c of CASES) {
      it(c.name, async () => {
        const text = c.text();
        const expected = c.expect(text);
        const io = memoryIo({ 'spec.nnspec': text }, fakeProbe);
        const code = await run(['validate', '--json', 'spec.nnspec'], io);
        const hasErrors = validateSpec(text, { probe: fakeProbe }).hasErrors;
        assert.equal(code, hasErrors ? 1 : 0);
        assert.doesNotMatch(io.err(), STACK_TRACE);
        assert.equal(io.err(), '');
        const report = JSON.parse(io.out()) as JsonReport;
        assert.equal(report.valid, !hasErrors);
        const actual = report.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`).sort();
        assert.deepEqual(actual, shown(text, expected));
      });
    }
  });

  describe('through the real process (bin/nnspec.js validate)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nnspec-rel-specs-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const worst = GENERATED_SPECS.filter((g) => /binary|10 MB|alias bomb|brackets/.test(g.name));
    for (const g of worst) {
      it(g.name, async function () {
        this.timeout(30_000);
        const file = path.join(dir, `${worst.indexOf(g)}.nnspec`);
        writeFileSync(file, g.text());
        const human = await runCli(['validate', file], dir);
        assert.equal(human.code, 1);
        assert.doesNotMatch(human.stderr + human.stdout, STACK_TRACE);
        const json = await runCli(['validate', '--json', file], dir);
        assert.equal(json.code, 1);
        assert.equal(json.stderr, '');
        const report = JSON.parse(json.stdout) as JsonReport;
        assert.deepEqual(report.diagnostics.map((d) => d.code).sort(), g.expect(g.text()).map((d) => d.code).sort());
      });
    }
  });
});
