// This module's URL when the package is served as it is (a CDN, a plain <script type=module>).
// Bundlers read package.json's `browser` map and take zhaiyao-location.bundled.js instead, so that
// no bundle holds `import.meta.url` (webpack would write the build machine's file: URL into it).
export const MODULE_URL = import.meta.url;
