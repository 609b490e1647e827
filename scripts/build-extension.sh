#!/usr/bin/env bash
# Assembles the browser extension from www/extension/, the built package (pkg/, from
# `make pkg`) and Readability.js (npm @mozilla/readability, pinned in package.json):
#   target/extension/          a folder to load unpacked (chrome://extensions → Load unpacked)
#   target/zhaiyao-extension.zip  the same files, for a store upload
# Everything the extension runs is in the folder: no remote code.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/extension
zip=target/zhaiyao-extension.zip
readability=node_modules/@mozilla/readability

for f in pkg/zhaiyao.js pkg/zhaiyao_bg.wasm pkg/zhaiyao-worker.js pkg/zhaiyao-summary.js; do
  [ -f "$f" ] || { echo "build-extension: $f is missing: run \`make pkg\` first" >&2; exit 1; }
done
if [ ! -f "$readability/Readability.js" ]; then
  echo "build-extension: $readability is missing: run \`npm ci\` (or \`make setup-test\`) first" >&2
  exit 1
fi

rm -rf "$out" "$zip"
mkdir -p "$out/pkg" "$out/vendor"
cp -r www/extension/. "$out/"
# The package's runtime files (the wasm, its glue, the worker, the component's modules and any
# data file beside them), not its types, README or package.json.
for f in pkg/*; do
  case "$f" in
    *.d.ts | *.md | */package.json) ;;
    *.js | *.wasm | *.bin | */LICENSE) cp "$f" "$out/pkg/" ;;
  esac
done
cp "$readability/Readability.js" "$out/vendor/Readability.js"
cp "$readability/LICENSE.md" "$out/vendor/Readability.LICENSE.md"

# Every module the component imports must be in the folder (a missing one would fail at run time).
for f in "$out"/pkg/*.js; do
  for dep in $(grep -oE "from \"\./[^\"]+\"|import\(\"\./[^\"]+\"\)" "$f" | grep -oE "\./[^\"]+"); do
    [ -f "$out/pkg/${dep#./}" ] || { echo "build-extension: $f imports $dep, which is not copied" >&2; exit 1; }
  done
done
node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$out/manifest.json"

# A reproducible zip (sorted names, fixed times) with python's zipfile, which is always there.
python3 - "$out" "$zip" <<'PY'
import os, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
names = sorted(os.path.relpath(os.path.join(d, f), src) for d, _, fs in os.walk(src) for f in fs)
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for name in names:
        info = zipfile.ZipInfo(name.replace(os.sep, "/"), date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(os.path.join(src, name), "rb") as f:
            z.writestr(info, f.read())
PY
echo "extension: $out/ and $zip ($(du -k "$zip" | cut -f1) KB)"
