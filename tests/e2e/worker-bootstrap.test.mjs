// The cross-origin worker's bootstrap (www/component/zhaiyao-worker-bootstrap.js) in Node, run from its source text.
//
// The source the client puts in the blob: is imported here as a data: module, so the bootstrap
// runs away from the module it was written in (a name it took from there would throw), in a fake
// worker scope (`self`), importing fake worker modules (data: URLs) that hold their evaluation
// open with a top-level await until the test lets them go; once as written, once as a minifying
// bundler leaves it (esbuild, down to ES2015). The real thing, a CDN's worker under a strict CSP in
// Chromium, is cross-origin.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { build } from "esbuild";
import { ROOT } from "./helpers.mjs";
import * as written from "../../www/component/zhaiyao-worker-bootstrap.js";

const bundled = await build({
  entryPoints: [join(ROOT, "www", "component", "zhaiyao-worker-bootstrap.js")],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2015",
  write: false,
  logLevel: "silent",
});
const minified = await import(dataUrl(bundled.outputFiles[0].text));
const VARIANTS = [
  ["as written", written],
  ["minified by esbuild", minified],
];

/** A worker's global scope as far as the bootstrap needs one: messages in, `postMessage` out. */
class FakeWorkerScope extends EventTarget {
  constructor() {
    super();
    this.posted = [];
  }
  postMessage(data) {
    this.posted.push(data);
  }
  /** A message from the page. */
  receive(data) {
    this.dispatchEvent(new MessageEvent("message", { data }));
  }
}

let runs = 0;

/**
 * A fake worker module and its controls. Its code adds a message listener (as zhaiyao-worker.js
 * does) that records each request's id and answers it, then waits until `release()`; it then
 * throws if `fails` is given. `started` resolves once its listener is in.
 */
function fakeWorker(fails) {
  const run = ++runs;
  const key = `__zhaiyaoBootstrapTest${run}`;
  let release;
  let started;
  const state = {
    seen: [],
    gate: new Promise((resolve) => (release = resolve)),
    started: new Promise((resolve) => (started = resolve)),
  };
  state.start = started;
  globalThis[key] = state;
  const code = `const state = globalThis.${key};
self.addEventListener("message", (event) => {
  state.seen.push(event.data.id);
  self.postMessage({ id: event.data.id, result: event.data.op });
});
state.start();
await state.gate;
${fails ? `throw new Error(${JSON.stringify(fails)});` : ""}`;
  return { url: dataUrl(code), state, release };
}

function dataUrl(code) {
  return "data:text/javascript," + encodeURIComponent(code);
}

/** Runs the blob: module's source for `workerUrl` in a fresh fake worker scope. */
async function boot(bootstrapSource, workerUrl) {
  const scope = new FakeWorkerScope();
  globalThis.self = scope;
  // A comment makes each run's source a new module (data: modules are cached by URL).
  await import(dataUrl(`${bootstrapSource(workerUrl)}// run ${++runs}\n`));
  return scope;
}

// An error in the bootstrap's callbacks or listeners (a name it cannot see from the blob, say)
// surfaces here, not in the test's own code.
const thrown = [];
process.on("unhandledRejection", (error) => thrown.push(error));
process.on("uncaughtException", (error) => thrown.push(error));

/** Waits (event-loop turns, no clock) until `ready()` holds; fails on the bootstrap's error. */
async function until(ready) {
  while (!ready()) {
    if (thrown.length) throw thrown[0];
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (thrown.length) throw thrown[0];
}

test("the blob's source is the bootstrap function itself, called with the worker's URL and import()", () => {
  const url = 'https://cdn.example.com/zhaiyao/zhaiyao-worker.js?"quoted"';
  const source = written.bootstrapSource(url);
  assert.ok(source.startsWith(`(${written.workerBootstrap.toString()})(`), source);
  assert.ok(source.includes(`(${JSON.stringify(url)}, (url) => import(url))`), source);
  // A dynamic import only in the text: no bundler rewrites it inside the function.
  assert.doesNotMatch(written.workerBootstrap.toString(), /\bimport\s*\(/);
});

for (const [variant, { bootstrapSource }] of VARIANTS) {
  test(`${variant}: messages that arrive before the worker module has loaded reach it afterwards, in order, once each`, async () => {
    const worker = fakeWorker();
    const scope = await boot(bootstrapSource, worker.url);
    scope.receive({ id: 1, op: "init" });
    scope.receive({ id: 2, op: "analyze" });
    await worker.state.started;
    // The module's listener is in but the module has not finished loading: still held.
    scope.receive({ id: 3, op: "select" });
    assert.deepEqual(worker.state.seen, []);
    assert.deepEqual(scope.posted, []);
    worker.release();
    await until(() => scope.posted.length === 3);
    assert.deepEqual(worker.state.seen, [1, 2, 3]);
    assert.deepEqual(scope.posted, [
      { id: 1, result: "init" },
      { id: 2, result: "analyze" },
      { id: 3, result: "select" },
    ]);
    // Once loaded, a message goes straight to the module (dispatch is synchronous).
    scope.receive({ id: 4, op: "select" });
    assert.deepEqual(worker.state.seen, [1, 2, 3, 4]);
    assert.deepEqual(scope.posted.at(-1), { id: 4, result: "select" });
  });

  test(`${variant}: a worker module that fails to load: every held and every later request gets an error with its id`, async () => {
    const worker = fakeWorker("the wasm is not here");
    const scope = await boot(bootstrapSource, worker.url);
    scope.receive({ id: 1, op: "init" });
    await worker.state.started;
    scope.receive({ id: 2, op: "analyze" });
    worker.release();
    await until(() => scope.posted.length === 2);
    const message = `cannot load ${worker.url}: the wasm is not here`;
    assert.deepEqual(scope.posted, [
      { id: 1, error: message },
      { id: 2, error: message },
    ]);
    scope.receive({ id: 3, op: "select" });
    assert.deepEqual(scope.posted.at(-1), { id: 3, error: message });
    assert.equal(scope.posted.length, 3);
    // The listener the module added before it failed never heard a request: only the bootstrap answers.
    assert.deepEqual(worker.state.seen, []);
  });

  test(`${variant}: a worker URL that does not resolve: requests are answered with the import's error`, async () => {
    const url = "file:///nonexistent/zhaiyao/zhaiyao-worker.js";
    const scope = await boot(bootstrapSource, url);
    scope.receive({ id: 7, op: "init" });
    await until(() => scope.posted.length === 1);
    assert.equal(scope.posted[0].id, 7);
    assert.match(scope.posted[0].error, /^cannot load file:\/\/\/nonexistent\/zhaiyao\/zhaiyao-worker\.js: .*(not find|ERR_MODULE_NOT_FOUND)/);
    scope.receive({ id: 8, op: "analyze" });
    assert.deepEqual(scope.posted.map((m) => m.id), [7, 8]);
  });
}
