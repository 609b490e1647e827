// The page's side of the zhaiyao Worker: one worker, one wasm instance and one download per
// assets location, shared by every <zhaiyao-summary> on the page, started on first use.

/** Where the component's own files (this module, the worker, the wasm) are served from. */
// (String arithmetic, not `new URL("./", import.meta.url)`, which bundlers take for an asset.)
const MODULE_BASE = import.meta.url.slice(0, import.meta.url.lastIndexOf("/") + 1);

/**
 * The assets location: an explicit `base` (the element's attribute), else the global
 * `ZhaiyaoConfig.assetsUrl`, else the folder this module was loaded from. Always absolute and
 * ending in "/".
 * @param {string | null | undefined} base
 */
export function assetsBase(base) {
  const configured =
    base || (globalThis.ZhaiyaoConfig && globalThis.ZhaiyaoConfig.assetsUrl) || MODULE_BASE;
  const url = new URL(configured, document.baseURI);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

class Client {
  /** @param {string} base absolute assets URL ending in "/" */
  constructor(base) {
    this.base = base;
    this.worker = null;
    this.pending = new Map();
    this.nextId = 1;
    this.ready = null;
  }

  start() {
    if (this.ready) return this.ready;
    const workerUrl = new URL("zhaiyao-worker.js", this.base);
    const wasmUrl = new URL("zhaiyao_bg.wasm", this.base);
    const own = this.base === MODULE_BASE;
    let init;
    if (own && workerUrl.origin === location.origin) {
      // The usual case: the plain same-origin URL, which a strict CSP (worker-src 'self')
      // allows. Written literally so that bundlers (Vite, webpack) find and bundle the worker,
      // and the glue finds the wasm next to itself.
      this.worker = new Worker(new URL("./zhaiyao-worker.js", import.meta.url), { type: "module", name: "zhaiyao" });
      init = {};
    } else if (workerUrl.origin === location.origin) {
      this.worker = new Worker(workerUrl, { type: "module", name: "zhaiyao" });
      init = { wasmUrl: wasmUrl.href };
    } else {
      // A Worker can't be started from another origin's URL, but a same-origin blob: module
      // may import one (module scripts are fetched with CORS: the assets need CORS headers).
      // A dynamic import(), not a static one: under a CSP, Chrome checks a module worker's static
      // imports against worker-src but import() against script-src, which a page embedding the
      // CDN's script already allows. Messages that arrive before the worker module has loaded
      // are held back and delivered to it afterwards.
      const source = `const held = [];
const hold = (event) => held.push(event.data);
self.addEventListener("message", hold);
import(${JSON.stringify(workerUrl.href)}).then(
  () => {
    self.removeEventListener("message", hold);
    for (const data of held) self.dispatchEvent(new MessageEvent("message", { data }));
  },
  (error) => {
    self.removeEventListener("message", hold);
    const message = "cannot load " + ${JSON.stringify(workerUrl.href)} + ": " + error.message;
    for (const data of held) self.postMessage({ id: data && data.id, error: message });
    self.addEventListener("message", (event) => self.postMessage({ id: event.data && event.data.id, error: message }));
  },
);
`;
      const blobUrl = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      this.worker = new Worker(blobUrl, { type: "module", name: "zhaiyao" });
      this.blobUrl = blobUrl;
      init = { wasmUrl: wasmUrl.href };
    }
    this.worker.addEventListener("message", (event) => this.receive(event.data));
    this.worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.fail(new Error(event.message || `the zhaiyao worker could not start from ${workerUrl.href}`));
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
    if ("error" in data) waiter.reject(new Error(data.error));
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
