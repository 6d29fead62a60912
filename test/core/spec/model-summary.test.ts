import assert from 'node:assert/strict';
import { modelSummary, modelSummaryMarkdown } from '../../../src/core/spec/model-summary';

describe('modelSummary', () => {
  it('gives each layer its Θ shape s_(l+1) × (s_l + 1) and the total parameter count', () => {
    const s = modelSummary([{ units: 400 }, { units: 25, activation: 'sigmoid' }, { units: 10 }]);
    assert.deepEqual(s.layers[1]!.theta, { rows: 25, cols: 401, parameters: 10025 });
    assert.deepEqual(s.layers[2]!.theta, { rows: 10, cols: 26, parameters: 260 });
    assert.equal(s.layers[2]!.activation, 'sigmoid');
    assert.equal(s.layers[0]!.theta, undefined);
    assert.equal(s.total, 10285);
  });

  it('renders a Markdown table with a row per layer and the total', () => {
    const md = modelSummaryMarkdown([{ units: 2 }, { units: 2 }, { units: 1 }]);
    assert.equal(md.split('\n').length, 2 + 3 + 1);
    assert.match(md, /\*\*9\*\*/);
  });
});
