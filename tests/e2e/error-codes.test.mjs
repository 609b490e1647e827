// The engine's errors reach the reader translated by their `code`, never by their English
// wording: every code the wasm lists has a translation in each interface language, and each real
// error (made by the engine, in Node) reads as Chinese in the Chinese interfaces. Likewise the
// "why" view's signals are labelled by the names the engine lists.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./helpers.mjs";
import { LANG_NAMES, STRINGS, engineError, unsupportedNote } from "../../www/component/zhaiyao-strings.js";

const LANGS = ["zh", "zh-Hant", "en"];
let engine;

before(async () => {
  const entry = join(ROOT, "pkg", "node.js");
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`make pkg\` first (or \`make test-e2e\`)`);
  engine = await import(pathToFileURL(entry).href);
  await engine.default();
});

/** The error `run` throws (or rejects with). */
async function thrown(run) {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error(`no error from ${run}`);
}

test("every error code of the engine has a translation in each interface language, and no other", () => {
  const codes = engine.errorCodes();
  assert.ok(codes.includes("empty_text") && codes.includes("too_large"), String(codes));
  for (const lang of LANGS) {
    assert.deepEqual(Object.keys(STRINGS[lang].engineErrors).sort(), [...codes].sort(), lang);
  }
});

test("every signal the engine names has a label in each interface language, and no other", () => {
  const names = engine.signalNames();
  assert.ok(names.includes("position") && names.includes("density"), String(names));
  // "ownTitle" labels the title signal of the title line itself (a penalty, not a boost).
  for (const lang of LANGS) {
    assert.deepEqual(Object.keys(STRINGS[lang].signalNames).sort(), [...names, "ownTitle"].sort(), lang);
    for (const detailed of Object.keys(STRINGS[lang].signalDetails)) assert.ok(names.includes(detailed), `${lang}: ${detailed}`);
  }
});

test("the TypeScript type SignalName names exactly the signals the wasm lists", () => {
  const types = readFileSync(join(ROOT, "pkg", "zhaiyao.d.ts"), "utf8");
  const signals = /export type SignalName =([^;]*);/.exec(types);
  assert.ok(signals, "zhaiyao.d.ts declares SignalName");
  assert.deepEqual([...signals[1].matchAll(/"([a-z_]+)"/g)].map((m) => m[1]), engine.signalNames());
});

test("every language the engine reports (TypeScript Lang) has its name for the language badge, and no other", () => {
  const types = readFileSync(join(ROOT, "pkg", "zhaiyao.d.ts"), "utf8");
  const union = /export type Lang =([^;]*);/.exec(types);
  assert.ok(union, "zhaiyao.d.ts declares Lang");
  const langs = [...union[1].matchAll(/"([a-z]+)"/g)].map((m) => m[1]);
  assert.deepEqual(Object.keys(LANG_NAMES).sort(), langs.sort());
});

test("the TypeScript type ErrorCode names exactly the codes the wasm lists", () => {
  const types = readFileSync(join(ROOT, "pkg", "zhaiyao.d.ts"), "utf8");
  const union = /export type ErrorCode =([^;]*);/.exec(types);
  assert.ok(union, "zhaiyao.d.ts declares ErrorCode");
  const named = [...union[1].matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
  assert.deepEqual(named, engine.errorCodes());
});

test("each real engine error is shown in Chinese by its code, from its fields", async () => {
  const s = await engine.Summarizer.load();
  const errors = [
    await thrown(() => s.summarize(" \n ")),
    await thrown(() => s.analyze("长".repeat(16 * 1024 * 1024 + 1))),
    await thrown(() => s.summarize("きょうはとてもいいてんきですね。あしたもはれるでしょう。")),
    await thrown(() => s.summarize("社区工具图书馆开门了。", { sentences: 0 })),
    await thrown(() => engine.Summarizer.load({ userDict: "好词 1\n坏词 not-a-number x y\n" })),
    await thrown(() => s.summarize(12)),
    await thrown(() => engine.installEnglish(new Uint8Array([1, 2, 3]))),
  ];
  const codes = errors.map((e) => e.code);
  assert.deepEqual(codes, engine.errorCodes().filter((c) => c !== "internal"), "one real error of each kind");
  const shown = (lang) => errors.map((e) => engineError(lang, e));
  assert.deepEqual(shown("zh").slice(0, 4), [
    "文章是空的，没有可以摘要的内容。",
    "文章有 16.0 MiB，超过了 16 MiB 的上限，请分段摘要。",
    "暂不支持日文文章的摘要。",
    "选项无效（sentences must be a whole number from 1 to 1000000000, not 0）",
  ]);
  for (const lang of ["zh", "zh-Hant"]) {
    for (const [i, text] of shown(lang).entries()) {
      assert.notEqual(text, errors[i].message, `${lang} ${codes[i]}: not the English message`);
      assert.match(text, /[\u4e00-\u9fff]/, `${lang} ${codes[i]}: ${text}`);
      assert.doesNotMatch(text, /undefined|NaN/, `${lang} ${codes[i]}: ${text}`);
    }
  }
  assert.equal(shown("zh-Hant")[2], "暫不支援日文文章的摘要。");
  assert.equal(shown("zh")[4].startsWith("自定义词典第 2 行有误（"), true, shown("zh")[4]);
  assert.deepEqual(shown("en"), errors.map((e) => (e.code === "unsupported_language" ? unsupportedNote("en", e) : e.message)));
  assert.equal(unsupportedNote("zh", errors[2]), "暂不支持日文文章的摘要。");
  assert.equal(unsupportedNote("zh", errors[0]), null, "only an unsupported language is a note");
  s.free();
});
