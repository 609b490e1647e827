// Vue 3 mounting <zhaiyao-summary>: Vue sets the element's props as properties (the element
// defines them), `lang` included. Built and run by tests/e2e/stacks.test.mjs.
import { createApp, h, ref } from "vue";
import "zhaiyao/zhaiyao-summary.js";

const sentences = ref(3);

createApp({
  render: () => [
    h("button", { id: "shorter", onClick: () => (sentences.value = 2) }, "2"),
    h("zhaiyao-summary", { for: "story", sentences: sentences.value, keywords: 20, lang: "zh" }),
  ],
}).mount("#app");
