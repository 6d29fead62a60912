// How the runner hands options to a web suite: a web worker has no environment, so
// scripts/e2e/run-extension-tests.ts --web writes them as user settings.

/** The settings section the runner writes and the suites read. */
export const webTestSettings = {
  section: 'nnspecWebTests',
  /** Run only tests whose full title matches (a string, as mocha's --grep). */
  grep: 'grep',
  /** Per-test timeout in milliseconds. */
  timeoutMs: 'timeoutMs',
} as const;
