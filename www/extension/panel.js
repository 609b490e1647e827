// The side panel: extracts the article of its tab (Readability on a clone of the document),
// summarises it with <zhaiyao-summary> (the wasm summariser in a Worker of this extension page),
// marks the chosen sentences on the live page with CSS Custom Highlights, and keeps the settings
// in storage.local. It follows its tab: when the tab navigates (or, for the panel of a window,
// when another tab comes to the front) the old summary goes and the new page is offered.
// Everything stays on the device: the only files loaded are the extension's own.
import "./pkg/zhaiyao-summary.js";
import { extractArticle, markSentences, pageInfo, selectedText } from "./page-functions.js";

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);

/** The panel's own settings' defaults; the length and keyword count are the engine's (`engineDefaults`). */
const DEFAULTS = { stopWords: "", userDict: "", auto: false };
const HIGHLIGHT_CSS = `
::highlight(zhaiyao-ext-summary) { background-color: rgb(255 214 10 / 0.38); color: inherit; }
::highlight(zhaiyao-ext-keyword) { background-color: rgb(99 102 241 / 0.28); color: inherit; }
::highlight(zhaiyao-ext-focus) { background-color: rgb(255 153 0 / 0.55); color: inherit; }
`;

const STRINGS = {
  en: {
    clear: "Clear highlights",
    again: "Summarise again",
    settings: "Settings",
    length: "Summary length (sentences)",
    keywordCount: "Keywords",
    stopWords: "Words to ignore",
    stopWordsHint: "Separated by spaces, commas or new lines.",
    userDict: "Dictionary words",
    userDictHint: "One word a line, jieba's format: word [frequency] [tag].",
    save: "Save",
    saved: "Saved",
    privacy: "Runs on your device: the page is read and summarised here, nothing is sent anywhere.",
    reading: "Reading the page…",
    selection: "Selected text",
    restrictedTitle: "This page can't be summarised",
    restricted:
      "Browser pages (chrome://, about:), the extension store and other extensions' pages are off limits to extensions. Local files need “Allow access to file URLs” in the extension's details. Open an article on the web and press the zhaiyao button again.",
    noAccessTitle: "Press the zhaiyao button to read this page",
    noAccess:
      "zhaiyao reads a page only when you ask: click its toolbar button (or press Alt+Shift+S, or use “Summarise selection” on selected text) while the article is open.",
    emptyTitle: "No article found",
    empty: "There is no readable text on this page. Select some text and use “Summarise selection” instead.",
    noTabTitle: "No page",
    noTab: "Open an article and press the zhaiyao button.",
    offerTitle: "A new page",
    offer: "The tab shows another page now. Summarise it?",
    summarise: "Summarise this page",
    auto: "Summarise a new page at once",
    notOnPage: "This sentence is not on the page: it comes from the page's title or from text the page hides.",
    noHighlights:
      "This browser cannot mark text on the page (it lacks the CSS Custom Highlight API): the summary is here in the panel only.",
  },
  zh: {
    clear: "清除高亮",
    again: "重新摘要",
    settings: "设置",
    length: "摘要长度（句）",
    keywordCount: "关键词数",
    stopWords: "忽略的词",
    stopWordsHint: "用空格、逗号或换行分隔。",
    userDict: "词典新词",
    userDictHint: "每行一个词，jieba 格式：词语 [词频] [词性]。",
    save: "保存",
    saved: "已保存",
    privacy: "在你的设备上运行：网页在本地读取和摘要，不向任何地方发送数据。",
    reading: "正在读取网页…",
    selection: "所选文字",
    restrictedTitle: "无法摘要此页面",
    restricted:
      "浏览器内部页面（chrome://、about:）、扩展商店和其他扩展的页面不允许扩展读取。本地文件需要在扩展详情中开启“允许访问文件网址”。请打开一篇网上的文章，再点击 zhaiyao 按钮。",
    noAccessTitle: "请点击 zhaiyao 按钮来读取此页",
    noAccess: "zhaiyao 只在你要求时读取网页：打开文章后点击工具栏上的按钮（或按 Alt+Shift+S，或选中文字后用右键菜单“摘要所选文字”）。",
    emptyTitle: "没有找到文章",
    empty: "此页面没有可读的文字。可以选中一段文字，用右键菜单“摘要所选文字”。",
    noTabTitle: "没有页面",
    noTab: "打开一篇文章，然后点击 zhaiyao 按钮。",
    offerTitle: "新的页面",
    offer: "此标签页已打开另一个页面。要摘要它吗？",
    summarise: "摘要此页",
    auto: "打开新页面时立即摘要",
    notOnPage: "这句话不在页面上：它来自网页标题，或网页隐藏的文字。",
    noHighlights: "此浏览器无法在页面上标记文字（不支持 CSS 自定义高亮）：摘要只显示在面板里。",
  },
};
STRINGS["zh-Hant"] = {
  clear: "清除標示",
  again: "重新摘要",
  settings: "設定",
  length: "摘要長度（句）",
  keywordCount: "關鍵詞數",
  stopWords: "忽略的詞",
  stopWordsHint: "以空格、逗號或換行分隔。",
  userDict: "詞典新詞",
  userDictHint: "每行一個詞，jieba 格式：詞語 [詞頻] [詞性]。",
  save: "儲存",
  saved: "已儲存",
  privacy: "在你的裝置上執行：網頁在本機讀取與摘要，不向任何地方傳送資料。",
  reading: "正在讀取網頁…",
  selection: "所選文字",
  restrictedTitle: "無法摘要此頁面",
  restricted:
    "瀏覽器內部頁面（chrome://、about:）、擴充功能商店與其他擴充功能的頁面不允許擴充功能讀取。本機檔案需要在擴充功能詳細資料中開啟「允許存取檔案網址」。請開啟一篇網路上的文章，再按下 zhaiyao 按鈕。",
  noAccessTitle: "請按下 zhaiyao 按鈕來讀取此頁",
  noAccess: "zhaiyao 只在你要求時讀取網頁：開啟文章後按下工具列上的按鈕（或按 Alt+Shift+S，或選取文字後用右鍵選單「摘要所選文字」）。",
  emptyTitle: "沒有找到文章",
  empty: "此頁面沒有可讀的文字。可以選取一段文字，用右鍵選單「摘要所選文字」。",
  noTabTitle: "沒有頁面",
  noTab: "開啟一篇文章，然後按下 zhaiyao 按鈕。",
  offerTitle: "新的頁面",
  offer: "此分頁已開啟另一個頁面。要摘要它嗎？",
  summarise: "摘要此頁",
  auto: "開啟新頁面時立即摘要",
  notOnPage: "這句話不在頁面上：它來自網頁標題，或網頁隱藏的文字。",
  noHighlights: "此瀏覽器無法在頁面上標示文字（不支援 CSS 自訂醒目提示）：摘要只顯示在面板裡。",
};

/** The browser's language: "en", "zh" (Simplified) or "zh-Hant" (zh-TW, zh-HK, zh-MO, zh-Hant-…). */
const browserLang = navigator.language || "en";
const uiLang = /^zh-(hant|tw|hk|mo)\b/i.test(browserLang) ? "zh-Hant" : /^zh\b/i.test(browserLang) ? "zh" : "en";
const t = STRINGS[uiLang];

let tabId = null;
/** The window whose front tab this panel follows (Firefox's sidebar, Chromium's panel for every tab); null when bound to one tab. */
let followWindow = null;
/** Counts the pages this panel has shown: work started for an older page drops its result. */
let generation = 0;
let settings = { ...DEFAULTS };
/** `{ sentences, keywords }` of the engine (the wasm's `defaults()`), read once in main(). */
let engineDefaults = {};
let cssInserted = false;
let lastRequestAt = null;
let widget = null;
let widgetGeneration = -1;
let current = null;

// ---- settings ---------------------------------------------------------------------------------

function parseStopWords(s) {
  return String(s || "")
    .split(/[\s,，、;；]+/u)
    .map((w) => w.trim())
    .filter(Boolean);
}

function configOf(s) {
  const config = {};
  const stop = parseStopWords(s.stopWords);
  if (stop.length) config.stopWords = stop;
  const dict = String(s.userDict || "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
  if (dict) config.userDict = dict;
  return config;
}

function showSettings(s) {
  if (s.sentences != null) {
    $("set-length").value = String(s.sentences);
    $("out-length").textContent = String(s.sentences);
  }
  if (s.keywords != null) {
    $("set-keywords").value = String(s.keywords);
    $("out-keywords").textContent = String(s.keywords);
  }
  $("set-stop").value = s.stopWords;
  $("set-dict").value = s.userDict;
  $("set-auto").checked = Boolean(s.auto);
}

function readForm() {
  return {
    sentences: Number($("set-length").value),
    keywords: Number($("set-keywords").value),
    stopWords: $("set-stop").value,
    userDict: $("set-dict").value,
    auto: $("set-auto").checked,
  };
}

async function saveSettings() {
  await api.storage.local.set({ settings: readForm() });
  $("saved").textContent = t.saved;
}

/** Applies stored settings: the length and keyword count at once; words need a new summariser. */
function applySettings(next) {
  const before = settings;
  settings = { ...engineDefaults, ...DEFAULTS, ...next };
  showSettings(settings);
  const wordsChanged = before.stopWords !== settings.stopWords || before.userDict !== settings.userDict;
  if (wordsChanged) {
    // The stop words and dictionary are given to the summariser when it loads: reload this panel
    // (the request for the tab is kept in storage.session, so the same text is summarised again).
    location.reload();
    return;
  }
  if (widget) setCounts(widget);
}

/** The length and keyword count of the settings on the widget; left out, the engine's. */
function setCounts(element) {
  for (const name of ["sentences", "keywords"]) {
    if (settings[name] != null) element.setAttribute(name, String(settings[name]));
    else element.removeAttribute(name);
  }
}

// ---- the page ---------------------------------------------------------------------------------

function setState(state) {
  document.body.dataset.state = state;
}

function showNote(text) {
  $("note").textContent = text || "";
  $("note").hidden = !text;
}

/** A message in place of the summary; with `offer`, a button that summarises the tab's page. */
function showMessage(title, body, offer = false) {
  $("message-title").textContent = title;
  $("message-body").textContent = body;
  $("offer").hidden = !offer;
  $("message").hidden = false;
  if (widget) widget.hidden = true;
  $("source").replaceChildren();
  $("clear").disabled = true;
  setState(offer ? "offer" : "message");
}

function friendlyError(error) {
  const m = String(error && error.message ? error.message : error);
  // "Cannot access a chrome:// URL", "The extensions gallery cannot be scripted.",
  // "Cannot access contents of url "file:///…"", "Cannot access a chrome-extension:// URL of
  // different extension", about:, edge://, view-source:, the PDF viewer…
  if (/chrome:|edge:|about:|gallery|webstore|chrome-extension|moz-extension|view-source|devtools|file:|cannot be scripted|error page|Frame with ID 0 is showing error page/i.test(m)) {
    showMessage(t.restrictedTitle, t.restricted);
  } else if (/No tab with id|Invalid tab ID/i.test(m)) {
    showMessage(t.noTabTitle, t.noTab);
  } else {
    showMessage(t.noAccessTitle, t.noAccess);
  }
  document.body.dataset.error = m;
}

async function inTab(func, args = []) {
  const [result] = await api.scripting.executeScript({ target: { tabId }, func, args });
  if (!result) throw new Error("no result from the page");
  if (result.error) throw new Error(result.error.message || String(result.error));
  return result.result;
}

async function mark(sentences, name, scroll = false) {
  if (tabId == null) return null;
  try {
    if (!cssInserted) {
      // Once per document (another panel may have added it already: Firefox then refuses it).
      await api.scripting.insertCSS({ target: { tabId }, css: HIGHLIGHT_CSS }).catch(() => {});
      cssInserted = true;
    }
    const r = await inTab(markSentences, [sentences, name, scroll]);
    if (name) document.body.dataset[name === "zhaiyao-ext-summary" ? "marked" : "markedOther"] = String(r.found);
    if (r.unsupported) showNote(t.noHighlights);
    return r;
  } catch {
    return null; // The tab navigated away or closed: marks don't matter any more.
  }
}

function sentenceTexts(indices) {
  const offsets = widget.sentenceOffsets;
  const text = widget.text || "";
  return indices.filter((i) => offsets[i]).map((i) => text.slice(offsets[i][0], offsets[i][1]));
}

function ensureWidget() {
  if (widget) return widget;
  globalThis.ZhaiyaoConfig = configOf(settings);
  widget = document.createElement("zhaiyao-summary");
  widget.id = "summary";
  widget.setAttribute("for", "source");
  // The browser's own tag: the widget picks its nearest interface language from it.
  widget.setAttribute("ui-lang", uiLang === "en" ? "en" : browserLang);
  setCounts(widget);
  // The widget's events count only for the page it was given last (not one the tab has left).
  widget.addEventListener("zhaiyao-summary", (event) => {
    if (widgetGeneration !== generation) return;
    setState("ready");
    $("clear").disabled = false;
    mark(event.detail.summary.sentences.map((s) => s.text), "zhaiyao-ext-summary");
  });
  widget.addEventListener("zhaiyao-keyword", (event) => {
    if (widgetGeneration === generation) mark(sentenceTexts(event.detail.sentences), "zhaiyao-ext-keyword");
  });
  widget.addEventListener("zhaiyao-error", () => {
    if (widgetGeneration === generation) setState("error");
  });
  // A click on a summary sentence scrolls the page to it (the "why" button is left alone); one
  // that is not on the page (the <title>, hidden text) says so.
  widget.addEventListener("click", async (event) => {
    const path = event.composedPath();
    if (path.some((n) => n instanceof Element && n.tagName === "BUTTON")) return;
    const item = path.find((n) => n instanceof Element && n.tagName === "LI" && n.dataset.index != null);
    if (!item || !widget.summary || widgetGeneration !== generation) return;
    const s = widget.summary.sentences.find((x) => String(x.index) === item.dataset.index);
    if (!s) return;
    showNote("");
    const r = await mark([s.text], "zhaiyao-ext-focus", true);
    if (r && !r.unsupported && r.found === 0) showNote(t.notOnPage);
  });
  $("slot").append(widget);
  return widget;
}

function setSource(text) {
  const paragraphs = String(text)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const el = document.createElement("p");
      el.textContent = p;
      return el;
    });
  $("source").replaceChildren(...paragraphs);
}

function showPage(title, url) {
  $("page-title").textContent = title || "";
  let host = "";
  try {
    host = url ? new URL(url).host : "";
  } catch {
    host = "";
  }
  $("page-host").textContent = host;
}

/** Summarises the tab's page ({ kind: "page" }) or the selection a request carries. */
async function run(request) {
  const gen = ++generation;
  current = request;
  lastRequestAt = request ? request.at : null;
  $("message").hidden = true;
  showNote("");
  delete document.body.dataset.error;
  setState("loading");
  showPage(t.reading, "");
  $("again").disabled = false;
  try {
    let title;
    let text;
    let url = "";
    if (request && request.kind === "selection") {
      text = request.text || "";
      try {
        const full = await inTab(selectedText);
        if (full && full.length > text.length) text = full;
      } catch {
        // The context menu's text is enough.
      }
      title = t.selection;
    } else {
      const article = await inTab(extractArticle);
      ({ title, text, url } = article);
    }
    if (gen !== generation) return;
    showPage(title, url);
    if (!text || !text.trim()) {
      showMessage(t.emptyTitle, t.empty);
      return;
    }
    ensureWidget().hidden = false;
    widgetGeneration = gen;
    setSource(text);
    await mark(null, null); // clear the previous marks
    if (gen !== generation) return;
    await widget.refresh();
  } catch (error) {
    if (gen !== generation) return;
    showPage("", "");
    friendlyError(error);
  }
}

/**
 * The tab shows another page (it navigated, or another tab came to the front): the summary goes
 * at once, and the new page is summarised if the reader turned that on, or else offered.
 */
async function pageChanged() {
  const gen = ++generation;
  current = null;
  cssInserted = false; // a new document has none of the highlight styles
  showNote("");
  delete document.body.dataset.error;
  delete document.body.dataset.marked;
  showPage("", "");
  showMessage(t.offerTitle, t.reading);
  setState("changed");
  if (tabId == null) {
    showMessage(t.noTabTitle, t.noTab);
    return;
  }
  let info;
  try {
    info = await inTab(pageInfo); // may the panel read it? (activeTab is lost on another site)
  } catch (error) {
    if (gen === generation) friendlyError(error);
    return;
  }
  if (gen !== generation) return;
  if (settings.auto) {
    run({ kind: "page" });
    return;
  }
  showPage(info.title, info.url);
  showMessage(t.offerTitle, t.offer, true);
}

/** The tab this panel is for: ?tab=<id> (Chromium's side panel for one tab), else null. */
function boundTab() {
  const param = new URLSearchParams(location.search).get("tab");
  return param != null && /^\d+$/.test(param) ? Number(param) : null;
}

/** The window to follow: ?window=<id> (tests), else the panel's own window. */
async function ownWindow() {
  const param = new URLSearchParams(location.search).get("window");
  if (param != null && /^\d+$/.test(param)) return Number(param);
  return (await api.windows.getCurrent()).id;
}

async function frontTab(windowId) {
  const [tab] = await api.tabs.query({ active: true, windowId });
  return tab ? tab.id : null;
}

function follow() {
  // Navigation in the tab: the status goes to "loading" for a new document.
  api.tabs.onUpdated.addListener((id, change) => {
    if (id === tabId && change.status === "loading") pageChanged();
  });
  if (followWindow == null) return;
  api.tabs.onActivated.addListener(({ tabId: id, windowId }) => {
    if (windowId !== followWindow || id === tabId) return;
    tabId = id;
    document.body.dataset.tab = String(tabId);
    pageChanged();
  });
}

async function main() {
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t[el.dataset.i18n];
  document.documentElement.lang = { zh: "zh-CN", "zh-Hant": "zh-TW", en: "en" }[uiLang];
  const stored = await api.storage.local.get("settings");
  settings = { ...DEFAULTS, ...(stored.settings || {}) };
  // The summariser loads with the stored words (the worker starts here, to read its defaults).
  globalThis.ZhaiyaoConfig = configOf(settings);
  try {
    const { sentences, keywords } = await customElements.get("zhaiyao-summary").defaults();
    engineDefaults = { sentences, keywords };
  } catch {
    engineDefaults = {}; // the engine did not load: the widget says so when it summarises
  }
  settings = { ...engineDefaults, ...settings };
  showSettings(settings);

  $("set-length").addEventListener("input", () => ($("out-length").textContent = $("set-length").value));
  $("set-keywords").addEventListener("input", () => ($("out-keywords").textContent = $("set-keywords").value));
  for (const id of ["set-length", "set-keywords", "set-auto"]) $(id).addEventListener("change", saveSettings);
  $("settings-form").addEventListener("submit", (event) => {
    event.preventDefault();
    saveSettings();
  });
  $("clear").addEventListener("click", async () => {
    await mark(null, null);
    document.body.dataset.marked = "0";
    showNote("");
    if (widget) widget.selectKeyword(null);
  });
  $("again").addEventListener("click", () => run(current || { kind: "page" }));
  $("offer").addEventListener("click", () => run({ kind: "page" }));
  api.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && changes.settings) applySettings(changes.settings.newValue || {});
    if (area !== "session") return;
    for (const [key, change] of Object.entries(changes)) {
      const request = change.newValue;
      if (!key.startsWith("request:") || !request || request.at === lastRequestAt) continue;
      const id = Number(key.slice("request:".length));
      if (id === tabId) run(request);
    }
  });

  tabId = boundTab();
  if (tabId == null) {
    try {
      followWindow = await ownWindow();
      tabId = await frontTab(followWindow);
    } catch {
      tabId = null;
    }
  }
  document.body.dataset.tab = String(tabId);
  follow();
  if (tabId == null) {
    showMessage(t.noTabTitle, t.noTab);
    return;
  }
  const key = `request:${tabId}`;
  const pending = (await api.storage.session.get(key))[key];
  await run(pending || { kind: "page" });
}

main();
