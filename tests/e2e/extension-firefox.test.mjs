// The extension's Firefox package (target/zhaiyao-firefox.zip) in headless Firefox ESR, driven by
// selenium-webdriver through geckodriver (both installed by scripts/setup.sh). The toolbar button
// is clicked in the browser's own interface (WebDriver in Firefox's chrome context): the sidebar
// opens, extracts the article, summarises it and marks it on the page. The context menu is opened by a real right click and
// its entry clicked in the browser's menu. The panel is then also opened in a window of its own
// (its URL with ?tab=<id>) so that the test can read it, as the Chromium test does.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { Builder, Browser, By } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { startServer } from "./server.mjs";
import { ROOT, screenshotPath } from "./helpers.mjs";
import { INLINE_SENTENCES, SELECT_TWO_PARAGRAPHS, pages } from "./extension-pages.mjs";

const XPI = process.env.ZHAIYAO_FIREFOX_XPI ?? join(ROOT, "target", "zhaiyao-firefox.zip");
const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const ID = "zhaiyao@zhaiyao.invalid";
const SIDEBAR_ID = "zhaiyao_zhaiyao_invalid-sidebar-action";
const squash = (t) => t.replace(/\s+/g, "");

function geckodriver() {
  if (process.env.GECKODRIVER) return process.env.GECKODRIVER;
  const cargo = join(homedir(), ".cargo", "bin", "geckodriver");
  if (existsSync(cargo)) return cargo;
  return execFileSync("sh", ["-c", "command -v geckodriver"], { encoding: "utf8" }).trim();
}

let server;
let driver;
let base; // moz-extension://<this profile's UUID for the add-on>
let articleWindow;

/** Runs `script` (a function body, with `arguments`) in the browser's chrome context. */
async function inChrome(script, ...args) {
  await driver.setContext("chrome");
  try {
    return await driver.executeScript(script, ...args);
  } finally {
    await driver.setContext("content");
  }
}

/** Polls `script` (a function body run in the current window's page) until it returns a truthy value. */
async function until(what, script, ...args) {
  for (let i = 0; i < 1200; i++) {
    const value = await driver.executeScript(script, ...args);
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seen = await driver.executeScript("return document.body && document.body.innerText.slice(0, 300)");
  throw new Error(`timed out waiting for ${what}; the page shows: ${seen}`);
}

const BUTTON = "zhaiyao_zhaiyao_invalid-browser-action";

/** Clicks the extension's toolbar button in the front window (a WebDriver click in the browser's chrome); returns the tab's id. */
async function pressButton() {
  await driver.setContext("chrome");
  try {
    // An MV3 action starts in the extensions menu: pin it to the toolbar, as a reader would.
    await driver.executeScript("CustomizableUI.addWidgetToArea(arguments[0], CustomizableUI.AREA_NAVBAR)", BUTTON);
    await driver.findElement(By.css(`#${BUTTON} toolbarbutton`)).click();
    return await driver.executeScript(
      `const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
      return ExtensionParent.apiManager.global.tabTracker.getId(gBrowser.selectedTab);`,
    );
  } finally {
    await driver.setContext("content");
  }
}

const sidebar = () => inChrome("return { open: SidebarController.isOpen, id: SidebarController.currentID }");

/** The zhaiyao highlights of the page in the current window: name → the marked texts. */
const highlightsOf = () =>
  driver.executeScript(`
    const out = {};
    for (const [name, h] of CSS.highlights) out[name] = [...h].map((r) => r.toString().replace(/\\s+/g, ""));
    return out;
  `);

const SETTLED = `
  const s = document.body.dataset.state;
  const w = document.getElementById("summary");
  if (s === "message" || s === "error") return s;
  if (s === "ready" && w && !w.hidden && w.state === "ready" && document.body.dataset.marked != null) return s;
  return false;
`;

const summaryOf = () =>
  driver.executeScript(`
    const w = document.getElementById("summary");
    return {
      sentences: w.summary.sentences.map((s) => s.text),
      items: w.shadowRoot.querySelectorAll("ol.summary > li").length,
      lang: w.articleLang,
      text: w.text,
      title: document.getElementById("page-title").textContent,
      marked: Number(document.body.dataset.marked),
    };
  `);

/** The extension's storage, read in one of its pages (the current window). */
const storage = (area, key) =>
  driver.executeAsyncScript(`const done = arguments[arguments.length - 1]; browser.storage[arguments[0]].get(arguments[1]).then(done, (e) => done(String(e)));`, area, key);

/** Opens the panel for `tabId` in a window of its own (the sidebar stays with the article's window). */
async function openPanel(tabId) {
  await driver.switchTo().newWindow("window");
  const handle = await driver.getWindowHandle();
  await driver.get(`${base}/panel.html?tab=${tabId}`);
  assert.equal(await until("the panel", SETTLED), "ready");
  return handle;
}

async function closePanel() {
  await driver.close();
  await driver.switchTo().window(articleWindow);
}

const shot = async (name) => writeFileSync(screenshotPath(name), Buffer.from(await driver.takeScreenshot(), "base64"));

before(async () => {
  if (!existsSync(XPI)) throw new Error(`${XPI} is missing: run \`make extension\` first`);
  server = await startServer({ pages: pages() });
  const options = new firefox.Options()
    .addArguments("-headless")
    .setBinary(FIREFOX)
    // A Chinese reader: the panel's interface follows the browser's languages.
    .setPreference("intl.accept_languages", "zh-CN, zh, en");
  // --allow-system-access: scripts in the browser's chrome context (the toolbar button, the sidebar).
  const service = new firefox.ServiceBuilder(geckodriver()).addArguments("--allow-system-access");
  driver = await new Builder().forBrowser(Browser.FIREFOX).setFirefoxOptions(options).setFirefoxService(service).build();
  assert.equal(await driver.installAddon(XPI, true), ID);
  articleWindow = await driver.getWindowHandle();
  base = `moz-extension://${await inChrome("return WebExtensionPolicy.getByID(arguments[0]).mozExtensionHostname", ID)}`;
  // Every HTTP(S) request the browser makes from now on, with the add-on (if any) that asked for it.
  await inChrome(`
    const log = (window.__zhaiyaoRequests = []);
    Services.obs.addObserver((subject) => {
      const channel = subject.QueryInterface(Ci.nsIHttpChannel);
      const info = channel.loadInfo;
      const addons = [info.triggeringPrincipal, info.loadingPrincipal].filter(Boolean).map((p) => p.addonId).filter(Boolean);
      log.push({ url: channel.URI.spec, addons });
    }, "http-on-modify-request");
  `);
});

after(async () => {
  await driver?.quit();
  await server?.close();
});

test("Firefox ESR: the toolbar button opens the sidebar, which summarises the article and marks it on the page", async () => {
  const version = await inChrome("return Services.appinfo.version");
  assert.ok(parseFloat(version) >= 140, `Firefox ${version} is older than the manifest's strict_min_version`);
  await driver.get(server.url("/zh.html"));
  const domBefore = await driver.executeScript("return document.documentElement.outerHTML");
  assert.equal((await sidebar()).open, false, "the sidebar is open before the press");
  const tabId = await pressButton();
  // The sidebar opened (sidebarAction.open in the button's user action) on the panel…
  for (let i = 0; i < 200 && !(await sidebar()).open; i++) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(await sidebar(), { open: true, id: SIDEBAR_ID });
  // …which, with activeTab granted by the press, marks the summary's sentences on the page.
  await until("the sidebar's marks", `return (CSS.highlights.get("zhaiyao-ext-summary")?.size ?? 0) === 3`);
  const marks = await highlightsOf();
  assert.equal(await driver.executeScript("return document.documentElement.outerHTML"), domBefore, "the page's DOM changed");

  // The same panel in a window of its own, for the test to read.
  const panelWindow = await openPanel(tabId);
  const s = await summaryOf();
  assert.equal(s.lang, "zh");
  assert.equal(s.sentences.length, 3);
  assert.equal(s.items, 3);
  assert.match(s.title, /工具图书馆/);
  // Readability (inside extractArticle) kept the article and dropped the navigation and footer.
  assert.ok(s.text.includes("社区修理咖啡馆"), "article text missing");
  assert.ok(!s.text.includes("登录") && !s.text.includes("江澜日报"), "navigation or footer extracted");
  assert.equal(s.marked, 3, "every summary sentence was found on the page");
  assert.deepEqual(marks["zhaiyao-ext-summary"], s.sentences.map(squash), "the sidebar marked the summary");
  assert.equal(await driver.findElement(By.id("again")).getText(), "重新摘要");

  // A click on a summary sentence marks it on the page.
  await driver.executeScript(`document.getElementById("summary").shadowRoot.querySelectorAll("ol.summary > li .sentence-text")[2].click()`);
  await driver.switchTo().window(articleWindow);
  await until("the clicked sentence's mark", `return CSS.highlights.get("zhaiyao-ext-focus")?.size === 1`);
  assert.deepEqual((await highlightsOf())["zhaiyao-ext-focus"], [squash(s.sentences[2])]);
  await shot("extension-firefox-page-zh.png");
  await driver.switchTo().window(panelWindow);
  await shot("extension-firefox-panel-zh.png");
  await closePanel();
});

test("Firefox ESR: settings persist in storage.local and a fresh panel uses them", async () => {
  await driver.get(server.url("/en.html"));
  const tabId = await pressButton();
  const panelWindow = await openPanel(tabId);
  assert.equal((await summaryOf()).lang, "en");
  await driver.executeScript(`
    document.getElementById("settings").open = true;
    const length = document.getElementById("set-length");
    length.value = "5";
    length.dispatchEvent(new Event("change"));
  `);
  await until("five sentences", `return document.getElementById("summary").summary?.sentences.length === 5`);
  assert.equal((await storage("local", "settings")).settings.sentences, 5);
  // A new panel (as after a restart of the sidebar) reads them back.
  await driver.navigate().refresh();
  assert.equal(await until("the panel", SETTLED), "ready");
  assert.equal(await driver.findElement(By.id("set-length")).getAttribute("value"), "5");
  assert.equal((await summaryOf()).sentences.length, 5);
  await driver.switchTo().window(articleWindow);
  await until("five marks", `return CSS.highlights.get("zhaiyao-ext-summary")?.size === 5`);
  await driver.switchTo().window(panelWindow);
  await driver.executeAsyncScript(`const done = arguments[arguments.length - 1]; browser.storage.local.clear().then(done);`);
  await closePanel();
});

test("Firefox ESR: the context menu's “Summarise selection” summarises the selected text", async () => {
  await driver.get(server.url("/zh.html"));
  const tabId = await pressButton();
  const panelWindow = await openPanel(tabId);
  await driver.switchTo().window(articleWindow);
  const selection = await driver.executeScript(SELECT_TWO_PARAGRAPHS);
  await inChrome("SidebarController.hide()");
  assert.equal((await sidebar()).open, false);
  // A right click on the selection opens the browser's context menu…
  const [, second] = await driver.findElements(By.css("article p:not(.byline)"));
  await driver.actions().contextClick(second).perform();
  // …and its entry is clicked, as the reader would (a real menu click: user action, activeTab).
  let clicked = null;
  for (let i = 0; i < 100 && !clicked; i++) {
    clicked = await inChrome(
      `const menu = document.getElementById("contentAreaContextMenu");
      if (menu.state !== "open") return null;
      const item = [...menu.querySelectorAll("menuitem")].find((m) => m.label === arguments[0] && !m.hidden);
      if (!item) return { missing: [...menu.querySelectorAll("menuitem")].filter((m) => !m.hidden).map((m) => m.label) };
      menu.activateItem(item);
      return { label: item.label };`,
      "Summarise selection",
    );
    if (!clicked) await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(clicked, { label: "Summarise selection" });
  // The panel reads the request and summarises the selection, and only it.
  await driver.switchTo().window(panelWindow);
  await until("the selection's summary", `return /所选|Selected/.test(document.getElementById("page-title").textContent) && document.body.dataset.state === "ready" && document.body.dataset.marked != null`);
  const s = await summaryOf();
  assert.equal(squash(s.text), squash(selection));
  assert.ok(s.sentences.every((t) => squash(selection).includes(squash(t))));
  assert.equal(s.marked, s.sentences.length);
  // The click opened the sidebar again (sidebarAction.open in the menu's user action).
  assert.deepEqual(await sidebar(), { open: true, id: SIDEBAR_ID });
  await closePanel();
});

test("Firefox ESR: after the tab navigates, the panel drops the old summary; the button summarises the new page", async () => {
  await driver.get(server.url("/zh.html"));
  const tabId = await pressButton();
  const panelWindow = await openPanel(tabId);
  assert.equal((await summaryOf()).lang, "zh");
  await driver.switchTo().window(articleWindow);
  await driver.get(server.url("/en.html"));
  await driver.switchTo().window(panelWindow);
  // Firefox ends the press's activeTab grant at any navigation (Chromium keeps it on the same
  // site, and offers the page): the panel asks for the button, and shows no old summary.
  await until("the message", `return document.body.dataset.state === "message"`);
  assert.match(await driver.findElement(By.id("message-title")).getText(), /请点击 zhaiyao 按钮/);
  assert.equal(await driver.findElement(By.css("zhaiyao-summary")).isDisplayed(), false, "the old summary is still shown");
  await driver.switchTo().window(articleWindow);
  assert.equal(await pressButton(), tabId);
  await driver.switchTo().window(panelWindow);
  await until("the new summary", `return document.body.dataset.state === "ready" && document.getElementById("summary").articleLang === "en" && document.body.dataset.marked != null`);
  assert.equal((await summaryOf()).marked, 3);
  await closePanel();
});

test("Firefox ESR: the sidebar follows the window's front tab, and (set to) summarises it at once", async () => {
  const settings = (values) =>
    driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
      browser.storage.local.set({ settings: { sentences: 3, keywords: 20, stopWords: "", userDict: "", auto: true, ...arguments[0] } }).then(done);`,
      values,
    );
  // Settings are changed from an extension page in another window (its window's front tab stays).
  await driver.switchTo().newWindow("window");
  const settingsWindow = await driver.getWindowHandle();
  await driver.get(`${base}/panel.html?tab=0`);
  await settings({});
  await driver.switchTo().window(articleWindow);
  await driver.get(server.url("/zh.html"));
  await pressButton();
  await until("three marks on the first tab", `return CSS.highlights.get("zhaiyao-ext-summary")?.size === 3`);
  // A second tab in the same window, summarised with the button.
  await driver.switchTo().newWindow("tab");
  const secondTab = await driver.getWindowHandle();
  await driver.get(server.url("/en.html"));
  await pressButton();
  await until("three marks on the second tab", `return CSS.highlights.get("zhaiyao-ext-summary")?.size === 3`);
  // Five sentences now: the sidebar, on the second tab, marks five there; the first keeps three.
  await driver.switchTo().window(settingsWindow);
  await settings({ sentences: 5 });
  await driver.switchTo().window(secondTab);
  await until("five marks on the second tab", `return CSS.highlights.get("zhaiyao-ext-summary")?.size === 5`);
  // The first tab comes to the front: the sidebar follows it and, as set, summarises it at once.
  await driver.switchTo().window(articleWindow);
  await until("five marks on the first tab", `return CSS.highlights.get("zhaiyao-ext-summary")?.size === 5`);
  await driver.switchTo().window(secondTab);
  await driver.close();
  await driver.switchTo().window(settingsWindow);
  await driver.executeAsyncScript(`const done = arguments[arguments.length - 1]; browser.storage.local.clear().then(done);`);
  await closePanel();
});

test("Firefox ESR: sentences the page splits over a <b>, a link or a <br> are summarised and marked whole", async () => {
  await driver.get(server.url("/inline.html"));
  const tabId = await pressButton();
  await openPanel(tabId);
  // Ten sentences: every sentence of this short article (five) is in the summary.
  await driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
    browser.storage.local.set({ settings: { sentences: 10, keywords: 20, stopWords: "", userDict: "", auto: false } }).then(done);`,
  );
  await until("five sentences, marked", `return document.getElementById("summary").summary?.sentences.length === 5 && document.body.dataset.marked === "5"`);
  const s = await summaryOf();
  // The article's text has the <br> as a line break (not a paragraph): its sentence stays one.
  for (const sentence of INLINE_SENTENCES) assert.ok(s.sentences.includes(sentence), `${JSON.stringify(sentence)} is not a summary sentence: ${JSON.stringify(s.sentences)}`);
  const panelWindow = await driver.getWindowHandle();
  // Each mark is one Range over the whole sentence, the inline element or <br> inside it.
  await driver.switchTo().window(articleWindow);
  await until("five marks", `return CSS.highlights.get("zhaiyao-ext-summary")?.size === 5`);
  const marks = await driver.executeScript(
    `return [...CSS.highlights.get("zhaiyao-ext-summary")].map((r) => ({ text: r.toString().replace(/\\s+/g, ""), inside: [...r.cloneContents().querySelectorAll("*")].map((e) => e.tagName) }))`,
  );
  assert.deepEqual(
    INLINE_SENTENCES.map((sentence) => marks.find((m) => m.text === squash(sentence))?.inside),
    [["B"], ["A"], ["BR"]],
    JSON.stringify(marks),
  );
  await driver.switchTo().window(panelWindow);
  await driver.executeAsyncScript(`const done = arguments[arguments.length - 1]; browser.storage.local.clear().then(done);`);
  await closePanel();
});

test("Firefox ESR without the CSS Custom Highlight API: the summary still comes, and the panel says why nothing is marked", async () => {
  const pref = "dom.customHighlightAPI.enabled";
  assert.equal(await inChrome("return Services.prefs.getPrefType(arguments[0]) === Services.prefs.PREF_BOOL", pref), true, `no pref ${pref}`);
  await inChrome("Services.prefs.setBoolPref(arguments[0], false)", pref);
  try {
    await driver.get(server.url("/en.html"));
    assert.equal(await driver.executeScript("return typeof Highlight"), "undefined");
    const tabId = await pressButton();
    await openPanel(tabId);
    assert.equal((await summaryOf()).sentences.length, 3);
    const note = await until("the note", `const n = document.getElementById("note"); return !n.hidden && n.textContent`);
    assert.match(note, /无法在页面上标记文字|cannot mark text/);
    await closePanel();
  } finally {
    await inChrome("Services.prefs.clearUserPref(arguments[0])", pref);
  }
});

test("Firefox ESR privacy: the add-on made no HTTP request, and its pages asked nothing of the network", async () => {
  await driver.switchTo().window(articleWindow); // (the log lives in this browser window's scope)
  const requests = await inChrome("return window.__zhaiyaoRequests");
  assert.ok(requests.some((r) => r.url.startsWith(server.origin)), "the request log is empty: the observer did not run");
  assert.deepEqual(requests.filter((r) => r.addons.includes(ID)), [], "requests made by the add-on");
  // The pages the tests opened (the articles) are all on the test server.
  const fromTabs = requests.filter((r) => r.url.startsWith("http://127.0.0.1:") || r.url.startsWith("http://localhost:"));
  assert.ok(fromTabs.every((r) => r.url.startsWith(`${server.origin}/`)), fromTabs.map((r) => r.url).join("\n"));
});
