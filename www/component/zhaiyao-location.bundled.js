// What bundlers load in place of zhaiyao-location.js (package.json's `browser` map): in a bundle
// the worker is found by the bundler, through `new Worker(new URL("./zhaiyao-worker.js", import.meta.url))`.
export const MODULE_URL = null;
