// The readable text of DOM elements and its marks, shared by the web component and the browser extension: block and skipped tags, the walk, offsets ↔ Ranges, the highlight palette.
// One source for both: the component imports this module, and scripts/build-extension.sh pastes
// the same file (with `export` taken off) into the extension's functions that run in the
// article's tab (www/extension/page-functions.js). So it stays pure: no imports, nothing but
// declarations at the top level, and only `export function NAME` / `export const NAME`.
// Sentences are marked with the CSS Custom Highlight API, without touching the page's DOM, in
// one palette (HIGHLIGHTS, highlightCss) and by one helper (markRanges): the widget's marks in
// its source element and the extension's marks on a page look alike.

/**
 * Elements whose text is no reading: code, styles, templates, form fields, frames, drawings,
 * nested widgets. (An inline <svg> keeps its lower-case tag name in an HTML page.)
 */
export const SKIP_TAGS = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "XMP", "IFRAME", "OBJECT", "svg", "ZHAIYAO-SUMMARY",
]);

/** Elements that start a block of their own: their text is a paragraph apart from the text around them. */
export const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "DD", "DETAILS", "DIV", "DL", "DT",
  "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6",
  "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TD",
  "TH", "TR", "UL",
]);

function blockOf(node, root) {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
    if (BLOCK_TAGS.has(el.tagName)) return el;
  }
  return root;
}

/**
 * The walk every reading of an element shares: `root`'s Text nodes in document order (not those
 * inside SKIP_TAGS), each with its block (nearest BLOCK_TAGS ancestor, or `root`), and its `<br>`s
 * (as `{ br: true, block }`). With `visibleOnly`, only text the reader can see (not in an element
 * hidden by display: none, visibility: hidden or a closed <details>; one look per element).
 * @param {Element} root
 * @param {boolean} visibleOnly
 * @returns {Iterable<{ node: Text, block: Element } | { br: true, block: Element }>}
 */
function* walk(root, visibleOnly) {
  const seen = new Map();
  const visible = (el) => {
    if (!visibleOnly || !el) return true;
    let v = seen.get(el);
    if (v === undefined) {
      v = typeof el.checkVisibility === "function"
        ? el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })
        : el.getClientRects().length > 0;
      seen.set(el, v);
    }
    return v;
  };
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (SKIP_TAGS.has(node.tagName)) return NodeFilter.FILTER_REJECT;
        return node.tagName === "BR" ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      }
      return node.data ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!visible(node.parentElement)) continue;
    if (node.nodeType === Node.ELEMENT_NODE) yield { br: true, block: blockOf(node, root) };
    else yield { node, block: blockOf(node, root) };
  }
}

/**
 * The readable text of `root`, with its own white space: its Text nodes in document order (see
 * walk()), with a paragraph break between different blocks so that `<p>Title</p><p>Body</p>`
 * reads as two sentences, and a line break at a `<br>`. `segments` maps the text back to the
 * nodes. With `visibleOnly`, text the reader cannot see is left out.
 * @param {Element} root
 * @param {{ visibleOnly?: boolean }} [options]
 * @returns {{ text: string, segments: { node: Text, start: number, end: number }[] }}
 */
export function extractText(root, { visibleOnly = false } = {}) {
  const parts = [];
  const segments = [];
  let length = 0;
  let lastBlock = null;
  let lineBreak = false;
  const endsInNewline = () => parts.length > 0 && /\n\s*$/.test(parts[parts.length - 1]);
  for (const piece of walk(root, visibleOnly)) {
    if (piece.br) {
      lineBreak = parts.length > 0;
      continue;
    }
    const data = piece.node.data;
    if (lastBlock && piece.block !== lastBlock) {
      if (!endsInNewline()) {
        parts.push("\n\n");
        length += 2;
      }
    } else if (lineBreak && !endsInNewline() && !/^[^\S\n]*\n/.test(data)) {
      parts.push("\n");
      length += 1;
    }
    lineBreak = false;
    lastBlock = piece.block;
    segments.push({ node: piece.node, start: length, end: length + data.length });
    parts.push(data);
    length += data.length;
  }
  return { text: parts.join(""), segments };
}

/**
 * The blocks of `root` as plain paragraphs (for an article's text, one block a paragraph): each
 * block's text with its white space collapsed, a `<br>` kept as a line break, empty blocks left out.
 * @param {Element} root
 * @returns {string[]}
 */
export function blockTexts(root) {
  const blocks = [];
  let lines = [""];
  let lastBlock = null;
  const flush = () => {
    const text = lines.map((line) => line.replace(/\s+/g, " ").trim()).filter(Boolean).join("\n");
    if (text) blocks.push(text);
    lines = [""];
  };
  for (const piece of walk(root, false)) {
    if (lastBlock && piece.block !== lastBlock) flush();
    lastBlock = piece.block;
    if (piece.br) lines.push("");
    else lines[lines.length - 1] += piece.node.data;
  }
  flush();
  return blocks;
}

/** The index of the segment holding offset `at` (the last one starting at or before it). */
function segmentAt(segments, at) {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A Range over the DOM text between UTF-16 offsets `start` and `end` of `extractText`'s text,
 * or null if the nodes changed since (or the offsets fall in no node).
 */
export function rangeFor(segments, start, end) {
  if (!segments.length || end <= start) return null;
  let a = segmentAt(segments, start);
  // A start in a block break belongs to the next node.
  if (start >= segments[a].end && a + 1 < segments.length) a += 1;
  const b = segmentAt(segments, end - 1);
  const first = segments[a];
  const last = segments[b];
  const startOffset = Math.max(0, start - first.start);
  const endOffset = Math.min(last.end, end) - last.start;
  if (!first.node.isConnected || !last.node.isConnected) return null;
  if (startOffset > first.node.length || endOffset > last.node.length || endOffset < 0) return null;
  const range = first.node.ownerDocument.createRange();
  range.setStart(first.node, startOffset);
  range.setEnd(last.node, endOffset);
  return range;
}

/**
 * Where each of `sentences` (strings) is in `text`, blind to white space (a sentence the page
 * breaks over lines, or writes with other spaces, is still found): `[start, end]` UTF-16 offsets
 * in `text` from its first to just after its last non-blank character, or null if it is not
 * there (or has nothing but white space). Each is looked for after the previous one found, then
 * from the start of the text.
 * @param {string} text
 * @param {string[]} sentences
 * @returns {([number, number] | null)[]}
 */
export function findSentences(text, sentences) {
  // The text without white space, and for each of its characters the offset in `text`.
  const at = new Int32Array(text.length);
  let hay = "";
  for (const run of text.matchAll(/\S+/g)) {
    for (let i = 0; i < run[0].length; i++) at[hay.length + i] = run.index + i;
    hay += run[0];
  }
  let from = 0;
  return sentences.map((sentence) => {
    const key = String(sentence).replace(/\s+/g, "");
    if (!key) return null;
    let i = hay.indexOf(key, from);
    if (i < 0) i = hay.indexOf(key);
    if (i < 0) return null;
    from = i + key.length;
    return [at[i], at[i + key.length - 1] + 1];
  });
}

/**
 * The marks' palette, one for the component and the extension: each kind's background in a light
 * and a dark colour scheme, the custom property a page may set instead, and its priority (a
 * higher one is drawn over a lower). The summary's sentences are indigo, a picked keyword's are
 * yellow, and the sentence the reader clicked (the extension's panel) green. In forced-colors
 * mode the system's own colours (Mark, Highlight) are used instead.
 */
export const HIGHLIGHTS = {
  summary: {
    priority: 1,
    property: "--zhaiyao-summary-highlight",
    light: "rgb(99 102 241 / 0.16)",
    dark: "rgb(141 148 255 / 0.22)",
    forced: "background-color: Mark; color: MarkText;",
  },
  keyword: {
    priority: 2,
    property: "--zhaiyao-highlight",
    light: "rgb(250 204 21 / 0.5)",
    dark: "rgb(250 204 21 / 0.32)",
    forced: "background-color: Highlight; color: HighlightText;",
  },
  focus: {
    priority: 3,
    property: "--zhaiyao-focus-highlight",
    light: "rgb(16 185 129 / 0.3)",
    dark: "rgb(16 185 129 / 0.35)",
    forced: "background-color: Highlight; color: HighlightText; text-decoration: underline;",
  },
};

/**
 * The ::highlight() rules of the palette for the highlights named `${prefix}-${kind}` (the
 * component's "zhaiyao-summary", the extension's "zhaiyao-ext-summary", …): light, dark
 * (prefers-color-scheme) and forced colours.
 * @param {string} prefix
 * @returns {string}
 */
export function highlightCss(prefix) {
  const rule = (kind, declarations) => `::highlight(${prefix}-${kind}) { ${declarations} }`;
  const scheme = (key) =>
    Object.entries(HIGHLIGHTS).map(([kind, h]) => rule(kind, `background-color: var(${h.property}, ${h[key]});`)).join("\n");
  return [
    scheme("light"),
    `@media (prefers-color-scheme: dark) {\n${scheme("dark")}\n}`,
    `@media (forced-colors: active) {\n${Object.entries(HIGHLIGHTS).map(([kind, h]) => rule(kind, h.forced)).join("\n")}\n}`,
  ].join("\n") + "\n";
}

/** Whether this browser has the CSS Custom Highlight API (else nothing is marked on a page). */
export function highlightsSupported() {
  return typeof CSS !== "undefined" && Boolean(CSS.highlights) && typeof Highlight === "function";
}

/**
 * Marks `ranges` as the highlight `name`, drawn as the palette's `kind` (its priority), after
 * taking `previous` off it: the ranges this caller marked before (other callers' marks stay, as
 * every <zhaiyao-summary> of a page shares one highlight), or `true` for all of them. The
 * highlight is registered on first use. Returns it, or null where the CSS Custom Highlight API
 * is missing (nothing is marked then).
 * @param {string} name
 * @param {keyof typeof HIGHLIGHTS} kind
 * @param {Range[]} ranges
 * @param {Range[] | true} [previous]
 * @returns {Highlight | null}
 */
export function markRanges(name, kind, ranges, previous = []) {
  if (!highlightsSupported()) return null;
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    CSS.highlights.set(name, h);
  }
  h.priority = HIGHLIGHTS[kind].priority;
  if (previous === true) h.clear();
  else for (const r of previous) h.delete(r);
  for (const r of ranges) h.add(r);
  return h;
}
