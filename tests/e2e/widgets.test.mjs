// Several widgets on one page (strict CSP): one worker, one wasm download, loaded only once a
// widget becomes visible; a widget follows its source element's text; the default source is
// the widget's own content.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "./server.mjs";
import { SITE, STRICT_CSP, launch, originsOf, paragraphs, record, requireSite, waitReady } from "./helpers.mjs";

let server;
let browser;

const zh = () => readFileSync(join(SITE, "examples", "example.zh.txt"), "utf8");
const en = () => readFileSync(join(SITE, "examples", "example.en.txt"), "utf8");

function pages() {
  const css = "body{font-family:sans-serif;margin:2rem}.spacer{height:3000px}zhaiyao-summary{max-width:640px;margin:1rem 0}";
  return {
    "/two.css": { body: css },
    // The page's own script: a module that loads the component (no inline script).
    "/two.js": { body: 'import "./pkg/zhaiyao-summary.js";\n' },
    "/two.html": {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>two widgets</title>
<link rel="stylesheet" href="two.css"><script type="module" src="two.js"></script></head><body>
<h1>Two widgets</h1>
<div class="spacer" id="spacer">scroll down</div>
<article id="a">${paragraphs(zh())}</article>
<zhaiyao-summary id="wa" for="a" sentences="2"></zhaiyao-summary>
<article id="b">${paragraphs(en())}</article>
<zhaiyao-summary id="wb" for="b" chars="300" ui-lang="zh"></zhaiyao-summary>
<zhaiyao-summary id="wc" sentences="1" lang="zh">今天的天气非常好，阳光明媚。我们去公园散步，看到很多人在放风筝。孩子们在草地上奔跑，笑声不断。傍晚的时候，大家才依依不舍地回家。</zhaiyao-summary>
</body></html>`,
    },
  };
}

before(async () => {
  requireSite();
  server = await startServer({ root: SITE, pages: pages(), headers: { "Content-Security-Policy": STRICT_CSP } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("three widgets share one worker and one wasm download, loaded lazily", async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const log = await record(context, page);
  const served = server.requests.length;
  await page.goto(server.url("/two.html"));
  await page.waitForFunction(() => customElements.get("zhaiyao-summary") !== undefined);
  // Let IntersectionObserver report (not visible) before checking nothing was loaded.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const wasmBefore = log.requests.filter((u) => u.endsWith(".wasm")).length;
  assert.equal(wasmBefore, 0, "the wasm was loaded before any widget was visible");
  assert.equal(log.workers.length, 0, "a worker started before any widget was visible");
  assert.equal(await page.evaluate(() => document.getElementById("wa").state), "idle");

  await page.locator("#wa").scrollIntoViewIfNeeded();
  await waitReady(page, "#wa");
  await page.locator("#wb").scrollIntoViewIfNeeded();
  await waitReady(page, "#wb");
  await page.locator("#wc").scrollIntoViewIfNeeded();
  await waitReady(page, "#wc");

  const results = await page.evaluate(() =>
    ["wa", "wb", "wc"].map((id) => {
      const w = document.getElementById(id);
      return { lang: w.articleLang, n: w.summary.sentences.length, chars: w.summary.sentences.reduce((n, s) => n + [...s.text].length, 0), cloud: w.shadowRoot.querySelectorAll(".cloud button").length, title: w.shadowRoot.querySelector(".brand").textContent };
    }),
  );
  assert.equal(results[0].lang, "zh");
  assert.equal(results[0].n, 2);
  assert.equal(results[1].lang, "en");
  assert.ok(results[1].chars <= 300 && results[1].n >= 1, JSON.stringify(results[1]));
  assert.match(results[1].title, /摘要/, "ui-lang=zh gives Chinese UI strings");
  assert.equal(results[2].n, 1);

  const wasm = log.requests.filter((u) => new URL(u).pathname.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `wasm requests: ${wasm}`);
  assert.equal(server.requests.slice(served).filter((r) => r.path.endsWith(".wasm")).length, 1);
  assert.equal(log.workers.length, 1, `workers: ${log.workers}`);
  assert.deepEqual([...originsOf(log.requests)], [server.origin]);
  assert.deepEqual(log.violations, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a widget summarises again when its source text changes, and when the widget's own text is the source", async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const log = await record(context, page);
  await page.goto(server.url("/two.html"));
  await page.evaluate(() => document.getElementById("spacer").remove());
  await page.locator("#wa").scrollIntoViewIfNeeded();
  await waitReady(page, "#wa");
  const before = await page.evaluate(() => document.getElementById("wa").summary.sentences[0].text);
  await page.evaluate(() => {
    const a = document.getElementById("a");
    const p = document.createElement("p");
    p.textContent =
      "新闻快讯：火星基地今天宣布，第一批志愿者已经在火星基地的温室里收获了土豆。火星基地的负责人说，火星基地的温室将在明年扩建。";
    a.replaceChildren(p);
  });
  await page.waitForFunction(() => document.getElementById("wa").text.includes("火星基地"), null, { polling: 50 });
  await waitReady(page, "#wa");
  const after = await page.evaluate(() => document.getElementById("wa").summary.sentences.map((s) => s.text).join(""));
  assert.notEqual(after, before);
  assert.match(after, /火星基地/);
  // The widget's own content: the text it was given between its tags.
  await page.locator("#wc").scrollIntoViewIfNeeded();
  await waitReady(page, "#wc");
  const own = await page.evaluate(() => document.getElementById("wc").summary.sentences[0].text);
  assert.match(own, /[\u4e00-\u9fff]/);
  assert.ok(
    await page.evaluate(() => document.getElementById("wc").text.includes("放风筝")),
    "the default source is the widget's own text",
  );
  assert.deepEqual(log.violations, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});
