// The demo page under the strict CSP header: the built-in examples are summarised, the keyword
// cloud marks sentences in the source, the slider changes the summary, hostile text stays text,
// sentence offsets match, nothing leaves the origin; screenshots in light/dark and zh/en.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "./server.mjs";
import {
  SITE,
  STRICT_CSP,
  assertClean as assertCleanLog,
  launch,
  openDemo as openDemoPage,
  requireSite,
  screenshotPath,
  waitReady,
} from "./helpers.mjs";

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
const assertClean = (log) => assertCleanLog(log, server.origin);

test("the built-in Chinese example is summarised, with a cloud of at least 10 words", async () => {
  const { context, page, log } = await openDemo();
  const sentences = page.locator("#widget ol.summary > li .sentence-text");
  assert.ok((await sentences.count()) >= 1, "no summary sentence");
  const first = await sentences.first().textContent();
  assert.match(first, /[\u4e00-\u9fff]/, "the summary is not Chinese");
  const words = page.locator("#widget .cloud button");
  assert.ok((await words.count()) >= 10, `only ${await words.count()} keywords`);
  const info = await page.evaluate(() => {
    const w = document.getElementById("widget");
    return { lang: w.articleLang, state: w.state, n: w.summary.sentences.length };
  });
  assert.equal(info.lang, "zh");
  assert.equal(info.n, 3);
  // The summary's sentences are highlighted in the source (CSS Custom Highlight API).
  const marked = await page.evaluate(() => CSS.highlights.get("zhaiyao-summary")?.size ?? 0);
  assert.equal(marked, 3);
  // Stats: article length and reading time saved.
  const stats = await page.locator("#widget .stats").textContent();
  assert.match(stats, /全文 [\d,]+ 字/);
  assert.match(stats, /节省/);
  assertClean(log);
  await context.close();
});

test("every sentence is text.slice(start, end), through the widget and through the worker", async () => {
  const { context, page, log } = await openDemo();
  const mismatches = await page.evaluate(async () => {
    const bad = [];
    const w = document.getElementById("widget");
    for (const s of w.summary.sentences) {
      if (w.text.slice(s.start, s.end) !== s.text) bad.push(["widget", s.index, s.text]);
    }
    for (const [start, end] of w.sentenceOffsets) {
      if (!(start <= end && end <= w.text.length)) bad.push(["offsets", start, end]);
    }
    // The same worker the widget uses, with awkward texts.
    const { getClient } = await import("./pkg/zhaiyao-client.js");
    const client = getClient();
    const texts = [
      "😀 表情在句首。第二句有 emoji 🚲🔧 和英文 words。\r\n第三句！Fourth sentence here? 第五句……",
      "Lone \ud800 surrogate here. Another \udfff one. 还有中文\ud83d。最后一句。",
      "\u202eRTL override\u202c 开头。零宽\u200b字符\u200d在这里。\ufeffBOM 也在。",
      "Dr. Smith paid $3.50 for it. Then he left... Did he return? Yes!\n\n标题\n\n正文第一句。正文第二句。",
      w.text,
    ];
    for (const text of texts) {
      const r = await client.summarize(text, { sentences: 1000, keywords: 30 });
      for (const s of r.sentences) {
        if (text.slice(s.start, s.end) !== s.text) bad.push(["worker", s.index, s.text]);
      }
      for (const k of r.keywords) {
        if (!Array.isArray(k.sentences)) bad.push(["keyword", k.word]);
      }
    }
    // Errors come back as messages, and the worker keeps working afterwards.
    const errors = [];
    for (const options of [{ sentences: 0 }, { ratio: 2 }, { chars: -1 }, { sentences: 1, chars: 5 }, { sentences: NaN }]) {
      try {
        await client.summarize("一句话。", options);
        errors.push(["no error", JSON.stringify(options)]);
      } catch (e) {
        if (!e.message) errors.push(["empty message", JSON.stringify(options)]);
      }
    }
    try {
      await client.summarize("", { sentences: 1 });
      errors.push(["no error for empty text"]);
    } catch {}
    const after = await client.summarize("错误之后仍然可用。第二句。", { sentences: 1 });
    if (after.sentences.length !== 1) errors.push(["not working after errors"]);
    return [...bad, ...errors];
  });
  assert.deepEqual(mismatches, []);
  assertClean(log);
  await context.close();
});

test("clicking a keyword marks its sentences in the source and in the summary", async () => {
  const { context, page, log } = await openDemo();
  const word = page.locator("#widget .cloud button", { hasText: "修理咖啡馆" }).first();
  assert.equal(await word.getAttribute("aria-pressed"), "false");
  await word.click();
  assert.equal(await word.getAttribute("aria-pressed"), "true");
  const result = await page.evaluate(() => {
    const w = document.getElementById("widget");
    const k = w.summary.keywords.find((k) => k.word === w.selectedKeyword);
    const h = CSS.highlights.get("zhaiyao-keyword");
    const ranges = h ? [...h] : [];
    return {
      expected: k.sentences.length,
      ranges: ranges.length,
      inSource: ranges.every((r) => document.getElementById("source").contains(r.startContainer)),
      texts: ranges.map((r) => r.toString()),
      marksInSummary: w.shadowRoot.querySelectorAll("ol.summary li.marked").length,
      summaryHasWord: w.summary.sentences.some((s) => k.sentences.includes(s.index)),
    };
  });
  assert.ok(result.ranges > 0, "no sentence marked in the source");
  assert.equal(result.ranges, result.expected);
  assert.ok(result.inSource);
  assert.ok(result.texts.every((t) => t.includes("修理咖啡馆")), `marked text without the word: ${result.texts}`);
  if (result.summaryHasWord) assert.ok(result.marksInSummary > 0, "no sentence marked in the summary");
  // Keyboard: Enter on a focused keyword toggles it off again.
  await word.focus();
  await page.keyboard.press("Enter");
  assert.equal(await word.getAttribute("aria-pressed"), "false");
  assert.equal(await page.evaluate(() => CSS.highlights.get("zhaiyao-keyword").size), 0);
  assertClean(log);
  await context.close();
});

test("the length slider changes the summary", async () => {
  const { context, page, log } = await openDemo();
  const slider = page.locator("#widget input[type=range]");
  assert.equal(await page.locator("#widget label[for=length]").count(), 1, "the slider has a label");
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  // (The summary for the first press may come before the second press: wait for the second's.)
  await page.waitForFunction(() => document.getElementById("widget").summary.sentences.length === 5, null, { polling: 50 });
  const n = await page.locator("#widget ol.summary > li").count();
  assert.equal(n, 5);
  assert.match(await page.locator("#widget output").textContent(), /5/);
  assert.equal(await page.evaluate(() => CSS.highlights.get("zhaiyao-summary").size), 5);
  await slider.fill("1");
  await page.waitForFunction(() => document.getElementById("widget").summary.sentences.length === 1, null, { polling: 50 });
  assertClean(log);
  await context.close();
});

test("the 'why' view shows a sentence's score and top terms", async () => {
  const { context, page, log } = await openDemo();
  const toggle = page.locator("#widget ol.summary > li .why-toggle").first();
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  const panel = page.locator("#widget ol.summary > li .why").first();
  assert.ok(await panel.isVisible());
  assert.ok((await panel.locator(".meter-row").count()) >= 2);
  assert.match(await panel.textContent(), /得分\s*\d/);
  // Each term's percentage is its share of the sentence's score: weight / score.
  const { expected, shown } = await page.evaluate(() => {
    const sentence = document.getElementById("widget").summary.sentences[0];
    const top = sentence.terms.slice(0, 5);
    return {
      expected: top.map((term) => `${Math.round((100 * term.weight) / sentence.score)}%`),
      shown: top.reduce((sum, term) => sum + term.weight, 0) / sentence.score,
    };
  });
  assert.ok(shown < 0.95, `the lead sentence's top terms are ${shown} of its score: no test of shares`);
  const shares = await panel.locator(".terms .meter-row .value").allTextContents();
  assert.deepEqual(shares, expected);
  // The lead sentence is boosted by its position: a chip with the label and the factor.
  const position = panel.locator('.signals li[data-signal="position"]');
  assert.equal(await position.count(), 1, "the first sentence's why view lists no position signal");
  // …with the text's lead strength, the reason the position counts.
  assert.match(await position.textContent(), /位置（导语优先） · 导语强度 1\.00\s*×\d/);
  assert.match(await position.getAttribute("class"), /\bboost\b/);
  assertClean(log);
  await context.close();
});

test("the 'why' view lists exactly the score factors that differ from 1", async () => {
  // The English example: past its lead, some sentences share no word with the title and so have
  // every factor at 1.
  const { context, page, log } = await openDemo("?example=en&ui=en");
  await page.waitForFunction(() => document.getElementById("widget").articleLang === "en", null, { polling: 50 });
  const slider = page.locator("#widget input[type=range]");
  const max = await slider.getAttribute("max");
  await slider.fill(max);
  await page.waitForFunction((n) => document.getElementById("widget").summary.sentences.length === n, Number(max), { polling: 50 });
  const expected = await page.evaluate(() =>
    document
      .getElementById("widget")
      .summary.sentences.map((s) => s.signals.filter((g) => Math.abs(Math.log(g.factor)) > 0.2).map((g) => g.name)),
  );
  assert.ok(expected.some((names) => names.length === 0), "no summary sentence without signals to check");
  assert.ok(expected.some((names) => names.length > 0), "no summary sentence with signals to check");
  const items = page.locator("#widget ol.summary > li");
  assert.equal(await items.count(), expected.length);
  for (let i = 0; i < expected.length; i++) {
    const item = items.nth(i);
    await item.locator(".why-toggle").click();
    const rows = item.locator(".why .signals li");
    const shown = await rows.evaluateAll((lis) => lis.map((li) => li.dataset.signal));
    assert.deepEqual(shown, expected[i], `sentence ${i + 1}: signal rows`);
    if (expected[i].length === 0) assert.equal(await item.locator(".why .signals").count(), 0);
    for (const text of await rows.allTextContents()) assert.match(text, /×\d/);
  }
  assertClean(log);
  await context.close();
});

test("hostile article text is shown as text and runs nothing", async () => {
  const { context, page, log } = await openDemo();
  const hostile =
    'Breaking news about <img src=x onerror="window.__pwned=1"> images tonight. ' +
    "The closing tag </script><script>window.__pwned=2</script> appears in the story. " +
    "An iframe <iframe src=\"javascript:window.__pwned=3\"></iframe> is also quoted. " +
    "Finally <svg onload=window.__pwned=4> and ${window.__pwned=5} close the article.";
  await page.fill("#input", hostile);
  await page.click("#summarize");
  await page.waitForFunction(() => document.getElementById("widget").text?.includes("onerror"), null, { polling: 50 });
  await waitReady(page, "#widget");
  const state = await page.evaluate(() => {
    const w = document.getElementById("widget");
    return {
      pwned: window.__pwned,
      sourceText: document.getElementById("source").textContent,
      sourceElements: document.getElementById("source").querySelectorAll("img, script, iframe, svg").length,
      shadowElements: w.shadowRoot.querySelectorAll("img, script, iframe, svg").length,
      summaryText: w.shadowRoot.querySelector("ol.summary").textContent,
    };
  });
  assert.equal(state.pwned, undefined);
  assert.equal(state.sourceElements, 0);
  assert.equal(state.shadowElements, 0);
  assert.ok(state.sourceText.includes('<img src=x onerror="window.__pwned=1">'));
  assert.ok(state.sourceText.includes("</script><script>window.__pwned=2</script>"));
  assert.ok(state.summaryText.includes("<") || state.summaryText.length > 0);
  const literal = ['<img src=x onerror="window.__pwned=1">', "</script>", "<iframe", "<svg onload"];
  const shown = literal.filter((l) => state.summaryText.includes(l));
  assert.ok(shown.length > 0, `the summary shows none of the markup literally: ${state.summaryText}`);

  // A dropped .html file: only its text is kept.
  await page.setInputFiles("#file", {
    name: "article.html",
    mimeType: "text/html",
    buffer: Buffer.from(
      "<html><head><title>标题</title><script>window.__pwned=6</script></head><body>" +
        "<p>第一段讲的是社区修理咖啡馆的故事。<img src=x onerror=\"window.__pwned=7\"></p>" +
        "<p>第二段说志愿者每周六都来帮忙修理家电。</p><p>第三段写居民们对 &lt;script&gt; 这个词很好奇。</p></body></html>",
    ),
  });
  await page.waitForFunction(() => document.getElementById("widget").text?.includes("第三段"), null, { polling: 50 });
  await waitReady(page, "#widget");
  const html = await page.evaluate(() => ({
    pwned: window.__pwned,
    source: document.getElementById("source").textContent,
    elements: document.getElementById("source").querySelectorAll("img, script").length,
  }));
  assert.equal(html.pwned, undefined);
  assert.equal(html.elements, 0);
  assert.ok(html.source.includes("<script>"), "the escaped tag is shown literally");
  assert.ok(!html.source.includes("window.__pwned"), "script text leaked into the article");
  assertClean(log);
  await context.close();
});

test("a suite of hostile strings renders as text in the widget", async () => {
  const { context, page, log } = await openDemo();
  const hostile = [
    '"><img src=x onerror="window.__pwned=10">这是第一句。这是第二句。',
    "</script><script>window.__pwned=11</script>。第二句在这里。",
    "<style>*{display:none}</style>样式标签不应生效。第二句。",
    "javascript:window.__pwned=12 链接文字。<a href=\"javascript:window.__pwned=13\">点我</a>。",
    "{{constructor.constructor('window.__pwned=14')()}} 模板注入。第二句。",
    "\u202e\u2066反向文字\u2069\u200b\u200d零宽字符。&lt;b&gt;实体&amp;lt;不会被解码。",
    "<!-- 注释 --><![CDATA[ x ]]><svg><script>window.__pwned=15</script></svg>结束。",
  ];
  for (const text of hostile) {
    await page.evaluate((t) => {
      const p = document.createElement("p");
      p.textContent = t;
      document.getElementById("source").replaceChildren(p);
    }, text);
    await page.waitForFunction((t) => document.getElementById("widget").text === t, text, { polling: 50 });
    await waitReady(page, "#widget");
    const seen = await page.evaluate(() => {
      const w = document.getElementById("widget");
      const list = w.shadowRoot.querySelector("ol.summary");
      return {
        pwned: window.__pwned,
        text: list.textContent,
        tags: [...list.querySelectorAll("*")].map((e) => e.tagName.toLowerCase()).filter((t) => !["ul", "li", "p", "button", "div", "span", "mark"].includes(t)),
        sentences: w.summary.sentences.map((s) => s.text),
      };
    });
    assert.equal(seen.pwned, undefined, text);
    assert.deepEqual(seen.tags, [], text);
    for (const sentence of seen.sentences) assert.ok(seen.text.includes(sentence), `not shown literally: ${sentence}`);
  }
  assertClean(log);
  await context.close();
});

test("the English example, and copying the summary", async () => {
  const { context, page, log } = await openDemo("?example=en&ui=en");
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  await page.waitForFunction(() => document.getElementById("widget").articleLang === "en", null, { polling: 50 });
  const summary = await page.evaluate(() => document.getElementById("widget").summary);
  assert.ok(summary.sentences.length >= 1);
  assert.ok(summary.keywords.length >= 10);
  await page.click("#copy");
  await page.waitForFunction(() => document.getElementById("copy-status").textContent !== "", null, { polling: 50 });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, summary.sentences.map((s) => s.text.trim()).join(" "));
  const stats = await page.locator("#widget .stats").textContent();
  assert.match(stats, /[\d,]+ words/);
  assertClean(log);
  await context.close();
});

for (const [ui, theme] of [["zh", "light"], ["zh", "dark"], ["en", "light"], ["en", "dark"]]) {
  test(`screenshot: ${ui} UI, ${theme}`, async () => {
    const example = ui;
    const { context, page, log } = await openDemo(`?example=${example}`, {
      colorScheme: theme,
      locale: ui === "zh" ? "zh-CN" : "en-US",
    });
    await page.waitForFunction((l) => document.getElementById("widget").articleLang === l, example, { polling: 50 });
    // The toggles drive the UI language and the theme.
    await page.click(`#ui-${ui}`);
    if ((await page.getAttribute("html", "data-theme")) !== theme) await page.click("#theme");
    assert.equal(await page.getAttribute("html", "data-theme"), theme);
    assert.equal(await page.getAttribute("#widget", "theme"), theme);
    // Show the interactive parts: a picked keyword and one open "why" panel.
    await page.locator("#widget .cloud button").nth(2).click();
    await page.locator("#widget ol.summary > li .why-toggle").first().click();
    const position = page.locator('#widget ol.summary > li .why .signals li[data-signal="position"]').first();
    assert.match(await position.textContent(), ui === "zh" ? /位置（导语优先）/ : /Position \(lead first\)/);
    await page.evaluate(() => document.fonts.ready);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath(`demo-${ui}-${theme}.png`), fullPage: true });
    await page.locator("#widget").screenshot({ path: screenshotPath(`widget-${ui}-${theme}.png`) });
    const title = await page.locator("#widget .brand").textContent();
    assert.match(title, ui === "zh" ? /摘要/ : /Summary/);
    assertClean(log);
    await context.close();
  });
}
