#!/usr/bin/env bash
# Builds pkg/, the npm package: the wasm and its JS glue, the entries (browser and Node), the
# worker, the web component, the English table, and the package's README, licence and notices.
set -euo pipefail
cd "$(dirname "$0")/.."

# From an empty pkg/: a module moved out of www/component/ leaves no stale copy behind.
rm -rf pkg
wasm-pack build --target web --release --no-default-features --weak-refs \
  --out-dir pkg --out-name zhaiyao
# A pinned wasm-opt (npm binaryen) rather than the one wasm-pack would download. jieba-rs emits
# SIMD, so the features the module uses are named. -O3 rather than -Oz: the first summary in a
# page runs in the browser's baseline code, which is only as good as the wasm it is given (the
# code is a tenth of the module; the brotli size barely moves). Large functions called from one
# place stay out of line, so that the browser can optimise them between calls.
npx --no-install wasm-opt -O3 --one-caller-inline-max-function-size 100 --strip-debug --strip-producers \
  --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals pkg/zhaiyao_bg.wasm -o pkg/zhaiyao_bg.wasm
cp www/component/* pkg/
cp www/npm/* pkg/
cp data/idf-en.bin LICENSE NOTICE CHANGELOG.md pkg/
node scripts/finish-package.mjs pkg www/component www/npm
