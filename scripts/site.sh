#!/usr/bin/env bash
# Assembles the demo site in target/site: the demo page, the modules www/shared/ holds for the
# demo and the extension (beside the page, not in the npm package), the package under pkg/, the examples.
set -euo pipefail
cd "$(dirname "$0")/.."

site=target/site
rm -rf "$site"
mkdir -p "$site/examples"
cp -r www/demo/. "$site/"
cp www/shared/*.js "$site/"
cp -r pkg "$site/pkg"
cp data/example.zh.txt data/example.en.txt "$site/examples/"
