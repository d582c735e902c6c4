// The one static server: `scripts/serve.sh` (its command line, below), the page tests
// (tests/browser/), the benchmarks and scripts/check-wasm-loading.mjs. It sends the production
// headers: the Content-Security-Policy (the page's policy plus, when asked, `frame-ancestors`),
// `application/wasm` for .wasm (or another type, to stand in for a bad CDN), nosniff, no-cache
// with ETags.
//
//   node scripts/server.mjs [--root www-dist] [--port 8080] [--host 127.0.0.1]
//                           [--wasm-mime application/octet-stream]   # simulate a bad CDN
//                           [--prefix /some/sub/path]                # simulate sub-path hosting
//                           [--embed-from "https://news.example.com https://*.example.org"]
//                           [--gzip]
//
// On the command line the header always carries `frame-ancestors`, which only a header can carry:
// `'self'` by default (no other site may frame the calculator), or `'self'` and the sites named
// with --embed-from or GONGJI_FRAME_ANCESTORS (space-separated origins such as
// https://news.example.com, or https://*.example.com); `--embed-from '*'` lets any site frame it.
// Anything else is refused (exit code 2). GONGJI_SERVE_QUIET=1: no request log.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, '..');

// The page's Content-Security-Policy: the one place in code that says it. The meta tags of
// www/index.html and www/embed.html must say exactly CSP and EMBED_CSP (the page tests compare
// them; README "Hosting it" quotes it for those who host the site elsewhere).
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'none'";
// embed.html (the editor's builder) frames the page for its preview.
export const EMBED_CSP = CSP + "; frame-src 'self'";
// The referrer policy of every response: a page framed by another site learns that site's origin
// (document.referrer) and nothing more; a page framing the calculator on the same site (the
// builder's preview) passes its whole address. (`no-referrer` here kept the builder's preview from
// ever resizing on this server: issue 25.) The calculator's own requests send none (its meta tag).
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
// A policy that also allows a page's own inline <script> and <style> elements by their hashes
// (`'sha256-…'` sources; no 'unsafe-inline'). The build inlines what the first paint needs into
// the built index.html and lists the hashes in its manifest (`inline`); the built page's meta tag
// and this server's header both say withInline(CSP, those hashes).
export function withInline(policy, inline) {
  if (!inline) return policy;
  const add = (p, directive, sources) => (sources && sources.length
    ? p.replace(new RegExp(`(^|; )(${directive} [^;]*)`), (m, a, d) => a + d + ' ' + sources.join(' ')) : p);
  return add(add(policy, 'script-src', inline.script), 'style-src', inline.style);
}
// The hashes a built site's manifest lists for its pages ({ 'index.html': { script, style } }),
// read again only when the manifest changes (a rebuild, or a release in the tests).
const inlineSeen = new Map();
function inlineHashes(root) {
  const file = path.join(root, 'manifest.json');
  let stamp;
  try { stamp = fs.statSync(file).mtimeMs; } catch (e) { return {}; }
  const seen = inlineSeen.get(file);
  if (seen && seen.stamp === stamp) return seen.inline;
  let inline = {};
  try { inline = JSON.parse(fs.readFileSync(file, 'utf8')).inline || {}; } catch (e) { /* not a built site */ }
  inlineSeen.set(file, { stamp, inline });
  return inline;
}

// The site served by default: the built site (www-dist/, made by scripts/build-wasm.sh from
// www/); GONGJI_WWW=www serves the sources instead.
export const ROOT = path.resolve(REPO, process.env.GONGJI_WWW || 'www-dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json', '.map': 'application/json',
  '.ts': 'text/plain; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8',
};

const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$/;

// The `frame-ancestors` sources for a space-separated list of sites: 'self' plus those sites, or
// '*'. Throws on anything that is not a site address (a policy smuggled in, a path, a scheme).
export function frameAncestors(spec) {
  const sources = ["'self'"];
  for (const tok of String(spec || '').split(/\s+/).filter(Boolean)) {
    const t = tok.trim().replace(/\/+$/, '').toLowerCase();
    if (t === '*') return '*';
    if (t === "'self'" || t === 'self') continue;
    if (!ORIGIN.test(t)) throw new Error('not a site address (like https://news.example.com): ' + JSON.stringify(tok));
    if (!sources.includes(t)) sources.push(t);
  }
  return sources.join(' ');
}

// opts: { root (default ROOT), port (default 0: a free one), host, wasmMime, prefix (serve the
//   site under this path, e.g. /a/b), gzip, fail(path) (true: answer 503), alias(path) (another
//   path to answer with: a stale CDN edge in the tests), frameAncestors (e.g.
//   "'self' http://127.0.0.1:4000": every response also carries `frame-ancestors`),
//   referrerPolicy (default REFERRER_POLICY; null: no header), policy(csp) (returns the header's
//   policy instead of csp: a test's stricter or older policy), log (one line per request) }.
// Resolves to { server, url (ends with the prefix and '/'), port, close() }.
export function startServer(opts = {}) {
  const prefix = (opts.prefix || '').replace(/\/+$/, '');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let p;
    try { p = decodeURIComponent(url.pathname); } catch (e) { p = null; }
    if (opts.log) res.on('finish', () => console.error(`${new Date().toISOString()} ${req.method} ${req.url} ${res.statusCode}`));
    const base = opts.root ? path.resolve(opts.root) : ROOT;
    let csp = p && p.endsWith('embed.html') ? EMBED_CSP : CSP;
    if (p !== null) {
      const page = (prefix && p.startsWith(prefix + '/') ? p.slice(prefix.length) : p).replace(/\/$/, '/index.html').slice(1);
      csp = withInline(csp, inlineHashes(base)[page]);
    }
    if (opts.frameAncestors) csp += '; frame-ancestors ' + opts.frameAncestors;
    if (opts.policy) csp = opts.policy(csp, p);
    const headers = { 'Content-Security-Policy': csp, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
    const referrer = opts.referrerPolicy === undefined ? REFERRER_POLICY : opts.referrerPolicy;
    if (referrer) headers['Referrer-Policy'] = referrer;
    const plain = (status, text) => { res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }); res.end(text); };
    if (p === null) { plain(400, 'bad request'); return; }
    if (prefix) {
      if (p === prefix) { res.writeHead(301, { ...headers, Location: url.pathname + '/' + url.search }); res.end(); return; }
      if (p.startsWith(prefix + '/')) p = p.slice(prefix.length);
      else { plain(404, 'not found'); return; }
    }
    if (p.endsWith('/')) p += 'index.html';
    if (opts.fail && opts.fail(p)) { plain(503, 'unavailable'); return; }
    if (opts.alias && opts.alias(p)) p = opts.alias(p);
    const file = path.resolve(base, '.' + p);
    if (!file.startsWith(base + path.sep)) { plain(403, 'forbidden'); return; }
    fs.stat(file, (serr, st) => {
      if (!serr && st.isDirectory()) { res.writeHead(301, { ...headers, Location: url.pathname + '/' + url.search }); res.end(); return; }
      fs.readFile(file, (err, body) => {
        if (err || serr) { plain(404, 'not found'); return; }
        const etag = `"${st.size}-${Math.floor(st.mtimeMs)}"`;
        const ext = path.extname(file);
        let type = TYPES[ext] || 'application/octet-stream';
        if (ext === '.wasm' && opts.wasmMime) type = opts.wasmMime;
        const h = { ...headers, 'Content-Type': type, ETag: etag };
        if (req.headers['if-none-match'] === etag) { res.writeHead(304, h); res.end(); return; }
        if (opts.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
          body = zlib.gzipSync(body, { level: 9 });
          h['Content-Encoding'] = 'gzip';
          h.Vary = 'Accept-Encoding';
        }
        res.writeHead(200, h);
        res.end(req.method === 'HEAD' ? undefined : body);
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port || 0, opts.host || '127.0.0.1', () => {
      const { port } = server.address();
      const host = opts.host && opts.host !== '0.0.0.0' && opts.host !== '::' ? opts.host : '127.0.0.1';
      resolve({ server, port, url: `http://${host.includes(':') ? '[' + host + ']' : host}:${port}${prefix}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// The command line (scripts/serve.sh).
async function main(argv) {
  const usage = 'usage: node scripts/server.mjs [--root DIR] [--port N] [--host H] [--wasm-mime TYPE] [--prefix /PATH] [--embed-from "SITES"] [--gzip]';
  let a;
  try {
    ({ values: a } = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: {
        root: { type: 'string' }, port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' },
        'wasm-mime': { type: 'string', default: 'application/wasm' }, prefix: { type: 'string', default: '' },
        'embed-from': { type: 'string', default: process.env.GONGJI_FRAME_ANCESTORS || '' }, gzip: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    console.error(usage + '\nserver.mjs: ' + e.message);
    return 2;
  }
  if (a.help) { console.log(usage); return 0; }
  const port = Number(a.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) { console.error(usage + '\nserver.mjs: --port: not a port: ' + a.port); return 2; }
  let ancestors;
  try { ancestors = frameAncestors(a['embed-from']); } catch (e) { console.error(usage + '\nserver.mjs: --embed-from: ' + e.message); return 2; }
  const root = a.root ? path.resolve(a.root) : ROOT;
  if (!fs.existsSync(path.join(root, 'manifest.json')) && !fs.existsSync(path.join(root, 'pkg', 'gongji_bg.wasm'))) console.error(`warning: ${root}/pkg is missing; run scripts/build-wasm.sh`);
  const srv = await startServer({
    root, port, host: a.host, wasmMime: a['wasm-mime'], prefix: a.prefix, gzip: a.gzip,
    frameAncestors: ancestors, referrerPolicy: REFERRER_POLICY, log: process.env.GONGJI_SERVE_QUIET !== '1',
  });
  console.log(`serving ${root} on ${srv.url} (wasm as ${a['wasm-mime']}; may be framed by ${ancestors})`);
  return null;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => { if (code !== null) process.exit(code); },
    (e) => { console.error('server.mjs: ' + e.message); process.exit(1); });
}
