import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { parseSourceTree, pathKey } from '../../../src/core/spec/yaml-tree';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');

describe('parseSourceTree', () => {
  it('gives the same values as the yaml package for every example', () => {
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.nnspec'))) {
      const text = readFileSync(path.join(EXAMPLES, file), 'utf8');
      assert.deepEqual(parseSourceTree(text).value, parseDocument(text).toJS(), file);
    }
  });

  it('records the range of every key and value, without trailing line breaks', () => {
    const text = 'train:\n  optimizer: adam   # fast\nlayers:\n  - units: 2\n  - {units: 1}\n';
    const tree = parseSourceTree(text);
    const at = (p: (string | number)[]) => tree.entries.get(pathKey(p))!;
    const slice = (r: readonly [number, number]) => text.slice(r[0], r[1]);
    assert.equal(slice(at(['train', 'optimizer']).key!), 'optimizer');
    assert.equal(slice(at(['train', 'optimizer']).value), 'adam');
    assert.equal(slice(at(['train']).value), 'optimizer: adam   # fast');
    assert.equal(slice(at(['layers', 1]).value), '{units: 1}');
    assert.equal(slice(at(['layers', 1, 'units']).value), '1');
    assert.equal(at(['layers', 1]).key, undefined);
  });

  it('gives an empty value a zero-width range after its key', () => {
    const tree = parseSourceTree('lambda:\nname: x\n');
    assert.deepEqual(tree.entries.get(pathKey(['lambda']))!.value, [7, 7]);
    assert.deepEqual(tree.value, { lambda: null, name: 'x' });
  });

  it('expands aliases a bounded number of times', () => {
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    const tree = parseSourceTree(bomb);
    assert.deepEqual(tree.diagnostics.map((d) => d.code), ['yaml-alias-expansion-limit']);
    assert.deepEqual((tree.value as { b: unknown[] }).b.length, 10);
  });
});
