#!/usr/bin/env bash
# Builds pkg/, the npm package: the wasm and its JS glue, the worker, the web component and the
# package's README.
set -euo pipefail
cd "$(dirname "$0")/.."

wasm-pack build --target web --release --no-default-features --weak-refs \
  --out-dir pkg --out-name zhaiyao
cp www/component/* pkg/
cp www/npm/README.md pkg/README.md
node scripts/finish-package.mjs pkg www/component
