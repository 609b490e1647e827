// The English IDF table (idf-en.bin) is not part of what a Chinese page downloads: the worker
// fetches it for the first text with real English in it (tests/wasm.rs checks that installing
// it works).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "./server.mjs";
import { SITE, STRICT_CSP, launch, requireSite, waitReady } from "./helpers.mjs";

let server;
let browser;

const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const page = (file) =>
  `<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/load.js"></script></head><body>
<article id="a">${escape(readFileSync(join(SITE, "examples", file), "utf8"))}</article>
<zhaiyao-summary for="a"></zhaiyao-summary></body></html>`;

before(async () => {
  requireSite();
  server = await startServer({
    root: SITE,
    headers: { "Content-Security-Policy": STRICT_CSP },
    pages: {
      "/load.js": { body: 'import "./pkg/zhaiyao-summary.js";\n' },
      "/zh.html": { body: page("example.zh.txt") },
      "/en.html": { body: page("example.en.txt") },
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function summarise(path) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const from = server.requests.length;
  await tab.goto(server.url(path));
  await waitReady(tab);
  const keywords = await tab.evaluate(() => document.querySelector("zhaiyao-summary").summary.keywords.map((k) => k.word));
  await context.close();
  return { paths: server.requests.slice(from).map((r) => r.path), keywords };
}

test("a Chinese article does not download the English table", async () => {
  const { paths, keywords } = await summarise("/zh.html");
  assert.ok(paths.includes("/pkg/zhaiyao_bg.wasm"), paths.join(" "));
  assert.ok(!paths.includes("/pkg/idf-en.bin"), paths.join(" "));
  assert.ok(keywords.length >= 10);
});

test("an English article loads the English table once", async () => {
  const { paths, keywords } = await summarise("/en.html");
  assert.equal(paths.filter((p) => p === "/pkg/idf-en.bin").length, 1, paths.join(" "));
  assert.ok(keywords.slice(0, 5).includes("Wrenford"), keywords.join(", "));
});
