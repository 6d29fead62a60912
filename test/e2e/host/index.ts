// The tests module the extension host loads (extensionTestsPath): run() runs mocha on every
// compiled `*.test.js` in this folder and below. Used the same way by
// scripts/e2e/run-extension-tests.ts (code-server) and by @vscode/test-electron.
// Options come from the environment, which the extension host inherits:
//   MOCHA_GREP     run only tests whose title matches
//   MOCHA_TIMEOUT  per-test timeout in ms (default 60000)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

export async function run(): Promise<void> {
  // Mocha's reporters log printf-style ('%s', …); code-server forwards console arguments
  // joined by commas, so format each line here.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.MOCHA_TIMEOUT ?? 60_000),
  });
  if (process.env.MOCHA_GREP) mocha.grep(process.env.MOCHA_GREP);
  const files = findTests(__dirname).sort();
  // A run with no tests is a broken build, not a pass.
  if (files.length === 0) throw new Error(`no *.test.js under ${__dirname}`);
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  // The plain closing line CI reads (mocha's own summary is not one it knows).
  console.log(`extension-host: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
  if (stats.failures > 0) throw new Error(`${stats.failures} test(s) failed`);
  if (stats.passes === 0) throw new Error('no test ran');
}
