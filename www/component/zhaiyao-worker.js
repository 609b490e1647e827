// The zhaiyao module Worker: owns the page's single wasm instance, so loading the dictionary and
// analysing a long article never block the page.
//
// Protocol (every request carries a numeric `id`; the reply echoes it):
//   { id, op: "init", wasmUrl?, userDict?, stopWords? }   -> { id, result: { ready: true, defaults } }
//   { id, op: "analyze", text, lang?, select? }           -> { id, result: AnalyzeResult }
//   { id, op: "select", handle, options }                 -> { id, result: Summary }
//   { id, op: "summarize", text, options }                -> { id, result: Summary }
//   { id, op: "release", handle }                         -> { id, result: { released: boolean } }
// or, on any failure, { id, error: { message, code?, …fields } } (the engine's Error: its `code`
// and fields, see ZhaiyaoError). An error never stops the worker: the next request is served as
// usual.
//
// AnalyzeResult = { handle, lang, count, maxScore, length: { chars, words },
//                   offsets: Uint32Array [start0, end0, start1, end1, …] (UTF-16 offsets of every
//                   sentence, transferred, not copied), scores: Float64Array (every sentence's
//                   score, transferred), summary? (when `select` was given) }
import init, { Summarizer, defaults, loadEnglish } from "./index.js";
import { measure } from "./zhaiyao-measure.js";

/** @type {Promise<import("./index.js").Summarizer> | null} */
let summarizer = null;
/** Analyses kept for `select`, by handle. */
const analyses = new Map();
let nextHandle = 1;

/** The English table's URL when the page gave the assets' location; else the package's own. */
let englishUrl;
/** @type {Promise<void> | null} */
let english = null;

/** A text with at least this many English words fetches the English table. */
const ENGLISH_WORDS = 30;

function hasEnglish(text) {
  const words = /[A-Za-z]{3,}/g;
  for (let n = 0; n < ENGLISH_WORDS; n++) if (!words.exec(text)) return false;
  return true;
}

/**
 * The English IDF table is a separate file (idf-en.bin), fetched only for a text with real
 * English in it, so that a page of Chinese never downloads it (a few English names in Chinese
 * text do without: they share one IDF). If it cannot be had, English is still summarised, with
 * one IDF for every word.
 */
function ensureEnglish(text) {
  if (english || !hasEnglish(text)) return english ?? Promise.resolve();
  english = loadEnglish(englishUrl).catch(() => {
    english = null;
  });
  return english;
}

function load(message) {
  if (!summarizer) {
    summarizer = (async () => {
      const wasmUrl = message && message.wasmUrl;
      if (wasmUrl) englishUrl = new URL("idf-en.bin", wasmUrl);
      await init(wasmUrl ? { module_or_path: wasmUrl } : undefined);
      const options = {};
      if (message && typeof message.userDict === "string") options.userDict = message.userDict;
      if (message && Array.isArray(message.stopWords)) options.stopWords = message.stopWords;
      return Summarizer.load(options);
    })();
    // A failed load (a missing wasm file, a bad user dictionary) may be retried by the next init.
    summarizer.catch(() => {
      summarizer = null;
    });
  }
  return summarizer;
}

function analysisOf(handle) {
  const analysis = analyses.get(handle);
  if (!analysis) throw new Error(`no analysis ${handle}: it was released or never made`);
  return analysis;
}

async function handle(message) {
  switch (message.op) {
    case "init":
      await load(message);
      // The engine's defaults, for the page to read rather than declare again.
      return { result: { ready: true, defaults: defaults() } };
    case "analyze": {
      const s = await load(null);
      const text = String(message.text ?? "");
      await ensureEnglish(text);
      const analysis = s.analyze(text, message.lang ? { lang: message.lang } : undefined);
      const handle = nextHandle++;
      analyses.set(handle, analysis);
      try {
        // Typed arrays from wasm: no object per sentence, even for a 10 MB article.
        const offsets = analysis.offsets();
        const scores = analysis.scores();
        let maxScore = 0;
        for (const score of scores) if (score > maxScore) maxScore = score;
        const summary = message.select ? analysis.select(message.select) : undefined;
        const result = {
          handle,
          lang: analysis.lang,
          count: scores.length,
          offsets,
          scores,
          maxScore,
          length: measure(text),
          summary,
        };
        return {
          result,
          transfer: [offsets.buffer, scores.buffer],
        };
      } catch (error) {
        analyses.delete(handle);
        analysis.free();
        throw error;
      }
    }
    case "select":
      return { result: analysisOf(message.handle).select(message.options) };
    case "summarize": {
      const s = await load(null);
      const text = String(message.text ?? "");
      await ensureEnglish(text);
      return { result: s.summarize(text, message.options) };
    }
    case "release": {
      const analysis = analyses.get(message.handle);
      if (analysis) {
        analyses.delete(message.handle);
        analysis.free();
      }
      return { result: { released: Boolean(analysis) } };
    }
    default:
      throw new Error(`unknown op ${JSON.stringify(message.op)}`);
  }
}

self.addEventListener("message", async (event) => {
  const message = event.data || {};
  const id = message.id;
  try {
    const { result, transfer } = await handle(message);
    self.postMessage({ id, result }, transfer || []);
  } catch (error) {
    // The engine's `code` and fields are own properties of its Error: they survive the copy.
    const data = error && typeof error === "object" ? { ...error, message: error.message } : { message: String(error) };
    self.postMessage({ id, error: data });
  }
});
