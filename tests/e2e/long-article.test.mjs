// A 10 MB article: the component finishes, and none of its own main-thread work is a long task
// (the analysis belongs in the worker). Long animation frames are attributed to scripts, so the
// page's own work (building the article) cannot be blamed on the component, nor hide it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "./server.mjs";
import { SITE, STRICT_CSP, launch, record, requireSite, waitReady } from "./helpers.mjs";

const LONG_MS = 200;
let server;
let browser;

before(async () => {
  requireSite();
  server = await startServer({
    root: SITE,
    headers: { "Content-Security-Policy": STRICT_CSP },
    pages: {
      "/long.html": {
        body: `<!doctype html><html><head><meta charset="utf-8"><title>long</title>
<script type="module" src="long.js"></script></head><body><h1>10 MB</h1><div id="article" hidden></div></body></html>`,
      },
      "/long.js": { body: 'import "./pkg/zhaiyao-summary.js";\n' },
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("a 10 MB article is summarised with no long main-thread task from the component", async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const log = await record(context, page);
  await page.goto(server.url("/long.html"));
  const bytes = await page.evaluate(async () => {
    const base = await (await fetch("examples/example.zh.txt")).text();
    const paragraphs = base.split(/\n\s*\n/).filter((p) => p.trim());
    const parts = [];
    let size = 0;
    for (let i = 0; size < 10 * 1024 * 1024; i++) {
      const p = `第${i}段：${paragraphs[i % paragraphs.length]}`;
      parts.push(p);
      size += new TextEncoder().encode(p).length + 2;
    }
    document.getElementById("article").textContent = parts.join("\n\n");
    return size;
  });
  assert.ok(bytes >= 10 * 1024 * 1024);
  assert.ok(
    await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes("long-animation-frame")),
    "this Chromium has no long-animation-frame entries",
  );
  // Observe from here on; let the page's own work above settle first.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        window.__long = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            window.__long.push({
              duration: e.duration,
              scripts: (e.scripts || []).map((s) => ({ url: s.sourceURL, fn: s.sourceFunctionName, duration: s.duration })),
            });
          }
        }).observe({ type: "long-animation-frame" });
        requestAnimationFrame(() => requestAnimationFrame(resolve));
      }),
  );
  await page.evaluate(() => {
    const w = document.createElement("zhaiyao-summary");
    w.id = "w";
    w.setAttribute("for", "article");
    w.setAttribute("highlight", "");
    document.body.append(w);
  });
  await waitReady(page, "#w");
  const result = await page.evaluate(() => {
    const w = document.getElementById("w");
    return { n: w.summary.sentences.length, count: w.sentenceOffsets.length, long: window.__long };
  });
  assert.equal(result.n, 3);
  assert.ok(result.count > 10_000, `${result.count} sentences`);
  const componentLong = result.long.filter(
    (f) => f.duration > LONG_MS && f.scripts.some((s) => /zhaiyao/.test(s.url ?? "")),
  );
  assert.deepEqual(componentLong, [], "long frames with the component's scripts");
  assert.deepEqual(log.violations, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
