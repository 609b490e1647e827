// Registers <zhaiyao-summary> as ZhaiyaoSummaryElement, once, where there are custom elements.
//
// Elsewhere (Node, server-side rendering) importing it does nothing and does not throw.
import { ZhaiyaoSummaryElement } from "./zhaiyao-summary-element.js";

if (typeof customElements !== "undefined" && !customElements.get("zhaiyao-summary")) {
  customElements.define("zhaiyao-summary", ZhaiyaoSummaryElement);
}

export { ZhaiyaoSummaryElement };
