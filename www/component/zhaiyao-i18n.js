// The interface language of every surface (the element, the demo, the extension's panel): the one
// chooser they share, the tags it understands, and the filling of `data-i18n` markup from a table.

/** The interface languages: Simplified Chinese, Traditional Chinese, English. */
export const UI_LANGS = ["zh", "zh-Hant", "en"];

/** Each interface language as a page declares it in `<html lang>`. */
export const HTML_LANG = { zh: "zh-CN", "zh-Hant": "zh-Hant", en: "en" };

/**
 * The interface language of a BCP 47 tag: "zh-Hant" for Traditional Chinese (zh-Hant, zh-TW,
 * zh-HK, zh-MO and their extensions), "zh" for other Chinese (zh, zh-CN, zh-Hans, zh-SG), "en"
 * for English; null for anything else.
 */
export function uiLangOf(tag) {
  if (!tag) return null;
  const t = String(tag).toLowerCase().replace(/_/g, "-");
  if (t === "zh" || t.startsWith("zh-")) {
    if (/^zh-hans\b/.test(t)) return "zh";
    return /^zh-(hant|tw|hk|mo)\b|^zh-\w+-(hant|tw|hk|mo)\b/.test(t) ? "zh-Hant" : "zh";
  }
  if (t === "en" || t.startsWith("en-")) return "en";
  return null;
}

/**
 * The interface language, "zh" | "zh-Hant" | "en", from what is known, strongest first:
 * - `explicit`: a tag or a list of tags the page or the reader chose (the element's `ui-lang` and
 *   `lang`, the demo's `?ui=`); the first one understood wins;
 * - `article`: the article's language ("zh", "en", "fr", …), with its `text`: a Chinese article
 *   gets the reader's own Chinese script if the browser names one, else the article's script;
 * - `browser`: the browser's language (`navigator.language`);
 * and English when none of them is understood.
 */
export function chooseUiLanguage({ explicit = [], browser = null, article = null, text = "" } = {}) {
  for (const tag of [].concat(explicit)) {
    const lang = uiLangOf(tag);
    if (lang) return lang;
  }
  const reader = uiLangOf(browser);
  const written = uiLangOf(article);
  if (written === "zh") return reader === "zh" || reader === "zh-Hant" ? reader : chineseScriptOf(text);
  return written || reader || "en";
}

// Characters common in Chinese text that have a different Traditional form, in both forms.
const SIMPLIFIED_ONLY = "们个这说来时会为国过对后还么学发经与实现问间门见关东车长开";
const TRADITIONAL_ONLY = "們個這說來時會為國過對後還麼學發經與實現問間門見關東車長開";

/** "zh-Hant" if a Chinese text is written in Traditional characters, else "zh". */
export function chineseScriptOf(text) {
  let simplified = 0;
  let traditional = 0;
  for (const c of String(text ?? "").slice(0, 5000)) {
    if (SIMPLIFIED_ONLY.includes(c)) simplified += 1;
    else if (TRADITIONAL_ONLY.includes(c)) traditional += 1;
  }
  return traditional > simplified ? "zh-Hant" : "zh";
}

/**
 * Fills the markup under `root` from `strings` (one language of a surface's table): the text of
 * every `data-i18n` element, and the `aria-label` and `placeholder` of `data-i18n-label` and
 * `data-i18n-placeholder` ones. Entries that are not strings (functions) are left alone.
 */
export function applyStrings(root, strings) {
  for (const node of root.querySelectorAll("[data-i18n]")) {
    const value = strings[node.dataset.i18n];
    if (typeof value === "string") node.textContent = value;
  }
  for (const node of root.querySelectorAll("[data-i18n-label]")) {
    const value = strings[node.dataset.i18nLabel];
    if (typeof value === "string") node.setAttribute("aria-label", value);
  }
  for (const node of root.querySelectorAll("[data-i18n-placeholder]")) {
    const value = strings[node.dataset.i18nPlaceholder];
    if (typeof value === "string") node.placeholder = value;
  }
}
