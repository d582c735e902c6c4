// Sizes for scripts/bench.sh: the .wasm raw / gzip -9 / brotli (max quality), the JS glue, and
// the bytes a first visit can load (every file under www/ a browser may fetch, gzipped each,
// as a static host with compression serves them; .d.ts, package.json and README excluded).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const www = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../www');
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
const kb = (n) => (n / 1024).toFixed(1) + ' KB';

const wasm = fs.readFileSync(path.join(www, 'pkg/gongji_bg.wasm'));
const glue = fs.readFileSync(path.join(www, 'pkg/gongji.js'));
const rows = [];
function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (!/\.d\.ts$|package\.json$|README\.md$|^__/.test(e.name)) {
      const b = fs.readFileSync(p);
      rows.push({ file: path.relative(www, p), raw: b.length, gzip: gz(b) });
    }
  }
}
walk(www);
rows.sort((a, b) => b.gzip - a.gzip);
const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });

console.log(`wasm  gongji_bg.wasm   raw ${kb(wasm.length)} (${wasm.length} B)   gzip ${kb(gz(wasm))} (${gz(wasm)} B)   brotli ${kb(br(wasm))} (${br(wasm)} B)   budget gzip <= 90 KB: ${gz(wasm) <= 90 * 1024 ? 'met' : 'MISSED'}`);
console.log(`glue  gongji.js        raw ${kb(glue.length)}   gzip ${kb(gz(glue))}   brotli ${kb(br(glue))}`);
console.log(`first visit, all files under www/ (${rows.length}):   raw ${kb(total.raw)}   gzip ${kb(total.gzip)}   budget gzip <= 130 KB: ${total.gzip <= 130 * 1024 ? 'met' : 'MISSED'}`);
for (const r of rows) console.log(`    ${r.file.padEnd(28)} ${String(r.raw).padStart(8)} B raw ${String(r.gzip).padStart(8)} B gzip`);
