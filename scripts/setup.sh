#!/usr/bin/env bash
# Installs what the build and the tests need, skipping what is already there. Safe to re-run.
#   scripts/setup.sh build   the Rust toolchain pieces for the native and wasm builds
#   scripts/setup.sh test    those, plus Chromium, Firefox ESR, their drivers and CJK fonts
# Both install the pinned npm packages (wasm-opt for the package; Playwright, selenium-webdriver
# and web-ext for the tests).
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1
have() { command -v "$1" >/dev/null 2>&1; }
say() { echo "setup: $*"; }

if ! have cargo || ! have rustup; then
  echo "setup: Rust is missing: install it with rustup (https://rustup.rs) first" >&2
  exit 1
fi
export PATH="$HOME/.cargo/bin:$PATH"

rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION (about 2 minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
fi

# The CLI must be exactly the wasm-bindgen version in Cargo.lock. Without --locked: its own
# lock file names a crate version the registry no longer has.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

if [ "${1:-build}" = test ]; then
  packages=(chromium chromium-driver firefox-esr fonts-wqy-microhei brotli)
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if ((${#missing[@]})); then
    say "installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    # chromium and its driver in one command, so their versions match.
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # Firefox ESR's WebDriver, for the extension's Firefox test: built from its crate (no download).
  if [ "$(geckodriver --version 2>/dev/null | head -1 | cut -d' ' -f1-2)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION (about 2 minutes)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
fi

# wasm-opt (npm binaryen) builds the package; Playwright and jieba-wasm drive the tests and bench.
if [ -f package-lock.json ] && { [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi
