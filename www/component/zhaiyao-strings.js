// The component's UI strings in Chinese and English.

export const STRINGS = {
  zh: {
    title: "摘要",
    loading: "正在加载摘要引擎…",
    analysing: "正在分析文章…",
    waiting: "滚动到这里时开始生成摘要",
    empty: "没有可以摘要的文字。",
    error: "无法生成摘要：",
    /** The summariser's own messages (src/error.rs), in Chinese where they are known. */
    engineError(message) {
      let m;
      if ((m = /^this looks like (Japanese|Korean) text/.exec(message))) {
        return `这看起来是${m[1] === "Japanese" ? "日文" : "韩文"}，摘要目前只支持中文和英文。`;
      }
      if (/^the text is empty/.test(message)) return "文章是空的，没有可以摘要的内容。";
      if ((m = /^the text is ([\d.]+) MiB, over the (\d+) MiB limit/.exec(message))) {
        return `文章有 ${m[1]} MiB，超过了 ${m[2]} MiB 的上限，请分段摘要。`;
      }
      if ((m = /^invalid option: ([^]*)$/.exec(message))) return `选项无效（${m[1]}）`;
      return message;
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
  en: {
    title: "Summary",
    loading: "Loading the summariser…",
    analysing: "Reading the article…",
    waiting: "The summary starts when this comes into view",
    empty: "There is no text to summarise.",
    error: "Could not summarise: ",
    engineError: (message) => message,
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
  if (minutes < 1) {
    const seconds = Math.max(5, Math.round((minutes * 60) / 5) * 5);
    return lang === "zh" ? `${seconds} 秒` : `${seconds} s`;
  }
  const m = Math.round(minutes);
  return lang === "zh" ? `${m} 分钟` : `${m} min`;
}

/** A score factor, compact: "×1001", "×190", "×37", "×1.44", "×0.56", "×0.012". */
export function formatFactor(factor) {
  const f = Number(factor);
  if (!Number.isFinite(f)) return "×?";
  if (f >= 9.95) return `×${Math.round(f)}`;
  if (f >= 0.1) return `×${f.toFixed(2)}`;
  if (f < 0.001) return "×<0.001";
  return `×${Number(f.toPrecision(2))}`;
}

/** "zh" or "en" from a BCP 47 tag (zh-CN, zh-Hant, en-GB…); null for anything else. */
export function uiLangOf(tag) {
  if (!tag) return null;
  const t = String(tag).toLowerCase();
  if (t.startsWith("zh")) return "zh";
  if (t.startsWith("en")) return "en";
  return null;
}
