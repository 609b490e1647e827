// The one palette of the marks on a page (www/component/zhaiyao-text.js) and what ships where.
// Text stays readable on the marks in light and dark pages; the demo's marks (the component's
// rules, in light, dark and forced colours) are the palette's, with its priorities; the npm
// package holds the component's modules only, the demo's and the panel's sit beside their pages.
// (That the extension's marks on a page compute to the component's colours: extension.test.mjs.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "./server.mjs";
import { ROOT, SITE, STRICT_CSP, launch, openDemo, requireSite } from "./helpers.mjs";
import { HIGHLIGHTS, highlightCss } from "../../www/component/zhaiyao-text.js";
import { DOCUMENT_CSS } from "../../www/component/zhaiyao-styles.js";

const PKG = join(ROOT, "pkg");
const EXT = process.env.ZHAIYAO_EXTENSION ?? join(ROOT, "target", "extension", "chrome");
/** Modules the demo or the panel use, which the component does not: not in the npm package. */
const NOT_PACKAGED = { "zhaiyao-i18n-demo.js": ["site"], "zhaiyao-i18n-panel.js": ["extension"], "zhaiyao-paragraphs.js": ["site", "extension"] };
/** The widget's and the demo's text and page colours (zhaiyao-styles.js, demo.css), light and dark. */
const PAGES = { light: { bg: [255, 255, 255], fg: [0x1c, 0x22, 0x30] }, dark: { bg: [0x17, 0x1a, 0x21], fg: [0xe6, 0xe8, 0xee] } };

/** [r, g, b, a] of "rgb(r g b / a)" or Chromium's computed "rgba(r, g, b, a)" / "rgb(r, g, b)". */
function rgba(colour) {
  const n = colour.match(/[\d.]+/g).map(Number);
  assert.ok(n.length === 3 || n.length === 4, colour);
  return [n[0], n[1], n[2], n[3] ?? 1];
}

/** `colour` drawn over the opaque `bg`. */
const over = ([r, g, b, a], bg) => [r, g, b].map((c, i) => c * a + bg[i] * (1 - a));

/** WCAG relative luminance and contrast ratio. */
function luminance(rgb) {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

test("the palette: text stays readable on every mark, each mark shows on the page, and the kinds differ, in light and dark", () => {
  assert.deepEqual(Object.keys(HIGHLIGHTS), ["summary", "keyword", "focus"]);
  // The keyword is drawn over the summary, the clicked sentence over both.
  assert.deepEqual(Object.values(HIGHLIGHTS).map((h) => h.priority), [1, 2, 3]);
  for (const [scheme, { bg, fg }] of Object.entries(PAGES)) {
    const drawn = {};
    for (const [kind, h] of Object.entries(HIGHLIGHTS)) {
      drawn[kind] = over(rgba(h[scheme]), bg);
      const text = contrast(drawn[kind], fg);
      assert.ok(text >= 4.5, `${scheme} ${kind}: text contrast ${text.toFixed(2)} < 4.5 (WCAG AA)`);
      const visible = contrast(drawn[kind], bg);
      assert.ok(visible >= 1.2, `${scheme} ${kind}: the mark barely shows on the page (${visible.toFixed(2)})`);
    }
    const kinds = Object.keys(drawn);
    for (const a of kinds) {
      for (const b of kinds) {
        if (a >= b) continue;
        const distance = Math.hypot(...drawn[a].map((c, i) => c - drawn[b][i]));
        assert.ok(distance > 30, `${scheme}: ${a} and ${b} look alike (${distance.toFixed(1)})`);
      }
    }
  }
  // Forced colours: the system's pairs, never a fixed colour the user's theme would not match.
  for (const [kind, h] of Object.entries(HIGHLIGHTS)) assert.match(h.forced, /background-color: (Mark|Highlight); color: (MarkText|HighlightText);/, kind);
  // The component's page rules are the palette's, under its names.
  assert.equal(DOCUMENT_CSS, highlightCss("zhaiyao"));
  for (const [kind, h] of Object.entries(HIGHLIGHTS)) {
    assert.ok(DOCUMENT_CSS.includes(`::highlight(zhaiyao-${kind}) { background-color: var(${h.property}, ${h.dark}); }`), kind);
  }
});

test("the npm package holds the component's modules, not the demo's or the panel's, which sit beside their pages", () => {
  assert.ok(existsSync(join(PKG, "package.json")), "pkg/ is missing: run `make pkg` first");
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", PKG], { cwd: ROOT, encoding: "utf8" }));
  const files = packed.files.map((f) => f.path);
  for (const f of readdirSync(join(ROOT, "www", "component"))) {
    if (f !== "README.md") assert.ok(files.includes(f), `the package lacks ${f}`);
  }
  for (const [f, surfaces] of Object.entries(NOT_PACKAGED)) {
    assert.ok(!files.includes(f), `the package holds ${f}`);
    assert.ok(!existsSync(join(PKG, f)), `pkg/ holds ${f}`);
    const dirs = { site: SITE, extension: EXT };
    for (const s of surfaces) {
      assert.ok(existsSync(join(dirs[s], f)), `${f} is not beside the ${s}'s page`);
      assert.ok(!existsSync(join(dirs[s], "pkg", f)), `${f} is in the ${s}'s pkg/`);
    }
  }
});

let server;
let browser;

before(async () => {
  requireSite();
  server = await startServer({ root: SITE, headers: { "Content-Security-Policy": STRICT_CSP } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The computed background and colour of the highlights `zhaiyao-<kind>` in the demo's article. */
const drawnMarks = (page) =>
  page.evaluate((kinds) => {
    const el = document.getElementById("source").querySelector("p") ?? document.getElementById("source");
    const out = {};
    for (const kind of kinds) {
      const style = getComputedStyle(el, `::highlight(zhaiyao-${kind})`);
      out[kind] = { background: style.backgroundColor, color: style.color, priority: CSS.highlights.get(`zhaiyao-${kind}`)?.priority };
    }
    return out;
  }, Object.keys(HIGHLIGHTS));

test("the demo's marks are the palette's: light and dark (its own theme switch), forced colours, and the priorities", async () => {
  for (const scheme of ["light", "dark"]) {
    const { context, page } = await openDemo(browser, server, `?theme=${scheme}`, { colorScheme: scheme === "dark" ? "light" : "dark" });
    // A keyword picked: both of the component's highlights are registered.
    await page.locator("#widget .cloud button").first().click();
    await page.waitForFunction(() => (CSS.highlights.get("zhaiyao-keyword")?.size ?? 0) > 0, null, { polling: 100 });
    const marks = await drawnMarks(page);
    for (const kind of ["summary", "keyword"]) {
      assert.deepEqual(rgba(marks[kind].background), rgba(HIGHLIGHTS[kind][scheme]), `${scheme} ${kind}: ${marks[kind].background}`);
      assert.equal(marks[kind].priority, HIGHLIGHTS[kind].priority, kind);
    }
    // The legend's swatch shows the summary's colour.
    const swatch = await page.evaluate(() => getComputedStyle(document.querySelector(".swatch")).backgroundColor);
    assert.deepEqual(rgba(swatch), rgba(HIGHLIGHTS.summary[scheme]));
    // Forced colours: the system's Mark and Highlight, whatever the theme.
    await page.emulateMedia({ forcedColors: "active" });
    const forced = await drawnMarks(page);
    const system = await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement("span"));
      const colour = (c) => {
        probe.style.color = c;
        return getComputedStyle(probe).color;
      };
      const out = { Mark: colour("Mark"), MarkText: colour("MarkText"), Highlight: colour("Highlight"), HighlightText: colour("HighlightText") };
      probe.remove();
      return out;
    });
    assert.notEqual(system.Mark, system.Highlight);
    assert.deepEqual([forced.summary.background, forced.summary.color], [system.Mark, system.MarkText]);
    assert.deepEqual([forced.keyword.background, forced.keyword.color], [system.Highlight, system.HighlightText]);
    await context.close();
  }
});
