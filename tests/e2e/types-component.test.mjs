// The web component's TypeScript declarations (pkg/zhaiyao-summary.d.ts, written by hand) against
// the element running in headless Chromium: the detail of each event it dispatches is of the
// declared type, every declared property of a detail is seen, and the element's public members
// (instance and static) are the declared ones. See types.test.mjs for the wasm API's types.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "./server.mjs";
import { SITE, STRICT_CSP, launch, paragraphs, requireSite, waitReady } from "./helpers.mjs";
import { check, compile, declaredByPackage } from "./types-check.mjs";

/** The element's callbacks for the browser, which are no API of its own. */
const LIFECYCLE = ["constructor", "connectedCallback", "disconnectedCallback", "attributeChangedCallback", "observedAttributes"];

/** As helpers.mjs's waitReady: the machine may be busy. */
const WAIT = { polling: 100, timeout: 120_000 };

let server;
let browser;

before(async () => {
  requireSite();
  const article = paragraphs(readFileSync(join(SITE, "examples", "example.zh.txt"), "utf8"));
  server = await startServer({
    root: SITE,
    pages: {
      "/page.js": { body: 'import "./pkg/zhaiyao-summary.js";\n' },
      "/types.html": {
        body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>types</title>
<script type="module" src="page.js"></script></head><body>
<zhaiyao-summary id="w" for="a" sentences="3"></zhaiyao-summary>
<article id="a">${article}</article>
</body></html>`,
      },
    },
    headers: { "Content-Security-Policy": STRICT_CSP },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The events the element dispatched on the page, as `{ type, detail }`, in order. */
const events = (page) => page.evaluate(() => window.__events);

test("the element's events carry details of the declared types, and its members are the declared ones", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ["zhaiyao-summary", "zhaiyao-keyword", "zhaiyao-error"]) {
      // `keys`: the detail's own keys before JSON drops any whose value is undefined.
      document.addEventListener(type, (e) => window.__events.push({ type, detail: JSON.parse(JSON.stringify(e.detail)), keys: Object.keys(e.detail) }));
    }
  });
  await page.goto(server.url("/types.html"));
  await waitReady(page, "#w");
  // A keyword picked and cleared; an engine error (a bad length, with its code) and the
  // element's own (a missing source element, without one).
  await page.evaluate(() => {
    const w = document.getElementById("w");
    w.selectKeyword(w.summary.keywords[0].word);
    w.selectKeyword(null);
    w.setAttribute("sentences", "0");
  });
  await page.waitForFunction(() => window.__events.filter((e) => e.type === "zhaiyao-error").length === 1, null, WAIT);
  // A good length again, and its summary awaited before the source goes (so that no selection
  // is in flight when the analysis is released).
  await page.evaluate(() => document.getElementById("w").setAttribute("sentences", "3"));
  await page.waitForFunction(() => window.__events.filter((e) => e.type === "zhaiyao-summary").length === 2, null, WAIT);
  await page.evaluate(() => document.getElementById("w").setAttribute("for", "no-such-element"));
  await page.waitForFunction(() => window.__events.filter((e) => e.type === "zhaiyao-error").length === 2, null, WAIT);
  const seen = await events(page);
  assert.deepEqual([...new Set(seen.map((e) => e.type))].sort(), ["zhaiyao-error", "zhaiyao-keyword", "zhaiyao-summary"]);
  const errors = seen.filter((e) => e.type === "zhaiyao-error").map((e) => e.detail);
  assert.equal(errors[0].code, "invalid_option", JSON.stringify(errors));
  // The element's own error has no `code` key (not one set to undefined, which `code?: ErrorCode`
  // under exactOptionalPropertyTypes does not allow).
  assert.deepEqual(seen.filter((e) => e.type === "zhaiyao-error").map((e) => e.keys), [["message", "code"], ["message"]]);

  const detailType = (type) => `element.ZhaiyaoSummaryEventMap["${type}"]["detail"]`;
  const values = seen.map(({ type, detail }) => ({ type: detailType(type), value: detail }));
  const { diagnostics, unseen } = check("component-events", values);
  assert.deepEqual({ diagnostics, unseen }, { diagnostics: [], unseen: [] });

  // The error's `code` is the engine's ErrorCode, not any string: the two types are the same, a
  // code the engine does not have is refused, and so is a `code` key set to undefined.
  const errorDetail = detailType("zhaiyao-error");
  const codeType = compile(
    "component-error-code",
    `type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
export const same: Same<Exclude<${errorDetail}["code"], undefined>, api.ErrorCode> = true;
export const unknownCode: ${errorDetail} = { message: "m", code: "no_such_code" };
export const undefinedCode: ${errorDetail} = { message: "m", code: undefined };
`,
  );
  assert.deepEqual(
    [...new Set(codeType.statements)].sort(),
    [2, 3],
    `only the made-up code and the undefined one are refused: ${codeType.diagnostics.join("\n")}`,
  );

  // Members: what the class declares (not HTMLElement's) against the running element's public
  // prototype and static names (a leading `_` marks the element's own workings).
  const real = await page.evaluate(() => {
    const names = (o) => Object.getOwnPropertyNames(o).filter((n) => !n.startsWith("_"));
    const Element = customElements.get("zhaiyao-summary");
    return { instance: names(Element.prototype), statics: names(Element).filter((n) => !["length", "name", "prototype"].includes(n)) };
  });
  const { program, checker, file, diagnostics: none } = compile("component-members", "export type Instance = element.ZhaiyaoSummaryElement;\n");
  assert.deepEqual(none, []);
  const elementClass = checker.getExportsOfModule(checker.getSymbolAtLocation(file.statements[1].moduleSpecifier)).find((s) => s.name === "ZhaiyaoSummaryElement");
  const own = (symbols) => [...new Set(symbols.filter((s) => declaredByPackage(program, s)).map((s) => s.name))].sort();
  const declared = {
    instance: own(checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(elementClass))),
    statics: own(checker.getPropertiesOfType(checker.getTypeOfSymbolAtLocation(elementClass, file))).filter((n) => n !== "prototype"),
  };
  const publicOf = (names) => names.filter((n) => !LIFECYCLE.includes(n)).sort();
  // addEventListener and removeEventListener are HTMLElement's at runtime, declared again for the event map.
  assert.deepEqual(
    { instance: [...publicOf(real.instance), "addEventListener", "removeEventListener"].sort(), statics: publicOf(real.statics) },
    declared,
  );
  await context.close();
});
