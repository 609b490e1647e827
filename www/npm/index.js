// The package's entry in browsers and bundlers: the wasm-bindgen API of zhaiyao.js, with an
// init() that remembers it ran (so that forgetting it gives a clear error) and loadEnglish().
import initWasm, { initSync as initSyncWasm, Summarizer, englishInstalled, installEnglish } from "./zhaiyao.js";

export * from "./zhaiyao.js";

let loaded = false;

function notLoaded(what) {
  return new Error(`zhaiyao: ${what} needs the wasm: \`await init()\` (the package's default export) first`);
}

/** Throws a clear error when the wasm is not loaded yet. */
function requireInit(what) {
  if (!loaded) throw notLoaded(what);
}

/**
 * Loads the wasm: from beside this file (bundlers rewrite the URL), or from `module_or_path` (a
 * URL, a Response, bytes or a WebAssembly.Module). Resolves once the API is usable.
 */
export default async function init(options) {
  const exports = await initWasm(options);
  loaded = true;
  return exports;
}

/** Loads the wasm synchronously from `{ module }` (bytes or a WebAssembly.Module). */
export function initSync(options) {
  const exports = initSyncWasm(options);
  loaded = true;
  return exports;
}

const load = Summarizer.load;
Summarizer.load = function (...args) {
  if (!loaded) return Promise.reject(notLoaded("Summarizer.load()"));
  return load.apply(this, args);
};

export { englishInstalledChecked as englishInstalled, installEnglishChecked as installEnglish };
function englishInstalledChecked() {
  requireInit("englishInstalled()");
  return englishInstalled();
}
function installEnglishChecked(bytes) {
  requireInit("installEnglish()");
  return installEnglish(bytes);
}

/**
 * Fetches the English IDF table (idf-en.bin, beside this file unless `source` says where) and
 * installs it. Without it English is still summarised, with one IDF for every word.
 * @param {string | URL | Response | Uint8Array} [source]
 */
export async function loadEnglish(source = new URL("./idf-en.bin", import.meta.url)) {
  requireInit("loadEnglish()");
  if (englishInstalled()) return;
  installEnglish(await bytesOf(source));
}

async function bytesOf(source) {
  if (source instanceof Uint8Array) return source;
  const response = source instanceof Response ? source : await fetch(source);
  if (!response.ok) throw new Error(`zhaiyao: ${response.url || source}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
