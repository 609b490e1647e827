// The packed npm package (npm pack of pkg/) installed from its tarball into fresh projects under
// target/stacks/, one per stack a web developer may use: a CDN page on another origin, Vite's dev
// server (Vite 8 and 7), a Vite build, a webpack 5 build, esbuild and Rollup with the README's
// copy step, React and Vue pages, a Node script and `tsc --strict`. Every setup comes from the
// package README's snippets, as written; the tools are the root package.json's pinned
// devDependencies.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "./server.mjs";
import { ROOT, assertClean, launch, paragraphs, record, waitReady } from "./helpers.mjs";

const PKG = join(ROOT, "pkg");
const WORK = join(ROOT, "target", "stacks");
const BIN = join(ROOT, "node_modules", ".bin");
const ARTICLE = readFileSync(join(ROOT, "data", "example.zh.txt"), "utf8");
const ENGLISH = readFileSync(join(ROOT, "data", "example.en.txt"), "utf8");
/** A second widget, on an English article: its worker fetches the English table (idf-en.bin). */
const ENGLISH_WIDGET = `<article id="story-en">${paragraphs(ENGLISH)}</article>
<zhaiyao-summary for="story-en" sentences="3" keywords="20"></zhaiyao-summary>`;
const README = readFileSync(join(ROOT, "www", "npm", "README.md"), "utf8");
const VERSION = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8")).version;

/** The README's code block marked `<!-- test: name -->`. */
function snippet(name) {
  const match = README.match(new RegExp(`<!-- test: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``));
  assert.ok(match, `README has no snippet "${name}"`);
  return match[1];
}

let tarball;
let browser;
const servers = [];

before(async () => {
  if (!existsSync(join(PKG, "zhaiyao_bg.wasm"))) throw new Error("pkg/ is missing: run `make pkg` first");
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const name = execFileSync("npm", ["pack", PKG, "--pack-destination", WORK, "--silent"], { encoding: "utf8" }).trim();
  tarball = join(WORK, name.split("\n").pop());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
});

/** A fresh project in target/stacks/<name> with the tarball installed as `npm install` does. */
function project(name, files = {}) {
  const dir = join(WORK, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `stack-${name}`, private: true, type: "module" }, null, 2));
  for (const [file, body] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), body);
  }
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", "--silent", tarball], { cwd: dir, stdio: "pipe" });
  return dir;
}

/** A page with the seed article and a widget; `script` loads the component. */
function page(script) {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>zhaiyao</title><link rel="icon" href="data:,">${script}</head><body>
<article id="story">${paragraphs(ARTICLE)}</article>
<zhaiyao-summary for="story" sentences="3" keywords="20"></zhaiyao-summary>
${ENGLISH_WIDGET}
</body></html>
`;
}

/**
 * Opens `url`: both widgets (Chinese, English) show a summary and a cloud, the English table was
 * fetched, nothing 404s, nothing errs.
 */
async function assertWidgetWorks(url, { origins, properties = false, framework = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 3000 } });
  const tab = await context.newPage();
  const log = await record(context, tab);
  const failed = [];
  context.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  context.on("requestfailed", (r) => failed.push(`failed ${r.url()}`));
  try {
    await tab.goto(url);
    await waitReady(tab);
    const shown = await tab.evaluate(() =>
      [...document.querySelectorAll("zhaiyao-summary")].map((w) => ({
        lang: w.articleLang,
        sentences: w.shadowRoot.querySelectorAll("ol.summary > li").length,
        cloud: w.shadowRoot.querySelectorAll(".cloud button").length,
      })),
    );
    assert.deepEqual(shown.map((w) => [w.lang, w.sentences]), [["zh", 3], ["en", 3]]);
    for (const w of shown) assert.ok(w.cloud >= 10, `a cloud of ${w.cloud} words`);
    assert.equal(log.requests.filter((u) => new URL(u).pathname.endsWith(".bin")).length, 1, "the English table, once");
    if (properties) {
      // As React 19 and Vue set a custom element's props: properties, in strict mode code.
      const attributes = await tab.evaluate(() => {
        "use strict";
        const w = document.querySelector("zhaiyao-summary");
        w.lang = "zh";
        w.sentences = 2;
        w.highlight = true;
        w.uiLang = "en";
        return { lang: w.getAttribute("lang"), sentences: w.getAttribute("sentences"), highlight: w.hasAttribute("highlight"), uiLang: w.getAttribute("ui-lang") };
      });
      assert.deepEqual(attributes, { lang: "zh", sentences: "2", highlight: true, uiLang: "en" });
      await tab.waitForFunction(() => document.querySelector("zhaiyao-summary").summary?.sentences.length === 2, null, { polling: 50 });
    }
    if (framework) {
      // The framework set the props as properties (reflected as attributes), and sets them again.
      const attributes = await tab.evaluate(() => {
        const w = document.querySelector("zhaiyao-summary");
        return { lang: w.getAttribute("lang"), sentences: w.getAttribute("sentences"), for: w.getAttribute("for") };
      });
      assert.deepEqual(attributes, { lang: "zh", sentences: "3", for: "story" });
      await tab.click("#shorter");
      await tab.waitForFunction(() => document.querySelector("zhaiyao-summary").summary?.sentences.length === 2, null, { polling: 50 });
    }
    assert.deepEqual(failed, [], "failed requests");
    assertClean(log);
    if (origins) for (const u of log.requests) assert.ok(origins.some((o) => u.startsWith(o) || u.startsWith("blob:")), u);
    return log;
  } finally {
    await context.close();
  }
}

async function serve(root, options) {
  const server = await startServer({ root, ...options });
  servers.push(server);
  return server;
}

/** Every file under `dir` (recursively). */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

function assertNoFileUrls(dir) {
  for (const file of filesUnder(dir).filter((f) => /\.(m?js|html)$/.test(f))) {
    const text = readFileSync(file, "utf8");
    assert.ok(!text.includes("file://") && !text.includes(ROOT), `${file} holds a file: URL or the build machine's path`);
  }
}

test("the package's metadata is honest and its version agrees with the crate and the extension", () => {
  const pkg = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8"));
  assert.equal(pkg.license, "MIT AND CC-BY-SA-4.0");
  const cargo = readFileSync(join(ROOT, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];
  const manifest = JSON.parse(readFileSync(join(ROOT, "www", "extension", "manifest.json"), "utf8")).version;
  assert.deepEqual({ npm: pkg.version, extension: manifest }, { npm: cargo, extension: cargo });
  assert.match(readFileSync(join(ROOT, "CHANGELOG.md"), "utf8"), new RegExp(`## \\[${cargo.replace(/\./g, "\\.")}\\]`));
  const listed = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).split("\n");
  for (const file of ["LICENSE", "NOTICE", "CHANGELOG.md", "README.md", "index.js", "node.js", "index.d.ts", "zhaiyao_bg.wasm", "idf-en.bin", "zhaiyao-worker.js", "zhaiyao-summary.js", "zhaiyao-summary.d.ts"]) {
    assert.ok(listed.includes(`package/${file}`), `the tarball lacks ${file}`);
  }
  // The README's CDN snippet names this version.
  assert.ok(snippet("cdn").includes(`zhaiyao@${VERSION}/`), "the CDN snippet's version is not the package's");
});

test("the published crate holds the library's files only: no e2e tests, web files or text dictionaries", () => {
  const files = execFileSync("cargo", ["package", "--list", "--allow-dirty", "--quiet"], { cwd: ROOT, encoding: "utf8" }).trim().split("\n");
  assert.ok(files.includes("src/lib.rs") && files.includes("data/lexicon.bin"), files.join(" "));
  const unwanted = files.filter((f) => /^(tests|www|fuzz|tools|bench|node_modules|pkg)\/|^package(-lock)?\.json$|^data\/(lexicon|idf-en)\.txt$/.test(f));
  assert.deepEqual(unwanted, []);
});

test("CDN: a page on one origin, the package (as jsDelivr serves it) on another; properties as frameworks set them", async () => {
  const dir = project("cdn");
  const cdn = await serve(join(dir, "node_modules", "zhaiyao"), { cors: true });
  const html = snippet("cdn")
    .replace(`https://cdn.jsdelivr.net/npm/zhaiyao@${VERSION}/`, `${cdn.origin}/`)
    .replace(`<article id="story">…</article>`, `<article id="story">${paragraphs(ARTICLE)}</article>`)
    .concat(ENGLISH_WIDGET);
  assert.ok(html.includes(cdn.origin) && !html.includes("…"));
  const host = await serve(null, { pages: { "/index.html": { body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">\n${html}` } } });
  const log = await assertWidgetWorks(host.url("/"), { origins: [host.origin, cdn.origin], properties: true });
  assert.ok(log.workers[0].startsWith("blob:"), `worker from ${log.workers[0]}`);
  assert.equal(cdn.requests.filter((r) => r.path === "/zhaiyao_bg.wasm").length, 1);
});

/** A bundler project: the README's import in src/, and an index.html for it. */
function bundlerProject(name, files = {}) {
  return project(name, { "src/main.js": snippet("main"), "src/index.js": snippet("main"), ...files });
}

/** Vite's dev server (`vite`, the package name of the Vite to use) on a bundler project. */
async function viteDev(vite, name, files) {
  const dir = bundlerProject(name, { "index.html": page(`<script type="module" src="/src/main.js"></script>`), ...files });
  const { createServer } = await import(vite);
  const server = await createServer({ root: dir, logLevel: "warn", server: { host: "127.0.0.1", port: 0, strictPort: false } });
  await server.listen();
  try {
    const url = server.resolvedUrls.local[0];
    const log = await assertWidgetWorks(url, { origins: [new URL(url).origin] });
    // The worker and the wasm came from the package's folder (pre-bundled or not).
    assert.ok(log.requests.some((u) => u.includes("/node_modules/zhaiyao/zhaiyao_bg.wasm")), log.requests.join("\n"));
  } finally {
    await server.close();
  }
}

test("Vite 8 dev server, with no configuration", () => viteDev("vite", "vite-dev", {}));

test("Vite 7 dev server, with the README's vite.config.js", () =>
  viteDev("vite7", "vite7-dev", { "vite.config.js": snippet("vite-config").replace('from "vite"', 'from "vite7"') }));

/** A Vite build (`vite`, the package name of the Vite to use) with no configuration, served. */
async function viteBuild(vite, name) {
  const dir = bundlerProject(name, { "index.html": page(`<script type="module" src="/src/main.js"></script>`) });
  const { build } = await import(vite);
  await build({ root: dir, logLevel: "warn" });
  const dist = join(dir, "dist");
  assertNoFileUrls(dist);
  const server = await serve(dist);
  await assertWidgetWorks(server.url("/"), { origins: [server.origin] });
}

test("Vite 8 build, with no configuration: no file: URL in the output", () => viteBuild("vite", "vite-build"));

test("Vite 7 build, with no configuration", () => viteBuild("vite7", "vite7-build"));

test("webpack 5, default configuration: no file: URL in the bundle", async () => {
  const dir = bundlerProject("webpack");
  const { default: webpack } = await import("webpack");
  // What `npx webpack` run in the project does with no configuration file: ./src/index.js to
  // ./dist/main.js.
  const stats = await new Promise((ok, fail) =>
    webpack({ mode: "production", context: dir, output: { path: join(dir, "dist") } }, (error, result) => (error ? fail(error) : ok(result))),
  );
  assert.deepEqual(stats.toJson({ all: false, errors: true }).errors, [], "webpack errors");
  assert.deepEqual(stats.toJson({ all: false, warnings: true }).warnings.map((w) => w.message).filter((m) => !/size limit|performance/i.test(m)), [], "webpack warnings");
  const dist = join(dir, "dist");
  writeFileSync(join(dist, "index.html"), page(`<script src="main.js"></script>`));
  assertNoFileUrls(dist);
  const server = await serve(dist);
  await assertWidgetWorks(server.url("/"), { origins: [server.origin] });
});

test("esbuild, with the README's command and copy step", async () => {
  const dir = bundlerProject("esbuild");
  const commands = snippet("esbuild").replace(/^npx /gm, "");
  execFileSync("sh", ["-e", "-c", commands], { cwd: dir, stdio: "pipe", env: { ...process.env, PATH: `${BIN}:${process.env.PATH}` } });
  const dist = join(dir, "dist");
  writeFileSync(join(dist, "index.html"), page(`<script type="module" src="main.js"></script>`));
  const server = await serve(dist);
  await assertWidgetWorks(server.url("/"), { origins: [server.origin] });
});

test("Rollup, with the README's rollup.config.js and the copy step", async () => {
  const dir = bundlerProject("rollup", { "rollup.config.js": snippet("rollup") });
  const commands = `rollup -c --silent\n${snippet("esbuild").split("\n").find((line) => line.startsWith("cp "))}`;
  execFileSync("sh", ["-e", "-c", commands], { cwd: dir, stdio: "pipe", env: { ...process.env, PATH: `${BIN}:${process.env.PATH}` } });
  const dist = join(dir, "dist");
  writeFileSync(join(dist, "index.html"), page(`<script type="module" src="main.js"></script>`));
  assertNoFileUrls(dist);
  const server = await serve(dist);
  await assertWidgetWorks(server.url("/"), { origins: [server.origin] });
});

test("ZhaiyaoConfig.assetsUrl wins over the bundled files (esbuild, the package copied to /static/zhaiyao/)", async () => {
  const dir = project("assets-url", { "src/main.js": `${snippet("assets-url")}${snippet("main")}` });
  assert.match(snippet("assets-url"), /assetsUrl: "\/static\/zhaiyao\/"/);
  execFileSync(join(BIN, "esbuild"), ["src/main.js", "--bundle", "--format=esm", "--outdir=dist"], { cwd: dir, stdio: "pipe" });
  mkdirSync(join(dir, "dist", "static"), { recursive: true });
  cpSync(join(dir, "node_modules", "zhaiyao"), join(dir, "dist", "static", "zhaiyao"), { recursive: true });
  writeFileSync(join(dir, "dist", "index.html"), page(`<script type="module" src="main.js"></script>`));
  const server = await serve(join(dir, "dist"));
  const log = await assertWidgetWorks(server.url("/"), { origins: [server.origin] });
  assert.deepEqual(log.workers, [server.url("/static/zhaiyao/zhaiyao-worker.js")]);
  assert.ok(log.requests.includes(server.url("/static/zhaiyao/zhaiyao_bg.wasm")));
});

/** A framework page (tests/e2e/stacks/<name>/), bundled by esbuild with the README's copy step. */
async function frameworkPage(name, entry) {
  const dir = project(name, { [`src/${entry}`]: readFileSync(join(ROOT, "tests", "e2e", "stacks", name, entry), "utf8") });
  const copy = snippet("esbuild").split("\n").find((line) => line.startsWith("cp "));
  execFileSync("sh", ["-e", "-c", `mkdir -p dist && ${copy}`], { cwd: dir, stdio: "pipe" });
  const { build } = await import("esbuild");
  await build({
    entryPoints: [join(dir, "src", entry)],
    bundle: true,
    format: "esm",
    outfile: join(dir, "dist", "main.js"),
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"', __VUE_OPTIONS_API__: "false", __VUE_PROD_DEVTOOLS__: "false", __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: "false" },
    logLevel: "warning",
  });
  // The framework renders the widget into #app, beside the article.
  const html = page(`<script type="module" src="main.js"></script>`).replace(
    `<zhaiyao-summary for="story" sentences="3" keywords="20"></zhaiyao-summary>`,
    `<div id="app"></div>`,
  );
  writeFileSync(join(dir, "dist", "index.html"), html);
  const server = await serve(join(dir, "dist"));
  await assertWidgetWorks(server.url("/"), { origins: [server.origin], framework: true });
}

test("React 19 renders the element with props (sentences, lang) and changes them", () => frameworkPage("react", "main.jsx"));

test("Vue 3 renders the element with props (sentences, lang) and changes them", () => frameworkPage("vue", "main.js"));

test("Node: the README's script summarises the seed article; the component imports without a DOM", () => {
  const dir = project("node", { "summarise.mjs": snippet("node"), "article.txt": ARTICLE });
  const out = execFileSync(process.execPath, ["summarise.mjs"], { cwd: dir, encoding: "utf8" }).trim().split("\n");
  const sentences = out.slice(0, -1);
  assert.equal(sentences.length, 3, out.join("\n"));
  for (const s of sentences) assert.ok(ARTICLE.includes(s), `not from the article: ${s}`);
  assert.equal(out.at(-1).split(" ").length, 10);
  // Server-side rendering imports the component module; the API used before init() says so.
  writeFileSync(
    join(dir, "ssr.mjs"),
    `const { ZhaiyaoSummaryElement } = await import("zhaiyao/zhaiyao-summary.js");
const { Summarizer } = await import("zhaiyao");
let message = "";
try { await Summarizer.load(); } catch (error) { message = error.message; }
console.log(JSON.stringify({ defined: typeof ZhaiyaoSummaryElement, message }));`,
  );
  const ssr = JSON.parse(execFileSync(process.execPath, ["ssr.mjs"], { cwd: dir, encoding: "utf8" }));
  assert.equal(ssr.defined, "function");
  assert.match(ssr.message, /await init\(\)/);
});

test("TypeScript: tsc --strict with skipLibCheck off, on the README's snippet and every exported type", () => {
  const consumer = readFileSync(join(ROOT, "tests", "e2e", "stacks", "consumer.ts"), "utf8");
  const dir = project("typescript", {
    "tsconfig.json": snippet("tsconfig"),
    "readme.ts": snippet("ts"),
    "consumer.ts": consumer,
  });
  // Every name the package's declarations export is used by consumer.ts.
  const declared = ["zhaiyao.d.ts", "index.d.ts", "zhaiyao-summary.d.ts"].flatMap((f) =>
    [...readFileSync(join(dir, "node_modules", "zhaiyao", f), "utf8").matchAll(/^export (?:declare )?(?:class|interface|type|function|const|enum) (\w+)/gm)].map((m) => m[1]),
  );
  const missing = declared.filter((name) => !new RegExp(`\\b${name}\\b`).test(consumer));
  assert.deepEqual(missing, [], "exported names consumer.ts does not use");
  const tsconfig = JSON.parse(snippet("tsconfig"));
  assert.equal(tsconfig.compilerOptions.strict, true);
  assert.equal(tsconfig.compilerOptions.skipLibCheck, false);
  try {
    execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "."], { cwd: dir, encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    assert.fail(`tsc: ${error.stdout}${error.stderr}`);
  }
  // And with Node's own resolution (the `node` condition, same types).
  writeFileSync(join(dir, "tsconfig.node.json"), JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext" } }));
  try {
    execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.node.json"], { cwd: dir, encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    assert.fail(`tsc (NodeNext): ${error.stdout}${error.stderr}`);
  }
});
