// What <zhaiyao-summary> does, with no DOM: its state machine, requests, analysis, budget and keyword.
//
// The analyse/select state machine, the requests to the worker's client, the analysis handle,
// the length budget (attributes or slider) and the picked keyword.
//
// The controller never touches a document: the element gives it the source's text and the
// attributes' values, and it tells the element what changed through `onChange(kind, detail)`:
//   "state"    the state ("idle" | "loading" | "ready" | "error") or the loading step changed
//   "cleared"  the previous text's result was forgotten
//   "analysed" a new text's analysis and first summary are in
//   "selected" a new summary of the same analysis: { resetSlider, keywordsChanged }
//   "keyword"  the picked keyword changed: { word, sentences }
//   "summary"  a summary to announce (after "analysed" or "selected")
//   "error"    a request failed: the Error (also kept as `error`)
// so that it can be tested in Node with any client that speaks zhaiyao-client.js's API
// (`ready`, `start()`, `analyze(text, { lang, select })`, `select(handle, options)`, `release(handle)`).
// Its one import, the length count, is as free of the DOM as it is.
import { measure } from "./zhaiyao-measure.js";

/** The slider offers at most this many sentences. */
const MAX_SLIDER_SENTENCES = 20;
/** Reading speed: characters (Chinese) or words (other languages) per minute. */
const READ_RATE = { zh: 400, en: 230 };

function keywordList(summary) {
  return summary.keywords.map((k) => k.word).join("\n");
}

export class SummaryController {
  /**
   * @param {{ getClient: (base: string | null) => object, onChange?: (kind: string, detail?: unknown) => void }} options
   *   `getClient(base)`: the client for an assets location (zhaiyao-client.js's `getClient`).
   */
  constructor({ getClient, onChange = () => {} }) {
    this.getClient = getClient;
    this.onChange = onChange;
    /** "idle" | "loading" | "ready" | "error". */
    this.state = "idle";
    /** While loading, what is being waited for: "loading" (the engine) or "analysing" (the text). */
    this.loadingKey = "loading";
    /** The text of the last run, or null. */
    this.text = null;
    /** { handle, lang, count, offsets, scores, maxScore, length } of the worker, or null. */
    this.analysis = null;
    /** The current `Summary`, or null. */
    this.summary = null;
    /** The picked keyword, or null. */
    this.keyword = null;
    /** The last failure, or null. */
    this.error = null;
    this._client = null;
    /** The attributes' length and keyword count: { sentences, ratio, chars, keywords } (null: not given). */
    this._request = {};
    /** The slider's length, which overrides the attributes' until they change. */
    this._userBudget = null;
    this._runToken = 0;
    this._selectToken = 0;
  }

  // ---- what the element asks ----------------------------------------------------------------

  /** Whether `text` is the text already analysed (nothing to run). */
  holds(text) {
    return text === this.text && this.analysis !== null;
  }

  /**
   * Analyses `text` and selects its first summary; a later run, or `stop()`, makes this one moot
   * (its result is released unseen). `lang` is the `lang` attribute; `base` the assets location.
   * @param {string} text
   * @param {{ base?: string | null, lang?: string | null }} [options]
   */
  async run(text, { base = null, lang = null } = {}) {
    const token = ++this._runToken;
    // A selection under way is of the previous text: its reply is moot.
    this._selectToken++;
    this.text = text;
    if (!text.trim()) {
      this._clearResult();
      this._setState("ready");
      return;
    }
    const client = this.getClient(base);
    this.loadingKey = client.ready ? "analysing" : "loading";
    this._setState("loading");
    try {
      await client.start();
      if (token !== this._runToken) return;
      this.loadingKey = "analysing";
      this._emit("state");
      const budget = this.budget();
      const result = await client.analyze(text, {
        lang: lang === "zh" || lang === "en" ? lang : undefined,
        select: budget,
      });
      if (token !== this._runToken) {
        client.release(result.handle).catch(() => {});
        return;
      }
      this._releaseAnalysis();
      this._client = client;
      this.analysis = result;
      this.summary = result.summary;
      this.keyword = null;
      this.error = null;
      this._setState("ready");
      this._emit("analysed");
      this._emit("summary");
      // The length or keyword count changed while the text was analysed: select again with it.
      if (JSON.stringify(this.budget()) !== JSON.stringify(budget)) this.reselect(true);
    } catch (error) {
      if (token === this._runToken) {
        this._clearResult();
        this._fail(error);
      }
    }
  }

  /** Fails without asking the engine (e.g. the source element is missing): the result is forgotten. */
  failWith(error) {
    this._selectToken++;
    this._clearResult();
    this._fail(error);
  }

  /** The element left the page: a run under way is moot, the analysis is released. */
  stop() {
    this._runToken++;
    this._selectToken++;
    this._releaseAnalysis();
    this.text = null;
  }

  /**
   * The attributes' length and keyword count changed (`sentences`, `ratio`, `chars`, `keywords`;
   * null where absent): the slider's choice is dropped and the analysis selects again. True when
   * there is no analysis because it failed with the old ones: the caller runs again.
   * @param {{ sentences?: number | null, ratio?: number | null, chars?: number | null, keywords?: number | null }} request
   */
  setRequest(request) {
    this._request = { ...request };
    this._userBudget = null;
    if (this.analysis) {
      this.reselect(true);
      return false;
    }
    return this.state === "error";
  }

  /** The slider moved to `value` (sentences or characters, as `slider().mode` says). */
  setSliderValue(value) {
    this._userBudget = this.sliderMode() === "chars" ? { chars: value } : { sentences: value };
    return this.reselect(false);
  }

  /**
   * Picks `word`, or clears the pick (with null, the picked word again, or a word that is not
   * among the keywords).
   */
  pickKeyword(word) {
    this.keyword = word && word !== this.keyword ? word : null;
    const info = this.keywordInfo();
    if (!info) this.keyword = null;
    this._emit("keyword", { word: this.keyword, sentences: info ? info.sentences : [] });
  }

  /** Selects a summary of the current analysis with the budget in force. */
  async reselect(resetSlider) {
    const analysis = this.analysis;
    // While a new text is analysed, the analysis at hand is the previous text's: the new one
    // selects with the budget in force when it arrives.
    if (!analysis || this.state === "loading") return;
    const token = ++this._selectToken;
    // A reply (or error, such as "no analysis N" for a released handle) is shown only while it
    // answers the latest selection of the analysis in force: a new text, a blank one, a missing
    // source or stop() make it moot.
    const current = () => token === this._selectToken && analysis === this.analysis;
    try {
      const summary = await this._client.select(analysis.handle, this.budget());
      if (!current()) return;
      const previous = this.summary;
      this.summary = summary;
      if (this.state === "error") {
        // A good budget after a bad one.
        this.error = null;
        this._setState("ready");
      }
      const keywordsChanged = !previous || keywordList(previous) !== keywordList(summary);
      this._emit("selected", { resetSlider, keywordsChanged });
      if (keywordsChanged && this.keyword && !this.keywordInfo()) this.pickKeyword(null);
      this._emit("summary");
    } catch (error) {
      if (current()) this._fail(error);
    }
  }

  // ---- what the view reads ------------------------------------------------------------------

  /**
   * The options of the next selection: the slider's or the attributes' length, and the keyword
   * count. What is not given is left out, so the engine's defaults apply (`defaults()` of the
   * wasm: nothing here declares them again).
   */
  budget() {
    const budget = {};
    const r = this._request;
    if (this._userBudget) Object.assign(budget, this._userBudget);
    else if (r.chars != null) budget.chars = r.chars;
    else if (r.ratio != null) budget.ratio = r.ratio;
    else if (r.sentences != null) budget.sentences = r.sentences;
    if (r.keywords != null) budget.keywords = r.keywords;
    return budget;
  }

  /** What the slider measures: "chars" when the length is a number of characters, else "sentences". */
  sliderMode() {
    return "chars" in this.budget() ? "chars" : "sentences";
  }

  /**
   * The slider for the current analysis and summary: `{ mode, min, max, step, value, shown }`
   * (shown: the text has two sentences or more).
   */
  slider() {
    const a = this.analysis;
    const mode = this.sliderMode();
    const shown = a.count >= 2;
    if (mode === "chars") {
      const max = Math.min(Math.max(20, a.length.chars), 2000);
      const current = this.budget().chars;
      // The range always holds the budget in force, even one the slider would not offer.
      return { mode, min: Math.min(20, max, current), max: Math.max(max, current), step: 10, value: current, shown };
    }
    const max = Math.max(1, Math.min(a.count, MAX_SLIDER_SENTENCES));
    return { mode, min: 1, max, step: 1, value: Math.min(max, Math.max(1, this.summary.sentences.length)), shown };
  }

  /** The UTF-16 [start, end) offsets of every sentence of the text. */
  sentenceOffsets() {
    const a = this.analysis;
    if (!a) return [];
    const out = [];
    for (let i = 0; i < a.count; i++) out.push([a.offsets[2 * i], a.offsets[2 * i + 1]]);
    return out;
  }

  /** The sentence's rank among all the article's sentences by score (1: the best). */
  rankOf(sentence) {
    const scores = this.analysis.scores;
    let better = 0;
    for (let i = 0; i < scores.length; i++) if (scores[i] > sentence.score) better++;
    return better + 1;
  }

  /** The picked keyword's `Keyword` of the current summary, or null. */
  keywordInfo() {
    if (!this.keyword || !this.summary) return null;
    return this.summary.keywords.find((k) => k.word === this.keyword) || null;
  }

  /** The indices of the sentences that hold the picked keyword. */
  markedSentences() {
    const k = this.keywordInfo();
    return new Set(k ? k.sentences : []);
  }

  /**
   * The stats line: the article's length (`unit` "chars" for Chinese, else "words"), the minutes
   * it takes to read and the minutes the summary saves.
   */
  readingStats() {
    const a = this.analysis;
    const zh = a.lang === "zh";
    const total = zh ? a.length.chars : a.length.words;
    const rate = zh ? READ_RATE.zh : READ_RATE.en;
    const summaryText = this.summary.sentences.map((s) => s.text).join(" ");
    // Counted as the worker counts the article.
    const summaryUnits = measure(summaryText)[zh ? "chars" : "words"];
    return {
      total,
      unit: zh ? "chars" : "words",
      minutes: total / rate,
      saved: Math.max(0, (total - summaryUnits) / rate),
    };
  }

  // ---- inside -------------------------------------------------------------------------------

  _emit(kind, detail) {
    this.onChange(kind, detail);
  }

  _setState(state) {
    this.state = state;
    this._emit("state");
  }

  _fail(error) {
    this.error = error;
    this._setState("error");
    this._emit("error", error);
  }

  /** Forgets the previous text's analysis and what was shown of it. */
  _clearResult() {
    this._releaseAnalysis();
    this.summary = null;
    this.keyword = null;
    this._emit("cleared");
  }

  _releaseAnalysis() {
    if (this.analysis && this._client) this._client.release(this.analysis.handle).catch(() => {});
    this.analysis = null;
  }
}
