// React 19 mounting <zhaiyao-summary>: React sets the element's props as properties (the element
// defines them), `lang` included. Built and run by tests/e2e/stacks.test.mjs.
import { useState } from "react";
import { createRoot } from "react-dom/client";
import "zhaiyao/zhaiyao-summary.js";

function Summary() {
  const [sentences, setSentences] = useState(3);
  return (
    <>
      <button id="shorter" onClick={() => setSentences(2)}>2</button>
      <zhaiyao-summary for="story" sentences={sentences} keywords={20} lang="zh" />
    </>
  );
}

createRoot(document.getElementById("app")).render(<Summary />);
