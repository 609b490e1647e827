// The browser half of `make bench`: zhaiyao and jieba-wasm side by side in one headless Chromium
// session, each figure a median over several fresh page loads, plus the brotli size of every file
// the widget downloads and the native criterion figures, printed as one table.
//
//   node bench/browser.mjs [--runs N]
//
// Needs `make site` (target/site), jieba-wasm from npm (a dev dependency, for comparison only)
// and, for the 1 MB figures, ../shared/eval (or $ZHAIYAO_SHARED); without it the 1 MB text is
// built from the project's own example articles.
import { readFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { brotliCompressSync, constants } from "node:zlib";
import { join } from "node:path";
import { startServer } from "../tests/e2e/server.mjs";
import { launch, launchProfile, requireSite, ROOT, SITE } from "../tests/e2e/helpers.mjs";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 11;
const shared = process.env.ZHAIYAO_SHARED ? join(ROOT, process.env.ZHAIYAO_SHARED) : join(ROOT, "..", "shared");
const jiebaDir = join(ROOT, "node_modules", "jieba-wasm", "pkg", "web");

requireSite();
if (!existsSync(jiebaDir)) throw new Error("jieba-wasm is missing: run `npm ci`");

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
    .length;

function articleText() {
  const xuhui = join(shared, "examples", "xuhui-ai-interview.zh.txt");
  if (existsSync(xuhui)) return { name: "xuhui-ai-interview.zh.txt", text: readFileSync(xuhui, "utf8") };
  return { name: "data/example.zh.txt (no ../shared)", text: readFileSync(join(ROOT, "data", "example.zh.txt"), "utf8") };
}

/** About 1 MB of distinct Chinese news text, starting at a different document each time. */
function megabyte(offset) {
  const evalDir = join(shared, "eval");
  let texts = [];
  if (existsSync(evalDir)) {
    for (const file of readdirSync(evalDir).filter((f) => f.startsWith("zh_") && f.endsWith(".jsonl")).sort()) {
      for (const line of readFileSync(join(evalDir, file), "utf8").split("\n")) {
        if (line.trim()) texts.push(JSON.parse(line).text);
      }
    }
  }
  if (!texts.length) texts = [readFileSync(join(ROOT, "data", "example.zh.txt"), "utf8")];
  let out = "";
  for (let i = 0; Buffer.byteLength(out) < 1 << 20; i++) out += `${texts[(i + offset) % texts.length]}\n\n`;
  return out;
}

const server = await startServer({
  root: SITE,
  // Cacheable, as a real server or CDN would send it, so the "warm HTTP cache" case is real.
  headers: { "Cache-Control": "public, max-age=3600" },
  pages: Object.fromEntries(
    readdirSync(jiebaDir).map((f) => [`/jieba/${f}`, { body: readFileSync(join(jiebaDir, f)) }]),
  ),
});
const browser = await launch();
const { name: articleName, text: article } = articleText();

/** A fresh page (fresh JS realm and wasm instance); `context` decides whether the HTTP cache is warm. */
async function freshPage(context) {
  const page = await context.newPage();
  await page.goto(server.url("/examples/example.zh.txt"));
  return page;
}

const zhaiyaoColdStart = (page, text) =>
  page.evaluate(async (text) => {
    const t = [performance.now()];
    const m = await import("/pkg/zhaiyao.js");
    t.push(performance.now());
    const wasm = await m.default();
    t.push(performance.now());
    const s = await m.Summarizer.load();
    t.push(performance.now());
    const r = s.summarize(text, { sentences: 3, keywords: 20 });
    t.push(performance.now());
    if (r.sentences.length !== 3 || r.keywords.length !== 20) throw new Error("no summary");
    const phases = t.slice(1).map((end, i) => end - t[i]);
    return { ms: t[4] - t[0], phases, memory: wasm.memory.buffer.byteLength };
  }, text);

const jiebaColdStart = (page, text) =>
  page.evaluate(async (text) => {
    const t0 = performance.now();
    const m = await import("/jieba/jieba_rs_wasm.js");
    await m.default();
    const words = m.cut(text, true);
    const ms = performance.now() - t0;
    if (!words.length) throw new Error("no cut");
    return { ms };
  }, text);

const workerStart = (page, text) =>
  page.evaluate(async (text) => {
    const t0 = performance.now();
    const worker = new Worker("/pkg/zhaiyao-worker.js", { type: "module" });
    const result = await new Promise((resolve, reject) => {
      worker.onmessage = (e) => (e.data.id === 1 ? resolve(e.data) : null);
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage({ id: 1, op: "summarize", text, options: { sentences: 3, keywords: 20 } });
    });
    const ms = performance.now() - t0;
    worker.terminate();
    if (result.error) throw new Error(result.error);
    return { ms };
  }, text);

/**
 * What any page pays before a library can do anything: moving bytes from the server or the HTTP
 * cache into the page: each module's bytes alone (no compile), in alternating order, and a 1 KB
 * file for the fixed cost of one fetch.
 */
const fetchFloor = (page, zhaiyaoFirst = true) =>
  page.evaluate(async (zhaiyaoFirst) => {
    const time = async (url) => {
      const t0 = performance.now();
      await (await fetch(url)).arrayBuffer();
      return performance.now() - t0;
    };
    const urls = { zhaiyao: "/pkg/zhaiyao_bg.wasm", jieba: "/jieba/jieba_rs_wasm_bg.wasm" };
    const times = { tiny: await time("/pkg/package.json") };
    for (const name of zhaiyaoFirst ? ["zhaiyao", "jieba"] : ["jieba", "zhaiyao"]) times[name] = await time(urls[name]);
    return times;
  }, zhaiyaoFirst);

/**
 * `mode`: "empty" (a new browser context for every load: nothing cached), "http" (one context,
 * warmed first: the wasm comes from the HTTP cache) or "profile" (a persistent browser profile,
 * warmed first: as a returning reader's browser, whose cache also keeps the compiled wasm that
 * Chromium's code cache stores for a profile on disk, and never for Playwright's in-memory
 * contexts).
 */
async function coldStarts(mode) {
  const figures = { zhaiyao: [], phases: [], jieba: [], worker: [], memory: [], floor: [] };
  const warmCache = mode !== "empty";
  let profileDir = null;
  let context;
  if (mode === "profile") {
    profileDir = mkdtempSync(join(tmpdir(), "zhaiyao-bench-"));
    context = await launchProfile(profileDir);
  } else {
    context = await browser.newContext();
  }
  if (warmCache) {
    const page = await freshPage(context);
    await zhaiyaoColdStart(page, article);
    await jiebaColdStart(page, article);
    await workerStart(page, article);
    await fetchFloor(page);
    await page.close();
    // Chromium writes a module's compiled code to the cache a moment after it was optimised.
    if (mode === "profile") await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  for (let i = 0; i < runs; i++) {
    if (!warmCache) {
      await context.close();
      context = await browser.newContext();
    }
    // With an empty cache, in a context of its own, so that it leaves nothing cached for the rest.
    const floorContext = warmCache ? context : await browser.newContext();
    const floorPage = await freshPage(floorContext);
    figures.floor.push(await fetchFloor(floorPage, i % 2 === 0));
    await (warmCache ? floorPage.close() : floorContext.close());
    // Alternate which goes first, so neither always pays for a busier moment.
    const page = await freshPage(context);
    const pair = i % 2 ? [jiebaColdStart, zhaiyaoColdStart] : [zhaiyaoColdStart, jiebaColdStart];
    const page2 = await freshPage(context);
    const a = await pair[0](page, article);
    const b = await pair[1](page2, article);
    const [z, j] = i % 2 ? [b, a] : [a, b];
    figures.zhaiyao.push(z.ms);
    figures.phases.push(z.phases);
    figures.memory.push(z.memory);
    figures.jieba.push(j.ms);
    await page.close();
    await page2.close();
    const workerPage = await freshPage(context);
    figures.worker.push((await workerStart(workerPage, article)).ms);
    await workerPage.close();
  }
  await context.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  return figures;
}

async function throughput() {
  const context = await browser.newContext();
  const page = await freshPage(context);
  const texts = [megabyte(0), megabyte(97), megabyte(211)];
  const figures = await page.evaluate(
    async ({ texts, runs, article }) => {
      const m = await import("/pkg/zhaiyao.js");
      await m.default();
      const j = await import("/jieba/jieba_rs_wasm.js");
      await j.default();
      const bytes = new TextEncoder().encode(texts[0]).length;
      const time = (f) => {
        const t0 = performance.now();
        f();
        return performance.now() - t0;
      };
      // A fresh article: a new summarizer and text, all its dictionary work included.
      const fresh = [];
      for (const text of texts.slice(1)) {
        const s = await m.Summarizer.load();
        fresh.push(time(() => s.summarize(text, { sentences: 3, keywords: 20 })));
        s.free();
      }
      const s = await m.Summarizer.load();
      s.summarize(texts[0], { sentences: 3, keywords: 20 });
      const warm = [];
      const cut = [];
      for (let i = 0; i < runs; i++) {
        warm.push(time(() => s.summarize(texts[0], { sentences: 3, keywords: 20 })));
        cut.push(time(() => j.cut(texts[0], true)));
      }
      // The cold start's first summary (a new summarizer, so all its dictionary work) once the
      // browser has optimised the code: what is left of it without the baseline tier.
      const optimisedFirst = [];
      for (let i = 0; i < runs; i++) {
        const summarizer = await m.Summarizer.load();
        optimisedFirst.push(time(() => summarizer.summarize(article, { sentences: 3, keywords: 20 })));
        summarizer.free();
      }
      const example = await (await fetch("/examples/example.zh.txt")).text();
      const analysis = s.analyze(example);
      const reselect = [];
      for (let i = 0; i < 200; i++) {
        const options = i % 3 === 0 ? { sentences: 1 + (i % 7) } : i % 3 === 1 ? { ratio: 0.1 + (i % 5) / 10 } : { chars: 50 + i };
        reselect.push(time(() => analysis.select(options)));
      }
      return { bytes, fresh, warm, cut, reselect, optimisedFirst };
    },
    { texts, runs, article },
  );
  await context.close();
  return figures;
}

/** Every file the widget fetches to summarise the Chinese example, as recorded in the page. */
async function downloads() {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The server's own log: it sees the worker's requests too (the glue and the wasm).
  const logged = server.requests.length;
  const example = readFileSync(join(ROOT, "data", "example.zh.txt"), "utf8");
  const escaped = example.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  await page.route(server.url("/bench.html"), (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><meta charset="utf-8"><script type="module" src="/pkg/zhaiyao-summary.js"></script>
<article id="a">${escaped}</article><zhaiyao-summary for="a"></zhaiyao-summary>`,
    }),
  );
  await page.goto(server.url("/bench.html"));
  await page.waitForFunction(
    () => {
      const widget = document.querySelector("zhaiyao-summary");
      return widget?.state === "ready" && widget.summary?.sentences.length > 0;
    },
    null,
    { timeout: 60000 },
  );
  await context.close();
  const paths = new Set(server.requests.slice(logged).map((r) => r.path).filter((p) => p.startsWith("/pkg/")));
  return [...paths].sort().map((path) => {
    const bytes = readFileSync(join(SITE, path));
    return { path, raw: bytes.length, brotli: brotli(bytes) };
  });
}

/** Criterion's medians from `cargo bench`, if it ran. */
function criterion() {
  const dir = join(ROOT, "target", "criterion");
  if (!existsSync(dir)) return [];
  const rows = [];
  const walk = (path, name) => {
    const estimates = join(path, "new", "estimates.json");
    if (existsSync(estimates)) {
      const { median: m } = JSON.parse(readFileSync(estimates, "utf8"));
      const { throughput } = JSON.parse(readFileSync(join(path, "new", "benchmark.json"), "utf8"));
      rows.push({ name, ms: m.point_estimate / 1e6, bytes: throughput?.Bytes });
      return;
    }
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== "report") walk(join(path, entry.name), name ? `${name}/${entry.name}` : entry.name);
    }
  };
  walk(dir, "");
  return rows;
}

try {
  const cold = await coldStarts("empty");
  const warm = await coldStarts("http");
  const profile = await coldStarts("profile");
  const speed = await throughput();
  const files = await downloads();

  const ms = (v) => `${v.toFixed(1)} ms`;
  const mbps = (bytes, v) => `${(bytes / 1e6 / (v / 1000)).toFixed(1)} MB/s`;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const rows = [];
  const row = (figure, zhaiyao, jieba = "", ratio = "") => rows.push([figure, zhaiyao, jieba, ratio]);
  const cases = [
    ["cold start, empty HTTP cache", cold],
    ["cold start, wasm in HTTP cache", warm],
    ["cold start, a returning reader's browser profile (HTTP and code cache)", profile],
  ];
  for (const [label, f] of cases) {
    const z = median(f.zhaiyao);
    const j = median(f.jieba);
    row(`${label} (${articleName}): import+init+load+summarize vs import+init+cut`, ms(z), ms(j), `${(z / j).toFixed(3)}×`);
    const phase = (i) => median(f.phases.map((p) => p[i])).toFixed(1);
    row(`  …of which import / init (fetch, compile) / load / first summary`, `${phase(0)} / ${phase(1)} / ${phase(2)} / ${phase(3)} ms`);
    row(`  …the same through the worker (start + first summary)`, ms(median(f.worker)));
    const floor = (key) => median(f.floor.map((x) => x[key]));
    row(`  …floor: fetching each wasm's bytes alone, no compile (ratio: ours to jieba-wasm's cold start)`, ms(floor("zhaiyao")), ms(floor("jieba")), `${(floor("zhaiyao") / j).toFixed(3)}×`);
    row(`  …floor: fetching a 1 KB file`, ms(floor("tiny")));
  }
  row("  …the first summary alone once the code is optimised (a new summarizer, after the 1 MB runs)", ms(median(speed.optimisedFirst)));
  row("wasm memory after the first summary", kb(median(cold.memory)));
  const warmMs = median(speed.warm);
  const cutMs = median(speed.cut);
  row("1 MB Chinese, warm: summary + keywords vs cut", mbps(speed.bytes, warmMs), mbps(speed.bytes, cutMs), `${(cutMs / warmMs).toFixed(2)}× faster`);
  row("1 MB Chinese, fresh article (new summarizer, its dictionary work included)", mbps(speed.bytes, median(speed.fresh)));
  row("re-select on the example article (Analysis.select)", `${median(speed.reselect).toFixed(3)} ms`);
  for (const file of files) row(`download ${file.path} (brotli -q 11)`, kb(file.brotli), "", `${kb(file.raw)} raw`);
  const jiebaBytes = ["jieba_rs_wasm_bg.wasm", "jieba_rs_wasm.js"].reduce((n, f) => n + brotli(readFileSync(join(jiebaDir, f))), 0);
  const total = files.reduce((n, f) => n + f.brotli, 0);
  row("download total for a Chinese article, brotli -q 11", kb(total), kb(jiebaBytes), `${(total / jiebaBytes).toFixed(2)}×`);
  const english = readFileSync(join(SITE, "pkg", "idf-en.bin"));
  row("  + /pkg/idf-en.bin, loaded only for English text (brotli -q 11)", kb(brotli(english)), "", `${kb(english.length)} raw`);
  for (const { name, ms: m, bytes } of criterion()) row(`native (criterion median): ${name}`, bytes ? `${ms(m)} = ${mbps(bytes, m)}` : ms(m));

  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ["figure", "zhaiyao", "jieba-wasm 2.4.0", "ratio"][i].length));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(`\nmedians of ${runs} fresh page loads each, headless Chromium (${browser.version()})\n`);
  console.log(line(["figure", "zhaiyao", "jieba-wasm 2.4.0", "ratio"]));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const r of rows) console.log(line(r));
} finally {
  await browser.close();
  await server.close();
}
