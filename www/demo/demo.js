// The zhaiyao demo page. Everything the user gives (pasted text, dropped files) reaches the page
// as Text nodes only; .html files are parsed with DOMParser and only their text is kept.
import "./pkg/zhaiyao-summary.js";
import { STRINGS } from "./pkg/zhaiyao-strings.js";
import { HTML_LANG, applyStrings, chooseUiLanguage } from "./pkg/zhaiyao-i18n.js";
import { DEMO_STRINGS } from "./zhaiyao-i18n-demo.js";
import { measure } from "./pkg/zhaiyao-measure.js";
import { renderParagraphs } from "./zhaiyao-paragraphs.js";
import { HIGHLIGHTS, blockTexts } from "./pkg/zhaiyao-text.js";

const $ = (id) => document.getElementById(id);

// The marks in the article follow the demo's own theme switch (data-theme), not the system's
// colour scheme alone: the shared palette's light and dark colours (zhaiyao-text.js, the
// component's and the extension's), also the legend's swatch. A constructed sheet: no inline style.
const palette = new CSSStyleSheet();
const paletteVars = (scheme) => Object.values(HIGHLIGHTS).map((h) => `${h.property}: ${h[scheme]};`).join(" ");
palette.replaceSync(`:root { ${paletteVars("light")} }\n:root[data-theme="dark"] { ${paletteVars("dark")} }`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, palette];

const input = $("input");
const source = $("source");
const widget = $("widget");
const params = new URLSearchParams(location.search);

// The interface language: ?ui=zh|zh-Hant|en, else the browser's (zh-TW, zh-HK, zh-MO and zh-Hant
// get Traditional characters). The widget is given the same one.
let uiLang = chooseUiLanguage({ explicit: params.get("ui"), browser: navigator.language });
/**
 * A note on the last file or example, as a function of the UI strings so that it follows the
 * interface language; null shows the text's length instead.
 */
let note = null;
let dark = params.has("theme")
  ? params.get("theme") === "dark"
  : matchMedia("(prefers-color-scheme: dark)").matches;

/** The demo's strings in the interface language, with the element's for what both show. */
function t() {
  return { ...STRINGS[uiLang], ...DEMO_STRINGS[uiLang] };
}

function applyUi() {
  const s = t();
  document.documentElement.lang = HTML_LANG[uiLang];
  document.title = s.pageTitle;
  applyStrings(document, s);
  for (const b of document.querySelectorAll("[data-ui]")) {
    b.setAttribute("aria-pressed", String(b.dataset.ui === uiLang));
  }
  widget.setAttribute("ui-lang", uiLang);
  applyTheme();
  updateMeta();
}

function applyTheme() {
  const theme = dark ? "dark" : "light";
  document.documentElement.dataset.theme = theme;
  widget.setAttribute("theme", theme);
  const button = $("theme");
  button.setAttribute("aria-pressed", String(dark));
  button.querySelector(".theme-text").textContent = dark ? t().lightShort : t().darkShort;
}

/** Shows `text` as the article: one <p> per paragraph (a title as <h3>), of Text nodes only. */
function showArticle(text) {
  renderParagraphs(source, text, { heading: "h3" });
  source.lang = /[\u3400-\u9fff]/.test(text.slice(0, 2000)) ? "zh" : "en";
  updateMeta(null);
}

/** Shows the note, or the text's length; `next`, when given, is the new note. */
function updateMeta(next) {
  if (next !== undefined) note = next;
  const n = measure(input.value).chars; // as the widget's stats line counts the article
  $("input-meta").textContent = note ? note(t()) : n ? t().chars(n) : "";
}

async function loadExample(lang) {
  try {
    const response = await fetch(`examples/example.${lang}.txt`);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const text = await response.text();
    input.value = text;
    showArticle(text);
  } catch (error) {
    updateMeta((s) => s.fetchFailed + error.message);
  }
}

/** The text of an HTML document, without running or loading anything from it. */
function textOfHtml(html) {
  // The parsed document is inert (no script runs, nothing loads), but Chrome still checks its
  // inline event handlers, style attributes and <style> elements against the page's CSP while
  // parsing, and reports them: rename them first. A <style> becomes an <xmp>, whose content is
  // raw text as a style's is (under another name, CSS such as `/* <plaintext> */` would be read as
  // markup and swallow the article). Safety does not depend on this: the document is never
  // inserted, only its text is read.
  const quiet = html.replace(/<\/?[a-zA-Z][^>]*>/g, (tag) =>
    tag.replace(/^(<\/?)style\b/i, "$1xmp").replace(/([\s/])(on[a-z]+|style)(\s*=)/gi, "$1data-$2$3"),
  );
  const doc = new DOMParser().parseFromString(quiet, "text/html");
  // One paragraph a block (the block and skipped tags the component and the extension read pages
  // by: no script, style, xmp, frame or drawing), a `<br>` kept as a line break.
  const text = blockTexts(doc.body).join("\n\n");
  const title = doc.title.trim();
  return title && !text.startsWith(title) ? `${title}\n\n${text}` : text;
}

/** NUL bytes, or control characters in more than a tenth of the first 64 KiB: not text. */
function isBinary(bytes) {
  const head = bytes.subarray(0, 65536);
  let controls = 0;
  for (const b of head) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) controls++;
  }
  return controls * 10 > head.length;
}

/**
 * The text of a file: UTF-8 (or UTF-16 with a byte order mark), else GB18030, a superset of the
 * GBK that Chinese Windows editors save. `encoding` names any encoding but UTF-8; `binary` is
 * set for data that is not text, and `text` is null for bytes in none of these encodings.
 */
function decode(bytes) {
  const bom = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: "UTF-16" };
  if (isBinary(bytes)) return { text: null, binary: true };
  for (const [label, encoding] of [["utf-8", null], ["gb18030", "GB18030"]]) {
    try {
      // (`stream`: a file cut off in the middle of its last character is still read.)
      return { text: new TextDecoder(label, { fatal: true }).decode(bytes, { stream: true }), encoding };
    } catch {
      // Not this encoding.
    }
  }
  return { text: null, encoding: null };
}

async function readFile(file) {
  const name = file.name.toLowerCase();
  const isHtml = /\.html?$/.test(name) || file.type === "text/html";
  const isText = /\.(txt|text|md)$/.test(name) || file.type.startsWith("text/");
  if (!isHtml && !isText) {
    updateMeta((s) => s.unsupportedFile);
    return;
  }
  const { text: raw, encoding, binary } = decode(new Uint8Array(await file.arrayBuffer()));
  if (raw == null) {
    updateMeta(binary ? (s) => s.binary(file.name) : (s) => s.undecodable(file.name));
    return;
  }
  const text = isHtml ? textOfHtml(raw) : raw;
  input.value = text;
  showArticle(text);
  updateMeta(encoding ? (s) => s.loadedAs(file.name, encoding) : (s) => s.loaded(file.name));
}

async function copySummary() {
  const summary = widget.summary;
  if (!summary) return;
  const joiner = summary.lang === "zh" ? "" : " ";
  const text = summary.sentences.map((s) => s.text.trim()).join(joiner);
  const status = $("copy-status");
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = t().copied;
  } catch {
    status.textContent = t().copyFailed;
  }
  clearTimeout(copySummary.timer);
  copySummary.timer = setTimeout(() => (status.textContent = ""), 2500);
}

// ---- wiring ---------------------------------------------------------------------------------

for (const b of document.querySelectorAll("[data-ui]")) {
  b.addEventListener("click", () => {
    uiLang = b.dataset.ui;
    applyUi();
  });
}
$("theme").addEventListener("click", () => {
  dark = !dark;
  applyTheme();
});
for (const b of document.querySelectorAll("[data-example]")) {
  b.addEventListener("click", () => loadExample(b.dataset.example));
}
$("summarize").addEventListener("click", () => showArticle(input.value));
input.addEventListener("input", () => updateMeta(null));
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) showArticle(input.value);
});
$("file").addEventListener("change", (event) => {
  const file = event.target.files && event.target.files[0];
  if (file) readFile(file);
  event.target.value = "";
});

const dropzone = $("dropzone");
dropzone.addEventListener("dragover", (event) => {
  event.preventDefault();
  dropzone.classList.add("dragging");
});
dropzone.addEventListener("dragleave", () => dropzone.classList.remove("dragging"));
dropzone.addEventListener("drop", (event) => {
  event.preventDefault();
  dropzone.classList.remove("dragging");
  const file = event.dataTransfer.files && event.dataTransfer.files[0];
  if (file) readFile(file);
});

$("copy").addEventListener("click", copySummary);
// Copy only what is shown: not while a text loads, after an error or for an empty article (which
// changes the widget's state attribute, and fires no event).
function updateCopy() {
  const summary = widget.summary;
  $("copy").disabled = !(widget.state === "ready" && summary && summary.sentences.length);
}
widget.addEventListener("zhaiyao-summary", updateCopy);
new MutationObserver(updateCopy).observe(widget, { attributes: true, attributeFilter: ["state"] });

applyUi();
loadExample(params.get("example") === "en" ? "en" : "zh");
