// Completes what wasm-pack writes into pkg/: the component's and the entries' files ship too, the
// entry points are named per runtime, the metadata is honest, and the type declarations say what
// the API takes, with no `any`, and compile with skipLibCheck off.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const [pkgDir, ...sourceDirs] = process.argv.slice(2);

const packageJson = join(pkgDir, "package.json");
const pkg = JSON.parse(readFileSync(packageJson, "utf8"));
const shipped = sourceDirs.flatMap((dir) => readdirSync(dir)).filter((f) => f !== "README.md");
pkg.files = [...new Set([...(pkg.files ?? []), ...shipped, "idf-en.bin", "README.md", "LICENSE", "NOTICE", "CHANGELOG.md"])].sort();
pkg.description =
  "Summaries and keywords of Chinese and English articles, in the browser: TF-IDF over jieba words, in WebAssembly";
// The code is MIT; idf-en.bin, derived from wordfreq, is CC BY-SA 4.0 (see NOTICE).
pkg.license = "MIT AND CC-BY-SA-4.0";
pkg.keywords = ["summarization", "summary", "keywords", "chinese", "jieba", "tf-idf", "webassembly", "web-component", "nlp"];
pkg.main = "index.js";
pkg.types = "index.d.ts";
delete pkg.module;
pkg.exports = {
  ".": { types: "./index.d.ts", node: "./node.js", deno: "./node.js", default: "./index.js" },
  "./zhaiyao-summary.js": { types: "./zhaiyao-summary.d.ts", default: "./zhaiyao-summary.js" },
  // The element's registration alone (zhaiyao-summary.js imports it): the same exports and types.
  "./zhaiyao-summary-define.js": { types: "./zhaiyao-summary.d.ts", default: "./zhaiyao-summary-define.js" },
  "./zhaiyao-worker.js": "./zhaiyao-worker.js",
  "./zhaiyao_bg.wasm": "./zhaiyao_bg.wasm",
  "./idf-en.bin": "./idf-en.bin",
  "./package.json": "./package.json",
  "./*": "./*",
};
// Bundlers take the component's location module that holds no `import.meta.url`.
pkg.browser = { "./zhaiyao-location.js": "./zhaiyao-location.bundled.js" };
pkg.engines = { node: ">=20" };
// index.js adds the init() check to the wasm-bindgen classes when it runs; the component's entry
// and its define module register the element.
pkg.sideEffects = ["./zhaiyao-summary.js", "./zhaiyao-summary-define.js", "./index.js", "./node.js"];
writeFileSync(packageJson, JSON.stringify(pkg, null, 2) + "\n");

// wasm-bindgen types an optional options object as `T | undefined`, which TypeScript still
// requires to be passed, and types the raw wasm exports with `any`. `[Symbol.dispose]` needs
// lib esnext.disposable, which a consumer with `lib: ["ES2022", "DOM"]` lacks: the method is
// there at runtime (`using` works where the runtime has it), the declaration is left out.
const types = join(pkgDir, "zhaiyao.d.ts");
const declarations = readFileSync(types, "utf8");
const finished = declarations
  .replace(/(\w+): (\w+) \| undefined\)/g, "$1?: $2)")
  .replace(/(:|=>) any\b/g, "$1 unknown")
  .replace(/^\s*\[Symbol\.dispose\]\(\): void;\n/gm, "");
if (/\bany\b|Symbol\.dispose/.test(finished.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ""))) {
  throw new Error(`${types}: an \`any\` or Symbol.dispose is left: the patterns above need updating`);
}
writeFileSync(types, finished);
