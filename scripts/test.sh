#!/usr/bin/env bash
# Installs what is missing and runs every check and test Navet has, in the order
# that fails fastest: formatting, the core's tests, generated IPC types, the UI's
# type check and unit tests, clippy, then the real app end to end under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
section() { printf '\n==> %s (%ss)\n' "$1" "$(( $(date +%s) - start ))"; }

section "dependencies"
bash scripts/deps.sh test
export PATH="$HOME/.cargo/bin:$PATH"

section "cargo fmt --check"
cargo fmt --all -- --check

section "core: unit and integration tests (real SQLite files in temp folders)"
cargo test --locked

section "generated IPC types are up to date"
if git rev-parse --git-dir >/dev/null 2>&1; then
  changed=$(git status --porcelain -- ui/src/ipc/generated)
  if [ -n "$changed" ]; then
    echo "ui/src/ipc/generated differs from the Rust types; run cargo test and commit:" >&2
    echo "$changed" >&2
    git diff --stat -- ui/src/ipc/generated >&2
    exit 1
  fi
  echo "up to date"
else
  echo "not a git checkout: skipped"
fi

section "UI: TypeScript check, unit tests (vitest), build"
(cd ui && npx tsc --noEmit && npx vitest run && npx vite build --logLevel warn)

section "clippy -D warnings (core, CLI, app)"
cargo clippy --locked --workspace --all-targets -- -D warnings

section "app: build"
cargo build --locked -p navet-app -p navet

section "end to end: the real app window under Xvfb via tauri-driver + WebKitWebDriver, with no network"
# offline.sh gives the run a network of its own with only the loopback, and fails if
# anything (the app, its web view, what they start) tried to reach another address.
export NAVET_E2E_OUT="${NAVET_E2E_OUT:-$PWD/artifacts/e2e}"
bash scripts/offline.sh xvfb-run -a -s "-screen 0 1400x900x24" node ui/e2e/run.mjs target/debug/navet-app

section "end to end again in the smallest window the app allows (800 x 560)"
NAVET_E2E_SIZE=800x560 NAVET_E2E_OUT="$NAVET_E2E_OUT-800x560" \
  bash scripts/offline.sh xvfb-run -a -s "-screen 0 1400x900x24" node ui/e2e/run.mjs target/debug/navet-app

section "all tests passed"
