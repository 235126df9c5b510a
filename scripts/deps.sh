#!/usr/bin/env bash
# Installs what Navet needs and is missing, on Debian/Ubuntu, and nothing else.
#   scripts/deps.sh app    the build: system libraries for Tauri, Rust, Node, npm packages
#   scripts/deps.sh test   also the test tools: Xvfb, WebKitWebDriver, tauri-driver, poppler, qpdf
# Safe to run again: each step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."
want="${1:-app}"

sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_build=(libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev
  libxdo-dev libssl-dev build-essential pkg-config file curl ca-certificates git)
apt_test=(xvfb xauth webkit2gtk-driver poppler-utils qpdf imagemagick sqlite3 iproute2)
pkgs=("${apt_build[@]}")
[ "$want" = test ] && pkgs+=("${apt_test[@]}")
command -v node >/dev/null 2>&1 || pkgs+=(nodejs npm)

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt: installing ${missing[*]}"
  sudo_ apt-get update -qq
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    echo "==> rust: installing with rustup"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi
if [ "$want" = test ]; then
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt 2>/dev/null || true
  if ! command -v tauri-driver >/dev/null 2>&1; then
    echo "==> tauri-driver: cargo install (v2)"
    cargo install tauri-driver --version "^2" --locked --quiet
  fi
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "Navet's UI build needs Node.js 20 or newer (found $(node --version))." >&2
  exit 1
fi
# ui/package.json pins rollup (overrides) to a release whose platform packages are all on
# the registry this project builds from; npm ci refuses a lock file that lacks any of them.
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "==> npm ci (ui/)"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi
