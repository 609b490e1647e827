// The Traditional Chinese interface and the languages the widget meets: a Traditional article
// gets the 繁體 interface and keywords as written; zh-TW/zh-HK browsers and `lang="zh-HK"` choose
// it; a French article is labelled Français without stop words in its cloud; a Japanese page
// gets a neutral note in the reader's language; the demo follows a zh-TW browser.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "./server.mjs";
import { SITE, STRICT_CSP, assertClean, escapeHtml, launch, record, requireSite, screenshotPath, waitReady } from "./helpers.mjs";

let server;
let browser;

// Articles written for this test.
const TRADITIONAL = [
  "青溪市圖書館將在明年春天開放夜間閱覽室",
  "青溪市圖書館昨天宣佈，新館的夜間閱覽室將在明年春天對市民開放，每天開放到晚上十一點。圖書館館長林雅文說，過去一年裏，很多學生和上班族反映下班以後沒有安靜的地方讀書。",
  "夜間閱覽室設在新館三樓，共有兩百個座位，並提供免費的無線網絡和充電插座。爲了保證安全，圖書館會增加兩名夜班管理員，讀者需要刷借書證才能進入。",
  "對於夜間開放的費用，市政府已經同意每年增加八十萬元的預算。林雅文表示，如果試點效果好，明年秋天還會把夜間閱覽室擴大到二樓的兒童區。",
];
const SIMPLIFIED = [
  "青溪市图书馆将在明年春天开放夜间阅览室",
  "青溪市图书馆昨天宣布，新馆的夜间阅览室将在明年春天对市民开放，每天开放到晚上十一点。图书馆馆长林雅文说，过去一年里，很多学生和上班族反映下班以后没有安静的地方读书。",
  "夜间阅览室设在新馆三楼，共有两百个座位，并提供免费的无线网络和充电插座。为了保证安全，图书馆会增加两名夜班管理员，读者需要刷借书证才能进入。",
];
const FRENCH = [
  "La bibliothèque d'outils du quartier Saint-Roch ouvre ses portes.",
  "Depuis le mois de mars, les habitants peuvent emprunter des perceuses, des échelles et des machines à coudre. L'association qui gère la bibliothèque compte déjà plus de trois cents membres.",
  "Chaque samedi, des bénévoles réparent aussi les petits appareils électriques des voisins. Les responsables de l'association espèrent ouvrir une deuxième bibliothèque d'outils l'année prochaine.",
];
const JAPANESE = ["今日は図書館で会議がありました。とても楽しかったです。来週もまた行きたいと思います。"];
// Function words of French that must not be keywords.
const FRENCH_STOP = ["les", "des", "qui", "de", "la", "le", "du", "aux", "une", "ses", "plus", "aussi", "depuis", "chaque"];

const html = (lines) => lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("\n");
const page = (article, attrs = "") => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>widget</title>
<script type="module" src="page.js"></script></head><body>
<zhaiyao-summary id="w" for="a" sentences="2" ${attrs}></zhaiyao-summary>
<article id="a">${article}</article>
</body></html>`;

before(async () => {
  requireSite();
  server = await startServer({
    root: SITE,
    headers: { "Content-Security-Policy": STRICT_CSP },
    pages: {
      "/page.js": { body: 'import "./pkg/zhaiyao-summary.js";\n' },
      "/hant.html": { body: page(html(TRADITIONAL)) },
      "/hans.html": { body: page(html(SIMPLIFIED)) },
      "/hans-hk.html": { body: page(html(SIMPLIFIED), 'lang="zh-HK"') },
      "/fr.html": { body: page(html(FRENCH)) },
      "/ja.html": { body: page(html(JAPANESE)) },
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path, locale) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, locale });
  const p = await context.newPage();
  const log = await record(context, p);
  await p.goto(server.url(path));
  return { context, page: p, log };
}

/** What the widget shows. */
const shown = (p) =>
  p.evaluate(() => {
    const w = document.getElementById("w");
    const root = w.shadowRoot;
    const status = root.querySelector(".status");
    return {
      state: w.state,
      lang: w.articleLang,
      status: status.textContent,
      statusIsError: status.classList.contains("error"),
      role: status.getAttribute("role"),
      badge: root.querySelector(".lang-badge").textContent,
      bodyText: root.querySelector(".body").innerText,
      keywords: w.summary ? w.summary.keywords.map((k) => k.word) : [],
    };
  });

test("a Traditional article gets the 繁體 interface and keywords as written, even in an English browser", async () => {
  const { context, page: p, log } = await open("/hant.html", "en-US");
  await waitReady(p, "#w");
  const s = await shown(p);
  assert.equal(s.lang, "zh");
  assert.equal(s.badge, "中文");
  assert.match(s.bodyText, /關鍵詞/);
  assert.match(s.bodyText, /點選關鍵詞，標出包含它的句子/);
  assert.doesNotMatch(s.bodyText, /关键词|Keywords/);
  assert.ok(s.keywords.includes("圖書館") && s.keywords.includes("夜間閱覽室"), s.keywords.join(" "));
  for (const word of s.keywords) assert.ok(TRADITIONAL.join("").includes(word), `${word} is not in the article`);
  await p.evaluate(() => document.fonts.ready);
  await p.locator("#w").screenshot({ path: screenshotPath("widget-zh-Hant.png") });
  assertClean(log, server.origin);
  await context.close();
});

test("zh-TW and zh-HK browsers and lang=zh-HK choose the Traditional interface; zh-CN the Simplified", async () => {
  for (const [path, locale, expected] of [
    ["/hans.html", "zh-TW", /關鍵詞/],
    ["/hans.html", "zh-HK", /關鍵詞/],
    ["/hans-hk.html", "en-US", /關鍵詞/],
    ["/hans.html", "zh-CN", /关键词/],
    ["/hant.html", "zh-CN", /关键词/],
  ]) {
    const { context, page: p } = await open(path, locale);
    await waitReady(p, "#w");
    assert.match((await shown(p)).bodyText, expected, `${path} in ${locale}`);
    await context.close();
  }
});

test("a French article is labelled Français and its cloud holds no French stop word", async () => {
  const { context, page: p, log } = await open("/fr.html", "fr-FR");
  await waitReady(p, "#w");
  const s = await shown(p);
  assert.equal(s.lang, "fr");
  assert.equal(s.badge, "Français");
  assert.ok(s.keywords.length >= 8, s.keywords.join(" "));
  for (const word of s.keywords) {
    for (const part of word.toLowerCase().split(/[\s'’]/)) assert.ok(!FRENCH_STOP.includes(part), `${word} in the cloud`);
  }
  assert.ok(s.keywords.some((w) => w.toLowerCase().startsWith("biblioth")), s.keywords.join(" "));
  assertClean(log, server.origin);
  await context.close();
});

test("a Japanese page gets a neutral note in the reader's language, not an error", async () => {
  for (const [locale, note] of [
    ["zh-TW", "暫不支援日文文章的摘要。"],
    ["zh-CN", "暂不支持日文文章的摘要。"],
    ["en-US", "Summaries of Japanese text are not supported yet."],
  ]) {
    const { context, page: p } = await open("/ja.html", locale);
    await p.waitForFunction(() => document.getElementById("w").state === "error", null, { polling: 100, timeout: 120_000 });
    const s = await shown(p);
    assert.equal(s.status, note);
    assert.equal(s.statusIsError, false, "no error style");
    assert.equal(s.role, "status");
    if (locale === "zh-TW") await p.locator("#w").screenshot({ path: screenshotPath("widget-ja-note-zh-Hant.png") });
    await context.close();
  }
});

test("the demo follows a zh-TW browser with its 繁體 interface", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-TW" });
  const p = await context.newPage();
  const log = await record(context, p);
  await p.goto(server.url("/"));
  await waitReady(p, "#widget");
  assert.equal(await p.getAttribute("html", "lang"), "zh-Hant");
  assert.equal(await p.getAttribute("#widget", "ui-lang"), "zh-Hant");
  assert.equal(await p.getAttribute("#ui-zh-hant", "aria-pressed"), "true");
  assert.equal(await p.textContent("#summarize"), "產生摘要");
  assert.match(await p.title(), /瀏覽器裡的文章摘要/);
  assert.match(await p.locator("#widget").evaluate((w) => w.shadowRoot.querySelector(".body").innerText), /關鍵詞/);
  // The toggle switches to Simplified and back.
  await p.click("#ui-zh");
  assert.equal(await p.textContent("#summarize"), "生成摘要");
  await p.click("#ui-zh-hant");
  assert.equal(await p.textContent("#summarize"), "產生摘要");
  await p.evaluate(() => document.fonts.ready);
  await p.screenshot({ path: screenshotPath("demo-zh-Hant.png"), fullPage: true });
  assertClean(log, server.origin);
  await context.close();
});
