// Functions that run in the article's tab, in the extension's isolated world, through
// chrome.scripting.executeScript({ func }). Each is serialised on its own: it must not use
// anything from this module's scope. What one needs besides, scripts/build-extension.sh pastes
// into its text at a marker line: `/* ZHAIYAO-TEXT */` becomes `const ZhaiyaoText = …`, the
// shared text module www/component/zhaiyao-text.js (the web component's, so both read a page's
// blocks alike), and `/* READABILITY */` becomes Readability.js. (Not executeScript({ files }):
// in Firefox ESR 140 here every file injection fails, "Unable to load script", even of a plain
// classic script such as background.js, packed or unpacked, while functions run.) None of them
// changes the page's DOM: marks are CSS Custom Highlights (styled by chrome.scripting.insertCSS,
// which adds no element, with the shared palette's rules: ZhaiyaoText.highlightCss).

/**
 * Runs Readability on a clone of the document and returns { title, text, lang, url }: the
 * article's blocks (ZhaiyaoText.blockTexts) with a blank line between them. Falls back to the
 * body's rendered text when Readability finds no article; the text is empty when the page has
 * nothing but its title.
 */
export function extractArticle() {
  /* ZHAIYAO-TEXT */
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
    text = ZhaiyaoText.blockTexts(doc.body).join("\n\n");
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
 * Marks `sentences` (strings) on the live page as the palette's `kind` ("summary", "keyword" or
 * "focus": ZhaiyaoText.HIGHLIGHTS, the component's colours and priorities), in the highlight
 * `zhaiyao-ext-<kind>` (ZhaiyaoText.markRanges): the page's visible text
 * (ZhaiyaoText.extractText, hidden copies left out) is searched for each sentence, blind to white
 * space, so a sentence the page splits over inline elements, links or `<br>`s is found; its
 * offsets become a Range (ZhaiyaoText.rangeFor). With `scroll`, scrolls to the first one found.
 * Returns { found, missing } counts. An empty list clears the highlight; a null `kind` clears
 * every one of the extension's highlights.
 */
export function markSentences(sentences, kind, scroll) {
  /* ZHAIYAO-TEXT */
  const nameOf = (k) => `zhaiyao-ext-${k}`;
  if (!ZhaiyaoText.highlightsSupported()) {
    return { found: 0, missing: sentences ? sentences.length : 0, unsupported: true };
  }
  const name = nameOf(kind);
  if (kind == null) {
    for (const k of Object.keys(ZhaiyaoText.HIGHLIGHTS)) CSS.highlights.delete(nameOf(k));
    return { found: 0, missing: 0 };
  }
  if (!sentences || sentences.length === 0) {
    CSS.highlights.delete(name);
    return { found: 0, missing: 0 };
  }
  const wanted = sentences.map(String).filter((s) => /\S/.test(s));
  const { text, segments } = ZhaiyaoText.extractText(document.body || document.documentElement, { visibleOnly: true });
  const ranges = [];
  let missing = 0;
  for (const at of ZhaiyaoText.findSentences(text, wanted)) {
    const range = at && ZhaiyaoText.rangeFor(segments, at[0], at[1]);
    if (range) ranges.push(range);
    else missing++;
  }
  if (ranges.length) ZhaiyaoText.markRanges(name, kind, ranges, true);
  else CSS.highlights.delete(name);
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
