#!/usr/bin/env bash
# The e2e harness's self-test: runs both runners against the tiny fixture extension in
# test/e2e/fixture-extension (a language, a diagnostic, a worker, a webview with a canvas;
# its browser entry in the web worker extension host).
# Green here means the harness works on this machine, whatever state the real extension is in.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${NNSPEC_E2E_CACHE:-$ROOT/.vscode-test}"
FIXTURE="$ROOT/test/e2e/fixture-extension"
VSIX="$CACHE/fixture/nnspec-e2e-fixture.vsix"
cd "$ROOT"

bash scripts/e2e/setup.sh
node scripts/e2e/build-host-tests.mjs self-test self-test-web
npx mocha --no-config -r tsx/cjs --extension ts test/e2e/self-test/deep-equal-oracle.test.ts
mkdir -p "$(dirname "$VSIX")"
(cd "$FIXTURE" && npx vsce package --no-dependencies --out "$VSIX" >/dev/null)
npx tsx scripts/e2e/run-extension-tests.ts --extension "$FIXTURE" --tests out/test/e2e/self-test/host/index.js --workspace "$FIXTURE/sample" "$@"
npx tsx scripts/e2e/run-extension-tests.ts --web --extension "$FIXTURE" --tests "$FIXTURE/out/self-test-web/index.js" --workspace "$FIXTURE/sample" "$@"
npx tsx scripts/e2e/run-ui-tests.ts --vsix "$VSIX" --suites test/e2e/self-test/ui --workspace "$FIXTURE/sample" "$@"
