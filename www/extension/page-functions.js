// Functions that run in the article's tab, in the extension's isolated world, through
// chrome.scripting.executeScript({ func }). Each is serialised on its own: it must not use
// anything from this module's scope. None of them changes the page's DOM: marks are CSS Custom
// Highlights (styled by chrome.scripting.insertCSS, which adds no element).

/**
 * Runs Readability (pasted into this function by scripts/build-extension.sh: a function sent
 * with executeScript takes nothing along but its own text, in either browser) on a clone
 * of the document and returns { title, text, lang, url }: the article's text with a blank line
 * between blocks. Falls back to the body's rendered text when Readability finds no article; the
 * text is empty when the page has nothing but its title.
 */
export function extractArticle() {
  const BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DETAILS|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|SUMMARY|TABLE|TD|TH|TR|UL)$/;
  const SKIP = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA)$/;
  function blockText(root) {
    const parts = [];
    let current = "";
    const flush = () => {
      const t = current.replace(/\s+/g, " ").trim();
      if (t) parts.push(t);
      current = "";
    };
    const walk = (node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) current += child.data;
        else if (child.nodeType === 1 && !SKIP.test(child.tagName)) {
          const block = BLOCK.test(child.tagName);
          if (block) flush();
          walk(child);
          if (block) flush();
        }
      }
    };
    walk(root);
    flush();
    return parts.join("\n\n");
  }
  /* READABILITY */
  let article = null;
  try {
    // eslint-disable-next-line no-undef
    article = new Readability(document.cloneNode(true)).parse();
  } catch {
    article = null;
  }
  let text = "";
  if (article && article.content) {
    const doc = new DOMParser().parseFromString(article.content, "text/html");
    text = blockText(doc.body);
  }
  if (text.replace(/\s/g, "").length < 40 && document.body) {
    text = String(document.body.innerText || "").replace(/[ \t]+/g, " ").replace(/\n\s*\n\s*/g, "\n\n").trim();
  }
  const title = ((article && article.title) || document.title || "").replace(/\s+/g, " ").trim();
  const squash = (s) => s.replace(/\s+/g, "");
  // A title with no text under it is no article: the panel says so rather than summarise the
  // title. The page's text may be the title without the site's name the <title> adds.
  if (!squash(text) || squash(title).startsWith(squash(text))) text = "";
  else if (title && !squash(text.slice(0, title.length * 2 + 20)).startsWith(squash(title))) {
    text = `${title}\n\n${text}`;
  }
  return { title, text, lang: document.documentElement.lang || "", url: location.href };
}

/**
 * Marks `sentences` (strings) on the live page as the highlight `name`, found by matching their
 * text, whitespace removed, over the page's visible text nodes (hidden copies are skipped). With `scroll`, scrolls to the
 * first one found. Returns { found, missing } counts. An empty list clears the highlight; a
 * null `name` clears every zhaiyao highlight.
 */
export function markSentences(sentences, name, scroll) {
  const NAMES = ["zhaiyao-ext-summary", "zhaiyao-ext-keyword", "zhaiyao-ext-focus"];
  if (typeof CSS === "undefined" || !CSS.highlights || typeof Highlight !== "function") {
    return { found: 0, missing: sentences ? sentences.length : 0, unsupported: true };
  }
  if (name == null) {
    for (const n of NAMES) CSS.highlights.delete(n);
    return { found: 0, missing: 0 };
  }
  if (!sentences || sentences.length === 0) {
    CSS.highlights.delete(name);
    return { found: 0, missing: 0 };
  }
  // The page's text, without white space, and for each of its characters the node and offset.
  const nodes = [];
  const starts = [];
  let hay = "";
  const map = []; // hay index -> [node index, offset]
  // Only text the reader can see: a copy of the article hidden with display:none, visibility:
  // hidden or in a closed <details> would take the mark and the scroll. (One look per element.)
  const seen = new Map();
  const visible = (el) => {
    let v = seen.get(el);
    if (v === undefined) {
      v = typeof el.checkVisibility === "function" ? el.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true }) : el.getClientRects().length > 0;
      seen.set(el, v);
    }
    return v;
  };
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA)$/.test(parent.tagName)) return NodeFilter.FILTER_REJECT;
      return /\S/.test(node.data) && visible(parent) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.data;
    nodes.push(node);
    starts.push(hay.length);
    let chunk = "";
    for (let i = 0; i < data.length; i++) {
      const c = data[i];
      if (/\s/.test(c)) continue;
      chunk += c;
      map.push(nodes.length - 1, i);
    }
    hay += chunk;
  }
  const ranges = [];
  let from = 0;
  let missing = 0;
  for (const sentence of sentences) {
    const key = String(sentence).replace(/\s+/g, "");
    if (!key) continue;
    let at = hay.indexOf(key, from);
    if (at < 0) at = hay.indexOf(key);
    if (at < 0) {
      missing++;
      continue;
    }
    const end = at + key.length - 1;
    const range = document.createRange();
    range.setStart(nodes[map[2 * at]], map[2 * at + 1]);
    range.setEnd(nodes[map[2 * end]], map[2 * end + 1] + 1);
    ranges.push(range);
    from = at + key.length;
  }
  const priority = { "zhaiyao-ext-summary": 1, "zhaiyao-ext-keyword": 2, "zhaiyao-ext-focus": 3 }[name] ?? 1;
  if (ranges.length) {
    const h = new Highlight(...ranges);
    h.priority = priority;
    CSS.highlights.set(name, h);
  } else {
    CSS.highlights.delete(name);
  }
  if (scroll && ranges.length) {
    const rect = ranges[0].getBoundingClientRect();
    if (rect.width || rect.height) window.scrollBy({ top: rect.top - innerHeight / 3, behavior: "smooth" });
    else if (ranges[0].startContainer.parentElement) ranges[0].startContainer.parentElement.scrollIntoView({ block: "center", behavior: "smooth" });
  }
  return { found: ranges.length, missing };
}

/** The tab's title and address: a look that tells the panel whether it may read the page. */
export function pageInfo() {
  return { title: document.title.replace(/\s+/g, " ").trim(), url: location.href };
}

/** The text the user has selected on the page (for a selection the context menu truncated). */
export function selectedText() {
  return String(getSelection() ? getSelection().toString() : "");
}
