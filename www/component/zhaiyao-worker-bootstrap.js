// The bootstrap of a worker served from another origin: the blob: module's code, as a function.

/**
 * Runs in a blob: module worker: loads the worker module at `workerUrl` with `load` (the worker's
 * own `import()`), holding back the messages that arrive until it has loaded, then delivers them
 * to it in order. If it fails to load, every held and every later request is answered with an
 * error carrying the request's `id`.
 *
 * The function is sent to the worker as source text (Function.prototype.toString, see
 * `bootstrapSource`), so it must be self-contained: only its parameters and the worker's globals
 * (`self`, `MessageEvent`), nothing from this module. And plain syntax (no for-of, spread or
 * async), so that a transpiling bundler adds no helper from its module scope either.
 * `tests/e2e/worker-bootstrap.test.mjs` runs it from its source, out of this module.
 * @param {string} workerUrl
 * @param {(url: string) => Promise<unknown>} load
 */
export function workerBootstrap(workerUrl, load) {
  var held = [];
  var failure = null;
  function answer(data) {
    self.postMessage({ id: data && data.id, error: failure });
  }
  // The first listener, so it may stop the others: until the module has loaded, its messages are
  // held (a module that waits, with a top-level await, after adding its listener gets them from
  // the replay only, in order, once each); if it failed, a listener it added before failing hears
  // nothing, and the bootstrap answers.
  function gate(event) {
    event.stopImmediatePropagation();
    if (failure === null) held.push(event.data);
    else answer(event.data);
  }
  self.addEventListener("message", gate);
  load(workerUrl).then(
    function () {
      self.removeEventListener("message", gate);
      held.forEach(function (data) {
        self.dispatchEvent(new MessageEvent("message", { data: data }));
      });
      held = [];
    },
    function (error) {
      failure = "cannot load " + workerUrl + ": " + ((error && error.message) || error);
      held.forEach(answer);
      held = [];
    }
  );
}

/**
 * The source of the blob: module that runs `workerBootstrap` for `workerUrl`. The `import()` is
 * written here, in the text, and not in `workerBootstrap`'s code: a bundler rewrites a dynamic
 * import it sees (Vite's dev server wraps its URL in a helper of the importing module, webpack
 * makes it a context module), and the function would then refer to a module it is no longer in.
 * A dynamic import, not a static one: under a CSP, Chrome checks a module worker's static imports
 * against worker-src but import() against script-src, which a page embedding the CDN's script
 * already allows.
 * @param {string} workerUrl
 * @returns {string}
 */
export function bootstrapSource(workerUrl) {
  return `(${workerBootstrap})(${JSON.stringify(workerUrl)}, (url) => import(url));\n`;
}
