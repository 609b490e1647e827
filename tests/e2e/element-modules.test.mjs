// The modules <zhaiyao-summary> is made of: the define module alone registers it, and the controller needs no DOM.
//
// The element's behaviour is covered by widgets, widget-attributes, demo and the others; the
// controller's state machine by controller.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startServer } from "./server.mjs";
import { ROOT, SITE, STRICT_CSP, assertClean, launch, record, requireSite, waitReady } from "./helpers.mjs";

// The test's own text (not from any data set).
const ARTICLE = [
  "河边的老茶馆重新开张了，店里保留了原来的木桌和长凳。",
  "老板说，茶馆已经有六十多年的历史，附近的老人每天早上都来喝茶。",
  "这次装修只换了屋顶和电线，墙上的旧照片都挂回了原处。",
  "开张第一天，茶馆里坐满了人，有人专门从城外赶来。",
  "一位老茶客说，在这里喝茶聊天，是他几十年的习惯。",
  "老板打算以后每个周末请人来唱评弹，让年轻人也来坐坐。",
].join("");

let server;
let browser;

before(async () => {
  requireSite();
  server = await startServer({
    root: SITE,
    headers: { "Content-Security-Policy": STRICT_CSP },
    pages: {
      "/define.js": { body: 'import "./pkg/zhaiyao-summary-define.js";\n' },
      "/define.html": {
        body: `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>define</title>
<script type="module" src="define.js"></script></head><body>
<article id="a"><p>${ARTICLE}</p></article>
<zhaiyao-summary id="w" for="a" sentences="2" highlight></zhaiyao-summary>
</body></html>`,
      },
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("zhaiyao-summary-define.js alone registers the element; the entry exports the same class", async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const log = await record(context, page);
  await page.goto(server.url("/define.html"));
  await waitReady(page, "#w");
  const shown = await page.evaluate(async () => {
    const defined = customElements.get("zhaiyao-summary");
    const entry = await import("./pkg/zhaiyao-summary.js");
    const w = document.getElementById("w");
    const root = w.shadowRoot;
    const items = [...root.querySelectorAll("ol.summary > li")];
    return {
      same: entry.ZhaiyaoSummaryElement === defined && w instanceof defined,
      sentences: w.summary.sentences.map((s) => s.text),
      items: items.map((li) => li.querySelector(".sentence-text").textContent),
      indices: items.map((li) => Number(li.dataset.index)),
      // The view stamps its templates: the markup, and no trace of the refs it used to fill them.
      refs: root.querySelectorAll("[data-ref]").length,
      panel: [...items[0].querySelector(".why").children].map((n) => n.className),
      title: root.querySelector("h2.visually-hidden").textContent,
      brand: root.querySelector(".brand").textContent,
      status: root.querySelector(".status").getAttribute("role"),
      state: w.getAttribute("state"),
    };
  });
  assert.equal(shown.same, true);
  assert.equal(shown.sentences.length, 2);
  assert.deepEqual(shown.items, shown.sentences);
  for (const s of shown.sentences) assert.ok(ARTICLE.includes(s), s);
  assert.equal(shown.refs, 0);
  assert.equal(shown.panel[0], "meter-row score");
  assert.equal(shown.panel[1], "rank");
  assert.equal(shown.panel.at(-1), "terms");
  assert.equal(shown.title, "摘要");
  assert.match(shown.brand, /^摘摘要中文$/);
  assert.equal(shown.status, "status");
  assert.equal(shown.state, "ready");
  assertClean(log);
  await context.close();
});

test("in Node, with no DOM, every module of the element imports without throwing", async () => {
  const modules = ["define", "element", "controller", "view", "template", "highlights"];
  for (const name of modules) {
    const m = await import(pathToFileURL(join(ROOT, "pkg", `zhaiyao-summary-${name}.js`)).href);
    assert.ok(Object.keys(m).length > 0, name);
  }
  const { ZhaiyaoSummaryElement } = await import(pathToFileURL(join(ROOT, "pkg", "zhaiyao-summary-define.js")).href);
  assert.equal(typeof ZhaiyaoSummaryElement, "function");
  assert.equal(typeof globalThis.customElements, "undefined");
});

test("the controller, and what it imports, name no DOM or browser global", () => {
  const code = (file) =>
    readFileSync(join(ROOT, "www", "component", file), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
  const controller = code("zhaiyao-summary-controller.js");
  assert.doesNotMatch(controller, /\bimport\(/);
  const imported = [...controller.matchAll(/^\s*import\b[^;]*?from\s+"\.\/([\w.-]+)"/gm)].map((m) => m[1]);
  // Only the length count, itself free of imports.
  assert.deepEqual(imported, ["zhaiyao-measure.js"]);
  assert.doesNotMatch(code("zhaiyao-measure.js"), /^\s*import\b|\bimport\(/m);
  for (const file of ["zhaiyao-summary-controller.js", ...imported]) {
    const globals = code(file).match(
      /\b(document|window|navigator|globalThis|self|HTMLElement|customElements|CustomEvent|Event|EventTarget|MutationObserver|IntersectionObserver|CSS|Highlight|Range|Node|Text)\b/g,
    );
    assert.equal(globals, null, `DOM globals in ${file}: ${globals}`);
  }
});
