// The TypeScript declarations the package ships (pkg/zhaiyao.d.ts, pkg/index.d.ts) against what
// the wasm really returns, throws and accepts, so that the types cannot drift from the Rust ones.
//
// Why a check of real outputs rather than types generated from the Rust ones (tsify, ts-rs): a
// derive would have to sit on every type the API returns, and several are owned elsewhere
// (Keyword, Signal, Lead, Lang); tsify's derive also grows the wasm; and part of what JavaScript
// receives is not serde's at all: the fields of a thrown error are set one by one (wasm::Failure),
// a sentence's text is a slice of the caller's string, the options are read through a list of
// known names before serde sees them. Real outputs cover all of that. So:
// - every value the API returns or throws, from calls that make every optional field appear, is
//   type-checked by the TypeScript compiler (strict, exactOptionalPropertyTypes, skipLibCheck
//   off) as an object literal of the type the API's own signature declares: a field Rust adds
//   is an excess property, a field it drops is a missing one, a changed kind is a type error;
// - every property the types declare (optional ones included) appears in some real value;
// - every declared `Lang` is accepted and reported back (tests/types.rs checks the other way);
// - each options type names exactly the options the wasm reads: each declared option is
//   accepted with a good value and refused with a bad one (so serde reads it, not only the list
//   of known names), and the wasm knows no option the type lacks;
// - the entry's declared exports are the ones the module has.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { ROOT } from "./helpers.mjs";
import { aliases, check, compile, declaredByPackage, literals } from "./types-check.mjs";

const PKG = join(ROOT, "pkg");
const ZH = readFileSync(join(ROOT, "data", "example.zh.txt"), "utf8");
const EN = readFileSync(join(ROOT, "data", "example.en.txt"), "utf8");
/** A short text of this test's own, with a title and a question. */
const SHORT = "社区工具图书馆\n\n社区工具图书馆周六开门，居民可以免费借用梯子和电钻。为什么工具图书馆受欢迎？因为很多工具一年只用一次。";

/** A good value of each option (a new option needs one here). */
const GOOD = {
  userDict: "工具图书馆 5 n",
  stopWords: ["的"],
  sentences: 2,
  ratio: 0.5,
  chars: 80,
  keywords: 3,
  lang: "zh",
};

let engine;
let summarizer;

before(async () => {
  const entry = join(PKG, "node.js");
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`make pkg\` first (or \`make test-e2e\`)`);
  engine = await import(pathToFileURL(entry).href);
  await engine.default();
  summarizer = await engine.Summarizer.load({ userDict: GOOD.userDict, stopWords: GOOD.stopWords });
});

after(() => summarizer?.free());

/** The error `run` throws (or rejects with), as a plain object of its own fields. */
async function thrown(run) {
  try {
    await run();
  } catch (error) {
    assert.ok(error instanceof Error, `not an Error: ${error}`);
    return { name: error.name, message: error.message, ...error };
  }
  throw new Error(`no error from ${run}`);
}

/** Real values of the API, each with the TypeScript type its call declares (`api` is the module). */
async function samples() {
  const s = summarizer;
  const out = [];
  const add = (type, value) => out.push({ type, value });
  const summary = 'ReturnType<api.Summarizer["summarize"]>';
  add(summary, s.summarize(ZH));
  add(summary, s.summarize(EN, { sentences: 4, keywords: 30, lang: "auto" }));
  add(summary, s.summarize(SHORT, { ratio: 1 }));
  add(summary, s.summarize(SHORT, { keywords: 0 }));
  for (const text of [ZH, EN, SHORT]) {
    const analysis = s.analyze(text, { lang: "auto" });
    add('ReturnType<api.Analysis["select"]>', analysis.select({ chars: 120 }));
    add('ReturnType<api.Analysis["select"]>', analysis.select());
    add('api.Analysis["sentences"]', analysis.sentences);
    add('api.Analysis["lang"]', analysis.lang);
    assert.ok(analysis.offsets() instanceof Uint32Array && analysis.scores() instanceof Float64Array);
    analysis.free();
  }
  add("ReturnType<typeof api.defaults>", engine.defaults());
  add("ReturnType<typeof api.errorCodes>", engine.errorCodes());
  add("ReturnType<typeof api.signalNames>", engine.signalNames());
  add("ReturnType<typeof api.englishInstalled>", engine.englishInstalled());
  // One error of each kind, the types' own: ZhaiyaoError.
  for (const error of [
    await thrown(() => s.summarize(" \n ")),
    await thrown(() => s.analyze("长".repeat(16 * 1024 * 1024 + 1))),
    await thrown(() => s.summarize("きょうはとてもいいてんきですね。あしたもはれるでしょう。")),
    await thrown(() => s.summarize(SHORT, { sentences: 0 })),
    await thrown(() => engine.Summarizer.load({ userDict: "好词 1\n坏词 not-a-number x y\n" })),
    await thrown(() => s.summarize(12)),
    await thrown(() => engine.installEnglish(new Uint8Array([1, 2, 3]))),
  ]) {
    add("api.ZhaiyaoError", error);
  }
  return out;
}

/** The options parameter of each call that takes one, as a type expression. */
const OPTIONS = {
  load: { type: 'NonNullable<Parameters<typeof api.Summarizer.load>[0]>', call: (o) => engine.Summarizer.load(o) },
  summarize: { type: 'NonNullable<Parameters<api.Summarizer["summarize"]>[1]>', call: (o) => summarizer.summarize(SHORT, o) },
  analyze: { type: 'NonNullable<Parameters<api.Summarizer["analyze"]>[1]>', call: (o) => summarizer.analyze(SHORT, o).free() },
  select: {
    type: 'NonNullable<Parameters<api.Analysis["select"]>[0]>',
    call: (o) => {
      const analysis = summarizer.analyze(SHORT);
      try {
        return analysis.select(o);
      } finally {
        analysis.free();
      }
    },
  },
};

test("every value the API returns or throws is of the type its declaration names", async () => {
  const { diagnostics, unseen } = check("samples", await samples());
  // `diagnostics`: the real values do not type-check against pkg/zhaiyao.d.ts. `unseen`: the
  // other way, properties a type declares (optional or not) that no real value has.
  assert.deepEqual({ diagnostics, unseen }, { diagnostics: [], unseen: [] });
});

test("the check refuses a value with a field the types lack, without a declared one, or of another kind", async () => {
  const summary = summarizer.summarize(SHORT);
  const sentence = summary.sentences[0];
  const { extra, missing, kind, lang } = {
    extra: { ...summary, sentences: [{ ...sentence, rank: 1 }] },
    missing: { ...summary, lead: { strength: 0, reporting: 0 } },
    kind: { ...summary, keywords: [{ word: "词", weight: "1", sentences: [0] }] },
    lang: { ...summary, lang: "ja" },
  };
  const type = 'ReturnType<api.Summarizer["summarize"]>';
  const values = [extra, missing, kind, lang].map((value) => ({ type, value }));
  // An error that has only some of the declared fields.
  values.push({ type: "api.ZhaiyaoError", value: await thrown(() => summarizer.summarize(" ")) });
  const { diagnostics, statements, unseen } = check("drifted", values);
  const found = values.map((_, i) => diagnostics.filter((_, j) => statements[j] === i).join("\n"));
  assert.equal(diagnostics.length, 4, diagnostics.join("\n"));
  assert.match(found[0], /rank/);
  assert.match(found[1], /personal/);
  assert.match(found[2], /'string' is not assignable to type 'number'/);
  assert.match(found[3], /"ja"/);
  assert.deepEqual(unseen, [".bytes", ".limit", ".language", ".line", ".detail"].map((p) => `api.ZhaiyaoError${p}`));
});

test("every Lang the types declare is one the wasm accepts and reports", () => {
  const { checker, file, diagnostics } = compile("lang", "export type Declared = api.Lang;\n");
  assert.deepEqual(diagnostics, []);
  const declared = aliases(checker, file).Declared;
  assert.ok(declared.isUnion(), "Lang is a union of codes");
  const codes = declared.types.map((t) => t.value);
  assert.ok(codes.includes("zh") && codes.includes("en"), String(codes));
  for (const code of codes) {
    const analysis = summarizer.analyze(code === "zh" ? SHORT : EN, { lang: code });
    assert.equal(analysis.lang, code);
    analysis.free();
  }
});

test("each options type names exactly the options the wasm reads", async () => {
  const source = Object.entries(OPTIONS)
    .map(([name, { type }]) => `export type ${name} = ${type};\n`)
    .join("");
  const { program, checker, file, diagnostics } = compile("options", source);
  assert.deepEqual(diagnostics, []);
  const types = aliases(checker, file);
  const goodValues = [];
  for (const [name, { call }] of Object.entries(OPTIONS)) {
    const declared = checker
      .getPropertiesOfType(types[name])
      .filter((p) => declaredByPackage(program, p))
      .map((p) => p.name);
    assert.ok(declared.length > 0, `${name}: no options declared`);
    for (const option of declared) {
      assert.ok(option in GOOD, `${name}: no good value of ${option} in this test's GOOD`);
      goodValues.push({ type: OPTIONS[name].type, value: { [option]: GOOD[option] } });
      // Read under its name: a good value is accepted …
      await call({ [option]: GOOD[option] });
      // … and a value of the wrong kind refused, so it is serde's field too, not only a known name.
      const bad = await thrown(() => call({ [option]: Array.isArray(GOOD[option]) ? [{}] : {} }));
      assert.equal(bad.code, "invalid_option", `${name}.${option}`);
      assert.doesNotMatch(bad.detail, /unknown option/, `${name}.${option}`);
    }
    // The wasm knows no option the type lacks: its refusal of an unknown one lists the known.
    const unknown = await thrown(() => call({ notAnOption: 1 }));
    const known = /\(known: ([^)]*)\)/.exec(unknown.detail);
    assert.ok(known, `${name}: the refusal lists the known options: ${unknown.detail}`);
    assert.deepEqual(known[1].split(", ").sort(), [...declared].sort(), `${name}: the wasm's options and the type's`);
  }
  // The good values are of the declared types.
  assert.deepEqual(compile("option-values", literals(goodValues)).diagnostics, []);
});

test("the entry declares exactly the exports the module has", () => {
  const { checker, file, diagnostics } = compile("exports", "");
  assert.deepEqual(diagnostics, []);
  const moduleSymbol = checker.getSymbolAtLocation(file.statements[0].moduleSpecifier);
  assert.match(file.statements[0].moduleSpecifier.text, /pkg\/index\.js$/);
  assert.ok(moduleSymbol, "pkg/index.d.ts resolves");
  const declared = checker
    .getExportsOfModule(moduleSymbol)
    .filter((s) => {
      const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
      return target.flags & ts.SymbolFlags.Value;
    })
    .map((s) => s.name);
  assert.deepEqual(declared.sort(), Object.keys(engine).sort());
});
