// Types of the <zhaiyao-summary> custom element (zhaiyao-summary.js, and zhaiyao-summary-define.js, which exports the same).
import type { Defaults, ErrorCode, Lang, Summary } from "./index.js";

/**
 * `<zhaiyao-summary>`: a summary, keyword cloud and "why" view of an article, computed in a
 * shared Worker. Importing `zhaiyao-summary.js` (or `zhaiyao-summary-define.js`) defines the
 * element; where there is no DOM it defines nothing and does not throw.
 *
 * Attributes:
 * - `for`: id of the element whose text to summarise (default: the element's own content).
 * - `sentences` | `ratio` | `chars`: the initial length (default: the engine's,
 *   `ZhaiyaoSummaryElement.defaults()`).
 * - `keywords`: how many keywords (default: the engine's).
 * - `lang`: the article's language, `zh` | `en` (default: detected); a Chinese tag such as
 *   `zh-TW` also chooses the interface language.
 * - `ui-lang`: the interface language, `zh` (Simplified) | `zh-Hant` (Traditional, also for
 *   `zh-TW`, `zh-HK`, `zh-MO`) | `en` (default: `lang`, then the article's language and script,
 *   then `navigator.language`).
 * - `theme`: `light` | `dark` (default: the reader's `prefers-color-scheme`).
 * - `highlight`: also mark the summary's sentences in the source element.
 * - `base`: where the component's assets (worker, glue, wasm) are served from (default: the
 *   folder of zhaiyao-summary.js, or `ZhaiyaoConfig.assetsUrl`).
 * - `state` (set by the element): `idle` | `loading` | `ready` | `error`.
 *
 * Each attribute is also a property (`ui-lang` as `uiLang`), which frameworks may set; `lang` is
 * HTMLElement's own, and the article's detected language is `articleLang`.
 *
 * Events (bubbling, composed): `zhaiyao-summary` (a new summary), `zhaiyao-keyword` (a keyword
 * picked or cleared), `zhaiyao-error`.
 */
export declare class ZhaiyaoSummaryElement extends HTMLElement {
  /** The engine's defaults (length, keyword count, terms explained), from the worker of the
   *  assets location `base` (default: the page's), which this starts if it has not started. */
  static defaults(base?: string): Promise<Defaults>;
  /**
   * The current summary; null before the first one, for a blank text, and when the text could
   * not be summarised (a bad length keeps the last summary, with `state` "error").
   */
  readonly summary: Summary | null;
  /** The text that was summarised: the source element's text, paragraphs separated by "\n\n". */
  readonly text: string | null;
  /** The article's detected language once analysed (`lang` is the `lang` attribute). */
  readonly articleLang: Lang | null;
  /** The `for` attribute: the id of the element to summarise. */
  for: string | null;
  /** The `sentences` attribute. */
  sentences: number | null;
  /** The `ratio` attribute. */
  ratio: number | null;
  /** The `chars` attribute. */
  chars: number | null;
  /** The `keywords` attribute. */
  keywords: number | null;
  /** The `ui-lang` attribute. */
  uiLang: string | null;
  /** The `theme` attribute. */
  theme: string | null;
  /** The `highlight` attribute. */
  highlight: boolean;
  /** The `base` attribute. */
  base: string | null;
  readonly state: "idle" | "loading" | "ready" | "error";
  /** The picked keyword, or null. */
  readonly selectedKeyword: string | null;
  /** UTF-16 `[start, end)` offsets into `text` of every sentence (indexed by `Keyword.sentences`). */
  readonly sentenceOffsets: Array<[number, number]>;
  /** Reads the source again and summarises it. */
  refresh(): Promise<void>;
  /** Picks a keyword (marking its sentences), or clears the pick with null. */
  selectKeyword(word: string | null): void;

  addEventListener<K extends keyof ZhaiyaoSummaryEventMap>(
    type: K,
    listener: (this: ZhaiyaoSummaryElement, ev: ZhaiyaoSummaryEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof ZhaiyaoSummaryEventMap>(
    type: K,
    listener: (this: ZhaiyaoSummaryElement, ev: ZhaiyaoSummaryEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

export interface ZhaiyaoSummaryEventMap extends HTMLElementEventMap {
  "zhaiyao-summary": CustomEvent<{ summary: Summary; text: string; lang: Lang }>;
  "zhaiyao-keyword": CustomEvent<{ word: string | null; sentences: number[] }>;
  /** `code`: the engine's error code (see ZhaiyaoError); the element's own errors (e.g. no
   *  element with the `for` id) have no `code` key. */
  "zhaiyao-error": CustomEvent<{ message: string; code?: ErrorCode }>;
}

/** Page-wide settings, read when the first widget starts. */
export interface ZhaiyaoConfig {
  /** Where zhaiyao-worker.js, zhaiyao.js and zhaiyao_bg.wasm are served from. */
  assetsUrl?: string;
  /** Extra dictionary words (jieba's user dictionary format). */
  userDict?: string;
  /** Extra stop words. */
  stopWords?: string[];
}

declare global {
  interface HTMLElementTagNameMap {
    "zhaiyao-summary": ZhaiyaoSummaryElement;
  }
  // eslint-disable-next-line no-var
  var ZhaiyaoConfig: ZhaiyaoConfig | undefined;
}
