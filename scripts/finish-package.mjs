// Completes the package.json that wasm-pack writes: the component's files ship too, and the
// entry points are named.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";

const [path, componentDir] = process.argv.slice(2);
const pkg = JSON.parse(readFileSync(path, "utf8"));
const componentFiles = readdirSync(componentDir).sort();
pkg.files = [...new Set([...(pkg.files ?? []), ...componentFiles, "README.md"])];
pkg.description = "Summaries and keywords of Chinese and English articles, in the browser: TF-IDF over jieba words, in WebAssembly";
pkg.license = "MIT";
pkg.exports = {
  ".": { types: "./zhaiyao.d.ts", default: "./zhaiyao.js" },
  "./zhaiyao-summary.js": "./zhaiyao-summary.js",
  "./zhaiyao-worker.js": "./zhaiyao-worker.js",
  "./*": "./*",
};
pkg.sideEffects = ["./zhaiyao-summary.js", "./snippets/*"];
writeFileSync(path, JSON.stringify(pkg, null, 2) + "\n");
