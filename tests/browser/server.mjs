// What the browser tests and the benchmark share: the site's server (scripts/server.mjs, the one
// scripts/serve.sh runs: www-dist/, or GONGJI_WWW=www for the sources), a stand-in host site,
// playwright-core, axe-core and the system Chromium.
import http from 'node:http';
import { before, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer as startSite } from '../../scripts/server.mjs';
export { startServer, frameAncestors, withInline, ROOT, CSP, EMBED_CSP, REFERRER_POLICY } from '../../scripts/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

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

// One Chromium for a test file, and every server its tests start closed after the run, also when
// a test failed half-way. Call at the top of a file (it registers node:test's before/after);
// `session.browser` is there from the first test on. A file's own `after` runs after this one's.
export function chromiumSession() {
  const session = {
    browser: null,
    servers: new Set(),
    async startServer(opts) { const s = await startSite(opts); session.servers.add(s); return s; },
    async startHost(pages) { const s = await startHost(pages); session.servers.add(s); return s; },
  };
  before(async () => {
    const { chromium } = await loadPlaywright();
    session.browser = await chromium.launch(CHROMIUM);
  });
  after(async () => {
    if (session.browser) await session.browser.close();
    for (const s of session.servers) await s.close();
  });
  return session;
}
