// A TypeScript consumer of every type the npm package exports, compiled by tests/e2e/stacks.test.mjs
// with `strict` and `skipLibCheck: false` (it is type-checked, never run).
import init, {
  Analysis,
  Summarizer,
  defaults,
  englishInstalled,
  errorCodes,
  initSync,
  installEnglish,
  loadEnglish,
  signalNames,
  type AnalyzeOptions,
  type Defaults,
  type ErrorCode,
  type InitInput,
  type InitOutput,
  type Keyword,
  type Lang,
  type Lead,
  type LoadOptions,
  type SelectOptions,
  type SentenceInfo,
  type Signal,
  type SignalName,
  type SummarizeOptions,
  type Summary,
  type SummarySentence,
  type SyncInitInput,
  type TermWeight,
  type ZhaiyaoError,
} from "zhaiyao";
import { ZhaiyaoSummaryElement, type ZhaiyaoConfig, type ZhaiyaoSummaryEventMap } from "zhaiyao/zhaiyao-summary.js";

export async function summarise(text: string, wasm: InitInput, bytes: SyncInitInput): Promise<string[]> {
  const output: InitOutput = await init({ module_or_path: wasm });
  void output.memory;
  initSync({ module: bytes });
  if (!englishInstalled()) await loadEnglish();
  installEnglish(new Uint8Array(0));
  const load: LoadOptions = { userDict: "工具图书馆 5 n", stopWords: ["的"] };
  const summarizer: Summarizer = await Summarizer.load(load);
  const engine: Defaults = defaults();
  const codes: ErrorCode[] = errorCodes();
  try {
    summarizer.summarize("");
  } catch (error) {
    const e = error as ZhaiyaoError;
    if (codes.includes(e.code)) console.log(e.code, e.bytes, e.limit, e.language, e.line, e.detail, engine.sentences);
  }
  const options: SummarizeOptions = { sentences: 3, keywords: 10, lang: "auto" };
  const summary: Summary = summarizer.summarize(text, options);
  const first: SummarySentence | undefined = summary.sentences[0];
  const terms: TermWeight[] = first ? first.terms : [];
  const signals: Signal[] = first ? first.signals : [];
  const named: SignalName[] = signalNames();
  if (signals.some((signal) => !named.includes(signal.name))) throw new Error("unnamed signal");
  const keywords: Keyword[] = summary.keywords;
  const analyze: AnalyzeOptions = { lang: "zh" };
  const analysis: Analysis = summarizer.analyze(text, analyze);
  const select: SelectOptions = { chars: 120 };
  const shorter: Summary = analysis.select(select);
  const infos: SentenceInfo[] = analysis.sentences;
  const offsets: Uint32Array = analysis.offsets();
  const scores: Float64Array = analysis.scores();
  const lang: Lang = analysis.lang;
  const lead: Lead = summary.lead;
  analysis.free();
  summarizer.free();
  return [
    lang,
    ...shorter.sentences.map((s) => s.text),
    ...terms.map((t) => `${t.term}:${t.weight}`),
    ...signals.map((s) => `${s.name}:${s.factor}:${s.value}`),
    `${lead.strength}:${lead.reporting}:${lead.personal}`,
    ...keywords.map((k) => `${k.word}:${k.weight}:${k.sentences.join(",")}`),
    ...infos.map((i) => `${i.index}:${i.start}:${i.end}:${i.score}`),
    `${offsets.length}:${scores.length}`,
  ];
}

export function widget(): ZhaiyaoSummaryElement | null {
  const config: ZhaiyaoConfig = { assetsUrl: "/static/zhaiyao/", userDict: "", stopWords: [] };
  globalThis.ZhaiyaoConfig = config;
  const element = document.querySelector("zhaiyao-summary");
  if (!element) return null;
  // Frameworks set properties: none of these may clash with HTMLElement's.
  element.lang = "en";
  element.sentences = 3;
  element.ratio = null;
  element.chars = null;
  element.keywords = 20;
  element.for = "story";
  element.uiLang = "zh";
  element.theme = "dark";
  element.highlight = true;
  element.base = null;
  const listener = (event: ZhaiyaoSummaryEventMap["zhaiyao-summary"]): void => {
    const summary: Summary = event.detail.summary;
    console.log(summary.keywords.length, event.detail.lang, event.detail.text.length);
  };
  element.addEventListener("zhaiyao-summary", listener);
  element.removeEventListener("zhaiyao-summary", listener);
  element.addEventListener("zhaiyao-keyword", (event) => console.log(event.detail.word, event.detail.sentences));
  element.addEventListener("zhaiyao-error", (event) => console.error(event.detail.message, event.detail.code));
  void ZhaiyaoSummaryElement.defaults().then((d: Defaults) => console.log(d.keywords, d.explainedTerms));
  const state: "idle" | "loading" | "ready" | "error" = element.state;
  const offsets: Array<[number, number]> = element.sentenceOffsets;
  console.log(state, offsets.length, element.articleLang, element.selectedKeyword, element.text, element.summary);
  element.selectKeyword(null);
  void element.refresh();
  return element instanceof ZhaiyaoSummaryElement ? element : null;
}
