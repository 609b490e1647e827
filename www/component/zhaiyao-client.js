// The page's side of the zhaiyao Worker: one worker, one wasm instance and one download per
// assets location, shared by every <zhaiyao-summary> on the page, started on first use.

import { MODULE_URL } from "./zhaiyao-location.js";
import { bootstrapSource } from "./zhaiyao-worker-bootstrap.js";

const WORKER_OPTIONS = { type: "module", name: "zhaiyao" };
/** Where a worker that did not start most often went wrong. */
const WORKER_HINT =
  " (Vite 7's dev server needs `optimizeDeps: { exclude: [\"zhaiyao\"] }`; esbuild and Rollup need the" +
  " package's files copied beside the bundle, or `ZhaiyaoConfig.assetsUrl`: see the zhaiyao README)";

/**
 * The assets location given by the page: an explicit `base` (the element's attribute), else the
 * global `ZhaiyaoConfig.assetsUrl`; absolute and ending in "/". Null when neither is set: the
 * package's own files are used, wherever the bundler (or the server) put them.
 * @param {string | null | undefined} base
 * @returns {string | null}
 */
export function assetsBase(base) {
  const configured = base || (globalThis.ZhaiyaoConfig && globalThis.ZhaiyaoConfig.assetsUrl);
  if (!configured) return null;
  const url = new URL(configured, document.baseURI);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/**
 * A module worker that imports `workerUrl` from another origin. A Worker can't be started from
 * another origin's URL, but a same-origin blob: module may import one (module scripts are fetched
 * with CORS: the assets need CORS headers). The blob's code is zhaiyao-worker-bootstrap.js's
 * `workerBootstrap`: it holds back the messages that arrive before the worker module has loaded.
 * @param {string} workerUrl
 * @returns {{ worker: Worker, blobUrl: string }}
 */
function crossOriginWorker(workerUrl) {
  const source = bootstrapSource(workerUrl);
  const blobUrl = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  return { worker: new Worker(blobUrl, WORKER_OPTIONS), blobUrl };
}

/**
 * The worker for an assets location, and the init message's extra fields. With no location
 * given, the package's own worker: the literal `new Worker(new URL("./zhaiyao-worker.js",
 * import.meta.url))`, which bundlers (Vite, webpack) find and bundle, and which a strict CSP
 * (worker-src 'self') allows; served as it is from another origin (a CDN), the same file through
 * a blob: module.
 * @param {string | null} base
 */
function startWorker(base) {
  if (base === null) {
    if (MODULE_URL && new URL(MODULE_URL).origin !== location.origin) {
      return crossOriginWorker(new URL("zhaiyao-worker.js", MODULE_URL).href);
    }
    // The options literally, too: Vite reads them at build time.
    return { worker: new Worker(new URL("./zhaiyao-worker.js", import.meta.url), { type: "module", name: "zhaiyao" }) };
  }
  const workerUrl = new URL("zhaiyao-worker.js", base);
  const init = { wasmUrl: new URL("zhaiyao_bg.wasm", base).href };
  if (workerUrl.origin === location.origin) return { worker: new Worker(workerUrl, WORKER_OPTIONS), init };
  return { ...crossOriginWorker(workerUrl.href), init };
}

/**
 * The worker's error as an Error again, with the engine's `code` and fields (a plain string is the
 * worker bootstrap's own message).
 * @param {string | { message: string }} error
 */
function errorOf(error) {
  return typeof error === "string" ? new Error(error) : Object.assign(new Error(error.message), error);
}

class Client {
  /** @param {string | null} base absolute assets URL ending in "/", or null for the package's own */
  constructor(base) {
    this.base = base;
    this.worker = null;
    this.pending = new Map();
    this.nextId = 1;
    this.ready = null;
  }

  start() {
    if (this.ready) return this.ready;
    const started = startWorker(this.base);
    this.worker = started.worker;
    this.blobUrl = started.blobUrl ?? null;
    const init = { ...started.init };
    this.worker.addEventListener("message", (event) => this.receive(event.data));
    this.worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.fail(new Error(event.message || "the zhaiyao worker could not start" + WORKER_HINT));
    });
    const config = globalThis.ZhaiyaoConfig || {};
    if (typeof config.userDict === "string") init.userDict = config.userDict;
    if (Array.isArray(config.stopWords)) init.stopWords = config.stopWords;
    const ready = this.send("init", init);
    this.ready = ready;
    ready.then(
      () => this.revokeBlob(),
      () => {
        this.revokeBlob();
        if (this.ready === ready) this.fail(new Error("the zhaiyao worker could not load"));
      },
    );
    return ready;
  }

  revokeBlob() {
    if (this.blobUrl) URL.revokeObjectURL(this.blobUrl);
    this.blobUrl = null;
  }

  receive(data) {
    const waiter = this.pending.get(data && data.id);
    if (!waiter) return;
    this.pending.delete(data.id);
    if ("error" in data) waiter.reject(errorOf(data.error));
    else waiter.resolve(data.result);
  }

  /** Rejects everything pending and lets the next request start a fresh worker. */
  fail(error) {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.ready = null;
  }

  send(op, payload = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...payload, id, op });
    });
  }

  async request(op, payload) {
    await this.start();
    return this.send(op, payload);
  }

  /** The engine's defaults, `{ sentences, keywords, explainedTerms }`, once the worker is up. */
  defaults() {
    return this.start().then((result) => result.defaults);
  }

  /** Analyses `text`; the result's `handle` is then used by `select` and `release`. */
  analyze(text, { lang, select } = {}) {
    return this.request("analyze", { text, lang, select });
  }
  select(handle, options) {
    return this.request("select", { handle, options });
  }
  summarize(text, options) {
    return this.request("summarize", { text, options });
  }
  release(handle) {
    if (!this.worker || handle == null) return Promise.resolve({ released: false });
    return this.send("release", { handle });
  }
}

/** @type {Map<string | null, Client>} */
const clients = new Map();

/**
 * The shared client for an assets location (one per page in the usual case).
 * @param {string} [base]
 */
export function getClient(base) {
  const href = assetsBase(base);
  let client = clients.get(href);
  if (!client) {
    client = new Client(href);
    clients.set(href, client);
  }
  return client;
}
