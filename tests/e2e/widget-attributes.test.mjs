// The widget's attributes changed while it runs (keyword count, a bad length and a good one
// after it, a character budget nothing fits in), and text it must lay out: long unbroken words
// on a phone-sized screen, right-to-left sentences.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "./server.mjs";
import {
  SITE,
  STRICT_CSP,
  assertClean,
  escapeHtml,
  launch,
  paragraphs,
  record,
  requireSite,
  waitReady,
} from "./helpers.mjs";

let server;
let browser;

/** A page with one article and one widget whose attributes are `attrs`. */
function widgetPage(article, attrs) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>widget</title>
<link rel="stylesheet" href="page.css"><script type="module" src="page.js"></script></head><body>
<zhaiyao-summary id="w" for="a" ${attrs}></zhaiyao-summary>
<article id="a">${article}</article>
</body></html>`;
}

const URL_WORD = `https://example.com/${"a1b2c3d4".repeat(50)}`; // 420 characters, no break

function pages() {
  const zh = paragraphs(readFileSync(join(SITE, "examples", "example.zh.txt"), "utf8"));
  const long =
    `<p>${escapeHtml(`请访问${URL_WORD}了解详情。这是第二句，说明这个链接很长。第三句话也在这里。`)}</p>` +
    `<p>${escapeHtml(`Read more at ${URL_WORD} today. The second sentence says the link is long. A third one closes it.`)}</p>`;
  const rtl =
    "<p>مكتبة الأدوات في الحي تعير المثاقب والسلالم للجيران. يأتي المتطوعون كل يوم سبت لإصلاح الأدوات. " +
    "يقول السكان إن المكتبة وفرت عليهم المال.</p>";
  return {
    // The page breaks its own article's long words: only the widget's overflow is measured.
    "/page.css": { body: "body{font-family:sans-serif;margin:8px}article{overflow-wrap:anywhere}" },
    "/page.js": { body: 'import "./pkg/zhaiyao-summary.js";\n' },
    "/zh.html": { body: widgetPage(zh, 'sentences="3" keywords="20" ui-lang="zh"') },
    "/bad.html": { body: widgetPage(zh, 'sentences="abc" ui-lang="en"') },
    "/chars.html": { body: widgetPage(zh, 'chars="5" ui-lang="zh"') },
    "/long.html": { body: widgetPage(long, 'sentences="3"') },
    "/rtl.html": { body: widgetPage(rtl, 'sentences="3" ui-lang="en"') },
  };
}

before(async () => {
  requireSite();
  server = await startServer({ root: SITE, pages: pages(), headers: { "Content-Security-Policy": STRICT_CSP } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path, viewport = { width: 1000, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const log = await record(context, page);
  await page.goto(server.url(path));
  return { context, page, log };
}

/** What the widget shows: state, status line, whether its body and list are visible, and so on. */
const shown = (page) =>
  page.evaluate(() => {
    const w = document.getElementById("w");
    const root = w.shadowRoot;
    const visible = (node) => Boolean(node && node.checkVisibility());
    return {
      state: w.state,
      status: root.querySelector(".status").textContent,
      statusIsError: root.querySelector(".status").classList.contains("error"),
      body: visible(root.querySelector(".body")),
      items: [...root.querySelectorAll("ol.summary > li")].filter(visible).length,
      list: visible(root.querySelector("ol.summary")),
      sentences: w.summary ? w.summary.sentences.length : null,
      cloud: [...root.querySelectorAll(".cloud button")].map((b) => b.dataset.word),
      keywords: w.summary ? w.summary.keywords.map((k) => k.word) : null,
      output: root.querySelector("output").textContent,
      slider: root.querySelector("input[type=range]").value,
      bodyText: root.querySelector(".body").innerText,
    };
  });

test("changing the keywords attribute redraws the keyword cloud", async () => {
  const { context, page, log } = await open("/zh.html");
  await waitReady(page, "#w");
  const before = await shown(page);
  assert.equal(before.keywords.length, 20);
  assert.deepEqual([...before.cloud].sort(), [...before.keywords].sort());

  // Pick a keyword that the shorter list will not have.
  const dropped = before.keywords[10];
  await page.evaluate((word) => document.getElementById("w").selectKeyword(word), dropped);
  assert.ok(await page.evaluate(() => CSS.highlights.get("zhaiyao-keyword").size > 0));

  await page.evaluate(() => document.getElementById("w").setAttribute("keywords", "5"));
  await page.waitForFunction(() => document.getElementById("w").summary.keywords.length === 5, null, { polling: 50 });
  const after = await shown(page);
  assert.deepEqual([...after.cloud].sort(), [...after.keywords].sort(), "the cloud shows the new keywords");
  assert.equal(after.cloud.length, 5);
  assert.equal(await page.evaluate(() => document.getElementById("w").selectedKeyword), null, "the picked keyword is gone");
  assert.equal(await page.evaluate(() => CSS.highlights.get("zhaiyao-keyword").size), 0);

  await page.evaluate(() => document.getElementById("w").setAttribute("keywords", "0"));
  await page.waitForFunction(() => document.getElementById("w").summary.keywords.length === 0, null, { polling: 50 });
  assert.equal((await shown(page)).cloud.length, 0);
  assert.equal(await page.evaluate(() => document.getElementById("w").shadowRoot.querySelector(".keywords").hidden), true);
  assertClean(log);
  await context.close();
});

test("a length and keyword count set while a new text is analysed apply to the new text", async () => {
  const { context, page, log } = await open("/zh.html");
  await waitReady(page, "#w");
  const old = await page.evaluate(() => document.getElementById("w").summary.sentences.map((s) => s.text));
  // A second article; the budget changes right after its "analyze" request, with the budget of
  // that moment, is posted to the worker (in a microtask: the worker cannot have answered yet).
  const state = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const w = document.getElementById("w");
        const post = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (message, ...rest) {
          post.call(this, message, ...rest);
          if (message?.op !== "analyze") return;
          Worker.prototype.postMessage = post;
          queueMicrotask(() => {
            w.setAttribute("sentences", "1");
            w.setAttribute("keywords", "4");
            resolve(w.state);
          });
        };
        const article = document.createElement("article");
        article.id = "b";
        article.textContent =
          "港口城市宁川今年建成了新的海水淡化厂。工厂每天可以生产十万吨淡水。市政府表示，淡化厂将缓解夏季缺水。" +
          "专家认为，海水淡化的成本仍然较高。宁川计划在五年内再建两座淡化厂。居民对供水改善表示欢迎。";
        document.body.append(article);
        w.setAttribute("for", "b");
      }),
  );
  assert.equal(state, "loading", "the analysis ended before the budget changed: nothing was tested");
  await page.waitForFunction(() => document.getElementById("w").state === "ready", null, { polling: 50, timeout: 60000 });
  await page.waitForFunction(() => document.getElementById("w").summary.sentences.length === 1, null, { polling: 50 });
  const now = await shown(page);
  const summary = await page.evaluate(() => document.getElementById("w").summary);
  assert.equal(now.keywords.length, 4);
  assert.deepEqual([...now.cloud].sort(), [...now.keywords].sort());
  assert.ok(summary.sentences.every((s) => !old.includes(s.text) && /淡化|淡水|宁川/.test(s.text)), JSON.stringify(summary.sentences));
  assert.equal(now.items, 1);
  assertClean(log);
  await context.close();
});

test("a valid length after an invalid one brings the widget back from its error", async () => {
  const { context, page, log } = await open("/zh.html");
  await waitReady(page, "#w");
  for (const [name, bad, good, count] of [
    ["sentences", "abc", "2", (n) => n === 2],
    ["ratio", "7", "0.5", (n) => n > 3],
    ["chars", "-5", "120", (n) => n >= 1],
  ]) {
    const setOnly = (value) =>
      page.evaluate(
        ([name, value]) => {
          const w = document.getElementById("w");
          for (const a of ["sentences", "ratio", "chars"]) if (a !== name) w.removeAttribute(a);
          w.setAttribute(name, value);
        },
        [name, value],
      );
    await setOnly(bad);
    await page.waitForFunction(() => document.getElementById("w").state === "error", null, { polling: 50 });
    const failed = await shown(page);
    assert.ok(failed.statusIsError && failed.status.length > 0, `${name}=${bad}: ${JSON.stringify(failed)}`);
    assert.equal(failed.body, false);

    const previous = await page.evaluate(() => document.getElementById("w").summary);
    await setOnly(good);
    await page.waitForFunction((p) => JSON.stringify(document.getElementById("w").summary) !== p, JSON.stringify(previous), { polling: 50 });
    const ok = await shown(page);
    assert.ok(count(ok.sentences), `${name}=${good}: ${ok.sentences} sentences`);
    assert.equal(ok.state, "ready", `${name}=${good}`);
    assert.equal(ok.body, true, `${name}=${good}: the summary is hidden`);
    assert.equal(ok.items, ok.sentences);
    assert.equal(ok.status, "", `${name}=${good}: the old error is still shown`);
    assert.equal(ok.statusIsError, false);
  }
  assertClean(log);
  await context.close();
});

test("an invalid length from the start, then a valid one, gives a summary", async () => {
  const { context, page, log } = await open("/bad.html");
  await page.waitForFunction(() => document.getElementById("w").state === "error", null, { polling: 50 });
  assert.match((await shown(page)).status, /^Could not summarise: .*sentences/);
  await page.evaluate(() => document.getElementById("w").setAttribute("sentences", "2"));
  await waitReady(page, "#w");
  const ok = await shown(page);
  assert.equal(ok.sentences, 2);
  assert.equal(ok.items, 2);
  assert.equal(ok.status, "");
  assertClean(log);
  await context.close();
});

test("after an error or a blank text, the language badge goes and the status follows the UI language", async () => {
  const { context, page, log } = await open("/zh.html");
  await waitReady(page, "#w");
  const badge = () => page.evaluate(() => document.getElementById("w").shadowRoot.querySelector(".lang-badge").checkVisibility());
  assert.equal(await badge(), true);

  // Japanese, which the summariser does not read yet: a neutral note, not an error.
  await page.evaluate(() => {
    document.getElementById("a").textContent = "これは日本語の文章です。東京は日本の首都です。今日はいい天気ですね。";
  });
  await page.waitForFunction(() => document.getElementById("w").state === "error", null, { polling: 50 });
  let s = await shown(page);
  assert.equal(s.status, "暂不支持日文文章的摘要。");
  assert.equal(await badge(), false, "the badge still names the previous article's language");
  assert.equal(await page.evaluate(() => document.getElementById("w").summary), null, "the previous article's summary is kept");
  assert.equal(await page.evaluate(() => CSS.highlights.get("zhaiyao-summary")?.size ?? 0), 0);
  await page.evaluate(() => document.getElementById("w").setAttribute("ui-lang", "en"));
  s = await shown(page);
  assert.equal(s.status, "Summaries of Japanese text are not supported yet.");
  assert.equal(s.statusIsError, false);

  // A blank text.
  await page.evaluate(() => {
    document.getElementById("a").textContent = "   ";
  });
  await page.waitForFunction(() => document.getElementById("w").state === "ready", null, { polling: 50 });
  assert.equal((await shown(page)).status, "There is no text to summarise.");
  assert.equal(await badge(), false);
  await page.evaluate(() => document.getElementById("w").setAttribute("ui-lang", "zh"));
  assert.equal((await shown(page)).status, "没有可以摘要的文字。");

  // A source that does not exist: the widget's own message, in either language.
  await page.evaluate(() => document.getElementById("w").setAttribute("for", "nowhere"));
  await page.waitForFunction(() => document.getElementById("w").state === "error", null, { polling: 50 });
  assert.equal((await shown(page)).status, "无法生成摘要：页面上没有 id 为“nowhere”的元素");
  await page.evaluate(() => document.getElementById("w").setAttribute("ui-lang", "en"));
  assert.equal((await shown(page)).status, 'Could not summarise: no element with id "nowhere"');
  assert.equal(await badge(), false);

  // And back to an article.
  await page.evaluate(() => document.getElementById("w").setAttribute("for", "a"));
  await page.evaluate(() => {
    document.getElementById("a").textContent = "The library lends drills and ladders to neighbours. Volunteers mend tools every Saturday.";
  });
  await waitReady(page, "#w");
  assert.equal(await badge(), true);
  assert.equal((await shown(page)).status, "");
  assertClean(log);
  await context.close();
});

test("a character budget nothing fits in says so, in either UI language, and the slider shows it", async () => {
  const { context, page, log } = await open("/chars.html");
  await waitReady(page, "#w");
  let s = await shown(page);
  assert.equal(s.sentences, 0);
  assert.equal(s.slider, "5", "the slider shows the real budget");
  assert.equal(s.output, "5 字");
  assert.equal(s.list, false, "an empty list is shown");
  assert.match(s.bodyText, /5 字/);
  assert.match(s.bodyText, /5 字以内放不下任何一句/);

  await page.evaluate(() => document.getElementById("w").setAttribute("ui-lang", "en"));
  s = await shown(page);
  assert.equal(s.output, "5 chars");
  assert.match(s.bodyText, /No sentence .*5 characters/);

  // A budget that fits again shows the list and not the message.
  await page.evaluate(() => document.getElementById("w").setAttribute("chars", "200"));
  await page.waitForFunction(() => document.getElementById("w").summary.sentences.length > 0, null, { polling: 50 });
  s = await shown(page);
  assert.equal(s.list, true);
  assert.equal(s.items, s.sentences);
  assert.doesNotMatch(s.bodyText, /No sentence/);
  assert.equal(s.output, "200 chars");
  assertClean(log);
  await context.close();
});

test("long unbroken words do not make a phone-sized page scroll sideways", async () => {
  const { context, page, log } = await open("/long.html", { width: 375, height: 800 });
  await waitReady(page, "#w");
  const texts = await page.evaluate(() => document.getElementById("w").summary.sentences.map((s) => s.text));
  assert.ok(texts.some((t) => t.includes("a1b2c3d4a1b2c3d4")), `the long word is not in the summary: ${texts}`);
  // Every "why" panel open too.
  for (const toggle of await page.locator("#w ol.summary > li .why-toggle").all()) await toggle.click();
  const sizes = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
    card: (() => {
      const card = document.getElementById("w").shadowRoot.querySelector(".card");
      return { scroll: card.scrollWidth, client: card.clientWidth };
    })(),
  }));
  assert.ok(sizes.scroll <= sizes.viewport, `the page is ${sizes.scroll} px wide in a ${sizes.viewport} px viewport`);
  assert.ok(sizes.card.scroll <= sizes.card.client, `the card overflows: ${JSON.stringify(sizes.card)}`);
  assertClean(log);
  await context.close();
});

test("right-to-left sentences are laid out right to left", async () => {
  const { context, page, log } = await open("/rtl.html");
  await waitReady(page, "#w");
  const dirs = await page.evaluate(() =>
    [...document.getElementById("w").shadowRoot.querySelectorAll(".sentence-text, .cloud button")].map((node) => ({
      dir: node.getAttribute("dir"),
      direction: getComputedStyle(node).direction,
    })),
  );
  assert.ok(dirs.length >= 2, "no sentence or keyword shown");
  for (const d of dirs) assert.deepEqual(d, { dir: "auto", direction: "rtl" });
  // The widget's own strings stay left to right.
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("w").shadowRoot.querySelector(".why-toggle")).direction), "ltr");
  assertClean(log);
  await context.close();
});
