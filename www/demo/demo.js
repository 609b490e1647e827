// The zhaiyao demo page. Everything the user gives (pasted text, dropped files) reaches the page
// as Text nodes only; .html files are parsed with DOMParser and only their text is kept.
import "./pkg/zhaiyao-summary.js";
import { uiLangOf } from "./pkg/zhaiyao-strings.js";

const UI = {
  zh: {
    title: "摘要 zhaiyao — 浏览器里的文章摘要",
    tagline: "中文优先的文章摘要，完全在你的浏览器里运行",
    uiLang: "界面语言",
    dark: "深色模式",
    darkShort: "深色",
    lightShort: "浅色",
    inputTitle: "文章",
    examples: "示例",
    exampleZh: "中文：社区工具图书馆",
    exampleEn: "English: Library of Things",
    inputLabel: "文章正文",
    placeholder: "在这里粘贴文章，或把 .txt / .html 文件拖进来…",
    dropHere: "松开即可读取文件",
    summarize: "生成摘要",
    chooseFile: "选择文件",
    privacy: "文字只在本机处理，不会上传",
    sourceTitle: "原文",
    legend: "摘要句在原文中高亮",
    summaryColumn: "摘要",
    copy: "复制摘要",
    copied: "已复制到剪贴板",
    copyFailed: "无法访问剪贴板",
    footer: "zhaiyao：Rust 编写、编译为 WebAssembly 的 TF-IDF 抽取式摘要。jieba 分词，MIT 许可。",
    chars: (n) => `${n.toLocaleString("zh-CN")} 字`,
    loaded: (name) => `已读取 ${name}`,
    loadedAs: (name, encoding) => `已读取 ${name}（按 ${encoding} 编码解码）`,
    binary: (name) => `${name} 不是文本文件（像是二进制数据），没有读取`,
    undecodable: (name) => `无法读取 ${name}：它既不是 UTF-8 也不是 GB18030 编码的文本`,
    unsupported: "只支持 .txt 和 .html 文件",
    fetchFailed: "示例加载失败：",
  },
  "zh-Hant": {
    title: "摘要 zhaiyao — 瀏覽器裡的文章摘要",
    tagline: "中文優先的文章摘要，完全在你的瀏覽器裡執行",
    uiLang: "介面語言",
    dark: "深色模式",
    darkShort: "深色",
    lightShort: "淺色",
    inputTitle: "文章",
    examples: "範例",
    exampleZh: "中文：社区工具图书馆",
    exampleEn: "English: Library of Things",
    inputLabel: "文章正文",
    placeholder: "在這裡貼上文章，或把 .txt / .html 檔案拖進來…",
    dropHere: "放開即可讀取檔案",
    summarize: "產生摘要",
    chooseFile: "選擇檔案",
    privacy: "文字只在本機處理，不會上傳",
    sourceTitle: "原文",
    legend: "摘要句在原文中標示",
    summaryColumn: "摘要",
    copy: "複製摘要",
    copied: "已複製到剪貼簿",
    copyFailed: "無法存取剪貼簿",
    footer: "zhaiyao：以 Rust 編寫、編譯為 WebAssembly 的 TF-IDF 抽取式摘要。jieba 斷詞，MIT 授權。",
    chars: (n) => `${n.toLocaleString("zh-TW")} 字`,
    loaded: (name) => `已讀取 ${name}`,
    loadedAs: (name, encoding) => `已讀取 ${name}（以 ${encoding} 編碼解碼）`,
    binary: (name) => `${name} 不是文字檔（像是二進位資料），沒有讀取`,
    undecodable: (name) => `無法讀取 ${name}：它既不是 UTF-8 也不是 GB18030 編碼的文字`,
    unsupported: "只支援 .txt 和 .html 檔案",
    fetchFailed: "範例載入失敗：",
  },
  en: {
    title: "zhaiyao — article summaries in your browser",
    tagline: "Chinese-first article summaries that run entirely in your browser",
    uiLang: "Interface language",
    dark: "Dark mode",
    darkShort: "Dark",
    lightShort: "Light",
    inputTitle: "Article",
    examples: "Examples",
    exampleZh: "中文：社区工具图书馆",
    exampleEn: "English: Library of Things",
    inputLabel: "Article text",
    placeholder: "Paste an article here, or drop a .txt / .html file…",
    dropHere: "Drop to read the file",
    summarize: "Summarise",
    chooseFile: "Choose file",
    privacy: "Your text never leaves this device",
    sourceTitle: "Article",
    legend: "Summary sentences highlighted in place",
    summaryColumn: "Summary",
    copy: "Copy summary",
    copied: "Copied to the clipboard",
    copyFailed: "The clipboard is not available",
    footer: "zhaiyao: extractive TF-IDF summaries in Rust, compiled to WebAssembly. jieba segmentation, MIT licence.",
    chars: (n) => `${n.toLocaleString("en-US")} characters`,
    loaded: (name) => `Read ${name}`,
    loadedAs: (name, encoding) => `Read ${name} (decoded as ${encoding})`,
    binary: (name) => `${name} is not a text file (it looks like binary data), so it was not read`,
    undecodable: (name) => `Could not read ${name}: it is neither UTF-8 nor GB18030 text`,
    unsupported: "Only .txt and .html files are supported",
    fetchFailed: "Could not load the example: ",
  },
};

const $ = (id) => document.getElementById(id);
const input = $("input");
const source = $("source");
const widget = $("widget");
const params = new URLSearchParams(location.search);

// The interface language: ?ui=zh|zh-Hant|en, else the browser's (zh-TW, zh-HK, zh-MO and zh-Hant
// get Traditional characters).
let uiLang = UI[params.get("ui")] ? params.get("ui") : uiLangOf(navigator.language) || "en";
/**
 * A note on the last file or example, as a function of the UI strings so that it follows the
 * interface language; null shows the text's length instead.
 */
let note = null;
let dark = params.has("theme")
  ? params.get("theme") === "dark"
  : matchMedia("(prefers-color-scheme: dark)").matches;

function t() {
  return UI[uiLang];
}

function applyUi() {
  const s = t();
  document.documentElement.lang = { zh: "zh-CN", "zh-Hant": "zh-Hant", en: "en" }[uiLang];
  document.title = s.title;
  for (const node of document.querySelectorAll("[data-i18n]")) {
    const v = s[node.dataset.i18n];
    if (typeof v === "string") node.textContent = v;
  }
  for (const node of document.querySelectorAll("[data-i18n-label]")) {
    node.setAttribute("aria-label", s[node.dataset.i18nLabel]);
  }
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) {
    node.placeholder = s[node.dataset.i18nPlaceholder];
  }
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

/** Shows `text` as the article: one <p> per paragraph, built from Text nodes only. */
function showArticle(text) {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const nodes = paragraphs.map((p, i) => {
    const isTitle = i === 0 && paragraphs.length > 1 && p.length <= 80 && !/[。！？.!?;；]$/.test(p);
    const node = document.createElement(isTitle ? "h3" : "p");
    node.dir = "auto";
    node.textContent = p;
    return node;
  });
  source.replaceChildren(...nodes);
  source.lang = /[\u3400-\u9fff]/.test(text.slice(0, 2000)) ? "zh" : "en";
  updateMeta(null);
}

/** Shows the note, or the text's length; `next`, when given, is the new note. */
function updateMeta(next) {
  if (next !== undefined) note = next;
  const n = input.value.replace(/\s/g, "").length;
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
  for (const node of doc.querySelectorAll("script, style, xmp, noscript, template, iframe, object, svg")) node.remove();
  const blocks = [...doc.body.querySelectorAll("h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, figcaption")]
    .filter((node) => !node.querySelector("p, li, blockquote, pre"))
    .map((node) => node.textContent.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const title = doc.title.trim();
  const text = blocks.length ? blocks.join("\n\n") : doc.body.textContent.trim();
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
    updateMeta((s) => s.unsupported);
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
