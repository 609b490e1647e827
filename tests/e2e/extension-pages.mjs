// The test pages the extension's Chromium and Firefox tests summarise: the example articles as
// news pages, a page that hides a copy of its article, one whose <title> is not on the page, and
// pages with a title and no text.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, escapeHtml } from "./helpers.mjs";

/** The example article as a news page: navigation, the article (with inline markup), a footer. */
export function articlePage(file, lang) {
  const [title, ...rest] = readFileSync(join(ROOT, "data", file), "utf8")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const paragraphs = rest.map((p, i) => {
    let html = escapeHtml(p);
    // Inline elements and a line break in the source, so sentences span several text nodes.
    if (i === 0) html = html.replace(/^(.{6})(.{8})/u, "$1<strong>$2</strong>");
    if (i === 1) html = html.replace(/^(.{10})/u, "<a href=\"#\">$1</a>\n   ");
    return `<p>${html}</p>`;
  });
  const nav = lang === "zh" ? "首页 · 新闻 · 城市 · 科技 · 登录" : "Home · News · Cities · Technology · Sign in";
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:17px/1.7 "WenQuanYi Micro Hei",sans-serif;margin:0;color:#222}nav,footer{background:#f2f2f2;padding:12px 24px;color:#666}
article{max-width:680px;margin:24px auto;padding:0 24px}h1{font-size:28px;line-height:1.3}</style></head>
<body><nav>${nav}</nav><article><h1>${escapeHtml(title)}</h1><p class="byline">${lang === "zh" ? "本报记者" : "By a staff reporter"}</p>
${paragraphs.join("\n")}</article><footer>© 2025 ${lang === "zh" ? "江澜日报" : "The Wrenford Gazette"}</footer></body></html>`;
}

/** A short Chinese article whose <title> is a sentence that is not on the page. */
export const TITLE_SENTENCE = "江澜市夜间公交今年增至十二条线路，覆盖三个工业园区。";
const titleSentencePage = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${TITLE_SENTENCE}</title></head>
<body><article><p class="byline">本报记者</p>
<p>江澜市交通局周二表示，新开通的夜班车从晚上十一点运行到凌晨五点。首批线路连接火车站、市立医院和大学城。</p>
<p>许多在工业园区上夜班的工人过去只能打车回家，每月交通费超过八百元。现在他们可以用公交卡乘车，单程票价两元。</p>
<p>交通局计划在明年春天评估客流，再决定是否延长运营时间。市民可以在车站的意见箱里留下建议。</p></article></body></html>`;

/** The Chinese article with a hidden copy of its paragraphs before it (as pages keep a print or teaser copy). */
function duplicatePage() {
  const html = articlePage("example.zh.txt", "zh");
  const copy = [...html.matchAll(/<p>[\s\S]*?<\/p>/g)].map((m) => m[0]).join("\n");
  return html
    .replace("</style>", ".print-copy{display:none}</style>")
    .replace("<article>", `<div class="print-copy">${copy}</div><article>`);
}

export function pages() {
  return {
    "/zh.html": { body: articlePage("example.zh.txt", "zh") },
    "/zh-duplicate.html": { body: duplicatePage() },
    "/title-sentence.html": { body: titleSentencePage },
    "/en.html": { body: articlePage("example.en.txt", "en") },
    "/title-only.html": { body: '<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>只有标题的页面</title></head><body></body></html>' },
    "/title-heading.html": {
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A Heading Alone</title></head><body><h1>A Heading Alone</h1></body></html>',
    },
    "/title-site.html": {
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A Heading Alone – The Daily Site</title></head><body><h1>A Heading Alone</h1></body></html>',
    },
  };
}

/** A script body (for either driver) that selects the article's second and third paragraphs and returns the selected text. */
export const SELECT_TWO_PARAGRAPHS = `
  const ps = document.querySelectorAll("article p:not(.byline)");
  const range = document.createRange();
  range.setStartBefore(ps[1]);
  range.setEndAfter(ps[2]);
  getSelection().removeAllRanges();
  getSelection().addRange(range);
  return getSelection().toString();
`;
