// The marks <zhaiyao-summary> draws in its source element, with the CSS Custom Highlight API.
//
// Ranges over the summary's and the picked keyword's sentences, and the page-level ::highlight()
// stylesheet.
//
// The page's DOM is never changed; where the API is missing nothing is marked in the page (the
// widget's own list still shows the marks).
import { rangeFor } from "./zhaiyao-text.js";
import { DOCUMENT_CSS } from "./zhaiyao-styles.js";

/** At most this many ranges per mark (a keyword of a 10 MB text may be in every sentence). */
const MAX_RANGES = 2000;
/** The keyword's marks are drawn over the summary's. */
const PRIORITY = { summary: 1, keyword: 2 };

let documentSheet = null;

/** The page-level ::highlight() rules, adopted once per document (no <style> element). */
export function adoptDocumentSheet(doc) {
  if (!documentSheet) {
    documentSheet = new CSSStyleSheet();
    documentSheet.replaceSync(DOCUMENT_CSS);
  }
  if (doc.adoptedStyleSheets && !doc.adoptedStyleSheets.includes(documentSheet)) {
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, documentSheet];
  }
}

/** The shared Highlight object of a kind, or null where the CSS Custom Highlight API is missing. */
function highlight(kind) {
  if (typeof CSS === "undefined" || !CSS.highlights || typeof Highlight !== "function") return null;
  const name = `zhaiyao-${kind}`;
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    h.priority = PRIORITY[kind];
    CSS.highlights.set(name, h);
  }
  return h;
}

/** One element's marks ("summary" and "keyword") in its source's text. */
export class SourceHighlights {
  constructor() {
    /** The source's text nodes with their offsets (`extractText`'s `segments`). */
    this.segments = [];
    this._ranges = { keyword: [], summary: [] };
  }

  /**
   * Marks the sentences `indices` of the analysis (its `offsets` and `count`) as `kind`, in place
   * of that kind's previous marks; no analysis or no indices clear them.
   * @param {"summary" | "keyword"} kind
   */
  mark(kind, analysis, indices) {
    this.clear(kind);
    const h = highlight(kind);
    if (!h || !analysis) return;
    const ranges = [];
    for (const i of indices) {
      if (ranges.length >= MAX_RANGES) break;
      if (i < 0 || i >= analysis.count) continue;
      const range = rangeFor(this.segments, analysis.offsets[2 * i], analysis.offsets[2 * i + 1]);
      if (range) ranges.push(range);
    }
    for (const r of ranges) h.add(r);
    this._ranges[kind] = ranges;
  }

  /** Removes this element's marks of `kind` (other elements' stay). */
  clear(kind) {
    const h = highlight(kind);
    if (h) for (const r of this._ranges[kind]) h.delete(r);
    this._ranges[kind] = [];
  }
}
