// The entry of <zhaiyao-summary>: importing it registers the element and exports its class.
//
// The element shows the summary, keywords and "why" of an article, computed in a Worker.
//
//   <script type="module" src="https://example.com/zhaiyao/zhaiyao-summary.js"></script>
//   <article id="post">…</article>
//   <zhaiyao-summary for="post" sentences="3"></zhaiyao-summary>
//
// Attributes: for, sentences | ratio | chars, keywords, lang, ui-lang, theme, highlight, base;
// each is also a property (ui-lang as uiLang). The article's detected language is articleLang.
// See zhaiyao-summary.d.ts for the element's properties and events and zhaiyao-styles.js for
// the CSS custom properties.
//
// The element is made of: zhaiyao-summary-element.js (the thin element class),
// zhaiyao-summary-controller.js (state, requests, selection; no DOM), zhaiyao-summary-view.js
// and zhaiyao-summary-template.js (the shadow DOM, from <template>s), zhaiyao-summary-highlights.js
// (marks in the source element) and zhaiyao-summary-define.js (the registration). Importing this
// module where there is no DOM (server-side rendering, Node) defines nothing and does not throw.
export { ZhaiyaoSummaryElement } from "./zhaiyao-summary-define.js";
