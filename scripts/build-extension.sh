#!/usr/bin/env bash
# Assembles the browser extension from www/extension/, www/shared/, the built package (pkg/, from
# `make pkg`) and Readability.js (npm @mozilla/readability, pinned in package.json), once for
# each browser, with the manifest keys that browser knows (so neither warns about the other's):
#   target/extension/chrome/     load unpacked (chrome://extensions → Load unpacked)
#   target/extension/firefox/    load temporarily (about:debugging → Load Temporary Add-on)
#   target/zhaiyao-chrome.zip, target/zhaiyao-firefox.zip   the same files, for the stores
#   target/store/                the listing texts and privacy page (the e2e test adds screenshots)
# Everything the extension runs is in the folder: no remote code.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/extension
readability=node_modules/@mozilla/readability

for f in pkg/zhaiyao.js pkg/zhaiyao_bg.wasm pkg/zhaiyao-worker.js pkg/zhaiyao-summary.js; do
  [ -f "$f" ] || { echo "build-extension: $f is missing: run \`make pkg\` first" >&2; exit 1; }
done
if [ ! -f "$readability/Readability.js" ]; then
  echo "build-extension: $readability is missing: run \`npm ci\` (or \`make setup-test\`) first" >&2
  exit 1
fi

rm -rf "$out" target/zhaiyao-extension.zip target/zhaiyao-chrome.zip target/zhaiyao-firefox.zip target/store
common="$out/common"
mkdir -p "$common/pkg" "$common/vendor"
cp -r www/extension/. "$common/"
# The modules the panel shares with the demo (not in the npm package): beside panel.js.
cp www/shared/*.js "$common/"
rm -rf "$common/store"
# The package's runtime files (the wasm, its glue, the worker, the component's modules and any
# data file beside them), not its types, README or package.json.
for f in pkg/*; do
  case "$f" in
    *.d.ts | *.md | */package.json) ;;
    *.js | *.wasm | *.bin | */LICENSE) cp "$f" "$common/pkg/" ;;
  esac
done
cp "$readability/LICENSE.md" "$common/vendor/Readability.LICENSE.md"
# What the functions of page-functions.js need in the tab goes inside them, at marker lines: each
# function is sent to the tab on its own (executeScript's func), so it must carry it along.
#   /* ZHAIYAO-TEXT */  (in each function that reads the page's text) becomes
#     `const ZhaiyaoText = (() => { …www/component/zhaiyao-text.js… })();`: the shared text module,
#     the same file the component imports (pkg/zhaiyao-text.js), with `export` taken off and its
#     exported names returned, so page and component split a page into blocks alike.
#   /* READABILITY */   (once, in extractArticle) becomes Readability.js.
# (executeScript({ files }) would inject them once, but in Firefox ESR 140 here every file
# injection fails, "Unable to load script", even of a plain classic script such as
# background.js, from the .zip or the unpacked folder, while functions run. And a module cannot
# be injected as a file at all: an injected file is a classic script.)
node - www/component/zhaiyao-text.js "$readability/Readability.js" "$common/page-functions.js" <<'JS'
const fs = require("fs");
const path = require("path");
const [textModule, lib, target] = process.argv.slice(2);
let source = fs.readFileSync(target, "utf8");
function paste(marker, count, text) {
  const line = `  /* ${marker} */\n`;
  const found = source.split(line).length - 1;
  if (count ? found !== count : found < 1) throw new Error(`${target}: ${count || "at least one"} "${line.trim()}" line(s) expected, found ${found}`);
  source = source.split(line).join(text);
}
// The text module: only `export function NAME` and `export const NAME` at the top level, no import.
const module = fs.readFileSync(textModule, "utf8");
const names = [...module.matchAll(/^export (?:function\*? |const )(\w+)/gm)].map((m) => m[1]);
const body = module.replace(/^export (function|const) /gm, "$1 ");
if (!names.length || /^\s*(import|export)\b/m.test(body)) {
  throw new Error(`${textModule}: only \`export function NAME\` and \`export const NAME\` can be pasted into a function`);
}
paste("ZHAIYAO-TEXT", 0, `  // ---- ${textModule}, pasted by scripts/build-extension.sh (edit that file) ----\n  const ZhaiyaoText = (() => {\n${body}\n  return { ${names.join(", ")} };\n  })();\n  // ---- end of zhaiyao-text.js ----\n`);
const version = JSON.parse(fs.readFileSync(`${path.dirname(lib)}/package.json`, "utf8")).version;
paste("READABILITY", 1, `  // ---- Readability.js ${version} (npm @mozilla/readability, Apache-2.0, vendor/Readability.LICENSE.md), unchanged ----\n${fs.readFileSync(lib, "utf8")}\n  // ---- end of Readability.js ----\n`);
fs.writeFileSync(target, source);
JS

# Every module the component imports must be in the folder (a missing one would fail at run time).
for f in "$common"/pkg/*.js; do
  for dep in $(grep -oE "from \"\./[^\"]+\"|import\(\"\./[^\"]+\"\)" "$f" | grep -oE "\./[^\"]+"); do
    [ -f "$common/pkg/${dep#./}" ] || { echo "build-extension: $f imports $dep, which is not copied" >&2; exit 1; }
  done
done

# One manifest for each browser. Chromium: the service worker and the side panel (and no
# Firefox keys, which it would list as warnings). Firefox: an event page (background scripts)
# and the sidebar, no sidePanel permission (it has no such API).
node - "$common/manifest.json" "$out" <<'JS'
const fs = require("fs");
const [src, out] = process.argv.slice(2);
const base = JSON.parse(fs.readFileSync(src, "utf8"));
const chrome = structuredClone(base);
chrome.background = { service_worker: base.background.service_worker, type: base.background.type };
delete chrome.sidebar_action;
delete chrome.browser_specific_settings;
const firefox = structuredClone(base);
firefox.background = { scripts: base.background.scripts, type: base.background.type };
delete firefox.side_panel;
delete firefox.minimum_chrome_version;
firefox.permissions = base.permissions.filter((p) => p !== "sidePanel");
for (const [name, manifest] of Object.entries({ chrome, firefox })) {
  fs.cpSync(`${out}/common`, `${out}/${name}`, { recursive: true });
  fs.writeFileSync(`${out}/${name}/manifest.json`, JSON.stringify(manifest, null, 2) + "\n");
}
JS
rm -rf "$common"

# Reproducible zips (sorted names, fixed times) with python's zipfile, which is always there.
python3 - "$out" target <<'PY'
import os, sys, zipfile
out, target = sys.argv[1], sys.argv[2]
for browser in ("chrome", "firefox"):
    src = os.path.join(out, browser)
    names = sorted(os.path.relpath(os.path.join(d, f), src) for d, _, fs in os.walk(src) for f in fs)
    with zipfile.ZipFile(os.path.join(target, f"zhaiyao-{browser}.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        for name in names:
            info = zipfile.ZipInfo(name.replace(os.sep, "/"), date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with open(os.path.join(src, name), "rb") as f:
                z.writestr(info, f.read())
PY
mkdir -p target/store
cp -r www/extension/store/. target/store/
echo "extension: $out/{chrome,firefox}/, target/zhaiyao-chrome.zip ($(du -k target/zhaiyao-chrome.zip | cut -f1) KB)," \
  "target/zhaiyao-firefox.zip ($(du -k target/zhaiyao-firefox.zip | cut -f1) KB), target/store/"
