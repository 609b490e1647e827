// An article's text shown as paragraphs (the demo's source column, the extension panel's copy of
// the page): one element per blank-line-separated block, holding a Text node only, never HTML.

/** The paragraphs of `text`: its blocks between blank lines, trimmed, empty ones left out. */
export function paragraphsOf(text) {
  return String(text ?? "")
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * A short first block with no closing punctuation: the article's title, when more follows.
 * (Up to 80 characters, not ending in 。！？.!?;；.)
 */
function isTitle(paragraph, index, count) {
  return index === 0 && count > 1 && paragraph.length <= 80 && !/[。！？.!?;；]$/.test(paragraph);
}

/**
 * Replaces the children of `container` with `text` as paragraphs: a <p dir="auto"> for each, and
 * with `heading` (a tag name such as "h3"), that element for a first block that reads as a title.
 * Each element holds one Text node. Returns the elements.
 */
export function renderParagraphs(container, text, { heading = null } = {}) {
  const document = container.ownerDocument;
  const paragraphs = paragraphsOf(text);
  const nodes = paragraphs.map((p, i) => {
    const node = document.createElement(heading && isTitle(p, i, paragraphs.length) ? heading : "p");
    node.dir = "auto";
    node.append(document.createTextNode(p));
    return node;
  });
  container.replaceChildren(...nodes);
  return nodes;
}
