// @vscode/test-cli (`npx vscode-test`) on a desktop machine that can download VS Code: the
// same compiled extension-host suites that scripts/e2e/run-extension-tests.ts runs in
// code-server here and in CI. Build them first: `npm run build && node scripts/e2e/build-host-tests.mjs`.
//   npx vscode-test --label extension     the real extension (repo root)
//   npx vscode-test --label self-test     the harness's fixture extension
// VSCODE_TEST_VERSION picks the VS Code build (default: the one code-server runs, 1.139.1).
import { defineConfig } from '@vscode/test-cli';

const version = process.env.VSCODE_TEST_VERSION ?? '1.139.1';
const mocha = { ui: 'bdd', timeout: 60_000, color: true };

export default defineConfig([
  {
    label: 'extension',
    files: 'out/test/e2e/host/**/*.test.js',
    extensionDevelopmentPath: '.',
    version,
    mocha,
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  },
  {
    label: 'self-test',
    files: 'out/test/e2e/self-test/host/**/*.test.js',
    extensionDevelopmentPath: 'test/e2e/fixture-extension',
    workspaceFolder: 'test/e2e/fixture-extension/sample',
    version,
    mocha,
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  },
]);
