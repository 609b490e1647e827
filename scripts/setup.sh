#!/usr/bin/env bash
# Installs what the build and the tests need, skipping what is already there. Safe to re-run.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }

if ! have cargo; then
  echo "setup: cargo is missing: install Rust with rustup (https://rustup.rs) first" >&2
  exit 1
fi
# rustfmt checks formatting in `make test`; rustup profiles without it exist.
if ! have rustfmt && have rustup; then
  rustup component add rustfmt
fi
