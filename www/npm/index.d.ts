// Types of the package's entry (index.js in browsers and bundlers, node.js in Node and Deno).
export * from "./zhaiyao.js";
export { default } from "./zhaiyao.js";

/**
 * Installs the English IDF table (idf-en.bin): the package's own file when `source` is not given
 * (fetched beside the package in browsers, read from disk in Node), else `source` (a URL, a
 * Response or the file's bytes). Without it English is still summarised, with one IDF for every
 * word. Needs `await init()` first.
 */
export function loadEnglish(source?: string | URL | Response | Uint8Array): Promise<void>;
