// The widget embedded from another origin (a CDN): the page on one port, the package on a
// second port with CORS. The worker starts from a blob: module that imports the CDN's worker.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "./server.mjs";
import { SITE, launch, originsOf, record, requireSite, waitReady } from "./helpers.mjs";

let cdn;
let host;
let browser;

before(async () => {
  requireSite();
  cdn = await startServer({ root: join(SITE, "pkg"), cors: true });
  const article = readFileSync(join(SITE, "examples", "example.zh.txt"), "utf8")
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`)
    .join("\n");
  // The CSP a page needs to embed the widget from a CDN: the CDN for scripts and fetches, and
  // blob: workers.
  const csp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${cdn.origin}; connect-src 'self' ${cdn.origin}; worker-src 'self' blob:`;
  host = await startServer({
    headers: { "Content-Security-Policy": csp },
    pages: {
      "/index.html": {
        body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>embed</title>
<script type="module" src="${cdn.origin}/zhaiyao-summary.js"></script></head><body>
<article id="post">${article}</article>
<zhaiyao-summary for="post" highlight></zhaiyao-summary>
</body></html>`,
      },
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await cdn?.close();
  await host?.close();
});

test("the widget works when its script comes from another origin", async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 4000 } });
  const page = await context.newPage();
  const log = await record(context, page);
  await page.goto(host.url("/"));
  await waitReady(page);
  const summary = await page.evaluate(() => document.querySelector("zhaiyao-summary").summary);
  assert.equal(summary.lang, "zh");
  assert.ok(summary.sentences.length >= 1);
  assert.ok(summary.keywords.length >= 10);
  // The wasm and the worker came from the CDN, once; the page's origin served only the page.
  const wasm = cdn.requests.filter((r) => r.path.endsWith(".wasm"));
  assert.equal(wasm.length, 1);
  assert.ok(cdn.requests.some((r) => r.path === "/zhaiyao-worker.js"));
  assert.deepEqual(host.requests.map((r) => r.path).filter((p) => p !== "/favicon.ico"), ["/"]);
  assert.equal(log.workers.length, 1);
  assert.ok(log.workers[0].startsWith("blob:"), `worker from ${log.workers[0]}`);
  const origins = originsOf(log.requests);
  for (const o of origins) assert.ok(o === host.origin || o === cdn.origin, `request to ${o}`);
  assert.deepEqual(log.violations, []);
  assert.deepEqual(log.errors.filter((e) => !e.includes("favicon")), []);
  await context.close();
});
