import * as path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
// @ts-expect-error: a plain ES module of the lint configuration, without types
import { roomBoundaries } from '../../scripts/eslint/room-boundaries.mjs';

const ROOT = path.resolve(__dirname, '..', '..');
const at = (file: string): string => path.join(ROOT, file);

// RuleTester runs mocha's describe/it itself.
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser as never, ecmaVersion: 2022, sourceType: 'module' } });

describe('scripts/eslint/room-boundaries', () => {
  tester.run('room-boundaries', roomBoundaries, {
    valid: [
      { filename: at('src/core/nn/evaluator.ts'), code: "import { layerShapes } from './network';", options: [{ root: ROOT }] },
      { filename: at('src/protocol/worker-protocol.ts'), code: "import type { Diagnostic } from '../core/diagnostic';", options: [{ root: ROOT }] },
      { filename: at('src/jobs/train-job.ts'), code: "import { writeWeightsFile } from '../data/weights-file';", options: [{ root: ROOT }] },
      { filename: at('webview/views/delta-view.ts'), code: "import { layerAt } from '../../src/core/nn/layer-numbering';\nimport type { TraceData } from '../../src/protocol/inspector-data';", options: [{ root: ROOT }] },
      { filename: at('src/extension/extension.ts'), code: "import * as vscode from 'vscode';\nimport { validateSpec } from '../core/spec/validate';", options: [{ root: ROOT }] },
    ],
    invalid: [
      { filename: at('src/core/nn/rng.ts'), code: "import { loadData } from '../../data/load-data';", options: [{ root: ROOT }], errors: 1 },
      { filename: at('src/protocol/worker-protocol.ts'), code: "import type { JobPolicy } from '../jobs/open-spec';", options: [{ root: ROOT }], errors: 1 },
      { filename: at('src/protocol/worker-protocol.ts'), code: "import { CHUNK } from '../core/nn/evaluator';", options: [{ root: ROOT }], errors: 1 },
      { filename: at('webview/main.ts'), code: "import type { InspectionSnapshot } from '../src/core/inspect/snapshot';", options: [{ root: ROOT }], errors: 1 },
      { filename: at('webview/main.ts'), code: "import { NetworkEvaluator } from '../src/core/nn/evaluator';", options: [{ root: ROOT }], errors: 1 },
      { filename: at('src/extension/ctx.ts'), code: "import { runTrainJob } from '../jobs/train-job';", options: [{ root: ROOT }], errors: 1 },
      { filename: at('src/core/nn/rng.ts'), code: "export * from '../../parallel/evaluation-pool';", options: [{ root: ROOT }], errors: 1 },
    ],
  });
});
