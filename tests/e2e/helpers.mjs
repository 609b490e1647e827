// Shared pieces of the end-to-end tests: the browser, the built site, and a recorder of
// everything a page does that a test may want to forbid.
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SITE = process.env.ZHAIYAO_SITE ?? join(ROOT, "target", "site");
export const SCREENSHOTS = join(ROOT, "target", "screenshots");

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

/** Debian's Chromium on a machine with no network: see ../shared/TOOLCHAIN.md. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

export function requireSite() {
  for (const file of ["index.html", "pkg/zhaiyao.js", "pkg/zhaiyao_bg.wasm", "pkg/zhaiyao-summary.js", "examples/example.zh.txt"]) {
    if (!existsSync(join(SITE, file))) {
      throw new Error(`${join(SITE, file)} is missing: run \`make site\` first (or \`make test-e2e\`)`);
    }
  }
}

const EXECUTABLE = process.env.CHROMIUM ?? "/usr/bin/chromium";

export async function launch() {
  return chromium.launch({ executablePath: EXECUTABLE, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A browser with a profile on disk in `userDataDir` (as a reader's own browser has), which is
 * needed for extensions and for Chromium's code cache. `args` are added to the usual ones.
 */
export async function launchProfile(userDataDir, { args = [], ...options } = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: EXECUTABLE,
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...args],
  });
}

export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

/**
 * Records every request (the page's and its workers'), console errors, uncaught errors, CSP
 * violations (from `securitypolicyviolation` events, in the page and its workers) and workers.
 */
export async function record(context, page) {
  const log = { requests: [], errors: [], violations: [], workers: [] };
  context.on("request", (r) => log.requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") log.errors.push(m.text());
  });
  page.on("pageerror", (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on("worker", (w) => {
    log.workers.push(w.url());
    w.on("console", (m) => {
      if (m.type() === "error") log.errors.push(`worker: ${m.text()}`);
    });
  });
  await page.exposeBinding("__zhaiyaoViolation", (_source, v) => log.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__zhaiyaoViolation(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return log;
}

/** Waits until the widget has a summary; fails with its error message if it errs. */
export async function waitReady(page, selector = "zhaiyao-summary") {
  const handle = await page.waitForFunction(
    (sel) => {
      const els = [...document.querySelectorAll(sel)];
      if (els.some((e) => e.state === "error")) {
        return { error: els.map((e) => e.shadowRoot.querySelector(".status")?.textContent).join(" | ") };
      }
      return els.length > 0 && els.every((e) => e.state === "ready" && e.summary) ? { ok: true } : false;
    },
    selector,
    { polling: 100, timeout: 120_000 },
  );
  const value = await handle.jsonValue();
  if (value.error) throw new Error(`widget failed: ${value.error}`);
}

/** The origins (scheme://host:port) that `urls` went to, other than data:/blob: ones. */
export function originsOf(urls) {
  return new Set(
    urls
      .filter((u) => !u.startsWith("data:") && !u.startsWith("blob:"))
      .map((u) => new URL(u).origin),
  );
}

/** Escapes text for a static test page's HTML. */
export function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An article's text as HTML paragraphs, one per blank-line-separated block. */
export function paragraphs(text) {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join("\n");
}

/** No CSP violation and no console error; with `origin`, no request to any other origin. */
export function assertClean(log, origin) {
  assert.deepEqual(log.violations, [], "CSP violations");
  assert.deepEqual(log.errors, [], "console errors");
  if (origin) assert.deepEqual([...originsOf(log.requests)], [origin], "requests to other origins");
}

/** The demo page (`query` after its path) in a new context, once its widget is ready. */
export async function openDemo(browser, server, query = "", options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", ...options });
  const page = await context.newPage();
  const log = await record(context, page);
  await page.goto(server.url(`/${query}`));
  await waitReady(page, "#widget");
  return { context, page, log };
}
