// <zhaiyao-summary>: the summary, keywords and "why" of an article, computed in a Worker.
//
//   <script type="module" src="https://example.com/zhaiyao/zhaiyao-summary.js"></script>
//   <article id="post">…</article>
//   <zhaiyao-summary for="post" sentences="3"></zhaiyao-summary>
//
// Attributes: for, sentences | ratio | chars, keywords, lang, ui-lang, theme, highlight, base;
// each is also a property (ui-lang as uiLang). The article's detected language is articleLang.
// See zhaiyao-summary.d.ts for the element's properties and events and zhaiyao-styles.js for
// the CSS custom properties.
//
// Article text only ever reaches the DOM as Text nodes (textContent), never as HTML.
import { getClient } from "./zhaiyao-client.js";
import { extractText, rangeFor } from "./zhaiyao-text.js";
import {
  LANG_NAMES,
  STRINGS,
  chineseScriptOf,
  engineError,
  formatFactor,
  uiLangOf,
  unsupportedNote,
} from "./zhaiyao-strings.js";
import { COMPONENT_CSS, DOCUMENT_CSS } from "./zhaiyao-styles.js";

const MAX_SLIDER_SENTENCES = 20;
const MAX_RANGES = 2000;
const MUTATION_DEBOUNCE_MS = 300;
const READ_RATE = { zh: 400, en: 230 }; // characters / words per minute
// A score factor is shown in the "why" view when |ln factor| exceeds this (outside ×0.82–×1.22):
// density and brevity differ a little for every sentence; only a marked difference says why.
const SIGNAL_THRESHOLD = 0.2;

let componentSheet = null;
let documentSheet = null;

function sheets() {
  if (!componentSheet) {
    componentSheet = new CSSStyleSheet();
    componentSheet.replaceSync(COMPONENT_CSS);
  }
  return [componentSheet];
}

/** The page-level ::highlight() rules, adopted once per document (no <style> element). */
function adoptDocumentSheet(doc) {
  if (!documentSheet) {
    documentSheet = new CSSStyleSheet();
    documentSheet.replaceSync(DOCUMENT_CSS);
  }
  if (doc.adoptedStyleSheets && !doc.adoptedStyleSheets.includes(documentSheet)) {
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, documentSheet];
  }
}

/** The shared Highlight objects, or null where the CSS Custom Highlight API is missing. */
function highlight(name, priority) {
  if (typeof CSS === "undefined" || !CSS.highlights || typeof Highlight !== "function") return null;
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    h.priority = priority;
    CSS.highlights.set(name, h);
  }
  return h;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A stable pseudo-random order so that big and small keywords mix in the cloud. */
function cloudOrder(keywords) {
  const hash = (s) => {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    return h >>> 0;
  };
  return keywords
    .map((k, rank) => ({ k, rank, key: hash(k.word) }))
    .sort((a, b) => a.key - b.key)
    .map(({ k, rank }) => ({ ...k, rank }));
}

function keywordList(summary) {
  return summary.keywords.map((k) => k.word).join("\n");
}

let instances = 0;

/**
 * Properties that reflect attributes, so that frameworks (React 19, Vue, Lit) may set either:
 * name -> [attribute, kind]. `lang` is HTMLElement's own (it reflects the attribute too); the
 * article's detected language is `articleLang`.
 */
const REFLECTED = {
  for: ["for", "string"],
  sentences: ["sentences", "number"],
  ratio: ["ratio", "number"],
  chars: ["chars", "number"],
  keywords: ["keywords", "number"],
  uiLang: ["ui-lang", "string"],
  theme: ["theme", "string"],
  highlight: ["highlight", "boolean"],
  base: ["base", "string"],
};

// Importing this module where there is no DOM (server-side rendering, Node) defines nothing and
// does not throw: the class extends HTMLElement only where there is one.
const ElementBase = typeof HTMLElement === "function" ? HTMLElement : class {};

export class ZhaiyaoSummaryElement extends ElementBase {
  /**
   * The engine's defaults (the wasm's `defaults()`: `{ sentences, keywords, explainedTerms }`),
   * from the worker of the assets location `base` (default: the page's), which this starts if
   * it has not started. What a page shows as a default is read here, never declared again.
   */
  static defaults(base) {
    return getClient(base).defaults();
  }

  static get observedAttributes() {
    return ["for", "sentences", "ratio", "chars", "keywords", "lang", "ui-lang", "theme", "highlight", "base"];
  }

  constructor() {
    super();
    this._uid = ++instances;
    this._state = "idle";
    this._text = null;
    this._segments = [];
    this._analysis = null; // { handle, lang, count, offsets, maxScore, length }
    this._summary = null;
    this._keyword = null;
    this._userBudget = null;
    this._runToken = 0;
    this._selectToken = 0;
    this._ranges = { keyword: [], summary: [] };
    this._visible = false;
    this._debounce = 0;
    this._error = null;

    const root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = sheets();
    this._build(root);
    // A property set before the element was defined is an own property that hides the accessor:
    // hand it to the accessor.
    for (const name of Object.keys(REFLECTED)) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  // ---- public API ---------------------------------------------------------------------------

  /** The current summary (`Summary` of the wasm API), or null. */
  get summary() {
    return this._summary;
  }
  /** The text that was summarised (the source element's text), or null. */
  get text() {
    return this._text;
  }
  /** The article's detected language once analysed ("zh", "en", "fr", …). (`lang` is the `lang` attribute.) */
  get articleLang() {
    return this._analysis ? this._analysis.lang : null;
  }
  /** "idle" | "loading" | "ready" | "error". */
  get state() {
    return this._state;
  }
  /** The picked keyword, or null. */
  get selectedKeyword() {
    return this._keyword;
  }
  /** The UTF-16 [start, end) offsets of every sentence of the text. */
  get sentenceOffsets() {
    const a = this._analysis;
    if (!a) return [];
    const out = [];
    for (let i = 0; i < a.count; i++) out.push([a.offsets[2 * i], a.offsets[2 * i + 1]]);
    return out;
  }
  /** Summarise again now (the source is re-read). */
  refresh() {
    this._text = null;
    return this._run();
  }
  /** Picks (or, with null, clears) a keyword, as a click on it does. */
  selectKeyword(word) {
    this._pickKeyword(word);
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  connectedCallback() {
    adoptDocumentSheet(this.ownerDocument);
    this._renderStrings();
    if (typeof IntersectionObserver === "function") {
      this._io = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this._visible = true;
          this._io.disconnect();
          this._io = null;
          this._run();
        }
      });
      this._io.observe(this);
    } else {
      this._visible = true;
      queueMicrotask(() => this._run());
    }
  }

  disconnectedCallback() {
    if (this._io) this._io.disconnect();
    this._io = null;
    if (this._mo) this._mo.disconnect();
    this._mo = null;
    clearTimeout(this._debounce);
    this._clearRanges("keyword");
    this._clearRanges("summary");
    this._releaseAnalysis();
    this._text = null;
    this._visible = false;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    switch (name) {
      case "ui-lang":
        this._renderStrings();
        this._renderAll();
        break;
      case "sentences":
      case "ratio":
      case "chars":
      case "keywords":
        this._userBudget = null;
        if (this._analysis) this._reselect(true);
        // The analysis failed with this budget (it is part of the request): try again with the new one.
        else if (this._state === "error") this._run();
        break;
      case "for":
      case "lang":
      case "base":
        if (this._visible) this.refresh();
        break;
      case "highlight":
        this._markSummaryInSource();
        break;
      default:
        break;
    }
  }

  // ---- the shadow DOM -----------------------------------------------------------------------

  _build(root) {
    const card = el("section", "card");
    card.setAttribute("part", "card");
    const header = el("header");
    const brand = el("div", "brand");
    const logo = el("span", "logo", "摘");
    logo.setAttribute("aria-hidden", "true");
    this.$title = el("h2", "visually-hidden");
    this.$titleText = el("span", null);
    this.$langBadge = el("span", "lang-badge");
    this.$langBadge.hidden = true;
    brand.append(logo, this.$titleText, this.$langBadge);
    this.$stats = el("div", "stats");
    this.$stats.setAttribute("part", "stats");
    header.append(brand, this.$stats);

    this.$status = el("div", "status");
    this.$status.setAttribute("role", "status");
    this.$status.setAttribute("aria-live", "polite");
    this.$skeleton = el("div", "skeleton");
    this.$skeleton.setAttribute("aria-hidden", "true");
    for (let i = 0; i < 4; i++) this.$skeleton.append(el("span"));

    this.$body = el("div", "body");
    this.$body.hidden = true;

    this.$controls = el("div", "controls");
    this.$sliderLabel = el("label");
    this.$sliderLabel.htmlFor = "length";
    this.$slider = el("input");
    this.$slider.type = "range";
    this.$slider.id = "length";
    this.$slider.min = "1";
    this.$slider.step = "1";
    this.$output = el("output");
    this.$output.htmlFor = "length";
    this.$controls.append(this.$sliderLabel, this.$slider, this.$output);
    this.$slider.addEventListener("input", () => this._onSlider());

    this.$summaryTitle = el("h3", "section-title");
    this.$summaryTitle.id = "summary-title";
    this.$list = el("ol", "summary");
    this.$list.setAttribute("part", "summary");
    this.$list.setAttribute("aria-live", "polite");
    this.$list.setAttribute("aria-labelledby", "summary-title");
    this.$none = el("p", "none");
    this.$none.setAttribute("aria-live", "polite");
    this.$none.hidden = true;

    this.$keywords = el("div", "keywords");
    this.$keywordsTitle = el("h3", "section-title");
    this.$keywordsTitle.id = "keywords-title";
    this.$cloud = el("div", "cloud");
    this.$cloud.setAttribute("role", "group");
    this.$cloud.setAttribute("aria-labelledby", "keywords-title");
    this.$cloud.setAttribute("part", "cloud");
    this.$hint = el("p", "hint");
    this.$hint.setAttribute("aria-live", "polite");
    this.$keywords.append(this.$keywordsTitle, this.$cloud, this.$hint);
    this.$cloud.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-word]");
      if (button) this._pickKeyword(button.dataset.word);
    });

    this.$body.append(this.$controls, this.$summaryTitle, this.$list, this.$none, this.$keywords);

    // With no `for`, the element's own content is the article: shown folded under the card.
    this.$source = el("details", "source");
    this.$sourceLabel = el("summary");
    this.$source.append(this.$sourceLabel, document.createElement("slot"));

    card.append(this.$title, header, this.$status, this.$skeleton, this.$body, this.$source);
    root.append(card);
  }

  _t() {
    return STRINGS[this._uiLang()];
  }

  _uiLang() {
    const browser = uiLangOf(typeof navigator !== "undefined" ? navigator.language : null);
    const article = this._analysis && uiLangOf(this._analysis.lang);
    // A Chinese article: the reader's own Chinese script if the browser says it, else the
    // article's script.
    const chinese = article === "zh" && (browser === "zh" || browser === "zh-Hant" ? browser : chineseScriptOf(this._text));
    return (
      uiLangOf(this.getAttribute("ui-lang")) ||
      uiLangOf(this.getAttribute("lang")) ||
      chinese ||
      article ||
      browser ||
      "en"
    );
  }

  _renderStrings() {
    const t = this._t();
    this.$titleText.textContent = t.title;
    this.$title.textContent = t.title;
    this.$summaryTitle.textContent = t.summary;
    this.$keywordsTitle.textContent = t.keywords;
    this.$sliderLabel.textContent = t.length;
    this.$sourceLabel.textContent = t.source;
    this.$source.hidden = this.hasAttribute("for");
    if (!this._keyword) this.$hint.textContent = t.keywordHint;
    this._renderStatus();
  }

  _setState(state) {
    this._state = state;
    this.setAttribute("state", state);
    this.$skeleton.hidden = state !== "loading";
    this.$body.hidden = state !== "ready" || !this._analysis;
    this.$langBadge.hidden = state !== "ready" || !this._analysis;
  }

  /** The status line of the current state, in the current UI language. */
  _renderStatus() {
    const lang = this._uiLang();
    const t = STRINGS[lang];
    if (this._state === "loading") {
      this._setStatus(t[this._loadingKey], true);
    } else if (this._state === "error" && unsupportedNote(lang, this._error)) {
      this._setStatus(unsupportedNote(lang, this._error)); // a note, not an error
    } else if (this._state === "error") {
      const error = this._error;
      this._setStatus(t.error + (error.localise ? error.localise(t) : engineError(lang, error)), false, true);
    } else if (this._state === "ready" && !this._analysis && this._text != null) {
      this._setStatus(t.empty); // the text is blank
    } else {
      this._setStatus("");
    }
  }

  _setStatus(text, busy, isError) {
    this.$status.replaceChildren();
    this.$status.classList.toggle("error", Boolean(isError));
    this.$status.setAttribute("role", isError ? "alert" : "status");
    if (!text) return;
    if (busy) {
      const spin = el("span", "spinner");
      spin.setAttribute("aria-hidden", "true");
      this.$status.append(spin);
    }
    this.$status.append(el("span", null, text));
  }

  // ---- summarising --------------------------------------------------------------------------

  _sourceElement() {
    const id = this.getAttribute("for");
    if (!id) return this;
    const root = this.getRootNode();
    return (root && root.getElementById && root.getElementById(id)) || this.ownerDocument.getElementById(id);
  }

  /**
   * The options of the next selection: the attributes' (or the slider's) length and keyword
   * count. What no attribute gives is left out, so the engine's defaults apply (`defaults()` of
   * the wasm: nothing here declares them again).
   */
  _budget() {
    const budget = {};
    if (this._userBudget) Object.assign(budget, this._userBudget);
    else if (this._number("chars") != null) budget.chars = this._number("chars");
    else if (this._number("ratio") != null) budget.ratio = this._number("ratio");
    else if (this._number("sentences") != null) budget.sentences = this._number("sentences");
    if (this._number("keywords") != null) budget.keywords = this._number("keywords");
    return budget;
  }

  /** A numeric attribute, or null when it is absent or blank. */
  _number(name) {
    const v = this.getAttribute(name);
    return v == null || v.trim() === "" ? null : Number(v);
  }

  _watch(source) {
    if (this._watched === source && this._mo) return;
    if (this._mo) this._mo.disconnect();
    this._watched = source;
    this._mo = new MutationObserver(() => {
      clearTimeout(this._debounce);
      this._debounce = setTimeout(() => this._run(), MUTATION_DEBOUNCE_MS);
    });
    this._mo.observe(source, { childList: true, subtree: true, characterData: true });
  }

  async _run() {
    if (!this.isConnected || !this._visible) return;
    const source = this._sourceElement();
    if (!source) {
      if (this.ownerDocument.readyState === "loading") {
        this.ownerDocument.addEventListener("DOMContentLoaded", () => this._run(), { once: true });
        return;
      }
      const id = this.getAttribute("for");
      this._clearResult();
      this._fail(Object.assign(new Error(`no element with id "${id}"`), { localise: (t) => t.noSource(id) }));
      return;
    }
    this._watch(source);
    const { text, segments } = extractText(source);
    this._segments = segments;
    if (text === this._text && this._analysis) {
      this._markSummaryInSource();
      this._markKeywordInSource();
      return;
    }
    const token = ++this._runToken;
    this._text = text;
    if (!text.trim()) {
      this._clearResult();
      this._setState("ready");
      this._renderStatus();
      return;
    }
    const client = getClient(this.getAttribute("base"));
    this._loadingKey = client.ready ? "analysing" : "loading";
    this._setState("loading");
    this._renderStatus();
    try {
      await client.start();
      if (token !== this._runToken) return;
      this._loadingKey = "analysing";
      this._renderStatus();
      const lang = this.getAttribute("lang");
      const budget = this._budget();
      const result = await client.analyze(text, {
        lang: lang === "zh" || lang === "en" ? lang : undefined,
        select: budget,
      });
      if (token !== this._runToken || !this.isConnected) {
        client.release(result.handle);
        return;
      }
      this._releaseAnalysis();
      this._client = client;
      this._analysis = result;
      this._summary = result.summary;
      this._keyword = null;
      this._error = null;
      this._setState("ready");
      this._renderStrings();
      this._renderAll();
      this._announce();
      // The length or keyword count changed while the text was analysed: select again with it.
      if (JSON.stringify(this._budget()) !== JSON.stringify(budget)) this._reselect(true);
    } catch (error) {
      if (token === this._runToken) {
        this._clearResult();
        this._fail(error);
      }
    }
  }

  /** Forgets the previous text's analysis and what was shown of it. */
  _clearResult() {
    this._releaseAnalysis();
    this._summary = null;
    this._keyword = null;
    this.$stats.replaceChildren();
    this._clearRanges("keyword");
    this._clearRanges("summary");
  }

  _fail(error) {
    this._error = error;
    this._setState("error");
    this._renderStatus();
    this.dispatchEvent(
      new CustomEvent("zhaiyao-error", {
        detail: { message: error.message, code: error.code },
        bubbles: true,
        composed: true,
      }),
    );
  }

  _releaseAnalysis() {
    if (this._analysis && this._client) this._client.release(this._analysis.handle).catch(() => {});
    this._analysis = null;
  }

  _onSlider() {
    const value = Number(this.$slider.value);
    this._userBudget = this._sliderMode() === "chars" ? { chars: value } : { sentences: value };
    this._updateOutput();
    this._reselect(false);
  }

  async _reselect(resetSlider) {
    const analysis = this._analysis;
    // While a new text is analysed, the analysis at hand is the previous text's: the new one
    // selects with the budget in force when it arrives.
    if (!analysis || this._state === "loading") return;
    const token = ++this._selectToken;
    try {
      const summary = await this._client.select(analysis.handle, this._budget());
      if (token !== this._selectToken || analysis !== this._analysis) return;
      const previous = this._summary;
      this._summary = summary;
      if (this._state === "error") {
        // A good budget after a bad one.
        this._error = null;
        this._setState("ready");
        this._renderStatus();
      }
      if (resetSlider) this._renderSlider();
      this._renderSummary();
      if (!previous || keywordList(previous) !== keywordList(summary)) {
        this._renderCloud();
        if (this._keyword && !this._keywordInfo()) this._pickKeyword(null);
      }
      this._renderStats();
      this._markSummaryInSource();
      this._announce();
    } catch (error) {
      if (token === this._selectToken) this._fail(error);
    }
  }

  _announce() {
    this.dispatchEvent(
      new CustomEvent("zhaiyao-summary", {
        detail: { summary: this._summary, text: this._text, lang: this.articleLang },
        bubbles: true,
        composed: true,
      }),
    );
  }

  // ---- rendering ----------------------------------------------------------------------------

  _renderAll() {
    if (!this._analysis || !this._summary) return;
    this.$langBadge.hidden = false;
    this.$langBadge.textContent = LANG_NAMES[this._analysis.lang] || this._analysis.lang;
    this._renderSlider();
    this._renderSummary();
    this._renderCloud();
    this._renderStats();
    this._markSummaryInSource();
    this._markKeywordInSource();
  }

  _sliderMode() {
    return "chars" in this._budget() ? "chars" : "sentences";
  }

  _renderSlider() {
    const a = this._analysis;
    if (this._sliderMode() === "chars") {
      const total = Math.max(20, a.length.chars);
      const max = Math.min(total, 2000);
      const current = this._budget().chars;
      // The range always holds the budget in force, even one the slider would not offer.
      this.$slider.min = String(Math.min(20, max, current));
      this.$slider.max = String(Math.max(max, current));
      this.$slider.step = "10";
      this.$slider.value = String(current);
    } else {
      const max = Math.max(1, Math.min(a.count, MAX_SLIDER_SENTENCES));
      this.$slider.min = "1";
      this.$slider.max = String(max);
      this.$slider.step = "1";
      this.$slider.value = String(Math.min(max, Math.max(1, this._summary.sentences.length)));
    }
    this.$controls.hidden = a.count < 2;
    this._updateOutput();
  }

  _updateOutput() {
    const t = this._t();
    const v = Number(this.$slider.value);
    const text = this._sliderMode() === "chars" ? t.charsUnit(v) : t.sentencesUnit(v);
    this.$output.textContent = text;
    this.$slider.setAttribute("aria-valuetext", text);
  }

  _renderSummary() {
    const t = this._t();
    const summary = this._summary;
    const maxScore = this._analysis.maxScore || 1;
    const marked = this._markedSentences();
    const items = summary.sentences.map((s, i) => {
      const li = el("li");
      li.dataset.index = String(s.index);
      li.classList.toggle("marked", marked.has(s.index));
      const p = el("p", "sentence-text");
      p.dir = "auto";
      this._fillSentence(p, s.text, marked.has(s.index) ? this._keyword : null);
      const toggle = el("button", "why-toggle", t.why);
      toggle.type = "button";
      const panelId = `why-${i}`;
      toggle.setAttribute("aria-expanded", "false");
      toggle.setAttribute("aria-controls", panelId);
      const panel = el("div", "why");
      panel.id = panelId;
      panel.hidden = true;
      panel.setAttribute("role", "group");
      panel.setAttribute("aria-label", `${t.why} · ${t.sentenceLabel(s.index)}`);
      const relative = Math.round((100 * s.score) / maxScore);
      panel.append(this._meterRow(t.score, s.score / maxScore, `${relative}`, "score"));
      panel.append(el("p", "rank", t.rank(this._rankOf(s), this._analysis.count)));
      const signals = this._signalsOf(s, t);
      if (signals) panel.append(signals);
      const terms = el("div", "terms");
      terms.setAttribute("aria-label", t.terms);
      // The engine gives the top terms only (at most `defaults().explainedTerms`). A term's
      // weight is its part of the score (all the sentence's terms add up to it), so its share is
      // weight / score: the terms shown need not add up to 100%.
      const shown = s.terms;
      const top = Math.max(...shown.map((term) => term.weight), 1e-9);
      for (const term of shown) {
        const share = s.score > 0 ? Math.round((100 * term.weight) / s.score) : 0;
        const row = this._meterRow(term.term, term.weight / top, `${share}%`);
        row.querySelector(".label").dir = "auto";
        terms.append(row);
      }
      panel.append(terms);
      toggle.addEventListener("click", () => {
        const open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        panel.hidden = !open;
        toggle.textContent = open ? t.whyHide : t.why;
      });
      li.append(p, toggle, panel);
      return li;
    });
    this.$list.replaceChildren(...items);
    const none = summary.sentences.length === 0;
    this.$list.hidden = none;
    this.$none.hidden = !none;
    const budget = this._budget();
    this.$none.textContent = none ? ("chars" in budget ? t.nothingFits(budget.chars) : t.empty) : "";
  }

  /** 1 for the best-scored sentence of the article. */
  _rankOf(sentence) {
    const scores = this._analysis.scores;
    let better = 0;
    for (let i = 0; i < scores.length; i++) if (scores[i] > sentence.score) better++;
    return better + 1;
  }

  /**
   * The factors that changed the sentence's score noticeably (position, title, length, …), as
   * boost/penalty chips; null when every factor is about 1.
   */
  _signalsOf(sentence, t) {
    const shown = (sentence.signals || []).filter(
      (g) => Number.isFinite(g.factor) && g.factor > 0 && Math.abs(Math.log(g.factor)) > SIGNAL_THRESHOLD,
    );
    if (shown.length === 0) return null;
    const box = el("div", "signals");
    const caption = el("span", "signals-label", t.signals);
    const list = el("ul");
    list.setAttribute("aria-label", t.signals);
    for (const g of shown) {
      const boost = g.factor > 1;
      const li = el("li", `signal ${boost ? "boost" : "penalty"}`);
      li.dataset.signal = g.name;
      // The title's own line is damped, not "close to the title".
      const name = g.name === "title" && !boost ? "ownTitle" : g.name;
      const detail = t.signalDetails[name]?.(g.value);
      const label = detail ? `${t.signalNames[name] ?? name} · ${detail}` : (t.signalNames[name] ?? name);
      const factor = formatFactor(g.factor);
      li.title = `${label} · ${boost ? t.boost : t.penalty} ${factor}`;
      const arrow = el("span", "arrow", boost ? "↑" : "↓");
      arrow.setAttribute("aria-hidden", "true");
      li.append(
        el("span", "name", label),
        el("span", "factor", factor),
        arrow,
        el("span", "visually-hidden", ` (${boost ? t.boost : t.penalty})`),
      );
      list.append(li);
    }
    box.append(caption, list);
    return box;
  }

  _meterRow(label, value, valueText, extra) {
    const row = el("div", extra ? `meter-row ${extra}` : "meter-row");
    const name = el("span", "label", label);
    name.title = label;
    const bar = el("span", "bar");
    bar.setAttribute("aria-hidden", "true");
    const fill = el("span");
    fill.style.setProperty("--v", String(Math.max(0, Math.min(1, value))));
    bar.append(fill);
    row.append(name, bar, el("span", "value", valueText));
    return row;
  }

  /** The sentence as Text nodes, with the picked keyword's occurrences in <mark>s. */
  _fillSentence(p, text, word) {
    if (!word) {
      p.textContent = text;
      return;
    }
    const pattern = new RegExp(escapeRegExp(word), "giu");
    let last = 0;
    const parts = [];
    for (const m of text.matchAll(pattern)) {
      if (!m[0]) break;
      if (m.index > last) parts.push(document.createTextNode(text.slice(last, m.index)));
      parts.push(el("mark", null, m[0]));
      last = m.index + m[0].length;
    }
    if (last < text.length) parts.push(document.createTextNode(text.slice(last)));
    p.replaceChildren(...parts);
  }

  _renderCloud() {
    const keywords = this._summary.keywords;
    const buttons = cloudOrder(keywords).map((k) => {
      const b = el("button", k.rank < 3 ? "strong" : null, k.word);
      b.type = "button";
      b.dir = "auto";
      b.dataset.word = k.word;
      b.setAttribute("aria-pressed", String(k.word === this._keyword));
      // Size by weight, gently compressed so small words stay readable.
      b.style.setProperty("--w", Math.sqrt(Math.max(0, Math.min(1, k.weight))).toFixed(3));
      return b;
    });
    this.$cloud.replaceChildren(...buttons);
    this.$keywords.hidden = keywords.length === 0;
    if (!this._keyword) this.$hint.textContent = this._t().keywordHint;
  }

  _renderStats() {
    const t = this._t();
    const a = this._analysis;
    const zh = a.lang === "zh";
    const total = zh ? a.length.chars : a.length.words;
    const rate = zh ? READ_RATE.zh : READ_RATE.en;
    const summaryText = this._summary.sentences.map((s) => s.text).join(" ");
    let summaryUnits = 0;
    if (zh) summaryUnits = summaryText.replace(/\s/gu, "").length;
    else summaryUnits = (summaryText.match(/[\p{L}\p{N}'’]+/gu) || []).length;
    const full = total / rate;
    const saved = Math.max(0, (total - summaryUnits) / rate);
    const items = [
      el("span", null, t.articleLength(total, zh ? "chars" : "words")),
      el("span", null, t.readTime(full)),
      el("span", "saved", t.saved(saved)),
    ];
    this.$stats.replaceChildren(...items);
  }

  // ---- keywords and highlights --------------------------------------------------------------

  _keywordInfo() {
    if (!this._keyword || !this._summary) return null;
    return this._summary.keywords.find((k) => k.word === this._keyword) || null;
  }

  _markedSentences() {
    const k = this._keywordInfo();
    return new Set(k ? k.sentences : []);
  }

  _pickKeyword(word) {
    this._keyword = word && word !== this._keyword ? word : null;
    const info = this._keywordInfo();
    if (!info) this._keyword = null;
    for (const b of this.$cloud.querySelectorAll("button[data-word]")) {
      b.setAttribute("aria-pressed", String(b.dataset.word === this._keyword));
    }
    if (this._summary) this._renderSummary();
    const t = this._t();
    if (info) {
      const inSummary = this._summary.sentences.some((s) => info.sentences.includes(s.index));
      this.$hint.textContent = t.marked(info.word, info.sentences.length) + (inSummary ? "" : t.notInSummary);
    } else {
      this.$hint.textContent = t.keywordHint;
    }
    this._markKeywordInSource();
    this.dispatchEvent(
      new CustomEvent("zhaiyao-keyword", {
        detail: { word: this._keyword, sentences: info ? info.sentences : [] },
        bubbles: true,
        composed: true,
      }),
    );
  }

  _rangesFor(indices) {
    const a = this._analysis;
    const ranges = [];
    if (!a) return ranges;
    for (const i of indices) {
      if (ranges.length >= MAX_RANGES) break;
      if (i < 0 || i >= a.count) continue;
      const range = rangeFor(this._segments, a.offsets[2 * i], a.offsets[2 * i + 1]);
      if (range) ranges.push(range);
    }
    return ranges;
  }

  _clearRanges(kind) {
    const h = highlight(`zhaiyao-${kind}`, kind === "keyword" ? 2 : 1);
    if (h) for (const r of this._ranges[kind]) h.delete(r);
    this._ranges[kind] = [];
  }

  _setRanges(kind, ranges) {
    this._clearRanges(kind);
    const h = highlight(`zhaiyao-${kind}`, kind === "keyword" ? 2 : 1);
    if (!h) return; // No CSS Custom Highlight API: the summary alone shows the marks.
    for (const r of ranges) h.add(r);
    this._ranges[kind] = ranges;
  }

  _markKeywordInSource() {
    const info = this._keywordInfo();
    this._setRanges("keyword", info ? this._rangesFor(info.sentences) : []);
  }

  _markSummaryInSource() {
    const on = this.hasAttribute("highlight") && this._summary;
    this._setRanges("summary", on ? this._rangesFor(this._summary.sentences.map((s) => s.index)) : []);
  }
}

for (const [name, [attribute, kind]] of Object.entries(REFLECTED)) {
  Object.defineProperty(ZhaiyaoSummaryElement.prototype, name, {
    configurable: true,
    enumerable: true,
    get() {
      if (kind === "boolean") return this.hasAttribute(attribute);
      const value = this.getAttribute(attribute);
      if (kind === "string" || value == null) return value;
      return value.trim() === "" ? null : Number(value);
    },
    set(value) {
      if (kind === "boolean" ? !value : value == null) this.removeAttribute(attribute);
      else this.setAttribute(attribute, kind === "boolean" ? "" : String(value));
    },
  });
}

if (typeof customElements !== "undefined" && !customElements.get("zhaiyao-summary")) {
  customElements.define("zhaiyao-summary", ZhaiyaoSummaryElement);
}
