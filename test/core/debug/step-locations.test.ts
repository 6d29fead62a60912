// Where the debugger's frames point: each inline data row, else the line naming the data source.
import assert from 'node:assert/strict';
import { stepLocations } from '../../../src/core/debug/step-locations';

const head = `name: t
task: classification
layers:
  - units: 2
  - units: 1
    activation: sigmoid
`;

describe('stepLocations', () => {
  it('gives every inline row its own line (0-based), flow or block', () => {
    const text = `${head}data:\n  rows:\n    - [0, 0, 0]\n    -\n      - 1\n      - 1\n      - 1\n    - [1, 0, 1]\n`;
    const at = stepLocations(text);
    assert.deepEqual(at.rowLines, [8, 10, 13]); // a block row: its first value
    assert.equal(at.dataLine, 7);
    assert.deepEqual(at.layerLines, [3, 4]);
  });

  it('points at csv: or generate: when the rows are not in the spec', () => {
    assert.equal(stepLocations(`${head}data:\n  csv: data/x.csv\n`).dataLine, 7);
    const generated = stepLocations(`${head}data:\n  samples: 20\n  generate: xor\n`);
    assert.equal(generated.dataLine, 8);
    assert.deepEqual(generated.rowLines, []);
  });

  it('falls back to data: itself, and to nothing without data', () => {
    assert.equal(stepLocations(`${head}data:\n  seed: 1\n`).dataLine, 6);
    assert.equal(stepLocations(head).dataLine, undefined);
  });
});
