// The store checks of the extension's two packages (from scripts/build-extension.sh): Chrome Web
// Store manifest rules (localised description ≤ 132 characters in every locale, default_locale,
// versions in step with Cargo.toml and the npm package, honest minimum versions, no keys Chromium
// does not know) and Firefox Add-ons' own linter, `web-ext lint`, on the Firefox package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "./helpers.mjs";

const OUT = join(ROOT, "target", "extension");
const CHROME = join(OUT, "chrome");
const FIREFOX = join(OUT, "firefox");
const LOCALES = ["en", "zh_CN", "zh_TW"];
// Chromium's manifest keys (MV3) that this extension may use; anything else is a load warning.
const CHROME_KEYS = [
  "manifest_version", "name", "short_name", "version", "description", "default_locale", "minimum_chrome_version", "icons",
  "action", "commands", "background", "side_panel", "permissions", "content_security_policy",
];

const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
const manifestOf = (dir) => readJson(join(dir, "manifest.json"));
const messagesOf = (dir, locale) => readJson(join(dir, "_locales", locale, "messages.json"));

/** `__MSG_name__` resolved in a locale, falling back to the default locale as the browsers do. */
function resolve(dir, value, locale) {
  const m = /^__MSG_(\w+)__$/.exec(value);
  if (!m) return value;
  const key = m[1];
  const own = messagesOf(dir, locale)[key]?.message;
  return own ?? messagesOf(dir, manifestOf(dir).default_locale)[key]?.message;
}

function files(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split("\\").join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** The names in a zip, from its central directory (no unzip tool needed). */
function zipNames(file) {
  const buf = readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, `${file} is not a zip`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    names.push(buf.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names.sort();
}

const pngSize = (file) => {
  const b = readFileSync(file);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
};

test("both packages are built: folders and their zips hold the same files", () => {
  for (const browser of ["chrome", "firefox"]) {
    const dir = join(OUT, browser);
    const zip = join(ROOT, "target", `zhaiyao-${browser}.zip`);
    assert.ok(existsSync(join(dir, "manifest.json")), `${dir} is missing: run \`make extension\``);
    assert.ok(existsSync(zip), `${zip} is missing: run \`make extension\``);
    assert.deepEqual(zipNames(zip), files(dir), `${browser}: the zip and the folder differ`);
    assert.ok(!files(dir).some((f) => f.startsWith("store/")), "the store folder is not part of the package");
  }
});

test("Chrome Web Store: description ≤ 132 characters, name ≤ 75, in every locale, with default_locale", () => {
  for (const dir of [CHROME, FIREFOX]) {
    const manifest = manifestOf(dir);
    assert.equal(manifest.default_locale, "en");
    assert.deepEqual(readdirSync(join(dir, "_locales")).sort(), LOCALES);
    const keys = Object.keys(messagesOf(dir, "en")).sort();
    for (const locale of LOCALES) {
      const messages = messagesOf(dir, locale);
      // Every locale has every message (no English fallback showing in a Chinese listing).
      assert.deepEqual(Object.keys(messages).sort(), keys, `${locale} lacks messages`);
      const description = resolve(dir, manifest.description, locale);
      assert.ok(description, `${locale}: no description`);
      assert.ok([...description].length <= 132, `${locale}: description of ${[...description].length} characters`);
      const name = resolve(dir, manifest.name, locale);
      assert.ok(name && [...name].length <= 75, `${locale}: name ${name}`);
      assert.ok([...resolve(dir, manifest.action.default_title, locale)].length > 0);
      assert.ok(resolve(dir, manifest.commands._execute_action.description, locale));
      if (locale !== "en") assert.match(description, /\p{Script=Han}/u, `${locale}: the description is not Chinese`);
    }
    assert.ok(manifest.short_name.length <= 12);
    // Every __MSG_…__ and every getMessage() in the code names a message that exists.
    const used = new Set();
    JSON.stringify(manifest).replace(/__MSG_(\w+)__/g, (_, k) => used.add(k));
    for (const f of files(dir).filter((f) => /^[^/]+\.js$/.test(f))) {
      readFileSync(join(dir, f), "utf8").replace(/getMessage\(\s*"(\w+)"/g, (_, k) => used.add(k));
    }
    assert.ok(used.has("menuSelection"), "the context menu's title is not localised");
    for (const k of used) assert.ok(keys.includes(k), `message ${k} is used but not defined`);
  }
  // Traditional Chinese is Traditional, not the Simplified text again.
  assert.notEqual(messagesOf(CHROME, "zh_TW").description.message, messagesOf(CHROME, "zh_CN").description.message);
});

test("versions: the manifests, Cargo.toml and the npm package say the same; Chrome's format", () => {
  const cargo = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, "Cargo.toml"), "utf8"))[1];
  const pkg = readJson(join(ROOT, "pkg", "package.json")).version;
  assert.equal(pkg, cargo);
  for (const dir of [CHROME, FIREFOX]) {
    const { version } = manifestOf(dir);
    assert.equal(version, cargo, `${dir}: version ${version}, Cargo.toml ${cargo}`);
    // Chrome: one to four dot-separated integers, each at most 65535, no leading zeros.
    assert.match(version, /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/);
    assert.ok(version.split(".").every((n) => Number(n) <= 65535));
  }
});

test("Chromium's manifest: only keys it knows, a service worker, an honest minimum version", () => {
  const manifest = manifestOf(CHROME);
  for (const key of Object.keys(manifest)) assert.ok(CHROME_KEYS.includes(key), `Chromium would warn about "${key}"`);
  assert.equal(manifest.background.service_worker, "background.js");
  assert.equal(manifest.background.type, "module");
  const min = Number(manifest.minimum_chrome_version);
  // Both service_worker and scripts: refused before Chrome 121.
  if (manifest.background.scripts) assert.ok(min >= 121, `background.scripts with minimum_chrome_version ${min}`);
  // sidePanel.open() came in Chrome 116; the Custom Highlight API in 105; storage.session in 102.
  assert.ok(min >= 116, `minimum_chrome_version ${min}, but sidePanel.open needs 116`);
  assert.ok(manifest.permissions.includes("sidePanel") && manifest.side_panel.default_path === "panel.html");
  for (const [size, file] of Object.entries(manifest.icons)) {
    assert.deepEqual(pngSize(join(CHROME, file)), [Number(size), Number(size)], `icon ${file}`);
  }
  assert.ok(manifest.icons["128"], "the store needs a 128×128 icon");
});

test("Firefox's manifest: an event page, the sidebar, no data collection, honest minimum versions", () => {
  const manifest = manifestOf(FIREFOX);
  const gecko = manifest.browser_specific_settings.gecko;
  assert.deepEqual(manifest.background, { scripts: ["background.js"], type: "module" });
  assert.equal(manifest.sidebar_action.default_panel, "panel.html");
  assert.ok(!manifest.permissions.includes("sidePanel"), "Firefox has no sidePanel API");
  assert.equal(manifest.side_panel, undefined);
  assert.match(gecko.id, /^[\w.-]+@[\w.-]+$/);
  assert.deepEqual(gecko.data_collection_permissions, { required: ["none"] });
  // data_collection_permissions is read from Firefox 140 (desktop) and 142 (Android); the CSS
  // Custom Highlight API the page marks use came in Firefox 140 too.
  assert.ok(parseFloat(gecko.strict_min_version) >= 140, `strict_min_version ${gecko.strict_min_version}`);
  assert.ok(parseFloat(manifest.browser_specific_settings.gecko_android.strict_min_version) >= 142);
});

test("web-ext lint: no errors, no notices, no warnings but the vendored Readability's two innerHTML", () => {
  const bin = join(ROOT, "node_modules", ".bin", "web-ext");
  assert.ok(existsSync(bin), "web-ext is missing: run `make setup-test`");
  let out;
  try {
    out = execFileSync(bin, ["lint", "--source-dir", FIREFOX, "--output", "json", "--no-config-discovery"], { encoding: "utf8" });
  } catch (error) {
    out = error.stdout; // web-ext exits 1 on errors; the JSON says which
  }
  const report = JSON.parse(out);
  const show = (list) => list.map((m) => `${m.code} ${m.file ?? ""}:${m.line ?? ""} ${m.message}`).join("\n");
  assert.deepEqual(report.errors, [], show(report.errors));
  assert.deepEqual(report.notices, [], show(report.notices));
  // Readability (Mozilla's, vendored unchanged, pasted into extractArticle() between two marker
  // lines) sets innerHTML twice, on the clone of the document it is given (a document with no
  // browsing context: nothing in it runs or loads). Any other warning is ours and fails.
  const lines = readFileSync(join(FIREFOX, "page-functions.js"), "utf8").split("\n");
  const from = lines.findIndex((l) => l.includes("---- Readability.js")) + 1;
  const to = lines.findIndex((l) => l.includes("---- end of Readability.js")) + 1;
  assert.ok(from > 0 && to > from, "Readability is not pasted into page-functions.js");
  const vendored = (w) => w.code === "UNSAFE_VAR_ASSIGNMENT" && w.file === "page-functions.js" && w.line > from && w.line < to;
  const ours = report.warnings.filter((w) => !vendored(w));
  assert.deepEqual(ours, [], show(ours));
  assert.ok(report.warnings.length <= 2, show(report.warnings));
});

test("the store folder: listings in three languages and a privacy statement", () => {
  const store = join(ROOT, "target", "store");
  for (const locale of LOCALES) {
    const listing = readFileSync(join(store, `listing.${locale}.md`), "utf8");
    // The listing's short description is the manifest's.
    assert.ok(listing.includes(messagesOf(CHROME, locale).description.message), `listing.${locale}.md and _locales/${locale} differ`);
  }
  const privacy = readFileSync(join(store, "privacy.html"), "utf8");
  assert.match(privacy, /No data leaves your device/);
  assert.match(privacy, /lang="zh-CN"/);
  assert.match(privacy, /lang="zh-TW"/);
});
