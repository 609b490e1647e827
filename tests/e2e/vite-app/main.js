// The package as an npm user imports it: the JS API on the main thread, and the component
// (whose worker and wasm Vite finds through `new URL(…, import.meta.url)` and bundles).
import init, { Summarizer } from "zhaiyao";
import "zhaiyao/zhaiyao-summary.js";

const out = document.getElementById("api-result");
try {
  await init();
  const summarizer = await Summarizer.load();
  const text = "Bundlers rewrite asset URLs. The wasm file gets a hashed name. Vite copies it to the output folder and the glue still finds it.";
  const summary = summarizer.summarize(text, { sentences: 1, keywords: 5 });
  out.textContent = JSON.stringify(summary);
  summarizer.free();
} catch (error) {
  out.textContent = `error: ${error.message}`;
}
