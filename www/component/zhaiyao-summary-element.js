// The <zhaiyao-summary> element class: attributes in, source text to the controller, its changes out.
//
// Attributes and properties go to the controller, with the source element's text; the
// controller's changes go to the view, to the marks in the source and to the element's events.
//
// What it does is in zhaiyao-summary-controller.js (no DOM), what it shows in
// zhaiyao-summary-view.js; zhaiyao-summary-define.js registers it. Importing this module where
// there is no DOM (server-side rendering, Node) defines nothing and does not throw.
import { getClient } from "./zhaiyao-client.js";
import { extractText } from "./zhaiyao-text.js";
import { STRINGS, chooseUiLanguage } from "./zhaiyao-strings.js";
import { SummaryController } from "./zhaiyao-summary-controller.js";
import { SourceHighlights, adoptDocumentSheet } from "./zhaiyao-summary-highlights.js";
import { SummaryView } from "./zhaiyao-summary-view.js";

const MUTATION_DEBOUNCE_MS = 300;

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

// The class extends HTMLElement only where there is one.
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
    // Every reflected attribute, and `lang` (HTMLElement's own property), which picks the interface.
    return [...Object.values(REFLECTED).map(([attribute]) => attribute), "lang"];
  }

  constructor() {
    super();
    this._controller = new SummaryController({ getClient, onChange: (kind, detail) => this._changed(kind, detail) });
    this._highlights = new SourceHighlights();
    this._visible = false;
    this._debounce = 0;
    this._view = new SummaryView(this.attachShadow({ mode: "open" }), {
      onSlider: (value) => {
        this._controller.setSliderValue(value);
        this._view.updateOutput(this._ui(), this._controller);
      },
      onKeyword: (word) => this._controller.pickKeyword(word),
    });
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
    return this._controller.summary;
  }
  /** The text that was summarised (the source element's text), or null. */
  get text() {
    return this._controller.text;
  }
  /** The article's detected language once analysed ("zh", "en", "fr", …). (`lang` is the `lang` attribute.) */
  get articleLang() {
    return this._controller.analysis ? this._controller.analysis.lang : null;
  }
  /** "idle" | "loading" | "ready" | "error". */
  get state() {
    return this._controller.state;
  }
  /** The picked keyword, or null. */
  get selectedKeyword() {
    return this._controller.keyword;
  }
  /** The UTF-16 [start, end) offsets of every sentence of the text. */
  get sentenceOffsets() {
    return this._controller.sentenceOffsets();
  }
  /** Summarise again now (the source is re-read). */
  refresh() {
    return this._run(true);
  }
  /** Picks (or, with null, clears) a keyword, as a click on it does. */
  selectKeyword(word) {
    this._controller.pickKeyword(word);
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
    this._highlights.clear("keyword");
    this._highlights.clear("summary");
    this._controller.stop();
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
      case "keywords": {
        const request = { sentences: this.sentences, ratio: this.ratio, chars: this.chars, keywords: this.keywords };
        // The analysis failed with this budget (it is part of the request): try again with the new one.
        if (this._controller.setRequest(request)) this._run();
        break;
      }
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

  // ---- the interface language: the one place that chooses it -------------------------------

  /** The interface language and its strings, `{ lang, t }`. */
  _ui() {
    const c = this._controller;
    const lang = chooseUiLanguage({
      explicit: [this.getAttribute("ui-lang"), this.getAttribute("lang")],
      browser: typeof navigator !== "undefined" ? navigator.language : null,
      article: c.analysis && c.analysis.lang,
      text: c.text,
    });
    return { lang, t: STRINGS[lang] };
  }

  // ---- the source element -------------------------------------------------------------------

  _sourceElement() {
    const id = this.getAttribute("for");
    if (!id) return this;
    const root = this.getRootNode();
    return (root && root.getElementById && root.getElementById(id)) || this.ownerDocument.getElementById(id);
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

  /** Reads the source and, unless its text is the one analysed (or `force`), summarises it. */
  async _run(force = false) {
    if (!this.isConnected || !this._visible) return;
    const source = this._sourceElement();
    if (!source) {
      if (this.ownerDocument.readyState === "loading") {
        this.ownerDocument.addEventListener("DOMContentLoaded", () => this._run(), { once: true });
        return;
      }
      const id = this.getAttribute("for");
      this._controller.failWith(Object.assign(new Error(`no element with id "${id}"`), { localise: (t) => t.noSource(id) }));
      return;
    }
    this._watch(source);
    const { text, segments } = extractText(source);
    this._highlights.segments = segments;
    if (!force && this._controller.holds(text)) {
      this._markSummaryInSource();
      this._markKeywordInSource();
      return;
    }
    await this._controller.run(text, { base: this.getAttribute("base"), lang: this.getAttribute("lang") });
  }

  // ---- the controller's changes -------------------------------------------------------------

  _changed(kind, detail) {
    const c = this._controller;
    switch (kind) {
      case "state":
        this.setAttribute("state", c.state);
        this._view.showState(c);
        this._view.renderStatus(this._ui(), c);
        break;
      case "cleared":
        this._view.clearStats();
        this._highlights.clear("keyword");
        this._highlights.clear("summary");
        break;
      case "analysed":
        this._renderStrings();
        this._renderAll();
        break;
      case "selected": {
        const ui = this._ui();
        if (detail.resetSlider) this._view.renderSlider(ui, c);
        this._view.renderSummary(ui, c);
        if (detail.keywordsChanged) this._view.renderCloud(ui, c);
        this._view.renderStats(ui, c);
        this._markSummaryInSource();
        break;
      }
      case "keyword":
        this._view.renderKeyword(this._ui(), c);
        this._markKeywordInSource();
        this._dispatch("zhaiyao-keyword", detail);
        break;
      case "summary":
        this._dispatch("zhaiyao-summary", { summary: c.summary, text: c.text, lang: this.articleLang });
        break;
      case "error": {
        // The engine's `code` (an ErrorCode), or no `code` key at all for the element's own errors.
        const error = { message: detail.message };
        if (typeof detail.code === "string") error.code = detail.code;
        this._dispatch("zhaiyao-error", error);
        break;
      }
      default:
        break;
    }
  }

  _dispatch(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  _renderStrings() {
    this._view.renderStrings(this._ui(), this._controller, { hasFor: this.hasAttribute("for") });
  }

  _renderAll() {
    const c = this._controller;
    if (!c.analysis || !c.summary) return;
    this._view.renderAll(this._ui(), c);
    this._markSummaryInSource();
    this._markKeywordInSource();
  }

  _markKeywordInSource() {
    const info = this._controller.keywordInfo();
    this._highlights.mark("keyword", this._controller.analysis, info ? info.sentences : []);
  }

  _markSummaryInSource() {
    const summary = this.hasAttribute("highlight") && this._controller.summary;
    this._highlights.mark("summary", this._controller.analysis, summary ? summary.sentences.map((s) => s.index) : []);
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
