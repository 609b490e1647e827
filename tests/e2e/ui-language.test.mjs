// The pieces the element, the demo and the extension's panel share (www/component/zhaiyao-i18n.js;
// the string tables www/component/zhaiyao-strings.js, www/demo/zhaiyao-i18n-demo.js and
// www/extension/zhaiyao-i18n-panel.js; www/shared/zhaiyao-paragraphs.js; zhaiyao-measure.js): the
// interface-language chooser over the tags browsers send, the string tables' one shape with no
// entry kept twice, paragraphs of Text nodes only, one count of characters; then, in Chromium,
// the three surfaces picking the same interface language for the same navigator.language, and
// the demo's count agreeing with the element's.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "./server.mjs";
import { ROOT, SITE, STRICT_CSP, assertClean, launch, launchProfile, openDemo, record, requireSite, waitReady } from "./helpers.mjs";
import { HTML_LANG, UI_LANGS, chooseUiLanguage, uiLangOf } from "../../www/component/zhaiyao-i18n.js";
import { STRINGS } from "../../www/component/zhaiyao-strings.js";
import { DEMO_STRINGS } from "../../www/demo/zhaiyao-i18n-demo.js";
import { PANEL_STRINGS } from "../../www/extension/zhaiyao-i18n-panel.js";
import { measure } from "../../www/component/zhaiyao-measure.js";
import { paragraphsOf } from "../../www/shared/zhaiyao-paragraphs.js";

const EXT = process.env.ZHAIYAO_EXTENSION ?? join(ROOT, "target", "extension", "chrome");
const TABLES = { element: STRINGS, demo: DEMO_STRINGS, panel: PANEL_STRINGS };

/** navigator.language → the interface language every surface must pick with no article. */
const BROWSERS = [
  ["zh-TW", "zh-Hant"],
  ["zh-HK", "zh-Hant"],
  ["zh-MO", "zh-Hant"],
  ["zh-Hant", "zh-Hant"],
  ["zh-Hant-TW", "zh-Hant"],
  ["zh-CN", "zh"],
  ["zh-SG", "zh"],
  ["zh-Hans-HK", "zh"],
  ["zh", "zh"],
  ["en-US", "en"],
  ["en-GB", "en"],
  ["en", "en"],
  ["fr-FR", "en"],
  ["ja", "en"],
  ["de", "en"],
];

// ---- the chooser, in Node ----------------------------------------------------------------------

test("chooseUiLanguage: the browser's tag alone, over zh-TW/zh-HK/zh-Hant/zh-CN/zh/en/fr…", () => {
  for (const [browser, want] of BROWSERS) {
    assert.equal(chooseUiLanguage({ browser }), want, browser);
    assert.equal(chooseUiLanguage({ browser: browser.toLowerCase().replace(/-/g, "_") }), want, `${browser} as zh_tw`);
  }
  for (const browser of [null, undefined, "", "xx"]) assert.equal(chooseUiLanguage({ browser }), "en");
  assert.equal(chooseUiLanguage(), "en");
  assert.ok(UI_LANGS.includes(chooseUiLanguage({ browser: "zh-TW" })));
});

test("chooseUiLanguage: an explicit choice wins, then the article (with the reader's Chinese script), then the browser", () => {
  // Explicit: the first tag understood, whatever the browser and the article say.
  assert.equal(chooseUiLanguage({ explicit: "en", browser: "zh-TW", article: "zh" }), "en");
  assert.equal(chooseUiLanguage({ explicit: [null, "zh-HK"], browser: "en-US", article: "en" }), "zh-Hant");
  assert.equal(chooseUiLanguage({ explicit: ["fr", "zh-Hant"], browser: "en-US" }), "zh-Hant");
  assert.equal(chooseUiLanguage({ explicit: ["xx", null], browser: "zh-CN" }), "zh");
  // A Chinese article: the reader's script if the browser is Chinese, else the article's own.
  const traditional = "圖書館說，這個學期會開放夜間閱覽室，學生們對這件事很關心。";
  const simplified = "图书馆说，这个学期会开放夜间阅览室，学生们对这件事很关心。";
  assert.equal(chooseUiLanguage({ browser: "zh-CN", article: "zh", text: traditional }), "zh");
  assert.equal(chooseUiLanguage({ browser: "zh-TW", article: "zh", text: simplified }), "zh-Hant");
  assert.equal(chooseUiLanguage({ browser: "en-US", article: "zh", text: traditional }), "zh-Hant");
  assert.equal(chooseUiLanguage({ browser: "fr-FR", article: "zh", text: simplified }), "zh");
  // An English article in a Chinese browser reads in English; a French one in the browser's.
  assert.equal(chooseUiLanguage({ browser: "zh-TW", article: "en" }), "en");
  assert.equal(chooseUiLanguage({ browser: "zh-TW", article: "fr" }), "zh-Hant");
  assert.equal(chooseUiLanguage({ browser: "ja", article: "fr" }), "en");
  // uiLangOf, which the element's `ui-lang` and `lang` go through.
  assert.equal(uiLangOf("zh-Hans"), "zh");
  assert.equal(uiLangOf("zh-Latn-TW"), "zh-Hant");
  assert.equal(uiLangOf("fr"), null);
});

// ---- the tables ----------------------------------------------------------------------------------

test("every surface's table has the three languages with the same entries, of the same kind", () => {
  for (const [surface, table] of Object.entries(TABLES)) {
    assert.deepEqual(Object.keys(table).sort(), [...UI_LANGS].sort(), surface);
    const keys = Object.keys(table.zh).sort();
    for (const lang of UI_LANGS) {
      assert.deepEqual(Object.keys(table[lang]).sort(), keys, `${surface} ${lang}`);
      for (const key of keys) {
        assert.equal(typeof table[lang][key], typeof table.zh[key], `${surface} ${lang}.${key}`);
        if (typeof table[lang][key] === "string") assert.ok(table[lang][key].trim(), `${surface} ${lang}.${key} is blank`);
      }
    }
  }
  // The demo reads the element's table and its own as one: no name means two things.
  const shared = Object.keys(DEMO_STRINGS.zh).filter((key) => key in STRINGS.zh);
  assert.deepEqual(shared, [], "keys in both the demo's and the element's table");
  // <html lang> is the shared map's, not a table's.
  for (const table of [DEMO_STRINGS, PANEL_STRINGS]) for (const lang of UI_LANGS) assert.ok(!("htmlLang" in table[lang]), lang);
});

test("no entry is kept in two tables: the same text in all three languages names one string", () => {
  const seen = new Map();
  for (const [surface, table] of Object.entries(TABLES)) {
    for (const key of Object.keys(table.zh)) {
      if (typeof table.zh[key] !== "string") continue;
      const entry = JSON.stringify(UI_LANGS.map((lang) => table[lang][key]));
      const other = seen.get(entry);
      assert.ok(!other, `${surface}.${key} repeats ${other}: ${entry}`);
      seen.set(entry, `${surface}.${key}`);
    }
  }
});

// ---- paragraphs and characters, in Node -------------------------------------------------------------

test("paragraphsOf: blocks between blank lines, trimmed, any line ending", () => {
  assert.deepEqual(paragraphsOf("  标题\r\n\r\n第一段。\n第一段续。\n \t\n\n第二段。  \r\r第三段。"), [
    "标题",
    "第一段。\n第一段续。",
    "第二段。",
    "第三段。",
  ]);
  assert.deepEqual(paragraphsOf(""), []);
  assert.deepEqual(paragraphsOf(" \n\n \n"), []);
  assert.deepEqual(paragraphsOf(null), []);
});

test("measure: characters are code points other than white space; words are runs of letters or digits", () => {
  assert.deepEqual(measure("图书馆 开放。"), { chars: 6, words: 0 });
  // An ideographic space, a no-break space and line ends are not characters; 𠮷 (two UTF-16 units) is one.
  assert.deepEqual(measure("\u3000\u3000𠮷野家\u00a0开店。\r\n"), { chars: 6, words: 0 });
  assert.deepEqual(measure("The library's 300 members, café-goers."), { chars: 34, words: 6 });
  assert.deepEqual(measure(""), { chars: 0, words: 0 });
  // Scripts other than Latin are read in words too (the engine reads Russian and Arabic).
  assert.deepEqual(measure("Библиотека инструментов открылась."), { chars: 32, words: 3 });
  assert.deepEqual(measure("مكتبة الأدوات"), { chars: 12, words: 2 });
});

// ---- the three surfaces, in Chromium ------------------------------------------------------------------

let server;
let browser;

before(async () => {
  requireSite();
  server = await startServer({
    root: SITE,
    headers: { "Content-Security-Policy": STRICT_CSP },
    pages: {
      "/page.js": { body: 'import "./pkg/zhaiyao-summary.js";\n' },
      // No article text: the element's interface language is the browser's alone.
      "/empty.html": {
        body: `<!doctype html><html><head><meta charset="utf-8"><title>empty</title>
<script type="module" src="page.js"></script></head><body>
<zhaiyao-summary id="w" for="a"></zhaiyao-summary><article id="a"></article></body></html>`,
      },
      "/paragraphs.html": {
        body: `<!doctype html><html><head><meta charset="utf-8"><title>paragraphs</title>
<script type="module" src="paragraphs.js"></script></head><body><div id="out"><p>old</p></div></body></html>`,
      },
      "/paragraphs.js": {
        body: `import { renderParagraphs } from "./zhaiyao-paragraphs.js";
globalThis.renderParagraphs = renderParagraphs;
document.body.dataset.ready = "1";
`,
      },
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The demo's and the element's interface language in a browser whose language is `locale`. */
async function pageLanguages(locale) {
  const context = await browser.newContext({ locale });
  const demo = await context.newPage();
  await demo.goto(server.url("/"));
  await demo.waitForFunction(() => document.getElementById("widget").hasAttribute("ui-lang"), null, { polling: 50 });
  const fromDemo = {
    navigator: await demo.evaluate(() => navigator.language),
    ui: await demo.getAttribute("#widget", "ui-lang"),
    html: await demo.getAttribute("html", "lang"),
    summarize: await demo.textContent("#summarize"),
    pressed: await demo.getAttribute("[data-ui][aria-pressed=true]", "data-ui"),
  };
  const element = await context.newPage();
  await element.goto(server.url("/empty.html"));
  await element.waitForFunction(() => document.getElementById("w").state === "ready", null, { polling: 50 });
  const status = await element.evaluate(() => document.getElementById("w").shadowRoot.querySelector(".status").textContent);
  const fromElement = UI_LANGS.find((lang) => STRINGS[lang].empty === status) ?? `unknown status ${status}`;
  await context.close();
  return { fromDemo, fromElement };
}

test("the demo and the element pick the same interface language for the same navigator.language", async () => {
  for (const [locale, want] of BROWSERS) {
    const { fromDemo, fromElement } = await pageLanguages(locale);
    assert.equal(fromDemo.navigator, locale, "the browser reports the locale");
    assert.equal(fromDemo.ui, want, `demo in ${locale}`);
    assert.equal(fromDemo.pressed, want, `demo's toggle in ${locale}`);
    assert.equal(fromDemo.html, HTML_LANG[want], `demo's <html lang> in ${locale}`);
    assert.equal(fromDemo.summarize, DEMO_STRINGS[want].summarize, `demo's button in ${locale}`);
    assert.equal(fromElement, want, `element in ${locale}`);
  }
});

test("the extension's panel picks the same interface language for the same navigator.language", async () => {
  assert.ok(existsSync(join(EXT, "manifest.json")), `${EXT} is missing: run \`make extension\` first`);
  const userDataDir = mkdtempSync(join(tmpdir(), "zhaiyao-ui-"));
  const context = await launchProfile(userDataDir, { args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`] });
  try {
    const worker = context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://")) ?? (await context.waitForEvent("serviceworker"));
    const id = new URL(worker.url()).host;
    for (const [locale, want] of BROWSERS) {
      const panel = await context.newPage();
      const session = await context.newCDPSession(panel);
      const userAgent = await panel.evaluate(() => navigator.userAgent);
      await session.send("Emulation.setUserAgentOverride", { userAgent, acceptLanguage: locale });
      await panel.goto(`chrome-extension://${id}/panel.html`);
      await panel.waitForFunction(() => document.getElementById("clear").textContent !== "", null, { polling: 50 });
      assert.equal(await panel.evaluate(() => navigator.language), locale, "the panel sees the locale");
      assert.equal(await panel.textContent("#clear"), PANEL_STRINGS[want].clear, `panel in ${locale}`);
      assert.equal(await panel.getAttribute("html", "lang"), HTML_LANG[want], `panel's <html lang> in ${locale}`);
      // The panel's widget is told the same language (it is made once there is a page to summarise).
      const widgetLang = await panel.evaluate(() => document.getElementById("summary")?.getAttribute("ui-lang") ?? null);
      if (widgetLang != null) assert.equal(widgetLang, want, `panel's widget in ${locale}`);
      await panel.close();
    }
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

test("renderParagraphs: one element per paragraph, each one Text node, markup shown as text", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = await record(context, page);
  await page.goto(server.url("/paragraphs.html"));
  await page.waitForFunction(() => document.body.dataset.ready === "1", null, { polling: 50 });
  const hostile = '<img src=x onerror="window.__ran=1">标题\r\n\r\n第一段<b>不是粗体</b>。\n\n\n<script>window.__ran=2</script>第二段。';
  const rendered = (heading) =>
    page.evaluate(
      ([text, heading]) => {
        const out = document.getElementById("out");
        const nodes = renderParagraphs(out, text, heading ? { heading } : undefined);
        return {
          returned: nodes.length,
          children: [...out.children].map((n) => ({
            tag: n.tagName.toLowerCase(),
            dir: n.dir,
            kinds: [...n.childNodes].map((c) => c.nodeType),
            text: n.textContent,
          })),
          elements: out.querySelectorAll("img, b, script").length,
          ran: window.__ran ?? null,
        };
      },
      [hostile, heading],
    );
  const want = ['<img src=x onerror="window.__ran=1">标题', "第一段<b>不是粗体</b>。", "<script>window.__ran=2</script>第二段。"];
  const plain = await rendered(null);
  assert.deepEqual(plain.children.map((c) => c.text), want);
  assert.deepEqual(plain.children.map((c) => c.tag), ["p", "p", "p"]);
  for (const c of plain.children) {
    assert.deepEqual(c.kinds, [3], "a single Text node");
    assert.equal(c.dir, "auto");
  }
  assert.equal(plain.returned, 3);
  assert.equal(plain.elements, 0, "no markup became elements");
  assert.equal(plain.ran, null, "nothing ran");
  // With a heading, a short first block without closing punctuation is the title; the old content goes.
  const titled = await rendered("h3");
  assert.deepEqual(titled.children.map((c) => c.tag), ["h3", "p", "p"]);
  assert.deepEqual(titled.children.map((c) => c.text), want);
  const one = await page.evaluate(() => renderParagraphs(document.getElementById("out"), "只有一段，没有标题", { heading: "h3" }).map((n) => n.tagName));
  assert.deepEqual(one, ["P"], "a lone block is no title");
  assertClean(log, server.origin);
  await context.close();
});

test("the demo counts an article's characters as the element's stats line does", async () => {
  const { context, page, log } = await openDemo(browser, server);
  // Written for this test: an ideographic-space indent, a no-break space, and 𠮷 (outside the BMP).
  const text = [
    "\u3000\u3000𠮷野家在青溪市开了第一家分店",
    "\u3000\u3000𠮷野家昨天宣布，青溪市的第一家分店将在下个月开业，店里共有八十个座位。\u00a0公司负责人说，分店会雇用三十名本地员工。",
    "\u3000\u3000开业第一周，所有套餐八折。市民可以在网上预约座位，也可以直接到店里排队。",
  ].join("\n\n");
  await page.fill("#input", text);
  await page.click("#summarize");
  await page.waitForFunction(() => (document.getElementById("widget").text || "").includes("青溪市的第一家分店"), null, { polling: 50 });
  await waitReady(page, "#widget");
  const n = measure(text).chars;
  assert.equal(await page.textContent("#input-meta"), DEMO_STRINGS.zh.chars(n));
  const stats = await page.locator("#widget").evaluate((w) => w.shadowRoot.querySelector(".stats span").textContent);
  assert.equal(stats, STRINGS.zh.articleLength(n, "chars"), "the element's stats line counts the same characters");
  assertClean(log, server.origin);
  await context.close();
});
