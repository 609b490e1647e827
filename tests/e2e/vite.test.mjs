// The package from a bundler: tests/e2e/vite-app is built with Vite, with pkg/ installed as
// node_modules/zhaiyao, then served and run in Chromium (the JS API and the component).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { startServer } from "./server.mjs";
import { SITE, STRICT_CSP, launch, originsOf, record, requireSite, waitReady } from "./helpers.mjs";

const APP = join(dirname(fileURLToPath(import.meta.url)), "vite-app");
let work;
let server;
let browser;

before(async () => {
  requireSite();
  work = mkdtempSync(join(tmpdir(), "zhaiyao-vite-"));
  cpSync(APP, work, { recursive: true });
  cpSync(join(SITE, "pkg"), join(work, "node_modules", "zhaiyao"), { recursive: true });
  await build({ root: work, configFile: join(work, "vite.config.js"), build: { outDir: join(work, "dist"), emptyOutDir: true } });
  server = await startServer({ root: join(work, "dist"), headers: { "Content-Security-Policy": STRICT_CSP } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test("a Vite build of the package runs the JS API and the component", async () => {
  const assets = readdirSync(join(work, "dist", "assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `no wasm among the built assets: ${assets}`);
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = await record(context, page);
  await page.goto(server.url("/"));
  await page.waitForFunction(() => document.getElementById("api-result").textContent !== "…");
  const text = await page.locator("#api-result").textContent();
  assert.ok(!text.startsWith("error"), text);
  const summary = JSON.parse(text);
  assert.equal(summary.lang, "en");
  assert.equal(summary.sentences.length, 1);
  await waitReady(page);
  const n = await page.evaluate(() => document.querySelector("zhaiyao-summary").summary.sentences.length);
  assert.equal(n, 2);
  assert.deepEqual([...originsOf(log.requests)], [server.origin]);
  assert.deepEqual(log.violations, []);
  assert.deepEqual(log.errors.filter((e) => !e.includes("favicon")), []);
  await context.close();
});
