// The element's UI strings in Simplified Chinese, Traditional Chinese and English (the demo's and
// the panel's are in www/demo/zhaiyao-i18n-demo.js and www/extension/zhaiyao-i18n-panel.js, in the same shape; the
// interface language is chosen in zhaiyao-i18n.js, re-exported here for the element).
export { chineseScriptOf, chooseUiLanguage, uiLangOf } from "./zhaiyao-i18n.js";

export const STRINGS = {
  zh: {
    title: "摘要",
    loading: "正在加载摘要引擎…",
    analysing: "正在分析文章…",
    waiting: "滚动到这里时开始生成摘要",
    empty: "没有可以摘要的文字。",
    error: "无法生成摘要：",
    /** A neutral note for a language the summariser does not read yet, by the error's language code. */
    unsupported: { ja: "暂不支持日文文章的摘要。", ko: "暂不支持韩文文章的摘要。", other: "暂不支持这种语言的文章摘要。" },
    source: "原文",
    /** The summariser's errors by `code` (src/error.rs, src/wasm.rs), from the error's fields. */
    engineErrors: {
      empty_text: () => "文章是空的，没有可以摘要的内容。",
      too_large: (e) => `文章有 ${mib(e.bytes, 1)} MiB，超过了 ${mib(e.limit)} MiB 的上限，请分段摘要。`,
      unsupported_language: (e) => unsupportedText("zh", e),
      invalid_option: (e) => `选项无效（${e.detail}）`,
      invalid_dictionary: (e) => `自定义词典第 ${e.line} 行有误（${e.detail}）`,
      invalid_text: () => "要摘要的内容不是文字。",
      invalid_table: () => "英文词频表无法读取。",
      internal: (e) => `摘要引擎内部出错（${e.message}）`,
    },
    noSource: (id) => `页面上没有 id 为“${id}”的元素`,
    summary: "要点",
    length: "摘要长度",
    sentencesUnit: (n) => `${n} 句`,
    charsUnit: (n) => `${n} 字`,
    nothingFits: (n) => `${n} 字以内放不下任何一句，请把摘要调长一些。`,
    keywords: "关键词",
    keywordHint: "点击关键词，标出包含它的句子",
    why: "为什么选这句",
    whyHide: "收起",
    score: "得分",
    rank: (r, n) => `全文 ${n} 句中排第 ${r}（最高分为 100）`,
    terms: "主要词语",
    signals: "得分系数",
    signalNames: {
      position: "位置（导语优先）",
      title: "与标题相近",
      length: "句子过短",
      question: "疑问句",
      heading: "标题行",
      metadata: "署名/来源等元信息",
      brevity: "句子较长",
      density: "信息密度",
      filler: "口语填充/客套话",
      asked: "采访提问",
      ownTitle: "标题本身",
    },
    /** What a signal measured, for the chip: the text's lead strength, the similarity. */
    signalDetails: {
      position: (v) => `导语强度 ${v.toFixed(2)}`,
      title: (v) => `相似度 ${v.toFixed(2)}`,
    },
    boost: "加分",
    penalty: "减分",
    sentenceLabel: (i) => `第 ${i + 1} 句`,
    articleLength: (n, unit) => `全文 ${n.toLocaleString("zh-CN")} ${unit === "words" ? "词" : "字"}`,
    readTime: (m) => `阅读约 ${formatMinutes(m, "zh")}`,
    saved: (m) => `摘要为你节省约 ${formatMinutes(m, "zh")}`,
    marked: (word, n) => `“${word}”出现在 ${n} 句中，已在原文中标出。`,
    notInSummary: "摘要里没有包含它的句子。",
    outOf: (k, n) => `从 ${n} 句中选出 ${k} 句`,
  },
  "zh-Hant": {
    title: "摘要",
    loading: "正在載入摘要引擎…",
    analysing: "正在分析文章…",
    waiting: "滾動到這裡時開始生成摘要",
    empty: "沒有可以摘要的文字。",
    error: "無法生成摘要：",
    unsupported: { ja: "暫不支援日文文章的摘要。", ko: "暫不支援韓文文章的摘要。", other: "暫不支援這種語言的文章摘要。" },
    source: "原文",
    engineErrors: {
      empty_text: () => "文章是空的，沒有可以摘要的內容。",
      too_large: (e) => `文章有 ${mib(e.bytes, 1)} MiB，超過了 ${mib(e.limit)} MiB 的上限，請分段摘要。`,
      unsupported_language: (e) => unsupportedText("zh-Hant", e),
      invalid_option: (e) => `選項無效（${e.detail}）`,
      invalid_dictionary: (e) => `自訂詞典第 ${e.line} 行有誤（${e.detail}）`,
      invalid_text: () => "要摘要的內容不是文字。",
      invalid_table: () => "英文詞頻表無法讀取。",
      internal: (e) => `摘要引擎內部出錯（${e.message}）`,
    },
    noSource: (id) => `頁面上沒有 id 為「${id}」的元素`,
    summary: "要點",
    length: "摘要長度",
    sentencesUnit: (n) => `${n} 句`,
    charsUnit: (n) => `${n} 字`,
    nothingFits: (n) => `${n} 字以內放不下任何一句，請把摘要調長一些。`,
    keywords: "關鍵詞",
    keywordHint: "點選關鍵詞，標出包含它的句子",
    why: "為什麼選這句",
    whyHide: "收起",
    score: "得分",
    rank: (r, n) => `全文 ${n} 句中排第 ${r}（最高分為 100）`,
    terms: "主要詞語",
    signals: "得分係數",
    signalNames: {
      position: "位置（導語優先）",
      title: "與標題相近",
      length: "句子過短",
      question: "疑問句",
      heading: "標題行",
      metadata: "署名/來源等元資訊",
      brevity: "句子較長",
      density: "資訊密度",
      filler: "口語填充/客套話",
      asked: "採訪提問",
      ownTitle: "標題本身",
    },
    signalDetails: {
      position: (v) => `導語強度 ${v.toFixed(2)}`,
      title: (v) => `相似度 ${v.toFixed(2)}`,
    },
    boost: "加分",
    penalty: "減分",
    sentenceLabel: (i) => `第 ${i + 1} 句`,
    articleLength: (n, unit) => `全文 ${n.toLocaleString("zh-TW")} ${unit === "words" ? "詞" : "字"}`,
    readTime: (m) => `閱讀約 ${formatMinutes(m, "zh-Hant")}`,
    saved: (m) => `摘要為你節省約 ${formatMinutes(m, "zh-Hant")}`,
    marked: (word, n) => `「${word}」出現在 ${n} 句中，已在原文中標出。`,
    notInSummary: "摘要裡沒有包含它的句子。",
    outOf: (k, n) => `從 ${n} 句中選出 ${k} 句`,
  },
  en: {
    title: "Summary",
    loading: "Loading the summariser…",
    analysing: "Reading the article…",
    waiting: "The summary starts when this comes into view",
    empty: "There is no text to summarise.",
    error: "Could not summarise: ",
    unsupported: {
      ja: "Summaries of Japanese text are not supported yet.",
      ko: "Summaries of Korean text are not supported yet.",
      other: "Summaries of text in this language are not supported yet.",
    },
    source: "Article",
    /** The engine's own English messages, written for the reader, except where a note reads better. */
    engineErrors: {
      empty_text: (e) => e.message,
      too_large: (e) => e.message,
      unsupported_language: (e) => unsupportedText("en", e),
      invalid_option: (e) => e.message,
      invalid_dictionary: (e) => e.message,
      invalid_text: (e) => e.message,
      invalid_table: (e) => e.message,
      internal: (e) => e.message,
    },
    noSource: (id) => `no element with id "${id}"`,
    summary: "Key sentences",
    length: "Summary length",
    sentencesUnit: (n) => `${n} ${n === 1 ? "sentence" : "sentences"}`,
    charsUnit: (n) => `${n} chars`,
    nothingFits: (n) => `No sentence fits in ${n} characters: make the summary longer.`,
    keywords: "Keywords",
    keywordHint: "Pick a keyword to mark the sentences that contain it",
    why: "Why this sentence",
    whyHide: "Hide",
    score: "Score",
    rank: (r, n) => `Ranked ${r} of ${n} sentences (best = 100)`,
    terms: "Top terms",
    signals: "Weighted by",
    signalNames: {
      position: "Position (lead first)",
      title: "Close to the title",
      length: "Too short",
      question: "Question",
      heading: "Heading line",
      metadata: "Byline, source or caption",
      brevity: "Long sentence",
      density: "Information density",
      filler: "Filler or greeting",
      asked: "Interviewer's question",
      ownTitle: "The title itself",
    },
    signalDetails: {
      position: (v) => `lead strength ${v.toFixed(2)}`,
      title: (v) => `similarity ${v.toFixed(2)}`,
    },
    boost: "boost",
    penalty: "penalty",
    sentenceLabel: (i) => `Sentence ${i + 1}`,
    articleLength: (n, unit) =>
      `${n.toLocaleString("en-US")} ${unit === "words" ? "words" : "characters"}`,
    readTime: (m) => `${formatMinutes(m, "en")} read`,
    saved: (m) => `saves about ${formatMinutes(m, "en")}`,
    marked: (word, n) => `“${word}” is in ${n} ${n === 1 ? "sentence" : "sentences"}, marked in the article.`,
    notInSummary: " None of them is in the summary.",
    outOf: (k, n) => `${k} of ${n} sentences`,
  },
};

export function formatMinutes(minutes, lang) {
  const zh = lang === "zh" || lang === "zh-Hant";
  if (minutes < 1) {
    const seconds = Math.max(5, Math.round((minutes * 60) / 5) * 5);
    return zh ? `${seconds} 秒` : `${seconds} s`;
  }
  const m = Math.round(minutes);
  return zh ? `${m} ${lang === "zh" ? "分钟" : "分鐘"}` : `${m} min`;
}

/**
 * An error of the summariser's in the interface language `lang`, by its `code` (never by its
 * English message, which may be reworded); the message itself for an error without a known code.
 */
export function engineError(lang, error) {
  const translate = error && STRINGS[lang].engineErrors[error.code];
  return translate ? translate(error) : String(error && error.message ? error.message : error);
}

/** The neutral note for a text in a language the summariser does not read yet, or null. */
export function unsupportedNote(lang, error) {
  return error && error.code === "unsupported_language" ? unsupportedText(lang, error) : null;
}

function unsupportedText(lang, error) {
  const notes = STRINGS[lang].unsupported;
  return notes[error.language] || notes.other;
}

/** Bytes in MiB, with `digits` decimals. */
function mib(bytes, digits = 0) {
  return (bytes / (1024 * 1024)).toFixed(digits);
}

/** The badge naming the article's language, in that language. */
export const LANG_NAMES = {
  zh: "中文",
  en: "English",
  fr: "Français",
  de: "Deutsch",
  es: "Español",
  pt: "Português",
  it: "Italiano",
  nl: "Nederlands",
  ru: "Русский",
  ar: "العربية",
};

/** A score factor, compact: "×1001", "×190", "×37", "×1.44", "×0.56", "×0.012". */
export function formatFactor(factor) {
  const f = Number(factor);
  if (!Number.isFinite(f)) return "×?";
  if (f >= 9.95) return `×${Math.round(f)}`;
  if (f >= 0.1) return `×${f.toFixed(2)}`;
  if (f < 0.001) return "×<0.001";
  return `×${Number(f.toPrecision(2))}`;
}
