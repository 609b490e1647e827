// The shadow DOM of <zhaiyao-summary>, stamped from its templates and drawn from the controller's state.
//
// Article text only ever reaches it as Text nodes (textContent), never as HTML.
//
// Every `render…` reads the controller (a `SummaryController`, never changed here) and `ui`,
// the interface language and its strings: `{ lang, t }`.
import { LANG_NAMES, engineError, formatFactor, unsupportedNote } from "./zhaiyao-strings.js";
import { COMPONENT_CSS } from "./zhaiyao-styles.js";
import { stampCard, stampItem, stampMeterRow, stampSignal, stampSignals } from "./zhaiyao-summary-template.js";

// A score factor is shown in the "why" view when |ln factor| exceeds this (outside ×0.82–×1.22):
// density and brevity differ a little for every sentence; only a marked difference says why.
const SIGNAL_THRESHOLD = 0.2;

let componentSheet = null;

function sheets() {
  if (!componentSheet) {
    componentSheet = new CSSStyleSheet();
    componentSheet.replaceSync(COMPONENT_CSS);
  }
  return [componentSheet];
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A stable pseudo-random order so that big and small keywords mix in the cloud. */
function cloudOrder(keywords) {
  const hash = (s) => {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    return h >>> 0;
  };
  return keywords
    .map((k, rank) => ({ k, rank, key: hash(k.word) }))
    .sort((a, b) => a.key - b.key)
    .map(({ k, rank }) => ({ ...k, rank }));
}

function span(className, text) {
  const node = document.createElement("span");
  if (className) node.className = className;
  node.textContent = text;
  return node;
}

export class SummaryView {
  /**
   * Fills `root` (the element's shadow root) from the card template.
   * @param {ShadowRoot} root
   * @param {{ onSlider: (value: number) => void, onKeyword: (word: string) => void }} actions
   */
  constructor(root, { onSlider, onKeyword }) {
    root.adoptedStyleSheets = sheets();
    const { node, refs } = stampCard();
    this.$ = refs;
    refs.slider.addEventListener("input", () => onSlider(Number(refs.slider.value)));
    refs.cloud.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-word]");
      if (button) onKeyword(button.dataset.word);
    });
    root.append(node);
  }

  /** The interface's fixed strings (and the status line), in `ui`'s language. */
  renderStrings(ui, c, { hasFor }) {
    const { t } = ui;
    const $ = this.$;
    $.titleText.textContent = t.title;
    $.title.textContent = t.title;
    $.summaryTitle.textContent = t.summary;
    $.keywordsTitle.textContent = t.keywords;
    $.sliderLabel.textContent = t.length;
    $.sourceLabel.textContent = t.source;
    $.source.hidden = hasFor;
    if (!c.keyword) $.hint.textContent = t.keywordHint;
    this.renderStatus(ui, c);
  }

  /** What is shown in each state: the skeleton while loading, the body once there is a result. */
  showState(c) {
    const ready = c.state === "ready" && Boolean(c.analysis);
    this.$.skeleton.hidden = c.state !== "loading";
    this.$.body.hidden = !ready;
    this.$.langBadge.hidden = !ready;
  }

  /** The status line of the current state. */
  renderStatus({ lang, t }, c) {
    if (c.state === "loading") {
      this._setStatus(t[c.loadingKey], true);
    } else if (c.state === "error" && unsupportedNote(lang, c.error)) {
      this._setStatus(unsupportedNote(lang, c.error)); // a note, not an error
    } else if (c.state === "error") {
      const error = c.error;
      this._setStatus(t.error + (error.localise ? error.localise(t) : engineError(lang, error)), false, true);
    } else if (c.state === "ready" && !c.analysis && c.text != null) {
      this._setStatus(t.empty); // the text is blank
    } else {
      this._setStatus("");
    }
  }

  _setStatus(text, busy, isError) {
    const status = this.$.status;
    status.replaceChildren();
    status.classList.toggle("error", Boolean(isError));
    status.setAttribute("role", isError ? "alert" : "status");
    if (!text) return;
    if (busy) {
      const spin = span("spinner", "");
      spin.setAttribute("aria-hidden", "true");
      status.append(spin);
    }
    status.append(span(null, text));
  }

  /** Everything of a result: badge, slider, summary, cloud, stats. */
  renderAll(ui, c) {
    this.$.langBadge.hidden = false;
    this.$.langBadge.textContent = LANG_NAMES[c.analysis.lang] || c.analysis.lang;
    this.renderSlider(ui, c);
    this.renderSummary(ui, c);
    this.renderCloud(ui, c);
    this.renderStats(ui, c);
  }

  renderSlider(ui, c) {
    const s = c.slider();
    const slider = this.$.slider;
    slider.min = String(s.min);
    slider.max = String(s.max);
    slider.step = String(s.step);
    slider.value = String(s.value);
    this.$.controls.hidden = !s.shown;
    this.updateOutput(ui, c);
  }

  /** The slider's value as text, beside it and for screen readers. */
  updateOutput({ t }, c) {
    const v = Number(this.$.slider.value);
    const text = c.sliderMode() === "chars" ? t.charsUnit(v) : t.sentencesUnit(v);
    this.$.output.textContent = text;
    this.$.slider.setAttribute("aria-valuetext", text);
  }

  renderSummary(ui, c) {
    const { t } = ui;
    const summary = c.summary;
    const maxScore = c.analysis.maxScore || 1;
    const marked = c.markedSentences();
    const items = summary.sentences.map((s, i) => {
      const { node: li, refs } = stampItem();
      li.dataset.index = String(s.index);
      li.classList.toggle("marked", marked.has(s.index));
      fillSentence(refs.text, s.text, marked.has(s.index) ? c.keyword : null);
      const { toggle, panel } = refs;
      toggle.textContent = t.why;
      const panelId = `why-${i}`;
      toggle.setAttribute("aria-controls", panelId);
      panel.id = panelId;
      panel.setAttribute("aria-label", `${t.why} · ${t.sentenceLabel(s.index)}`);
      const relative = Math.round((100 * s.score) / maxScore);
      refs.rank.before(meterRow(t.score, s.score / maxScore, `${relative}`, "score"));
      refs.rank.textContent = t.rank(c.rankOf(s), c.analysis.count);
      const signals = signalsOf(s, t);
      if (signals) refs.terms.before(signals);
      refs.terms.setAttribute("aria-label", t.terms);
      // The engine gives the top terms only (at most `defaults().explainedTerms`). A term's
      // weight is its part of the score (all the sentence's terms add up to it), so its share is
      // weight / score: the terms shown need not add up to 100%.
      const top = Math.max(...s.terms.map((term) => term.weight), 1e-9);
      for (const term of s.terms) {
        const share = s.score > 0 ? Math.round((100 * term.weight) / s.score) : 0;
        const row = meterRow(term.term, term.weight / top, `${share}%`);
        row.querySelector(".label").dir = "auto";
        refs.terms.append(row);
      }
      toggle.addEventListener("click", () => {
        const open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        panel.hidden = !open;
        toggle.textContent = open ? t.whyHide : t.why;
      });
      return li;
    });
    const $ = this.$;
    $.list.replaceChildren(...items);
    const none = summary.sentences.length === 0;
    $.list.hidden = none;
    $.none.hidden = !none;
    const budget = c.budget();
    $.none.textContent = none ? ("chars" in budget ? t.nothingFits(budget.chars) : t.empty) : "";
  }

  renderCloud({ t }, c) {
    const keywords = c.summary.keywords;
    const buttons = cloudOrder(keywords).map((k) => {
      const b = document.createElement("button");
      if (k.rank < 3) b.className = "strong";
      b.textContent = k.word;
      b.type = "button";
      b.dir = "auto";
      b.dataset.word = k.word;
      b.setAttribute("aria-pressed", String(k.word === c.keyword));
      // Size by weight, gently compressed so small words stay readable.
      b.style.setProperty("--w", Math.sqrt(Math.max(0, Math.min(1, k.weight))).toFixed(3));
      return b;
    });
    this.$.cloud.replaceChildren(...buttons);
    this.$.keywords.hidden = keywords.length === 0;
    if (!c.keyword) this.$.hint.textContent = t.keywordHint;
  }

  renderStats({ t }, c) {
    const { total, unit, minutes, saved } = c.readingStats();
    this.$.stats.replaceChildren(
      span(null, t.articleLength(total, unit)),
      span(null, t.readTime(minutes)),
      span("saved", t.saved(saved)),
    );
  }

  clearStats() {
    this.$.stats.replaceChildren();
  }

  /** The picked keyword: pressed in the cloud, marked in the summary, told in the hint. */
  renderKeyword(ui, c) {
    const { t } = ui;
    for (const b of this.$.cloud.querySelectorAll("button[data-word]")) {
      b.setAttribute("aria-pressed", String(b.dataset.word === c.keyword));
    }
    if (c.summary) this.renderSummary(ui, c);
    const info = c.keywordInfo();
    if (info) {
      const inSummary = c.summary.sentences.some((s) => info.sentences.includes(s.index));
      this.$.hint.textContent = t.marked(info.word, info.sentences.length) + (inSummary ? "" : t.notInSummary);
    } else {
      this.$.hint.textContent = t.keywordHint;
    }
  }
}

/** A labelled bar (0 ≤ value ≤ 1) with its value as text. */
function meterRow(label, value, valueText, extra) {
  const { node, refs } = stampMeterRow();
  if (extra) node.classList.add(extra);
  refs.label.textContent = label;
  refs.label.title = label;
  refs.fill.style.setProperty("--v", String(Math.max(0, Math.min(1, value))));
  refs.value.textContent = valueText;
  return node;
}

/**
 * The factors that changed the sentence's score noticeably (position, title, length, …), as
 * boost/penalty chips; null when every factor is about 1.
 */
function signalsOf(sentence, t) {
  const shown = (sentence.signals || []).filter(
    (g) => Number.isFinite(g.factor) && g.factor > 0 && Math.abs(Math.log(g.factor)) > SIGNAL_THRESHOLD,
  );
  if (shown.length === 0) return null;
  const { node: box, refs: box$ } = stampSignals();
  box$.caption.textContent = t.signals;
  box$.list.setAttribute("aria-label", t.signals);
  for (const g of shown) {
    const boost = g.factor > 1;
    const { node: li, refs } = stampSignal();
    li.classList.add(boost ? "boost" : "penalty");
    li.dataset.signal = g.name;
    // The title's own line is damped, not "close to the title".
    const name = g.name === "title" && !boost ? "ownTitle" : g.name;
    const detail = t.signalDetails[name]?.(g.value);
    const label = detail ? `${t.signalNames[name] ?? name} · ${detail}` : (t.signalNames[name] ?? name);
    const factor = formatFactor(g.factor);
    li.title = `${label} · ${boost ? t.boost : t.penalty} ${factor}`;
    refs.name.textContent = label;
    refs.factor.textContent = factor;
    refs.arrow.textContent = boost ? "↑" : "↓";
    refs.spoken.textContent = ` (${boost ? t.boost : t.penalty})`;
    box$.list.append(li);
  }
  return box;
}

/** The sentence as Text nodes, with the picked keyword's occurrences in <mark>s. */
function fillSentence(p, text, word) {
  if (!word) {
    p.textContent = text;
    return;
  }
  const pattern = new RegExp(escapeRegExp(word), "giu");
  let last = 0;
  const parts = [];
  for (const m of text.matchAll(pattern)) {
    if (!m[0]) break;
    if (m.index > last) parts.push(document.createTextNode(text.slice(last, m.index)));
    const mark = document.createElement("mark");
    mark.textContent = m[0];
    parts.push(mark);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(document.createTextNode(text.slice(last)));
  p.replaceChildren(...parts);
}
