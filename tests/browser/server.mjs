// Minimal static server for the built site (www-dist/, made by scripts/build-wasm.sh from www/)
// used by the browser tests and the benchmark. GONGJI_WWW=www serves the sources instead.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..', process.env.GONGJI_WWW || 'www-dist');
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'none'";
// embed.html (the editor's builder) frames the page for its preview.
export const EMBED_CSP = CSP + "; frame-src 'self'";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

// opts: { wasmMime, gzip, port, host, root (another directory), fail(path) (true: answer 503),
//   frameAncestors }. With frameAncestors (e.g. "'self' http://127.0.0.1:4000") every response also
//   carries `frame-ancestors`, as scripts/serve.py sends it.
export function startServer(opts = {}) {
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (p.endsWith('/')) p += 'index.html';
    const base = opts.root ? path.resolve(opts.root) : ROOT;
    if (opts.fail && opts.fail(p)) { res.writeHead(503, { 'Content-Type': 'text/plain' }); res.end('unavailable'); return; }
    const file = path.resolve(base, '.' + p);
    if (!file.startsWith(base + path.sep)) { res.writeHead(403); res.end(); return; }
    fs.stat(file, (serr, st) => fs.readFile(file, (err, body) => {
      if (err || serr) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found'); return; }
      const etag = `"${st.size}-${Math.floor(st.mtimeMs)}"`;
      const ext = path.extname(file);
      let type = TYPES[ext] || 'application/octet-stream';
      if (ext === '.wasm' && opts.wasmMime) type = opts.wasmMime;
      let csp = p.endsWith('embed.html') ? EMBED_CSP : CSP;
      if (opts.frameAncestors) csp += '; frame-ancestors ' + opts.frameAncestors;
      const headers = { 'Content-Type': type, 'Content-Security-Policy': csp, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
      headers.ETag = etag;
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers); res.end(); return; }
      if (opts.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        body = zlib.gzipSync(body, { level: 9 });
        headers['Content-Encoding'] = 'gzip';
        headers.Vary = 'Accept-Encoding';
      }
      res.writeHead(200, headers);
      res.end(body);
    }));
  });
  return new Promise((resolve) => server.listen(opts.port || 0, opts.host || '127.0.0.1', () => {
    const { port } = server.address();
    resolve({ server, url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) });
  }));
}

// A stand-in for a site that embeds the calculator: serves the given pages (path -> HTML) on its
// own 127.0.0.1 port, so it is another origin than the calculator; no CSP of its own.
export function startHost(pages) {
  const server = http.createServer((req, res) => {
    const p = new URL(req.url, 'http://x').pathname;
    const body = typeof pages === 'function' ? pages(p) : pages[p];
    if (body === undefined) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found'); return; }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    resolve({ server, url: `http://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
  }));
}

export async function loadPlaywright() {
  try { return await import('playwright-core'); }
  catch (e) {
    const dir = process.env.GONGJI_NODE_MODULES;
    if (!dir) throw e;
    return await import(path.join(dir, 'playwright-core/index.mjs'));
  }
}
export function axePath() {
  const local = path.resolve(here, '../../node_modules/axe-core/axe.min.js');
  if (fs.existsSync(local)) return local;
  return path.join(process.env.GONGJI_NODE_MODULES || '', 'axe-core/axe.min.js');
}
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
};

// `node tests/browser/server.mjs [port]` serves www/ with the same headers (default 8080).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] || process.env.PORT || 8080);
  startServer({ port, gzip: true }).then((s) => console.log(`serving ${ROOT} at ${s.url}`));
}
