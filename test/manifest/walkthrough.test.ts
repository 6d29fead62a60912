// The walkthrough's links: every step opens an example that ships and runs a command the
// extension contributes, and its media exists.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SHIPPED_EXAMPLES } from '../../src/extension/shipped-examples';

const ROOT = path.join(__dirname, '..', '..');
interface Step { id: string; description: string; media: { markdown: string }; completionEvents: string[] }
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; walkthroughs: { steps: Step[] }[] };
};
const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
const steps = manifest.contributes.walkthroughs[0]!.steps;

/** The command links of a step's description: [command, arguments]. */
function links(step: Step): [string, unknown[]][] {
  return [...step.description.matchAll(/\(command:([\w.]+)(?:\?([^)]+))?\)/g)].map((m) => [m[1]!, m[2] ? (JSON.parse(decodeURIComponent(m[2])) as unknown[]) : []]);
}

describe('the walkthrough', () => {
  it('teaches in order: create, validate, check, train, inspect, debug, zeros, compare, lbfgs', () => {
    assert.deepEqual(steps.map((s) => s.id), ['create', 'validate', 'check', 'train', 'inspect', 'debug', 'zeros', 'compare', 'lbfgs']);
  });

  for (const step of steps) {
    it(`${step.id}: its links open shipped examples and run contributed commands; its media exists`, () => {
      const found = links(step);
      assert.ok(found.length > 0, 'a step without a link does nothing');
      for (const [command, args] of found) {
        assert.ok(contributed.has(command), command);
        if (command === 'nnspec.openExample') {
          const [example, then] = args as [string, string | undefined];
          assert.ok((SHIPPED_EXAMPLES as readonly string[]).includes(example), example);
          assert.ok(existsSync(path.join(ROOT, 'examples', example)), example);
          if (then !== undefined) assert.ok(contributed.has(then), then);
        }
      }
      assert.ok(existsSync(path.join(ROOT, step.media.markdown)), step.media.markdown);
      for (const event of step.completionEvents) assert.ok(contributed.has(event.replace(/^onCommand:/, '')), event);
    });
  }

  it('ships every example the walkthrough can open', () => {
    for (const example of SHIPPED_EXAMPLES) assert.ok(existsSync(path.join(ROOT, 'examples', example)), example);
  });
});
