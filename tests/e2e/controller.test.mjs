// The <zhaiyao-summary> controller in Node, with no DOM, against the real engine (pkg/node.js).
//
// Its state machine, budget, slider and keyword pick, behind a client whose replies the test may
// hold back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./helpers.mjs";

const PKG = join(ROOT, "pkg");
if (!existsSync(join(PKG, "node.js"))) throw new Error(`${PKG}/node.js is missing: run \`make pkg\` first`);
const { default: init, Summarizer } = await import(pathToFileURL(join(PKG, "node.js")).href);
const { SummaryController } = await import(pathToFileURL(join(ROOT, "www", "component", "zhaiyao-summary-controller.js")).href);

// The test's own article (not from any data set): eight sentences on a city's bicycle lanes.
const ARTICLE = [
  "新城区今年新建了四十公里自行车道，市民骑车通勤的人数明显增加。",
  "交通部门的统计显示，早高峰骑车的人比去年多了三成。",
  "自行车道沿着主干道铺设，与机动车道之间有绿化带隔开。",
  "不少市民说，骑车上班比坐公交更快，也更健康。",
  "但也有居民反映，部分路段的自行车道被违规停车占用。",
  "交通部门表示，将在自行车道入口增设隔离桩，并加强巡查。",
  "明年计划再建三十公里自行车道，把新城区和老城区连起来。",
  "专家认为，完整连续的自行车道网络是鼓励绿色出行的关键。",
].join("");
const OTHER = "图书馆延长了开放时间。周末晚上也能借书了。读者对这一变化表示欢迎。";

await init();
const summarizer = await Summarizer.load();

/** Characters and words as the worker counts them (near enough for the stats and the slider). */
function measure(text) {
  return { chars: text.replace(/\s/gu, "").length, words: (text.match(/[A-Za-z0-9'’]+/g) || []).length };
}

/**
 * A client as zhaiyao-client.js's, over the real engine in this process. `hold(op)` makes the next
 * request of that op wait until the returned function is called; `log` lists every request.
 */
function engineClient() {
  const analyses = new Map();
  const held = new Map();
  let next = 1;
  const client = {
    ready: null,
    log: [],
    hold(op) {
      let open;
      const gate = new Promise((resolve) => (open = resolve));
      held.set(op, gate);
      return open;
    },
    async gate(op) {
      const gate = held.get(op);
      held.delete(op);
      if (gate) await gate;
    },
    async start() {
      client.log.push(["start"]);
      await client.gate("start");
      client.ready = Promise.resolve();
    },
    async analyze(text, { lang, select } = {}) {
      client.log.push(["analyze", text, lang, select]);
      await client.gate("analyze");
      const analysis = summarizer.analyze(text, lang ? { lang } : undefined);
      // As the worker: an analysis whose first selection fails is freed, not kept.
      let summary;
      try {
        summary = select ? analysis.select(select) : undefined;
      } catch (error) {
        analysis.free();
        throw error;
      }
      const handle = next++;
      analyses.set(handle, analysis);
      const scores = analysis.scores();
      return {
        handle,
        lang: analysis.lang,
        count: scores.length,
        offsets: analysis.offsets(),
        scores,
        maxScore: Math.max(0, ...scores),
        length: measure(text),
        summary,
      };
    },
    async select(handle, options) {
      client.log.push(["select", handle, options]);
      await client.gate("select");
      const analysis = analyses.get(handle);
      if (!analysis) throw new Error(`no analysis ${handle}`);
      return analysis.select(options);
    },
    async release(handle) {
      client.log.push(["release", handle]);
      const analysis = analyses.get(handle);
      analyses.delete(handle);
      if (analysis) analysis.free();
      return { released: Boolean(analysis) };
    },
    /** The handles not released yet. */
    live: () => [...analyses.keys()],
  };
  return client;
}

/** A controller over a fresh engine client, recording what it reports (with the state at the time). */
function setup(request = {}) {
  const client = engineClient();
  const changes = [];
  const bases = [];
  const c = new SummaryController({
    getClient: (base) => {
      bases.push(base);
      return client;
    },
    onChange: (kind, detail) => changes.push({ kind, detail, state: c.state, loadingKey: c.loadingKey }),
  });
  c.setRequest(request);
  return { c, client, changes, bases, kinds: () => changes.map((x) => x.kind) };
}

/** Resolves once pending promise callbacks (the client's and the controller's) have run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

test("a run goes idle → loading (engine, then text) → ready, and its summary follows the attributes", async () => {
  const { c, client, changes, bases } = setup({ sentences: 2, keywords: 5 });
  assert.equal(c.state, "idle");
  await c.run(ARTICLE, { base: "https://cdn.example/zhaiyao/", lang: "fr" });
  assert.deepEqual(bases, ["https://cdn.example/zhaiyao/"]);
  assert.deepEqual(
    changes.filter((x) => x.kind === "state").map((x) => `${x.state}:${x.loadingKey}`),
    ["loading:loading", "loading:analysing", "ready:analysing"],
  );
  assert.deepEqual(changes.map((x) => x.kind).slice(-2), ["analysed", "summary"]);
  // Only "zh" and "en" are passed on as the article's language; the budget is the attributes'.
  assert.deepEqual(client.log.find((r) => r[0] === "analyze").slice(2), [undefined, { sentences: 2, keywords: 5 }]);
  assert.equal(c.state, "ready");
  assert.equal(c.text, ARTICLE);
  assert.equal(c.analysis.lang, "zh");
  assert.equal(c.analysis.count, 8);
  assert.equal(c.summary.sentences.length, 2);
  assert.equal(c.summary.keywords.length, 5);
  assert.ok(c.holds(ARTICLE));
  assert.ok(!c.holds(OTHER));
  // The offsets cut the text into its sentences: the summary's are among them, at their index.
  const offsets = c.sentenceOffsets();
  assert.equal(offsets.length, 8);
  for (const s of c.summary.sentences) assert.equal(ARTICLE.slice(...offsets[s.index]).trim(), s.text);
  // The best-scored sentence ranks first.
  const best = c.summary.sentences.reduce((a, b) => (b.score > a.score ? b : a));
  assert.equal(c.rankOf(best), 1);
  // The slider counts sentences, from 1 to the article's count, at the summary's length.
  assert.deepEqual(c.slider(), { mode: "sentences", min: 1, max: 8, step: 1, value: 2, shown: true });
  const stats = c.readingStats();
  assert.equal(stats.unit, "chars");
  assert.equal(stats.total, measure(ARTICLE).chars);
  assert.ok(stats.saved > 0 && stats.saved < stats.minutes);
});

test("a second run of a new text while the first is analysed: only the new text's result is kept", async () => {
  const { c, client, kinds } = setup();
  const open = client.hold("analyze");
  const first = c.run(ARTICLE);
  await settle();
  assert.equal(c.state, "loading");
  const second = c.run(OTHER);
  await second;
  assert.equal(c.text, OTHER);
  open();
  await first;
  // The first text's analysis arrived late: released unseen, never shown.
  assert.equal(c.text, OTHER);
  assert.equal(c.analysis.count, 3);
  assert.equal(kinds().filter((k) => k === "analysed").length, 1);
  assert.deepEqual(client.live(), [c.analysis.handle]);
});

test("the attributes' length, then the slider's, select again without analysing again", async () => {
  const { c, client, changes } = setup();
  await c.run(ARTICLE);
  assert.equal(c.summary.sentences.length, 3, "the engine's default length");
  const analyses = () => client.log.filter((r) => r[0] === "analyze").length;

  changes.length = 0;
  assert.equal(c.setRequest({ sentences: 1, keywords: 3 }), false);
  await settle();
  assert.equal(c.summary.sentences.length, 1);
  assert.equal(c.summary.keywords.length, 3);
  assert.deepEqual(changes.map((x) => x.kind), ["selected", "summary"]);
  assert.deepEqual(changes[0].detail, { resetSlider: true, keywordsChanged: true });

  changes.length = 0;
  await c.setSliderValue(4);
  assert.deepEqual(c.budget(), { sentences: 4, keywords: 3 });
  assert.equal(c.summary.sentences.length, 4);
  assert.deepEqual(changes[0].detail, { resetSlider: false, keywordsChanged: false });

  // A character budget: the slider counts characters, and holds the budget even below its minimum.
  c.setRequest({ chars: 10 });
  await settle();
  assert.equal(c.sliderMode(), "chars");
  assert.deepEqual(c.slider(), { mode: "chars", min: 10, max: measure(ARTICLE).chars, step: 10, value: 10, shown: true });
  assert.equal(c.summary.sentences.length, 0, "no sentence fits in 10 characters");
  await c.setSliderValue(60);
  assert.deepEqual(c.budget(), { chars: 60 });
  assert.ok(c.summary.sentences.length >= 1);
  assert.ok(c.summary.sentences.reduce((n, s) => n + [...s.text].length, 0) <= 60);
  assert.equal(analyses(), 1);
});

test("a length set while the text is analysed applies to it once it arrives", async () => {
  const { c, client } = setup({ sentences: 1 });
  const open = client.hold("analyze");
  const run = c.run(ARTICLE);
  await settle();
  // No analysis yet: nothing to select from, nothing to run again.
  assert.equal(c.setRequest({ sentences: 4 }), false);
  open();
  await run;
  await settle();
  assert.equal(c.summary.sentences.length, 4);
  assert.deepEqual(client.log.at(-1), ["select", c.analysis.handle, { sentences: 4 }]);
});

test("an invalid length fails the run; a valid one asks for a new run, which succeeds", async () => {
  const { c, client, changes } = setup({ ratio: 7 });
  await c.run(ARTICLE);
  assert.equal(c.state, "error");
  assert.equal(c.error.code, "invalid_option");
  assert.equal(c.analysis, null);
  assert.equal(c.summary, null);
  assert.deepEqual(changes.at(-1), { kind: "error", detail: c.error, state: "error", loadingKey: "analysing" });
  assert.deepEqual(client.live(), []);
  assert.equal(c.setRequest({ ratio: 0.5 }), true, "the caller runs again");
  await c.run(ARTICLE);
  assert.equal(c.state, "ready");
  assert.equal(c.error, null);
  assert.equal(c.summary.sentences.length, 4);
});

test("an invalid length after a summary keeps the summary and the analysis; a valid one recovers", async () => {
  const { c, changes } = setup();
  await c.run(ARTICLE);
  const summary = c.summary;
  c.setRequest({ sentences: Number("abc") });
  await settle();
  assert.equal(c.state, "error");
  assert.equal(c.error.code, "invalid_option");
  assert.equal(c.summary, summary);
  assert.ok(c.analysis);
  changes.length = 0;
  c.setRequest({ sentences: 2 });
  await settle();
  assert.equal(c.state, "ready");
  assert.equal(c.error, null);
  assert.equal(c.summary.sentences.length, 2);
  assert.deepEqual(changes.map((x) => x.kind), ["state", "selected", "summary"]);
});

test("picking a keyword marks its sentences; picking it again, or an unknown word, clears the pick", async () => {
  const { c, changes } = setup({ keywords: 8 });
  await c.run(ARTICLE);
  const word = "自行车道";
  const info = c.summary.keywords.find((k) => k.word === word);
  assert.ok(info, `"${word}" is a keyword: ${c.summary.keywords.map((k) => k.word)}`);
  changes.length = 0;
  c.pickKeyword(word);
  assert.equal(c.keyword, word);
  assert.deepEqual(c.keywordInfo(), info);
  assert.deepEqual([...c.markedSentences()], info.sentences);
  // It is in the sentences that hold it, and only in those.
  const offsets = c.sentenceOffsets();
  offsets.forEach((o, i) => assert.equal(ARTICLE.slice(...o).includes(word), info.sentences.includes(i), `sentence ${i}`));
  assert.deepEqual(changes, [{ kind: "keyword", detail: { word, sentences: info.sentences }, state: "ready", loadingKey: "analysing" }]);
  c.pickKeyword(word);
  assert.equal(c.keyword, null);
  assert.equal(c.markedSentences().size, 0);
  c.pickKeyword("不是关键词");
  assert.equal(c.keyword, null);
  assert.deepEqual(changes.at(-1).detail, { word: null, sentences: [] });
});

test("a picked keyword that the new keyword list drops is cleared before the summary is announced", async () => {
  const { c, changes } = setup({ keywords: 8 });
  await c.run(ARTICLE);
  const last = c.summary.keywords.at(-1).word;
  c.pickKeyword(last);
  changes.length = 0;
  c.setRequest({ keywords: 1 });
  await settle();
  assert.equal(c.keyword, null);
  assert.deepEqual(changes.map((x) => x.kind), ["selected", "keyword", "summary"]);
  assert.deepEqual(changes[1].detail, { word: null, sentences: [] });
});

test("a blank text is ready with no analysis, and the previous one is released", async () => {
  const { c, client, kinds } = setup();
  await c.run(ARTICLE);
  const handle = c.analysis.handle;
  await c.run(" \n\n ");
  assert.equal(c.state, "ready");
  assert.equal(c.analysis, null);
  assert.equal(c.summary, null);
  assert.deepEqual(c.sentenceOffsets(), []);
  assert.ok(kinds().includes("cleared"));
  assert.deepEqual(client.log.at(-1), ["release", handle]);
  assert.deepEqual(client.live(), []);
});

test("failWith forgets the result; stop() releases the analysis and makes a run under way moot", async () => {
  const { c, client, kinds } = setup();
  await c.run(ARTICLE);
  c.failWith(new Error("no element"));
  assert.equal(c.state, "error");
  assert.equal(c.analysis, null);
  assert.deepEqual(kinds().slice(-3), ["cleared", "state", "error"]);

  const open = client.hold("analyze");
  const run = c.run(OTHER);
  await settle();
  c.stop();
  assert.equal(c.text, null);
  open();
  await run;
  assert.equal(c.analysis, null);
  assert.deepEqual(client.live(), [], "the late analysis is released");
  assert.equal(kinds().filter((k) => k === "analysed").length, 1);
});

test("a selection under way when the source changes is moot: its late reply, or its error for the released analysis, is not shown", async () => {
  // The source changes to another text, to a blank one or to a missing element while the slider's
  // selection waits; that selection's reply then comes for an analysis that is gone.
  const changesTo = {
    "another text": (c) => c.run(OTHER),
    "a blank text": (c) => c.run(""),
    "a missing element": (c) => c.failWith(new Error('no element with id "gone"')),
  };
  for (const [what, change] of Object.entries(changesTo)) {
    const { c, client, changes } = setup();
    await c.run(ARTICLE);
    const old = c.analysis.handle;
    const open = client.hold("select");
    const selection = c.setSliderValue(2);
    await settle();
    await change(c);
    assert.ok(!client.live().includes(old), `${what}: the old analysis is released`);
    const after = { state: c.state, error: c.error, summary: c.summary, changes: changes.length };
    open();
    await selection;
    await settle();
    // The select for the old handle failed ("no analysis N") in the engine: nothing of it shows.
    assert.deepEqual(client.log.filter((r) => r[0] === "select").map((r) => r[1]), [old], what);
    assert.equal(c.state, after.state, `${what}: the state changed`);
    assert.equal(c.error, after.error, `${what}: the error changed: ${c.error && c.error.message}`);
    assert.equal(c.summary, after.summary, `${what}: the summary changed`);
    assert.deepEqual(changes.slice(after.changes).map((x) => x.kind), [], `${what}: reported after the change`);
  }
});

test("a selection's reply that arrives after a new text started loading is not shown as the new text's", async () => {
  const { c, client, changes } = setup();
  await c.run(ARTICLE);
  const openSelect = client.hold("select");
  const selection = c.setSliderValue(2);
  await settle();
  const openAnalyze = client.hold("analyze");
  const run = c.run(OTHER);
  await settle();
  assert.equal(c.state, "loading");
  const from = changes.length;
  // The old analysis still exists: the selection succeeds, for the old text.
  openSelect();
  await selection;
  assert.deepEqual(changes.slice(from).map((x) => x.kind), [], "the old text's summary was announced while the new one loads");
  openAnalyze();
  await run;
  assert.equal(c.state, "ready");
  assert.equal(c.summary.sentences.every((s) => OTHER.includes(s.text)), true);
  assert.equal(changes.filter((x) => x.kind === "error").length, 0);
});
