// The browser extension's Chromium package (target/extension/chrome, from
// scripts/build-extension.sh), loaded unpacked in headless Chromium. The toolbar button is pressed through the DevTools protocol
// (Extensions.triggerAction), which runs the real path: action.onClicked → sidePanel.open in the
// gesture (activeTab granted) → the side panel extracts the article with Readability, summarises
// it and marks the sentences on the live page. The panel is then also opened in a tab (its own
// URL with ?tab=<id>) so the test can read it and take screenshots; the store's screenshots
// (target/store/screenshots, 1280×800) put the page and the panel side by side.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startServer } from "./server.mjs";
import { ROOT, launchProfile, screenshotPath } from "./helpers.mjs";
import { INLINE_SENTENCES, SELECT_TWO_PARAGRAPHS, TITLE_SENTENCE, pages } from "./extension-pages.mjs";

const EXT = process.env.ZHAIYAO_EXTENSION ?? join(ROOT, "target", "extension", "chrome");
const STORE_SHOTS = join(ROOT, "target", "store", "screenshots");
const PERMISSIONS = ["activeTab", "contextMenus", "scripting", "sidePanel", "storage"];
const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";

let server;
let context;
let userDataDir;
let extensionId;
let serviceWorker;
let cdp;
const requests = [];
let lastPanelShot = null; // the panel's render in the last store screenshot


before(async () => {
  for (const f of ["manifest.json", "panel.html", "pkg/zhaiyao_bg.wasm", "vendor/Readability.LICENSE.md"]) {
    if (!existsSync(join(EXT, f))) throw new Error(`${join(EXT, f)} is missing: run \`make extension\` first`);
  }
  server = await startServer({ pages: pages() });
  userDataDir = mkdtempSync(join(tmpdir(), "zhaiyao-ext-"));
  context = await launchProfile(userDataDir, {
    locale: "zh-CN",
    viewport: { width: 1100, height: 800 },
    args: [
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
      // Lets the DevTools protocol press the extension's toolbar button (Extensions.triggerAction).
      "--enable-unsafe-extension-debugging",
    ],
  });
  // Every request of every page, worker and the extension's service worker.
  context.on("request", (r) => requests.push(r.url()));
  serviceWorker = context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://"));
  if (!serviceWorker) serviceWorker = await context.waitForEvent("serviceworker");
  extensionId = new URL(serviceWorker.url()).host;
  cdp = await context.browser().newBrowserCDPSession();
});

after(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** Presses the toolbar button on `page`'s tab; returns the tab's id (as the extension sees it). */
async function pressButton(page) {
  const { targetInfos } = await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
  const tab = targetInfos.find((t) => t.url === page.url());
  assert.ok(tab, `no tab target for ${page.url()}`);
  const before = await serviceWorker.evaluate(() => chrome.storage.session.get(null));
  await cdp.send("Extensions.triggerAction", { id: extensionId, targetId: tab.targetId });
  // The service worker leaves a request for the panel, keyed by the tab's id.
  const wait = serviceWorker.evaluate(async (old) => {
    const fresh = (all) => Object.keys(all).find((k) => k.startsWith("request:") && all[k].at !== old[k]?.at);
    // The listener first, then a look at what is stored: a change in between is not missed.
    const changed = new Promise((resolve) => {
      const listener = (changes) => {
        const key = Object.keys(changes).find((k) => k.startsWith("request:") && changes[k].newValue);
        if (key && changes[key].newValue.at !== old[key]?.at) {
          chrome.storage.session.onChanged.removeListener(listener);
          resolve(key);
        }
      };
      chrome.storage.session.onChanged.addListener(listener);
    });
    const already = fresh(await chrome.storage.session.get(null));
    return already ?? changed;
  }, before);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("the button press left no request for the panel")), 60_000);
  });
  const key = await Promise.race([wait, timeout]).finally(() => clearTimeout(timer));
  return Number(key.slice("request:".length));
}

/** Waits for the side panel (the real one the button opened) of a tab id to exist. */
async function sidePanelOpened(tabId) {
  const url = `chrome-extension://${extensionId}/panel.html?tab=${tabId}`;
  for (let i = 0; i < 600; i++) {
    const { targetInfos } = await cdp.send("Target.getTargets");
    if (targetInfos.some((t) => t.url === url)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

async function openPanel(tabId, viewport = { width: 420, height: 1000 }) {
  const panel = await context.newPage();
  await panel.setViewportSize(viewport);
  await panel.goto(`chrome-extension://${extensionId}/panel.html?tab=${tabId}`);
  return panel;
}

/** Waits for the panel to settle: "ready" (with a summary and a mark count) or "message". */
async function settled(panel, want = "ready") {
  const state = await panel.waitForFunction(
    () => {
      const s = document.body.dataset.state;
      const w = document.getElementById("summary");
      if (s === "message" || s === "error") return s;
      if (s === "ready" && w && w.state === "ready" && document.body.dataset.marked != null) return s;
      return false;
    },
    null,
    { polling: 100, timeout: 120_000 },
  );
  const value = await state.jsonValue();
  assert.equal(value, want, `panel state ${value}: ${await panel.evaluate(() => document.body.dataset.error ?? document.body.innerText.slice(0, 400))}`);
}

const summaryOf = (panel) =>
  panel.evaluate(() => {
    const w = document.getElementById("summary");
    return {
      sentences: w.summary.sentences.map((s) => s.text),
      keywords: w.summary.keywords.map((k) => k.word),
      cloud: w.shadowRoot.querySelectorAll(".cloud button").length,
      items: w.shadowRoot.querySelectorAll("ol.summary > li").length,
      lang: w.articleLang,
      text: w.text,
      title: document.getElementById("page-title").textContent,
      host: document.getElementById("page-host").textContent,
      marked: Number(document.body.dataset.marked),
    };
  });

/** The zhaiyao highlights of the page (read in the page's own world: one registry per document). */
const highlightsOf = (page) =>
  page.evaluate(() => {
    const out = { size: CSS.highlights.size };
    for (const [name, h] of CSS.highlights) out[name] = [...h].map((r) => r.toString().replace(/\s+/g, ""));
    return out;
  });

/** Opens `path` (on the test server, or a full URL) in a new tab, presses the button there and
 * opens its panel in a tab; waits for the panel to settle as `want` (see settled()). */
async function pressOn(path, want = "ready") {
  const page = await context.newPage();
  await page.goto(path.startsWith("/") ? server.url(path) : path);
  const tabId = await pressButton(page);
  const panel = await openPanel(tabId);
  await settled(panel, want);
  return { page, tabId, panel };
}

/**
 * The store's small promo tile (440×280): the extension's icon, name and the description of
 * _locales/en, beside a real render of the summary panel (`panelPng`, scaled down).
 */
async function promoTile(panelPng) {
  const frame = await context.newPage();
  await frame.setViewportSize({ width: 440, height: 280 });
  const icon = readFileSync(join(EXT, "icons", "icon128.png")).toString("base64");
  const messages = JSON.parse(readFileSync(join(EXT, "_locales", "en", "messages.json"), "utf8"));
  await frame.setContent(`<body style="margin:0;width:440px;height:280px;overflow:hidden;display:flex;background:linear-gradient(135deg,#4f46e5,#7c3aed);font-family:'WenQuanYi Micro Hei',sans-serif;color:#fff">
    <div style="flex:1;padding:26px 14px 0 24px"><img width="56" height="56" src="data:image/png;base64,${icon}" style="border-radius:12px;background:#fff">
    <div style="font-size:26px;font-weight:700;margin:14px 0 8px">${messages.name.message}</div>
    <div style="font-size:13px;line-height:1.45;opacity:.92">${messages.description.message.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</div></div>
    <img src="data:image/png;base64,${panelPng.toString("base64")}" style="width:170px;height:auto;align-self:flex-start;margin:24px 20px 0 0;border-radius:10px;box-shadow:0 6px 20px rgb(0 0 0 / .3)"></body>`);
  await frame.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
  const path = join(STORE_SHOTS, "promo-small-440x280.png");
  await frame.screenshot({ path });
  await frame.close();
  const png = readFileSync(path);
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [440, 280]);
}

/** The panel of `tabId` in a tab whose browser language is `language` (the interface follows it). */
async function panelIn(language, tabId) {
  const panel = await context.newPage();
  const session = await context.newCDPSession(panel);
  const userAgent = await panel.evaluate(() => navigator.userAgent);
  await session.send("Emulation.setUserAgentOverride", { userAgent, acceptLanguage: language });
  await panel.goto(`chrome-extension://${extensionId}/panel.html?tab=${tabId}`);
  await settled(panel);
  return panel;
}

/** Waits for the clicked sentence's mark (the focus highlight) to be in view on the page. */
const focusInView = (page) =>
  page.waitForFunction(
    () => {
      const h = CSS.highlights.get("zhaiyao-ext-focus");
      if (!h || h.size !== 1) return false;
      const rect = [...h][0].getBoundingClientRect();
      return rect.height > 0 && rect.top >= 0 && rect.bottom <= innerHeight;
    },
    null,
    { polling: 100, timeout: 20_000 },
  );

/**
 * A 1280×800 store screenshot from real renders: the article page (860 wide, with its marks) and
 * the panel (420 wide) side by side, as the browser shows them.
 */
async function storeScreenshot(page, panel, name) {
  await page.setViewportSize({ width: 860, height: 800 });
  await panel.setViewportSize({ width: 420, height: 800 });
  const [left, right] = [await page.screenshot(), await panel.screenshot()];
  lastPanelShot = right;
  const frame = await context.newPage();
  await frame.setViewportSize({ width: 1280, height: 800 });
  const img = (png, width) => `<img width="${width}" height="800" src="data:image/png;base64,${png.toString("base64")}">`;
  await frame.setContent(
    `<body style="margin:0;display:flex;overflow:hidden">${img(left, 860)}<span style="box-shadow:-1px 0 0 #c9ced8;display:flex">${img(right, 420)}</span></body>`,
  );
  await frame.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
  mkdirSync(STORE_SHOTS, { recursive: true });
  const path = join(STORE_SHOTS, name);
  await frame.screenshot({ path });
  await frame.close();
  const png = readFileSync(path);
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1280, 800], `${name} is not 1280×800`);
}

/** Waits for the panel to show a summary whose source passes `check` (a string the text must hold). */
async function summarised(panel, marker) {
  await panel.waitForFunction(
    (m) => {
      const w = document.getElementById("summary");
      return document.body.dataset.state === "ready" && w && !w.hidden && w.state === "ready" && (w.text || "").includes(m) && document.body.dataset.marked != null;
    },
    marker,
    { polling: 100, timeout: 120_000 },
  );
}

const waitState = (panel, state) =>
  panel.waitForFunction((s) => document.body.dataset.state === s, state, { polling: 100, timeout: 60_000 });

test("the manifest asks for the least: five permissions, no hosts, a strict CSP, no remote code", () => {
  const manifest = JSON.parse(readFileSync(join(EXT, "manifest.json"), "utf8"));
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual([...manifest.permissions].sort(), PERMISSIONS);
  assert.equal(manifest.host_permissions, undefined);
  assert.equal(manifest.optional_host_permissions, undefined);
  assert.equal(manifest.optional_permissions, undefined);
  assert.equal(manifest.content_scripts, undefined, "no content script runs unasked");
  assert.equal(manifest.content_security_policy.extension_pages, CSP);
  assert.equal(manifest.externally_connectable, undefined);
  assert.equal(manifest.web_accessible_resources, undefined);
});

test("no code in the extension reaches the network", () => {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(js|mjs|html)$/.test(name)) files.push(p);
    }
  };
  walk(EXT);
  assert.ok(files.length >= 8, `only ${files.length} script files`);
  for (const file of files) {
    const src = readFileSync(file, "utf8");
    const rel = file.slice(EXT.length + 1);
    for (const api of ["XMLHttpRequest", "WebSocket", "sendBeacon", "EventSource", "RTCPeerConnection", "importScripts("]) {
      assert.ok(!src.includes(api), `${rel} uses ${api}`);
    }
    // Scripts and styles only from the extension itself.
    if (rel.endsWith(".html")) assert.doesNotMatch(src, /<(script|link)[^>]+(src|href)=["']?(https?:)?\/\//i, `${rel} loads remote code`);
    assert.doesNotMatch(src, /(from|import\s*\(?)\s*["'](https?:)?\/\//i, `${rel} imports remote code`);
    // fetch() only in the wasm glue and the worker, for the package's own files.
    const fetches = src.match(/\bfetch\s*\(([^)]*)\)/g) ?? [];
    for (const call of fetches) {
      assert.ok(rel.startsWith("pkg/"), `${rel}: ${call}`);
      assert.doesNotMatch(call, /https?:/, `${rel}: ${call}`);
    }
  }
});

test("the toolbar button opens the side panel, which summarises the article and marks it on the page", async () => {
  const page = await context.newPage();
  await page.goto(server.url("/zh.html"));
  const domBefore = await page.evaluate(() => document.documentElement.outerHTML);
  const tabId = await pressButton(page);
  // The real side panel opened for this tab (sidePanel.open in the button's gesture)…
  assert.ok(await sidePanelOpened(tabId), "the side panel did not open");
  // …and, with activeTab granted by the press, marks the summary's sentences on the live page.
  await page.waitForFunction(() => (CSS.highlights.get("zhaiyao-ext-summary")?.size ?? 0) > 0, null, { polling: 100, timeout: 120_000 });

  // The same panel page in a tab, for the test to read.
  const panel = await openPanel(tabId);
  await settled(panel);
  const s = await summaryOf(panel);
  assert.equal(s.lang, "zh");
  assert.equal(s.sentences.length, 3);
  assert.equal(s.items, 3);
  assert.ok(s.cloud >= 10, `cloud of ${s.cloud}`);
  assert.match(s.title, /工具图书馆/);
  assert.equal(s.host, new URL(server.origin).host);
  // Readability kept the article and dropped the page's navigation and footer.
  assert.ok(s.text.includes("社区修理咖啡馆"), "article text missing");
  assert.ok(!s.text.includes("登录") && !s.text.includes("江澜日报"), "navigation or footer extracted");
  assert.equal(s.marked, 3, "every summary sentence was found on the live page");

  const marks = await highlightsOf(page);
  assert.ok(marks.size > 0);
  assert.equal(marks["zhaiyao-ext-summary"].length, 3);
  assert.deepEqual(marks["zhaiyao-ext-summary"], s.sentences.map((t) => t.replace(/\s+/g, "")));
  // The page's DOM is untouched (Readability ran on a clone; marks are highlights; CSS by insertCSS).
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), domBefore);

  // A click on a summary sentence scrolls the page to it and marks it: first scroll the article
  // to its end, where the sentence is out of view.
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await page.bringToFront(); // (a background tab does not animate its smooth scrolling)
  await panel.locator("#summary ol.summary > li .sentence-text").last().click();
  await focusInView(page);
  const focus = (await highlightsOf(page))["zhaiyao-ext-focus"];
  assert.deepEqual(focus, [s.sentences[2].replace(/\s+/g, "")]);

  await page.screenshot({ path: screenshotPath("extension-page-zh.png") });

  // A keyword marks its sentences on the page too.
  await panel.locator("#summary .cloud button").first().click();
  await page.waitForFunction(() => CSS.highlights.has("zhaiyao-ext-keyword"), null, { polling: 100, timeout: 20_000 });

  await panel.screenshot({ path: screenshotPath("extension-panel-zh.png") });
  await storeScreenshot(page, panel, "zh-summary.png");

  // The marks are the component's: each of the extension's highlights computes to the colour the
  // component's own page rules (its DOCUMENT_CSS, from the extension's copy of the package,
  // adopted here beside them) give the component's highlight of that kind, in a light and a dark
  // page, and has the palette's priority. A colour written again in the panel would differ.
  const { DOCUMENT_CSS } = await import(pathToFileURL(join(EXT, "pkg", "zhaiyao-styles.js")).href);
  const { HIGHLIGHTS } = await import(pathToFileURL(join(EXT, "pkg", "zhaiyao-text.js")).href);
  await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, DOCUMENT_CSS);
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    const drawn = await page.evaluate((kinds) => {
      const p = document.querySelector("article p");
      const colour = (name) => getComputedStyle(p, `::highlight(${name})`).backgroundColor;
      return kinds.map((kind) => ({ kind, extension: colour(`zhaiyao-ext-${kind}`), component: colour(`zhaiyao-${kind}`), priority: CSS.highlights.get(`zhaiyao-ext-${kind}`)?.priority }));
    }, Object.keys(HIGHLIGHTS));
    assert.equal(drawn.length, 3);
    for (const d of drawn) {
      assert.match(d.extension, /^rgba\(/, `${scheme} ${d.kind}: ${d.extension}`);
      assert.equal(d.extension, d.component, `${scheme} ${d.kind}`);
      assert.equal(d.priority, HIGHLIGHTS[d.kind].priority, d.kind);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });

  // Clear removes every mark.
  await panel.locator("#clear").click();
  await page.waitForFunction(() => ["zhaiyao-ext-summary", "zhaiyao-ext-keyword", "zhaiyao-ext-focus"].every((n) => !CSS.highlights.has(n)), null, { polling: 100, timeout: 20_000 });
  await panel.close();
  await page.close();
});

test("settings persist in storage.local and summarise again at once", async () => {
  const { page, tabId, panel } = await pressOn("/en.html");
  const before = await summaryOf(panel);
  assert.equal(before.lang, "en");
  assert.equal(before.sentences.length, 3);

  // Length and keyword count: the same analysis, selected again.
  await panel.locator("#settings > summary").click();
  await panel.locator("#set-length").fill("5");
  await panel.locator("#set-keywords").fill("8");
  await panel.locator("#set-keywords").dispatchEvent("change");
  await panel.waitForFunction(() => {
    const w = document.getElementById("summary");
    return w.summary && w.summary.sentences.length === 5 && w.summary.keywords.length <= 8;
  }, null, { polling: 100, timeout: 60_000 });
  // The keyword cloud shows the new keywords, not the old twenty.
  const changed = await summaryOf(panel);
  assert.equal(changed.cloud, changed.keywords.length);
  assert.ok(changed.cloud <= 8, `a cloud of ${changed.cloud}`);
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get("settings"));
  assert.equal(stored.settings.sentences, 5);
  assert.equal(stored.settings.keywords, 8);
  // The page's marks follow the new summary.
  await page.waitForFunction(() => CSS.highlights.get("zhaiyao-ext-summary")?.size === 5, null, { polling: 100, timeout: 60_000 });

  // A stop word: the top keyword disappears from the cloud (a new summariser, same text).
  const top = (await summaryOf(panel)).keywords[0];
  await panel.locator("#set-stop").fill(top);
  await Promise.all([panel.waitForEvent("load"), panel.locator("#save").click()]);
  await settled(panel);
  const after = await summaryOf(panel);
  assert.ok(!after.keywords.map((k) => k.toLowerCase()).includes(top.toLowerCase()), `${top} is still a keyword: ${after.keywords}`);
  assert.equal(after.sentences.length, 5, "the stored length is kept");
  assert.equal(await panel.locator("#set-stop").inputValue(), top);

  // A fresh panel reads the stored settings.
  const again = await openPanel(tabId, { width: 420, height: 1520 });
  await settled(again);
  assert.equal(await again.locator("#set-length").inputValue(), "5");
  assert.equal((await summaryOf(again)).sentences.length, 5);
  await again.locator("#settings > summary").click();
  await again.screenshot({ path: screenshotPath("extension-panel-en-settings.png") });

  // The panel's interface follows the browser's language: Traditional Chinese for zh-TW…
  const traditional = await panelIn("zh-TW", tabId);
  assert.equal(await traditional.locator("#clear").textContent(), "清除標示");
  assert.equal(await traditional.locator("#settings > summary").textContent(), "設定");
  assert.equal(await traditional.evaluate(() => document.documentElement.lang), "zh-Hant");
  await traditional.close();

  // …and English for the English store screenshot.
  const english = await panelIn("en-GB", tabId);
  assert.equal(await english.locator("#again").textContent(), "Summarise again");
  await page.bringToFront();
  await english.locator("#summary ol.summary > li .sentence-text").nth(1).click();
  await page.waitForFunction(() => CSS.highlights.get("zhaiyao-ext-focus")?.size === 1, null, { polling: 100, timeout: 20_000 });
  await storeScreenshot(page, english, "en-summary.png");
  await promoTile(lastPanelShot);
  await english.close();
  await again.close();
  await panel.close();
  await page.close();
  // (After the panels are closed: a panel reloads when the stored words change.)
  await serviceWorker.evaluate(() => chrome.storage.local.clear());
});

test("“Summarise selection” summarises the selected text", async () => {
  const { page, tabId, panel } = await pressOn("/zh.html");
  // Select the second and third paragraphs, then run the context menu's handler.
  const selection = await page.evaluate(`(() => { ${SELECT_TWO_PARAGRAPHS} })()`);
  const result = await serviceWorker.evaluate(
    ({ tabId, text }) => globalThis.zhaiyao.onContextMenu({ menuItemId: globalThis.zhaiyao.MENU_ID, selectionText: text }, { id: tabId }),
    { tabId, text: selection },
  );
  // Outside a real click there is no user gesture, so the side panel cannot open; the request stands.
  assert.equal(result.opened, false);
  await panel.waitForFunction(() => /所选|Selected/.test(document.getElementById("page-title").textContent), null, { polling: 100, timeout: 60_000 });
  await settled(panel);
  const s = await summaryOf(panel);
  const squash = (t) => t.replace(/\s+/g, "");
  assert.equal(squash(s.text), squash(selection), "the selection, and only it, is summarised");
  assert.ok(s.sentences.every((t) => squash(selection).includes(squash(t))));
  assert.equal(s.marked, s.sentences.length);
  await panel.close();
  await page.close();
});

test("a page that cannot be scripted gets a friendly message", async () => {
  const { page, panel } = await pressOn("chrome://version", "message");
  assert.match(await panel.locator("#message-title").textContent(), /无法摘要此页面|can't be summarised/);
  assert.match(await panel.locator("#message-body").textContent(), /chrome:\/\//);
  assert.equal(await panel.locator("zhaiyao-summary").count(), 0);
  await panel.screenshot({ path: screenshotPath("extension-panel-restricted.png") });
  await panel.close();
  await page.close();
});

test("a page with a title and no article text says no article was found", async () => {
  for (const path of ["/title-only.html", "/title-heading.html", "/title-site.html"]) {
    const { page, panel } = await pressOn(path, "message");
    assert.match(await panel.locator("#message-title").textContent(), /没有找到文章|No article found/, path);
    assert.equal(await panel.locator("zhaiyao-summary").count(), 0, `${path} was summarised`);
    await panel.close();
    await page.close();
  }
});

test("without a press of the button the extension cannot read a page (no host permissions)", async () => {
  const page = await context.newPage();
  await page.goto(server.url("/en.html"));
  const tabId = await serviceWorker.evaluate(async (url) => {
    // Without the "tabs" permission the URL is hidden: find the tab as the newest one.
    const tabs = await chrome.tabs.query({});
    return tabs.sort((a, b) => b.id - a.id)[0].id;
  }, page.url());
  const panel = await openPanel(tabId);
  await settled(panel, "message");
  assert.match(await panel.locator("#message-title").textContent(), /请点击 zhaiyao 按钮|Press the zhaiyao button/);
  assert.match(await panel.evaluate(() => document.body.dataset.error), /Cannot access|permission/i);
  assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
  await panel.close();
  await page.close();
});

/**
 * What chrome://extensions lists for the unpacked package in `dir`: its install warnings and
 * manifest errors (collected in developer mode only, so the package is loaded again with it on),
 * in a profile of its own.
 */
async function manifestProblems(dir) {
  const profile = mkdtempSync(join(tmpdir(), "zhaiyao-ext-load-"));
  const browser = await launchProfile(profile, { args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] });
  try {
    const page = await browser.newPage();
    await page.goto("chrome://extensions/");
    const ours = async () => (await page.evaluate(() => chrome.developerPrivate.getExtensionsInfo())).find((e) => e.location === "UNPACKED");
    await page.evaluate(() => chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }));
    await page.evaluate((id) => chrome.developerPrivate.reload(id, { failQuietly: true }), (await ours()).id);
    // The reload disables the package for a moment; on a busy machine the first read can fall in
    // that moment, so read until it is back (or 10 s have passed, and then report what it is).
    let info = await ours();
    for (const until = Date.now() + 10_000; info.state === "DISABLED" && Date.now() < until; info = await ours()) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { state: info.state, problems: [...info.installWarnings, ...info.manifestErrors.map((e) => e.message)] };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

test("Chromium loads the Chrome package with no manifest warning or error (and sees the Firefox package's)", async () => {
  assert.deepEqual(await manifestProblems(EXT), { state: "ENABLED", problems: [] });
  // The same check on the Firefox package finds its Firefox-only keys: the check can see them.
  const firefox = await manifestProblems(join(EXT, "..", "firefox"));
  assert.ok(firefox.problems.some((m) => /sidebar_action/.test(m)), firefox.problems.join("\n"));
});

test("the panel follows its tab: after navigation the old summary goes and the new page is offered", async () => {
  const page = await context.newPage();
  await page.goto(server.url("/zh.html"));
  const tabId = await pressButton(page);
  const panel = await openPanel(tabId);
  await summarised(panel, "社区修理咖啡馆");
  assert.equal((await summaryOf(panel)).lang, "zh");

  // The tab goes to another page of the same site (the press's grant stands): the Chinese summary
  // must not stay over the English page; the page is offered.
  await page.goto(server.url("/en.html"));
  await waitState(panel, "offer");
  assert.equal(await panel.locator("zhaiyao-summary").isVisible(), false, "the old summary is still shown");
  assert.equal(await panel.locator("#source").evaluate((el) => el.childElementCount), 0);
  const enTitle = await page.title();
  assert.equal(await panel.locator("#page-title").textContent(), enTitle);
  await panel.locator("#offer").click();
  await settled(panel);
  const en = await summaryOf(panel);
  assert.equal(en.lang, "en");
  assert.equal(en.title, enTitle);
  assert.equal(en.marked, 3);
  assert.equal((await highlightsOf(page))["zhaiyao-ext-summary"].length, 3, "the new page is marked");

  // "Summarise a new page at once": the next page is summarised without a click.
  await panel.locator("#settings > summary").click();
  await panel.locator("#set-auto").check();
  await panel.waitForFunction(() => document.getElementById("saved").textContent !== "", null, { polling: 100, timeout: 20_000 });
  await page.goto(server.url("/zh.html"));
  await summarised(panel, "社区修理咖啡馆");
  assert.equal((await summaryOf(panel)).lang, "zh");
  await page.waitForFunction(() => CSS.highlights.get("zhaiyao-ext-summary")?.size === 3, null, { polling: 100, timeout: 60_000 });

  // Another site: the grant is gone, so the panel asks for the button, and shows no summary.
  await page.goto(server.url("/en.html").replace("127.0.0.1", "localhost"));
  await waitState(panel, "message");
  assert.match(await panel.locator("#message-title").textContent(), /请点击 zhaiyao 按钮|Press the zhaiyao button/);
  assert.equal(await panel.locator("zhaiyao-summary").isVisible(), false);
  await serviceWorker.evaluate(() => chrome.storage.local.clear());
  await panel.close();
  await page.close();
});

test("the panel of a window follows its front tab", async () => {
  const zh = await context.newPage();
  await zh.goto(server.url("/zh.html"));
  await pressButton(zh);
  const en = await context.newPage();
  await en.goto(server.url("/en.html"));
  const enId = await pressButton(en);
  const windowId = await serviceWorker.evaluate((id) => chrome.tabs.get(id).then((t) => t.windowId), enId);
  // The panel every tab shows until its button is pressed (and Firefox's sidebar) follows its
  // window's front tab; here it is in a window of its own, told which window to follow.
  const opened = context.waitForEvent("page");
  await cdp.send("Target.createTarget", { url: `chrome-extension://${extensionId}/panel.html?window=${windowId}`, newWindow: true });
  const panel = await opened;
  await summarised(panel, "Wrenford");
  assert.equal((await summaryOf(panel)).lang, "en");

  await zh.bringToFront();
  await waitState(panel, "offer");
  assert.equal(await panel.locator("zhaiyao-summary").isVisible(), false, "the English summary stayed over the Chinese tab");
  assert.equal(await panel.locator("#page-title").textContent(), await zh.title());
  await panel.locator("#offer").click();
  await summarised(panel, "社区修理咖啡馆");
  assert.equal((await summaryOf(panel)).lang, "zh");

  await en.bringToFront();
  await waitState(panel, "offer");
  assert.equal(await panel.locator("#page-title").textContent(), await en.title());
  await panel.close();
  await en.close();
  await zh.close();
});

test("highlights go on the visible copy of a repeated block, never on a hidden one", async () => {
  const { page, panel } = await pressOn("/zh-duplicate.html");
  const s = await summaryOf(panel);
  assert.equal(s.marked, 3);
  const where = (name) =>
    page.evaluate((n) => [...CSS.highlights.get(n)].map((r) => ({ hidden: Boolean(r.startContainer.parentElement.closest(".print-copy")), height: r.getBoundingClientRect().height })), name);
  for (const r of await where("zhaiyao-ext-summary")) {
    assert.equal(r.hidden, false, "a summary sentence is marked in the hidden copy");
    assert.ok(r.height > 0);
  }
  // A click scrolls to the visible copy.
  await page.bringToFront();
  await panel.locator("#summary ol.summary > li .sentence-text").last().click();
  await focusInView(page);
  const focus = await where("zhaiyao-ext-focus");
  assert.equal(focus.length, 1);
  assert.equal(focus[0].hidden, false, "the clicked sentence is marked in the hidden copy");
  await panel.close();
  await page.close();
});

test("a summary sentence that is not on the page says so when clicked", async () => {
  // Ten sentences: every sentence of this short article is in the summary, the <title> too.
  await serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { sentences: 10, keywords: 20, stopWords: "", userDict: "", auto: false } }));
  const { page, panel } = await pressOn("/title-sentence.html");
  const s = await summaryOf(panel);
  assert.equal(s.sentences[0], TITLE_SENTENCE, `the title is not the first summary sentence: ${s.sentences}`);
  assert.equal(s.marked, s.sentences.length - 1, "every sentence but the title is on the page");
  assert.equal(await panel.locator("#note").isVisible(), false);

  await panel.locator("#summary ol.summary > li .sentence-text").first().click();
  await panel.waitForFunction(() => !document.getElementById("note").hidden, null, { polling: 100, timeout: 20_000 });
  assert.match(await panel.locator("#note").textContent(), /这句话不在页面上|not on the page/);
  assert.equal(await page.evaluate(() => CSS.highlights.has("zhaiyao-ext-focus")), false);
  await panel.screenshot({ path: screenshotPath("extension-panel-not-on-page.png") });

  // A sentence that is on the page: marked, and the note goes.
  await panel.locator("#summary ol.summary > li .sentence-text").nth(1).click();
  await page.waitForFunction(() => CSS.highlights.get("zhaiyao-ext-focus")?.size === 1, null, { polling: 100, timeout: 20_000 });
  assert.equal(await panel.locator("#note").isVisible(), false);
  await serviceWorker.evaluate(() => chrome.storage.local.clear());
  await panel.close();
  await page.close();
});

test("sentences the page splits over a <b>, a link or a <br> are summarised and marked whole", async () => {
  // Ten sentences: every sentence of this short article is in the summary.
  await serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { sentences: 10, keywords: 20, stopWords: "", userDict: "", auto: false } }));
  const { page, panel } = await pressOn("/inline.html");
  const s = await summaryOf(panel);
  // The article's text has the <br> as a line break (not a paragraph): its sentence stays one.
  for (const sentence of INLINE_SENTENCES) assert.ok(s.sentences.includes(sentence), `${JSON.stringify(sentence)} is not a summary sentence: ${JSON.stringify(s.sentences)}`);
  assert.equal(s.marked, s.sentences.length, "every summary sentence was found on the page");
  // Each mark is one Range over the whole sentence, the inline element or <br> inside it.
  const marks = await page.evaluate(() =>
    [...CSS.highlights.get("zhaiyao-ext-summary")].map((r) => ({ text: r.toString().replace(/\s+/g, ""), inside: [...r.cloneContents().querySelectorAll("*")].map((e) => e.tagName) })),
  );
  const squash = (t) => t.replace(/\s+/g, "");
  assert.deepEqual(
    INLINE_SENTENCES.map((sentence) => marks.find((m) => m.text === squash(sentence))?.inside),
    [["B"], ["A"], ["BR"]],
    JSON.stringify(marks),
  );
  await serviceWorker.evaluate(() => chrome.storage.local.clear());
  await panel.close();
  await page.close();
});

test("the extension and the web component read a page's blocks alike (one text module for both)", async () => {
  const { page, panel } = await pressOn("/blocks.html");
  const extension = (await summaryOf(panel)).text.split("\n\n");
  // The component's reading of the same article: the text module it imports (www/component/zhaiyao-text.js).
  const component = await page.evaluate(async () => {
    const { extractText } = await import("/zhaiyao-text.js");
    const { text } = extractText(document.querySelector("article"));
    return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  });
  assert.ok(component.length >= 15, `only ${component.length} blocks: ${JSON.stringify(component)}`);
  assert.ok(component.includes("菜园的负责人说，种菜只是一个开始\n更重要的是邻里之间重新熟悉起来"), JSON.stringify(component));
  assert.deepEqual(extension, component);
  await panel.close();
  await page.close();
});

test("privacy: every request stayed on the device (127.0.0.1, localhost or the extension itself)", () => {
  assert.ok(requests.some((u) => u.startsWith(`chrome-extension://${extensionId}/pkg/zhaiyao_bg.wasm`)), "the wasm request was not recorded");
  const elsewhere = requests.filter(
    (u) => !u.startsWith(`${server.origin}/`) && !u.startsWith(`${server.origin.replace("127.0.0.1", "localhost")}/`) && !u.startsWith(`chrome-extension://${extensionId}/`) && !u.startsWith("chrome://") && !u.startsWith("data:") && !u.startsWith("blob:"),
  );
  assert.deepEqual(elsewhere, []);
});
