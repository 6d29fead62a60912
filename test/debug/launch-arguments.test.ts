import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkLaunchArguments } from '../../src/debug/launch-arguments';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: { debuggers: { configurationAttributes: { launch: { properties: Record<string, { type: string }> } }; configurationSnippets: { body: Record<string, unknown> }[] }[] };
};
const debuggerContribution = manifest.contributes.debuggers[0]!;
const schema = debuggerContribution.configurationAttributes.launch.properties;

/** A value of the wrong type for an attribute of the given JSON type. */
const wrong = (type: string): unknown => (type === 'string' ? 3 : 'three');

describe('debug/launch-arguments', () => {
  it('accepts every snippet of package.json (with the file substituted)', () => {
    for (const { body } of debuggerContribution.configurationSnippets) {
      const checked = checkLaunchArguments({ ...body, spec: '/tmp/x.nnspec' });
      assert.ok(checked.ok, JSON.stringify(body));
    }
  });

  it('checks each attribute package.json documents, naming it when its type is wrong', () => {
    for (const [name, { type }] of Object.entries(schema)) {
      if (name === 'spec') continue;
      const checked = checkLaunchArguments({ spec: '/tmp/x.nnspec', [name]: wrong(type) });
      assert.equal(checked.ok, false, `${name} of the wrong type is accepted`);
      if (!checked.ok) assert.match(checked.message, new RegExp(`"${name}"`));
    }
  });

  it('needs spec, defaults mode to evaluate, and keeps train', () => {
    const missing = checkLaunchArguments({});
    assert.equal(missing.ok, false);
    if (!missing.ok) assert.match(missing.message, /"spec"/);
    const evaluate = checkLaunchArguments({ spec: 'a.nnspec' });
    assert.ok(evaluate.ok && evaluate.value.mode === 'evaluate');
    const train = checkLaunchArguments({ spec: 'a.nnspec', mode: 'train', saveWeights: true });
    assert.ok(train.ok && train.value.mode === 'train' && train.value.saveWeights === true);
  });
});
