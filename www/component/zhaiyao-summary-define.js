// Registers <zhaiyao-summary> (ZhaiyaoSummaryElement) once, where there are custom elements; elsewhere (Node, server-side rendering) it does nothing.
import { ZhaiyaoSummaryElement } from "./zhaiyao-summary-element.js";

if (typeof customElements !== "undefined" && !customElements.get("zhaiyao-summary")) {
  customElements.define("zhaiyao-summary", ZhaiyaoSummaryElement);
}

export { ZhaiyaoSummaryElement };
