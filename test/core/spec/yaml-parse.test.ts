import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Parser, parseDocument, type Document } from 'yaml';
import { MAX_YAML_DEPTH, parseYaml } from '../../../src/core/spec/yaml-parse';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');

/** A mapping `x:` holding n − 1 more levels, and where its k-th level starts (k ≥ 2; `x:` is the first). */
interface Shape {
  readonly name: string;
  readonly text: (n: number) => string;
  readonly start: (k: number) => number;
}

const SHAPES: readonly Shape[] = [
  { name: 'flow sequences', text: (n) => `x: ${'['.repeat(n - 1)}${']'.repeat(n - 1)}\n`, start: (k) => 3 + (k - 2) },
  { name: 'flow mappings', text: (n) => `x: ${'{a: '.repeat(n - 1)}y${'}'.repeat(n - 1)}\n`, start: (k) => 3 + 4 * (k - 2) },
  { name: 'block sequences on one line (then a dedent)', text: (n) => `x:\n${'- '.repeat(n - 1)}y\nz: 1\n`, start: (k) => 3 + 2 * (k - 2) },
  { name: 'explicit keys', text: (n) => `x:\n  ${'? '.repeat(n - 1)}y\n`, start: (k) => 5 + 2 * (k - 2) },
  { name: 'lines each indented one deeper (then a dedent)', text: (n) => `x:\n${staircase(n - 1, 1)}z: 1\n`, start: (k) => 3 + staircase(k - 2, 1).length + k - 1 },
];

/** n lines `k:`, each indented one deeper than the one before, the first by `indent`. */
function staircase(n: number, indent = 0): string {
  return Array.from({ length: n }, (_, i) => `${' '.repeat(indent + i)}k:\n`).join('');
}

/** Texts that fooled the scan nesting.ts used to make of the raw text (it then skipped the rest). */
const SCALARS_AND_COMMENTS = [
  "name: it's a net\n",
  "name: rock 'n roll\n",
  'name: |\n  say "hi\n',
  "name: |\n  rock 'n roll\n",
  "name: >\n  rock 'n roll\n",
  'name: >-\n  a "b\n',
  'name: "a\n  \'b [ {\n  c"\n',
  "name: 'it''s\n  a ''b'' \" [\n  c'\n",
  "# it's [[[ {{{\nname: x # ]]] \"\n",
];

function composed(doc: Document): unknown {
  return { value: doc.toJS(), errors: doc.errors.map((e) => [e.code, e.pos]), warnings: doc.warnings.map((w) => [w.code, w.pos]) };
}

describe('parseYaml', () => {
  it("relies on the package's lexer and parser, which build these trees without recursion", () => {
    const texts = ['['.repeat(100_000), '- '.repeat(100_000), staircase(1000)];
    for (const text of texts) assert.equal([...new Parser().parse(text)].length, 1, text.slice(0, 20));
  });

  it('composes the document parseDocument gives, errors and warnings alike', () => {
    const broken = ['', 'a: [1, 2\n', "a: 'x\n", 'a: 1\n---\nb: 2\n', 'a: !!foo x\n', 'a: 1\na: 2\n', '\ta: 1\n', '[a: b, c]\n'];
    const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.nnspec')).map((f) => readFileSync(path.join(EXAMPLES, f), 'utf8'));
    for (const text of [...examples, ...broken]) {
      const { doc } = parseYaml(text);
      assert.ok(doc, text.slice(0, 20));
      assert.deepEqual(composed(doc), composed(parseDocument(text, { uniqueKeys: false, prettyErrors: false })), text.slice(0, 20));
    }
  });

  for (const shape of SHAPES) {
    it(`takes ${MAX_YAML_DEPTH} levels of ${shape.name}; refuses ${MAX_YAML_DEPTH + 1}, where the last starts`, () => {
      const allowed = shape.text(MAX_YAML_DEPTH);
      assert.equal(parseYaml(allowed).tooDeep, undefined);
      assert.equal(parseYaml(allowed).doc?.errors.length, 0);
      const refused = shape.text(MAX_YAML_DEPTH + 1);
      assert.deepEqual(parseYaml(refused), { tooDeep: shape.start(MAX_YAML_DEPTH + 1) });
    });
  }

  it('counts a pair in a flow sequence as a level', () => {
    const pairs = (n: number): string => `${'[a: '.repeat(n)}x${']'.repeat(n)}\n`;
    // Each `[a: ` is a sequence and the mapping of its pair.
    assert.equal(parseYaml(pairs(MAX_YAML_DEPTH / 2)).tooDeep, undefined);
    assert.deepEqual(parseYaml(`[${pairs(MAX_YAML_DEPTH / 2)}]`), { tooDeep: 1 + 4 * (MAX_YAML_DEPTH / 2 - 1) + 1 });
  });

  it('refuses 5,000 levels after the scalars and comments that fooled the old scan, where the limit is crossed', () => {
    for (const head of SCALARS_AND_COMMENTS) {
      for (const shape of SHAPES) {
        // The head joins the shape's mapping, its first level.
        assert.deepEqual(parseYaml(head + shape.text(5000)), { tooDeep: head.length + shape.start(MAX_YAML_DEPTH + 1) }, `${JSON.stringify(head)} then ${shape.name}`);
      }
    }
  });

  it("refuses a dedent after thousands of open levels, which overflows the stack of the package's own parser", () => {
    const [, , dashes, , stairs] = SHAPES;
    assert.deepEqual(parseYaml(dashes!.text(100_000)), { tooDeep: dashes!.start(MAX_YAML_DEPTH + 1) });
    assert.deepEqual(parseYaml(stairs!.text(3000)), { tooDeep: stairs!.start(MAX_YAML_DEPTH + 1) });
  });

  it('measures every document, not only the first', () => {
    const text = `a: 1\n---\n${'['.repeat(100)}\n`;
    assert.deepEqual(parseYaml(text), { tooDeep: text.indexOf('[') + MAX_YAML_DEPTH });
  });
});
