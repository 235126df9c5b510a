#!/usr/bin/env bash
# Installs what is missing, builds the UI and the app, and starts Navet on the
# default database (NAVET_DB or the OS data folder). Extra arguments go to cargo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh app
export PATH="$HOME/.cargo/bin:$PATH"
echo "==> building the UI"
(cd ui && npm run --silent build)
echo "==> building and starting Navet"
cargo run -p navet-app "$@"
