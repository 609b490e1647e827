// The test pages the extension's Chromium and Firefox tests summarise: the example articles as
// news pages, a page that hides a copy of its article, one whose <title> is not on the page, one
// whose sentences the page splits over inline elements, links and <br>, one of many block
// elements, and pages with a title and no text.
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

/**
 * Sentences of INLINE_PAGE that the page splits across nodes: over a <b>, over a link, and over
 * a <br> (a comma before it, so the engine keeps one sentence over the line break).
 */
export const INLINE_SENTENCES = [
  "江澜市图书馆周六起延长开放时间，二楼阅览室每天开放到晚上十点。",
  "读者可以在图书馆网站上预约座位，每次最多预约三个小时。",
  "馆长表示，夜间开放的经费来自市里的文化专项资金，\n以及几家本地企业的捐赠。",
];
const inlinePage = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>江澜市图书馆延长夜间开放时间</title></head>
<body><article><h1>江澜市图书馆延长夜间开放时间</h1>
<p>江澜市图书馆周六起延长开放时间，<b>二楼阅览室</b>每天开放到晚上十点。</p>
<p>读者可以在<a href="#seats">图书馆网站</a>上预约座位，每次最多预约三个小时。</p>
<p>馆长表示，夜间开放的经费来自市里的文化专项资金，<br>以及几家本地企业的捐赠。</p>
<p>过去一年，晚上来图书馆自习的大学生和上班族越来越多，闭馆前常常一座难求。</p>
<p>图书馆还将在夜间增加一名保安和两名志愿者，帮助读者查找图书和使用自助借还机。</p></article></body></html>`;

/**
 * An article of block elements (a list, a definition list, a table, a quote, a figure, a
 * preformatted block, nested sections): each block's text is one paragraph for the web component
 * and for the extension alike. No block ends in a full stop, so only the blocks part them.
 */
const blocksPage = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>江澜市社区菜园的一年</title></head>
<body><article><h1>江澜市社区菜园的一年</h1>
<p>去年春天，青石巷社区把楼后的一块空地改成了菜园，由二十户居民轮流照看</p>
<h2>菜园里种了什么</h2>
<ul><li>春天种下的生菜和小白菜在五月收了第一茬</li><li>夏天的番茄和黄瓜分给了社区里的独居老人</li></ul>
<dl><dt>浇水</dt><dd>每户每周轮值一天，早晚各浇一次</dd><dt>堆肥</dt><dd>厨余垃圾在菜园角落的堆肥箱里变成肥料</dd></dl>
<blockquote>以前邻居之间见面只是点点头，现在常常一起在菜园里聊上半天</blockquote>
<table><tr><th>季节</th><th>收成</th></tr><tr><td>春季收获蔬菜一百二十公斤</td><td>秋季收获蔬菜二百三十公斤</td></tr></table>
<figure><img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><figcaption>居民们在菜园里收获秋天的萝卜</figcaption></figure>
<section><div>社区计划明年再开辟两块菜地，并请农业大学的学生来讲授种植知识</div><div>报名参加的居民已经超过四十户</div></section>
<p>菜园的负责人说，种菜只是一个开始<br>更重要的是邻里之间重新熟悉起来</p>
</article></body></html>`;

export function pages() {
  return {
    "/zh.html": { body: articlePage("example.zh.txt", "zh") },
    "/zh-duplicate.html": { body: duplicatePage() },
    "/title-sentence.html": { body: titleSentencePage },
    "/en.html": { body: articlePage("example.en.txt", "en") },
    "/inline.html": { body: inlinePage },
    "/blocks.html": { body: blocksPage },
    // The shared text module (the web component's), for a page to import.
    "/zhaiyao-text.js": { body: readFileSync(join(ROOT, "www", "component", "zhaiyao-text.js"), "utf8") },
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
