/** Test helper: how to start the debug adapter from its source (tsx), as the tests' DAP client does. */
import { createRequire } from 'node:module';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const ADAPTER = path.join(ROOT, 'src', 'debug', 'debug-adapter-main.ts');
export const EXAMPLES = path.join(ROOT, 'examples');

/** The environment that lets `node ADAPTER` run the TypeScript source. */
export function adapterEnv(): NodeJS.ProcessEnv {
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return { ...process.env, NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --require ${tsx}`.trim() };
}
