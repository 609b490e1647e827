// The API's defaults (summary length, keyword count, terms explained) are declared once, in the
// Rust library, and exported by the wasm's defaults(): the component and the extension read them
// and never declare them again (tests/wasm.rs checks that defaults() is Options::default()).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./helpers.mjs";

/** The source files of the component and the extension (their built copies come from these). */
function sources() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(m?js|ts|html)$/.test(entry.name) && !entry.name.endsWith(".bundled.js")) files.push(path);
    }
  };
  walk(join(ROOT, "www", "component"));
  walk(join(ROOT, "www", "extension"));
  return files;
}

/** A default declared again: a constant, a number given to an option by default, a form's value. */
const REDECLARED = [
  [/\bDEFAULT_(SENTENCES|KEYWORDS|TERMS)\b/, "a default constant"],
  [/\b(sentences|keywords|explainedTerms)\s*:\s*\d/, "an option's number in an object"],
  [/\b(sentences|keywords)\b[^;\n]*(\?\?|\|\|)\s*\d/, "a number in place of a missing option"],
  [/name="(sentences|keywords)"[^>]*\bvalue="\d/, "a form's preset value"],
  [/\bterms\.slice\(\s*0\s*,\s*\d/, "a count of explained terms"],
  [/\(default \d+( sentences)?\)/, "a documented number"],
];

test("no default of the API is declared again in the component or the extension", () => {
  const found = [];
  for (const file of sources()) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((line, i) => {
      for (const [pattern, what] of REDECLARED) {
        if (pattern.test(line)) found.push(`${relative(ROOT, file)}:${i + 1}: ${what}: ${line.trim()}`);
      }
    });
  }
  assert.deepEqual(found, []);
});

test("the patterns catch the declarations they name", () => {
  const caught = (line) => REDECLARED.some(([pattern]) => pattern.test(line));
  assert.ok(caught("const DEFAULT_KEYWORDS = 20;"));
  assert.ok(caught("const DEFAULTS = { sentences: 3, keywords: 20, auto: false };"));
  assert.ok(caught('budget.sentences = num("sentences") ?? 3;'));
  assert.ok(caught('<input id="set-length" name="sentences" type="range" min="1" max="10" value="3">'));
  assert.ok(caught("const shown = s.terms.slice(0, 5);"));
  assert.ok(!caught('<input id="set-length" name="sentences" type="range" min="1" max="10" step="1">'));
});

test("the wasm exports the defaults the widget and the extension read", async () => {
  const entry = join(ROOT, "pkg", "node.js");
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`make pkg\` first (or \`make test-e2e\`)`);
  const engine = await import(pathToFileURL(entry).href);
  await engine.default();
  const defaults = engine.defaults();
  assert.deepEqual(Object.keys(defaults).sort(), ["explainedTerms", "keywords", "sentences"]);
  const types = readFileSync(join(ROOT, "pkg", "zhaiyao.d.ts"), "utf8");
  const declared = /export interface Defaults \{([^}]*)\}/.exec(types);
  assert.ok(declared, "zhaiyao.d.ts declares Defaults");
  const fields = [...declared[1].matchAll(/^\s*(\w+): number;/gm)].map((m) => m[1]);
  assert.deepEqual(fields.sort(), Object.keys(defaults).sort(), "the TypeScript type and the object agree");
  const s = await engine.Summarizer.load();
  const summary = s.summarize(readFileSync(join(ROOT, "data", "example.zh.txt"), "utf8"));
  assert.equal(summary.sentences.length, defaults.sentences);
  assert.equal(summary.keywords.length, defaults.keywords);
  assert.equal(summary.sentences[0].terms.length, defaults.explainedTerms);
  s.free();
});
