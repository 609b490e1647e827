// The side panel: extracts the article of its tab (Readability on a clone of the document),
// summarises it with <zhaiyao-summary> (the wasm summariser in a Worker of this extension page),
// marks the chosen sentences on the live page with CSS Custom Highlights, and keeps the settings
// in storage.local. It follows its tab: when the tab navigates (or, for the panel of a window,
// when another tab comes to the front) the old summary goes and the new page is offered.
// Everything stays on the device: the only files loaded are the extension's own.
import "./pkg/zhaiyao-summary.js";
import { HTML_LANG, applyStrings, chooseUiLanguage } from "./pkg/zhaiyao-i18n.js";
import { highlightCss } from "./pkg/zhaiyao-text.js";
import { PANEL_STRINGS } from "./zhaiyao-i18n-panel.js";
import { renderParagraphs } from "./zhaiyao-paragraphs.js";
import { extractArticle, markSentences, pageInfo, selectedText } from "./page-functions.js";

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);

/** The panel's own settings' defaults; the length and keyword count are the engine's (`engineDefaults`). */
const DEFAULTS = { stopWords: "", userDict: "", auto: false };
/** The page's ::highlight() rules: the component's palette (its marks in a page look the same). */
const HIGHLIGHT_CSS = highlightCss("zhaiyao-ext");

/** The browser's language as an interface language: "zh", "zh-Hant" (zh-TW, zh-HK, …) or "en". */
const uiLang = chooseUiLanguage({ browser: navigator.language });
const t = PANEL_STRINGS[uiLang];

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

/** Marks `sentences` on the page as the palette's `kind` (see markSentences); a null kind clears every mark. */
async function mark(sentences, kind, scroll = false) {
  if (tabId == null) return null;
  try {
    if (!cssInserted) {
      // Once per document (another panel may have added it already: Firefox then refuses it).
      await api.scripting.insertCSS({ target: { tabId }, css: HIGHLIGHT_CSS }).catch(() => {});
      cssInserted = true;
    }
    const r = await inTab(markSentences, [sentences, kind, scroll]);
    if (kind) document.body.dataset[kind === "summary" ? "marked" : "markedOther"] = String(r.found);
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
  // The panel's own interface language (the one the widget would choose from the browser's).
  widget.setAttribute("ui-lang", uiLang);
  setCounts(widget);
  // The widget's events count only for the page it was given last (not one the tab has left).
  widget.addEventListener("zhaiyao-summary", (event) => {
    if (widgetGeneration !== generation) return;
    setState("ready");
    $("clear").disabled = false;
    mark(event.detail.summary.sentences.map((s) => s.text), "summary");
  });
  widget.addEventListener("zhaiyao-keyword", (event) => {
    if (widgetGeneration === generation) mark(sentenceTexts(event.detail.sentences), "keyword");
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
    const r = await mark([s.text], "focus", true);
    if (r && !r.unsupported && r.found === 0) showNote(t.notOnPage);
  });
  $("slot").append(widget);
  return widget;
}

function setSource(text) {
  renderParagraphs($("source"), text);
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
  applyStrings(document, t);
  document.documentElement.lang = HTML_LANG[uiLang];
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
