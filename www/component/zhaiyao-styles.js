// Styles of <zhaiyao-summary>, applied as constructable stylesheets (adoptedStyleSheets), so a
// strict Content-Security-Policy without 'unsafe-inline' styles is fine.
//
// Theming: set these custom properties on the element (or any ancestor); each has a light and a
// dark default.
//   --zhaiyao-font              font family
//   --zhaiyao-font-size         base font size (default 15px)
//   --zhaiyao-bg                card background
//   --zhaiyao-surface           background of panels inside the card
//   --zhaiyao-fg                text colour
//   --zhaiyao-muted             secondary text colour
//   --zhaiyao-border            border colour
//   --zhaiyao-accent            accent (slider, pressed keyword, focus ring, score bars)
//   --zhaiyao-accent-fg         text on the accent colour
//   --zhaiyao-accent-soft       soft accent background (hovered keyword, sentence numbers)
//   --zhaiyao-mark              background of summary sentences that contain the picked keyword
//   --zhaiyao-radius            corner radius of the card
//   --zhaiyao-shadow            box shadow of the card
// In the source element (the page's own text, via the CSS Custom Highlight API):
//   --zhaiyao-highlight         background of sentences holding the picked keyword
//   --zhaiyao-summary-highlight background of the summary's sentences (with the `highlight` attribute)
// (zhaiyao-text.js's HIGHLIGHTS: the same palette as the browser extension's marks on a page.)
import { highlightCss } from "./zhaiyao-text.js";

const LIGHT = `
  --_bg: var(--zhaiyao-bg, #ffffff);
  --_surface: var(--zhaiyao-surface, #f6f7f9);
  --_fg: var(--zhaiyao-fg, #1c2230);
  --_muted: var(--zhaiyao-muted, #5f6878);
  --_border: var(--zhaiyao-border, #e3e6ec);
  --_accent: var(--zhaiyao-accent, #4f46e5);
  --_accent-fg: var(--zhaiyao-accent-fg, #ffffff);
  --_accent-soft: var(--zhaiyao-accent-soft, #eef0ff);
  --_mark: var(--zhaiyao-mark, #fff1b8);
  --_mark-word: #fbd75b;
  --_shadow: var(--zhaiyao-shadow, 0 1px 2px rgb(16 24 40 / 0.04), 0 8px 24px rgb(16 24 40 / 0.06));
  --_skeleton: #eceef2;
  --_penalty: #b42318;
  --_penalty-soft: #fdeceb;
  color-scheme: light;
`;

const DARK = `
  --_bg: var(--zhaiyao-bg, #171a21);
  --_surface: var(--zhaiyao-surface, #1f232c);
  --_fg: var(--zhaiyao-fg, #e6e8ee);
  --_muted: var(--zhaiyao-muted, #9aa3b4);
  --_border: var(--zhaiyao-border, #2c313c);
  --_accent: var(--zhaiyao-accent, #8d94ff);
  --_accent-fg: var(--zhaiyao-accent-fg, #10121a);
  --_accent-soft: var(--zhaiyao-accent-soft, #272c4d);
  --_mark: var(--zhaiyao-mark, rgb(250 204 21 / 0.16));
  --_mark-word: rgb(250 204 21 / 0.38);
  --_shadow: var(--zhaiyao-shadow, 0 1px 2px rgb(0 0 0 / 0.3), 0 8px 24px rgb(0 0 0 / 0.25));
  --_skeleton: #262a33;
  --_penalty: #ff9b8f;
  --_penalty-soft: rgb(255 110 95 / 0.14);
  color-scheme: dark;
`;

export const COMPONENT_CSS = `
:host {
  ${LIGHT}
  display: block;
  font-family: var(--zhaiyao-font, system-ui, -apple-system, "Segoe UI", "PingFang SC",
    "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif);
  font-size: var(--zhaiyao-font-size, 15px);
  line-height: 1.65;
  color: var(--_fg);
}
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) { ${DARK} }
}
:host([theme="dark"]) { ${DARK} }
:host([hidden]) { display: none; }

* { box-sizing: border-box; }
[hidden] { display: none !important; }

.card {
  /* Article text may hold words longer than a line (URLs, hashes): break them rather than overflow. */
  overflow-wrap: anywhere;
  background: var(--_bg);
  border: 1px solid var(--_border);
  border-radius: var(--zhaiyao-radius, 16px);
  box-shadow: var(--_shadow);
  padding: 1.25em 1.4em 1.1em;
}

header {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 0.75em;
  flex-wrap: wrap;
  margin-bottom: 0.9em;
}
.brand {
  display: inline-flex;
  align-items: center;
  gap: 0.5em;
  font-weight: 650;
  font-size: 1.02em;
  letter-spacing: 0.01em;
}
.logo {
  width: 1.6em;
  height: 1.6em;
  border-radius: 0.5em;
  display: inline-grid;
  place-items: center;
  background: var(--_accent);
  color: var(--_accent-fg);
  font-size: 0.8em;
  font-weight: 700;
}
.lang-badge {
  font-size: 0.72em;
  font-weight: 600;
  text-transform: uppercase;
  letter-spacing: 0.06em;
  color: var(--_muted);
  border: 1px solid var(--_border);
  border-radius: 999px;
  padding: 0.05em 0.6em;
}
.stats {
  display: flex;
  flex-wrap: wrap;
  gap: 0.35em 0.9em;
  font-size: 0.82em;
  color: var(--_muted);
}
.stats .saved { color: var(--_accent); font-weight: 600; }

.status {
  font-size: 0.9em;
  color: var(--_muted);
  display: flex;
  align-items: center;
  gap: 0.6em;
}
.status.error { color: #d92d20; }
.status:empty { display: none; }
.spinner {
  width: 1em;
  height: 1em;
  border-radius: 50%;
  border: 2px solid var(--_border);
  border-top-color: var(--_accent);
  animation: spin 0.8s linear infinite;
  flex: none;
}
.skeleton { display: grid; gap: 0.6em; margin: 0.9em 0 0.4em; }
.skeleton span {
  display: block;
  height: 0.9em;
  border-radius: 6px;
  background: linear-gradient(90deg, var(--_skeleton) 0%, var(--_surface) 50%, var(--_skeleton) 100%);
  background-size: 200% 100%;
  animation: shimmer 1.4s ease-in-out infinite;
}
.skeleton span:nth-child(2) { width: 92%; }
.skeleton span:nth-child(3) { width: 78%; }
.skeleton span:nth-child(4) { width: 55%; }
@keyframes spin { to { transform: rotate(360deg); } }
@keyframes shimmer { from { background-position: 100% 0; } to { background-position: -100% 0; } }
@media (prefers-reduced-motion: reduce) {
  .spinner, .skeleton span { animation: none; }
}

.section-title {
  font-size: 0.74em;
  font-weight: 650;
  letter-spacing: 0.08em;
  text-transform: uppercase;
  color: var(--_muted);
  margin: 0 0 0.5em;
}

.controls {
  display: grid;
  grid-template-columns: auto 1fr auto;
  align-items: center;
  gap: 0.8em;
  padding: 0.55em 0.8em;
  margin-bottom: 0.9em;
  background: var(--_surface);
  border-radius: 10px;
  font-size: 0.88em;
}
.controls label { color: var(--_muted); white-space: nowrap; }
.controls output {
  font-variant-numeric: tabular-nums;
  font-weight: 600;
  min-width: 4.5em;
  text-align: right;
  white-space: nowrap;
}
input[type="range"] { width: 100%; accent-color: var(--_accent); margin: 0; cursor: pointer; }

ol.summary {
  list-style: none;
  margin: 0;
  padding: 0;
  display: grid;
  gap: 0.35em;
  counter-reset: s;
}
ol.summary > li {
  counter-increment: s;
  position: relative;
  padding: 0.55em 0.7em 0.5em 2.6em;
  border-radius: 10px;
  transition: background-color 0.15s ease;
}
ol.summary > li::before {
  content: counter(s);
  position: absolute;
  left: 0.7em;
  top: 0.78em;
  width: 1.35em;
  height: 1.35em;
  border-radius: 50%;
  display: grid;
  place-items: center;
  font-size: 0.72em;
  font-weight: 700;
  background: var(--_accent-soft);
  color: var(--_accent);
}
ol.summary > li.marked { background: var(--_mark); }
/* Article text may hold unpaired bidi controls: they must not reorder the widget around it. */
.sentence-text { margin: 0; unicode-bidi: isolate; }
.none {
  margin: 0;
  padding: 0.55em 0.8em;
  border-radius: 10px;
  background: var(--_surface);
  color: var(--_muted);
  font-size: 0.9em;
}
.sentence-text mark {
  background: var(--_mark-word);
  color: inherit;
  border-radius: 3px;
  padding: 0 0.08em;
}
.why-toggle {
  margin-top: 0.15em;
  font: inherit;
  font-size: 0.78em;
  color: var(--_muted);
  background: none;
  border: 0;
  padding: 0.1em 0;
  cursor: pointer;
  display: inline-flex;
  align-items: center;
  gap: 0.3em;
}
.why-toggle:hover { color: var(--_accent); }
.why-toggle::after {
  content: "";
  width: 0.4em;
  height: 0.4em;
  border-right: 1.5px solid currentColor;
  border-bottom: 1.5px solid currentColor;
  transform: rotate(45deg) translate(-0.1em, -0.1em);
  transition: transform 0.15s ease;
}
.why-toggle[aria-expanded="true"]::after { transform: rotate(-135deg) translate(-0.05em, -0.05em); }
.why {
  margin-top: 0.45em;
  padding: 0.65em 0.8em;
  background: var(--_surface);
  border-radius: 8px;
  font-size: 0.84em;
  display: grid;
  gap: 0.35em;
}
.meter-row {
  display: grid;
  grid-template-columns: 6.5em 1fr 3.2em;
  align-items: center;
  gap: 0.6em;
}
.meter-row .label { color: var(--_muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.meter-row .value { text-align: right; font-variant-numeric: tabular-nums; color: var(--_muted); }
.meter-row.score .label, .meter-row.score .value { color: var(--_fg); font-weight: 600; }
.rank { margin: 0 0 0.25em; font-size: 0.92em; color: var(--_muted); }
.signals {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.3em 0.5em;
  margin: 0 0 0.3em;
}
.signals-label { color: var(--_muted); font-size: 0.92em; }
.signals ul {
  display: flex;
  flex-wrap: wrap;
  gap: 0.3em;
  margin: 0;
  padding: 0;
  list-style: none;
}
.signal {
  display: inline-flex;
  align-items: baseline;
  gap: 0.35em;
  padding: 0.05em 0.6em;
  border-radius: 999px;
  background: var(--_accent-soft);
  color: var(--_fg);
  font-size: 0.92em;
  line-height: 1.6;
  /* A chip with what its signal measured may be wider than a phone: it wraps inside itself. */
  flex-wrap: wrap;
  max-width: 100%;
  overflow-wrap: anywhere;
}
.signal .factor, .signal .arrow {
  color: var(--_accent);
  font-weight: 600;
  font-variant-numeric: tabular-nums;
}
.signal .arrow { margin-left: -0.2em; }
.signal.penalty { background: var(--_penalty-soft); }
.signal.penalty .factor, .signal.penalty .arrow { color: var(--_penalty); }
.terms { display: grid; gap: 0.3em; }
.bar {
  height: 0.45em;
  border-radius: 999px;
  background: var(--_border);
  overflow: hidden;
}
.bar > span {
  display: block;
  height: 100%;
  width: calc(var(--v, 0) * 100%);
  border-radius: inherit;
  background: var(--_accent);
  opacity: 0.85;
}
.meter-row:not(.score) .bar > span { opacity: 0.5; }

.keywords { margin-top: 1.1em; padding-top: 1em; border-top: 1px solid var(--_border); }
.cloud {
  display: flex;
  flex-wrap: wrap;
  justify-content: center;
  align-items: center;
  gap: 0.25em 0.3em;
  padding: 0.3em 0.2em;
}
.cloud button {
  unicode-bidi: isolate;
  --w: 0.5;
  font: inherit;
  font-size: calc(0.8em + var(--w) * 0.95em);
  font-weight: 500;
  line-height: 1.3;
  color: color-mix(in srgb, var(--_fg) calc(45% + var(--w) * 55%), var(--_bg));
  background: transparent;
  border: 1px solid transparent;
  border-radius: 999px;
  padding: 0.12em 0.55em;
  cursor: pointer;
  transition: background-color 0.12s ease, color 0.12s ease, border-color 0.12s ease;
}
.cloud button.strong { font-weight: 650; }
.cloud button:hover { background: var(--_accent-soft); color: var(--_accent); }
.cloud button[aria-pressed="true"] {
  background: var(--_accent);
  color: var(--_accent-fg);
}
.hint { font-size: 0.8em; color: var(--_muted); margin: 0.4em 0 0; text-align: center; min-height: 1.3em; }

button:focus-visible, input:focus-visible {
  outline: 2px solid var(--_accent);
  outline-offset: 2px;
}
.source { margin-top: 1em; font-size: 0.9em; color: var(--_muted); }
.source summary { cursor: pointer; }
.visually-hidden {
  position: absolute !important;
  width: 1px; height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}
`;

/** Rules for the page itself: how the CSS Custom Highlight API marks the source element (the
 * shared palette of zhaiyao-text.js, the extension's too). */
export const DOCUMENT_CSS = highlightCss("zhaiyao");
