// What a reader gives the demo page: files in other encodings or not text at all, HTML with
// styles, text the summariser refuses or an empty article, long unbroken words on a phone,
// right-to-left text. Under the strict CSP header, as in demo.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { startServer } from "./server.mjs";
import { SITE, STRICT_CSP, assertClean, launch, openDemo as openDemoPage, requireSite, waitReady } from "./helpers.mjs";

let server;
let browser;

before(async () => {
  requireSite();
  server = await startServer({ root: SITE, headers: { "Content-Security-Policy": STRICT_CSP } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const openDemo = (query, options) => openDemoPage(browser, server, query, options);

/** Summarises `text` as if typed: fills the box, presses the button, waits for the widget. */
async function summarise(page, text) {
  await page.fill("#input", text);
  await page.click("#summarize");
  await page.waitForFunction((t) => document.getElementById("widget").text === t.trim(), text, { polling: 50 });
}

const meta = (page) => page.locator("#input-meta").textContent();

test("a GBK-encoded .txt file is read as GB18030, and the page says so", async () => {
  const { context, page, log } = await openDemo();
  const text = "中文测试。这是一个句子。";
  const gbk = execFileSync("iconv", ["-f", "UTF-8", "-t", "GBK"], { input: text });
  assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk), "the file is not UTF-8");
  await page.setInputFiles("#file", { name: "gbk.txt", mimeType: "text/plain", buffer: gbk });
  await page.waitForFunction(() => document.getElementById("input-meta").textContent.includes("gbk.txt"), null, { polling: 50 });
  assert.equal(await page.inputValue("#input"), text);
  await page.waitForFunction((t) => document.getElementById("widget").text === t, text, { polling: 50 });
  await waitReady(page, "#widget");
  assert.equal(await page.locator("#source").textContent(), text);
  assert.match(await meta(page), /gbk\.txt.*GB18030/);
  // The note follows the interface language.
  await page.click("#ui-en");
  assert.match(await meta(page), /^Read gbk\.txt .*GB18030/);

  // UTF-8 stays UTF-8, without a note about the encoding.
  await page.setInputFiles("#file", { name: "utf8.txt", mimeType: "text/plain", buffer: Buffer.from("第二个文件。它是 UTF-8 编码的。") });
  await page.waitForFunction(() => document.getElementById("widget").text.startsWith("第二个文件"), null, { polling: 50 });
  assert.equal(await meta(page), "Read utf8.txt");
  assertClean(log);
  await context.close();
});

test("binary files are refused with a message, and the article stays as it was", async () => {
  const { context, page, log } = await openDemo();
  const before = await page.inputValue("#input");
  const summary = await page.evaluate(() => JSON.stringify(document.getElementById("widget").summary));
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Buffer.from("中文。")]);
  const controls = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x41 : 1 + (i % 30))));
  for (const [name, buffer] of [["image.txt", png], ["controls.txt", controls]]) {
    await page.click("#ui-zh");
    await page.setInputFiles("#file", { name, mimeType: "text/plain", buffer });
    await page.waitForFunction((n) => document.getElementById("input-meta").textContent.includes(n), name, { polling: 50 });
    assert.match(await meta(page), /二进制/);
    await page.click("#ui-en");
    assert.match(await meta(page), /binary/);
    assert.equal(await page.inputValue("#input"), before, `${name} replaced the article`);
    assert.equal(await page.evaluate(() => JSON.stringify(document.getElementById("widget").summary)), summary);
  }
  assertClean(log);
  await context.close();
});

test("an .html file with styles is read without applying them (no CSP report)", async () => {
  const { context, page, log } = await openDemo();
  const html =
    '<!doctype html><html><head><title>样式测试</title><style>body{color:red}p{display:none} /* <plaintext> */</style>' +
    '<link rel="stylesheet" href="https://example.com/x.css"></head><body style="background:blue">' +
    '<p style="color:green">第一段讲的是社区修理咖啡馆的故事。</p><p>第二段说志愿者每周六都来帮忙。</p></body></html>';
  await page.setInputFiles("#file", { name: "styled.html", mimeType: "text/html", buffer: Buffer.from(html) });
  await page.waitForFunction(() => document.getElementById("widget").text?.includes("第二段"), null, { polling: 50 });
  await waitReady(page, "#widget");
  const source = await page.locator("#source").textContent();
  assert.ok(source.startsWith("样式测试"), source);
  assert.ok(!source.includes("color:red"), "the style sheet's text became article text");
  assert.ok(!log.requests.some((u) => u.includes("example.com")), "the linked style sheet was fetched");
  assertClean(log);
  await context.close();
});

test("an .html file is read one paragraph a block (headings, paragraphs, list items, loose text), a <br> as a line break, no drawing, frame or style", async () => {
  const { context, page, log } = await openDemo();
  const html =
    "<!doctype html><html><head><title>修理咖啡馆</title></head><body>" +
    "<h2>社区  新闻</h2><div><p>第一段讲的是<b>社区</b>修理\n咖啡馆的故事。</p>" +
    "<ul><li>志愿者每周六来帮忙。</li><li>居民带来坏掉的<a href='#'>台灯</a>。</li></ul></div>" +
    "<p>地址：幸福路十号<br>时间：每周六上午</p><p> </p>零散的文字也算一段。" +
    // Drawings, frames and styles hold no reading.
    "<p>图表<svg><text>坐标轴标签</text></svg><iframe>框架里的替代文字</iframe><style>p{color:red}</style></p></body></html>";
  await page.setInputFiles("#file", { name: "blocks.html", mimeType: "text/html", buffer: Buffer.from(html) });
  await page.waitForFunction(() => document.getElementById("widget").text?.includes("零散"), null, { polling: 50 });
  await waitReady(page, "#widget");
  assert.equal(
    await page.inputValue("#input"),
    [
      "修理咖啡馆",
      "社区 新闻",
      "第一段讲的是社区修理 咖啡馆的故事。",
      "志愿者每周六来帮忙。",
      "居民带来坏掉的台灯。",
      "地址：幸福路十号\n时间：每周六上午",
      "零散的文字也算一段。",
      "图表",
    ].join("\n\n"),
  );
  assertClean(log);
  await context.close();
});

test("after text the summariser refuses, or an empty article, there is nothing to copy and no language badge", async () => {
  const { context, page, log } = await openDemo();
  const copy = page.locator("#copy");
  const badge = () => page.evaluate(() => document.getElementById("widget").shadowRoot.querySelector(".lang-badge").checkVisibility());
  const status = () => page.evaluate(() => document.getElementById("widget").shadowRoot.querySelector(".status").textContent);
  assert.equal(await copy.isEnabled(), true);
  assert.equal(await badge(), true);

  await summarise(page, "これは日本語の文章です。東京は日本の首都です。今日はいい天気ですね。");
  await page.waitForFunction(() => document.getElementById("widget").state === "error", null, { polling: 50 });
  assert.equal(await copy.isEnabled(), false, "Copy is enabled with no summary to copy");
  assert.equal(await badge(), false, "the badge names the previous article's language");
  assert.equal(await status(), "暂不支持日文文章的摘要。", "a neutral note");
  await page.click("#ui-en");
  assert.equal(await status(), "Summaries of Japanese text are not supported yet.");

  // A good article enables Copy again…
  await summarise(page, "The library lends drills and ladders to neighbours. Volunteers mend broken tools every Saturday.");
  await waitReady(page, "#widget");
  assert.equal(await copy.isEnabled(), true);
  assert.equal(await badge(), true);

  // …and an empty one disables it.
  await page.fill("#input", "");
  await page.click("#summarize");
  await page.waitForFunction(() => document.getElementById("widget").text === "" && document.getElementById("widget").state === "ready", null, { polling: 50 });
  assert.equal(await copy.isEnabled(), false);
  assert.equal(await badge(), false);
  assert.equal(await status(), "There is no text to summarise.");
  await page.click("#ui-zh");
  assert.equal(await status(), "没有可以摘要的文字。");
  assertClean(log);
  await context.close();
});

test("a long unbroken word does not make the demo scroll sideways on a phone", async () => {
  const { context, page, log } = await openDemo("", { viewport: { width: 375, height: 800 } });
  const url = `https://example.com/${"a1b2c3d4".repeat(50)}`;
  await summarise(page, `请访问${url}了解详情。这是第二句，说明这个链接很长。\n\nRead more at ${url} today. The link is long.`);
  await waitReady(page, "#widget");
  const width = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
  let w = await width();
  assert.ok(w.scroll <= w.viewport, `the page is ${w.scroll} px wide in a ${w.viewport} px viewport`);
  // A file with a long name: the note about it wraps too.
  const name = `${"report_2024_final_v2_".repeat(9)}.txt`;
  await page.setInputFiles("#file", { name, mimeType: "text/plain", buffer: Buffer.from("短文。第二句。") });
  await page.waitForFunction((n) => document.getElementById("input-meta").textContent.includes(n), name, { polling: 50 });
  w = await width();
  assert.ok(w.scroll <= w.viewport, `with a long file name, the page is ${w.scroll} px wide in a ${w.viewport} px viewport`);
  assertClean(log);
  await context.close();
});

test("right-to-left paragraphs of the article are laid out right to left", async () => {
  const { context, page, log } = await openDemo();
  await summarise(page, "مكتبة الأدوات في الحي تعير المثاقب للجيران. يأتي المتطوعون كل يوم سبت.\n\n这是中文段落。第二句在这里。");
  await waitReady(page, "#widget");
  const dirs = await page.evaluate(() =>
    [...document.querySelectorAll("#source > *"), document.getElementById("input")].map((node) => [node.getAttribute("dir"), getComputedStyle(node).direction]),
  );
  assert.deepEqual(dirs, [["auto", "rtl"], ["auto", "ltr"], ["auto", "rtl"]]);
  assertClean(log);
  await context.close();
});
