// Sizes for scripts/bench.sh: the .wasm raw / gzip -9 / brotli (max quality), the JS glue, and
// the bytes a first visit of index.html loads (the page and every script, stylesheet and preload
// it names, gzipped each, as a static host with compression serves them; and with brotli, which
// Chromium asks for also on http://127.0.0.1 and CDNs send over HTTPS), of the built site
// (www-dist/, or GONGJI_WWW), then every shipped file.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const www = path.resolve(repo, process.env.GONGJI_WWW || 'www-dist');
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
const kb = (n) => (n / 1024).toFixed(1) + ' KB';

const wasm = fs.readFileSync(path.join(www, 'pkg', fs.readdirSync(path.join(www, 'pkg')).find((f) => /^gongji_bg(\.[0-9a-f]+)?\.wasm$/.test(f))));   // content-hashed in www-dist
const glue = fs.readFileSync(path.join(repo, 'www/pkg/gongji.js'));
const rows = [];
function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (!/\.d\.ts$|package\.json$|manifest\.json$|README\.md$|^__/.test(e.name)) {
      const b = fs.readFileSync(p);
      rows.push({ file: path.relative(www, p), raw: b.length, gzip: gz(b), brotli: br(b) });
    }
  }
}
walk(www);
rows.sort((a, b) => b.gzip - a.gzip);
const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });

console.log(`wasm  gongji_bg.wasm   raw ${kb(wasm.length)} (${wasm.length} B)   gzip ${kb(gz(wasm))} (${gz(wasm)} B)   brotli ${kb(br(wasm))} (${br(wasm)} B)   budget gzip <= 90 KB: ${gz(wasm) <= 90 * 1024 ? 'met' : 'MISSED'}`);
console.log(`glue  gongji.js        raw ${kb(glue.length)}   gzip ${kb(gz(glue))}   brotli ${kb(br(glue))}`);
const index = fs.readFileSync(path.join(www, 'index.html'), 'utf8');
const named = new Set(['index.html', ...[...index.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"#:]+)"/g)].map((m) => m[1])]);
const first = rows.filter((r) => named.has(r.file.split(path.sep).join('/')));
const fv = first.reduce((a, r) => a + r.gzip, 0), fvBr = first.reduce((a, r) => a + r.brotli, 0);
console.log(`first visit of index.html (${first.length} files: ${first.map((r) => r.file).join(', ')}):   gzip ${kb(fv)} (${fv} B)   budget gzip <= 110 KB: ${fv <= 110 * 1024 ? 'met' : 'MISSED'};   brotli ${kb(fvBr)} (${fvBr} B), where the host compresses with brotli`);
console.log(`every file of ${path.relative(repo, www)}/ (${rows.length}):   raw ${kb(total.raw)}   gzip ${kb(total.gzip)}`);
for (const r of rows) console.log(`    ${r.file.padEnd(28)} ${String(r.raw).padStart(8)} B raw ${String(r.gzip).padStart(8)} B gzip`);
