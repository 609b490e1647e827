// A tiny static file server for the end-to-end tests: correct MIME types (.wasm, .js, .mjs),
// optional response headers (e.g. a strict Content-Security-Policy), optional CORS, in-memory
// pages, and a log of every request it served. Listens on a free port of 127.0.0.1.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

export const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
};

/**
 * @param {object} options
 * @param {string} [options.root] directory to serve
 * @param {Record<string, string> | ((path: string) => Record<string, string>)} [options.headers]
 *   extra response headers (for every response, or per path)
 * @param {boolean} [options.cors] send Access-Control-Allow-Origin: * (and answer preflights)
 * @param {Record<string, { body: string | Buffer, type?: string }>} [options.pages] in-memory
 *   files by URL path (they win over files on disk)
 */
export async function startServer({ root, headers = {}, cors = false, pages = {} } = {}) {
  const base = root ? resolve(root) : null;
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    const path = decodeURIComponent(url.pathname);
    requests.push({ method: req.method, path, origin: req.headers.origin ?? null });
    const extra = typeof headers === "function" ? headers(path) : headers;
    const common = { "Cache-Control": "no-store", ...extra };
    if (cors) {
      common["Access-Control-Allow-Origin"] = "*";
      common["Cross-Origin-Resource-Policy"] = "cross-origin";
    }
    if (req.method === "OPTIONS") {
      res.writeHead(204, { ...common, "Access-Control-Allow-Methods": "GET, HEAD", "Access-Control-Allow-Headers": "*" });
      res.end();
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, common);
      res.end();
      return;
    }
    const send = (status, body, type) => {
      res.writeHead(status, { ...common, "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    const page = pages[path] ?? (path.endsWith("/") ? pages[`${path}index.html`] : undefined);
    if (page) {
      const type = page.type ?? MIME[extname(path.endsWith("/") ? "index.html" : path)] ?? "application/octet-stream";
      send(200, page.body, type);
      return;
    }
    if (!base) return send(path === "/favicon.ico" ? 204 : 404, "", "text/plain; charset=utf-8");
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return send(403, "forbidden", "text/plain; charset=utf-8");
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      send(200, body, MIME[extname(file)] ?? "application/octet-stream");
    } catch {
      // Browsers ask for a favicon on their own: no console error for it.
      if (path === "/favicon.ico") return send(204, "", "image/x-icon");
      send(404, "not found", "text/plain; charset=utf-8");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path = "/") => new URL(path, origin).href,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
