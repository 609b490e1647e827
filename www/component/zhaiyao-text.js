// The text of a source element and the way back from UTF-16 offsets in that text to DOM Ranges,
// so sentences can be marked with the CSS Custom Highlight API without touching the page's DOM.

const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "ZHAIYAO-SUMMARY"]);
const BLOCK = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "BR", "DD", "DETAILS", "DIV", "DL", "DT",
  "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6",
  "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TD",
  "TH", "TR", "UL",
]);

function blockOf(node, root) {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
    if (BLOCK.has(el.tagName)) return el;
  }
  return root;
}

/**
 * The readable text of `root`: its Text nodes in document order (not those of scripts, styles,
 * form fields or nested widgets), with a paragraph break between different blocks so that
 * `<p>Title</p><p>Body</p>` reads as two sentences. `segments` maps the text back to the nodes.
 * @param {Element} root
 * @returns {{ text: string, segments: { node: Text, start: number, end: number }[] }}
 */
export function extractText(root) {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        return SKIP.has(node.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const parts = [];
  const segments = [];
  let length = 0;
  let lastBlock = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.data;
    if (!data) continue;
    const block = blockOf(node, root);
    if (lastBlock && block !== lastBlock && !/\n\s*$/.test(parts[parts.length - 1])) {
      parts.push("\n\n");
      length += 2;
    }
    lastBlock = block;
    segments.push({ node, start: length, end: length + data.length });
    parts.push(data);
    length += data.length;
  }
  return { text: parts.join(""), segments };
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
