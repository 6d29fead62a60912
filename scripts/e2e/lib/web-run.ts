// What `run-extension-tests --web` needs beyond a Node run. VS Code runs the tests module in
// the extension host of the extension whose folder holds it (and on Node when no folder
// does), so the extension must have a `browser` entry, be sent to the web worker host, and
// hold the tests module; its suites read their options from user settings.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { webTestSettings } from '../../../test/e2e/web/lib/settings';

interface Manifest {
  publisher?: string;
  name?: string;
  browser?: string;
}

/** The extension's id (publisher.name) and whether it has a browser entry. */
export function readExtension(folder: string): { id: string; browser: boolean } {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as Manifest;
  return { id: `${manifest.publisher}.${manifest.name}`, browser: typeof manifest.browser === 'string' };
}

/** Why a web run of `testsFile` against the extension in `folder` cannot work, if it cannot. */
export function webRunProblem(folder: string, testsFile: string): string | undefined {
  const { id, browser } = readExtension(folder);
  if (!browser) return `[e2e] --web: ${id} (${folder}) has no "browser" entry in its package.json, so the web worker extension host cannot run it`;
  const inside = path.relative(folder, testsFile);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    return `[e2e] --web: the tests module ${testsFile} must lie inside the extension's folder ${folder}: VS Code runs it in that extension's host, and on Node otherwise`;
  }
  return undefined;
}

/** The user settings that carry --grep and MOCHA_TIMEOUT to a web suite (lib/run-suites.ts reads them). */
export function webSuiteSettings(grep: string | undefined, timeoutMs: string | undefined): Record<string, unknown> {
  const key = (name: string) => `${webTestSettings.section}.${name}`;
  return {
    ...(grep ? { [key(webTestSettings.grep)]: grep } : {}),
    ...(timeoutMs ? { [key(webTestSettings.timeoutMs)]: Number(timeoutMs) } : {}),
  };
}
