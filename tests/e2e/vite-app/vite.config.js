// Built by tests/e2e/vite.test.mjs into a temporary folder, with pkg/ installed as
// node_modules/zhaiyao, as `npm install zhaiyao` would.
export default {
  logLevel: "warn",
  build: { target: "es2022", assetsInlineLimit: 0 },
  worker: { format: "es" },
};
