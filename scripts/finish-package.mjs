// Completes what wasm-pack writes into pkg/: the component's files ship too, the entry points
// are named, and the type declarations say what the API takes, with no `any`.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const [pkgDir, componentDir] = process.argv.slice(2);

const packageJson = join(pkgDir, "package.json");
const pkg = JSON.parse(readFileSync(packageJson, "utf8"));
const componentFiles = readdirSync(componentDir).sort();
pkg.files = [...new Set([...(pkg.files ?? []), ...componentFiles, "idf-en.bin", "README.md"])];
pkg.description =
  "Summaries and keywords of Chinese and English articles, in the browser: TF-IDF over jieba words, in WebAssembly";
pkg.license = "MIT";
pkg.exports = {
  ".": { types: "./zhaiyao.d.ts", default: "./zhaiyao.js" },
  "./zhaiyao-summary.js": { types: "./zhaiyao-summary.d.ts", default: "./zhaiyao-summary.js" },
  "./zhaiyao-worker.js": "./zhaiyao-worker.js",
  "./*": "./*",
};
pkg.sideEffects = ["./zhaiyao-summary.js"];
writeFileSync(packageJson, JSON.stringify(pkg, null, 2) + "\n");

// wasm-bindgen types an optional options object as `T | undefined`, which TypeScript still
// requires to be passed, and types the raw wasm exports with `any`.
const types = join(pkgDir, "zhaiyao.d.ts");
const declarations = readFileSync(types, "utf8")
  .replace(/(\w+): (\w+) \| undefined\)/g, "$1?: $2)")
  .replace(/(:|=>) any\b/g, "$1 unknown");
writeFileSync(types, declarations);
