// The package's entry in Node (≥ 20) and Deno: as index.js, but init() and loadEnglish() read the
// package's files from disk, where fetch() cannot go.
import { readFile } from "node:fs/promises";
import initFrom, { loadEnglish as loadEnglishFrom } from "./index.js";

export * from "./index.js";

/** Loads the wasm: the package's own file, or `module_or_path` when given. */
export default async function init(options) {
  return initFrom(options ?? { module_or_path: await readFile(new URL("./zhaiyao_bg.wasm", import.meta.url)) });
}

/** Installs the English IDF table: the package's own idf-en.bin, or `source` when given. */
export async function loadEnglish(source) {
  return loadEnglishFrom(source ?? (await readFile(new URL("./idf-en.bin", import.meta.url))));
}
