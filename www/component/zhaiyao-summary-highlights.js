// The marks <zhaiyao-summary> draws in its source element, with the CSS Custom Highlight API.
//
// Ranges over the summary's and the picked keyword's sentences, and the page-level ::highlight()
// stylesheet. The palette, the priorities and the marking are zhaiyao-text.js's (HIGHLIGHTS,
// markRanges), which the extension's page functions use too.
//
// The page's DOM is never changed; where the API is missing nothing is marked in the page (the
// widget's own list still shows the marks).
import { markRanges, rangeFor } from "./zhaiyao-text.js";
import { DOCUMENT_CSS } from "./zhaiyao-styles.js";

/** At most this many ranges per mark (a keyword of a 10 MB text may be in every sentence). */
const MAX_RANGES = 2000;

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
    if (!analysis) return;
    const ranges = [];
    for (const i of indices) {
      if (ranges.length >= MAX_RANGES) break;
      if (i < 0 || i >= analysis.count) continue;
      const range = rangeFor(this.segments, analysis.offsets[2 * i], analysis.offsets[2 * i + 1]);
      if (range) ranges.push(range);
    }
    if (markRanges(`zhaiyao-${kind}`, kind, ranges)) this._ranges[kind] = ranges;
  }

  /** Removes this element's marks of `kind` (other elements' stay). */
  clear(kind) {
    markRanges(`zhaiyao-${kind}`, kind, [], this._ranges[kind]);
    this._ranges[kind] = [];
  }
}
