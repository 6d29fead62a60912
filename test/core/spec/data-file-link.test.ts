import assert from 'node:assert/strict';
import { dataFileLink } from '../../../src/core/spec/data-file-link';

const at = (text: string, needle: string): [number, number] => [text.indexOf(needle), text.indexOf(needle) + needle.length];

describe('dataFileLink', () => {
  it('links the `data.csv` path where it is written, its trailing comment left out', () => {
    const text = 'layers:\n  - units: 4\ndata:\n  csv: data/iris.csv             # relative to this file\n  target: species\n';
    assert.deepEqual(dataFileLink(text), { range: at(text, 'data/iris.csv'), path: 'data/iris.csv' });
  });

  it('links inside the quotes, to the path YAML means (escapes resolved)', () => {
    const single = "data: {csv: 'my data.csv', target: y}\n";
    assert.deepEqual(dataFileLink(single), { range: at(single, 'my data.csv'), path: 'my data.csv' });
    const escaped = 'data:\n  csv: "d\\u0061ta.csv"\n';
    assert.deepEqual(dataFileLink(escaped), { range: at(escaped, 'd\\u0061ta.csv'), path: 'data.csv' });
  });

  it('links a path even when the rest of the spec is broken', () => {
    for (const text of ['train:\n  optimizer: [\ndata:\n  csv: x.csv\n', 'layers:\n  - units: 2\n  - uni\ndata:\n  csv: x.csv\n  target: "\n']) {
      assert.deepEqual(dataFileLink(text), { range: at(text, 'x.csv'), path: 'x.csv' }, JSON.stringify(text));
    }
  });

  it('has no link where there is no path to open', () => {
    for (const text of ['', 'data:\n  generate: xor\n', 'data:\n  csv:\n', 'data:\n  csv: ""\n', 'data:\n  csv: 42\n', 'csv: top.csv\n', 'data: [csv: a.csv]\n']) {
      assert.equal(dataFileLink(text), undefined, JSON.stringify(text));
    }
  });
});
