// Checks that every shipped JavaScript file parses as ES2017 (Chrome 61+, iOS 11+ WKWebView):
// all .js/.mjs under www/ (including www/pkg). Module files (import/export) are parsed as
// modules, others (e.g. the service worker) as scripts. The npm package's Node entry
// (*.node.js: never loaded by a browser) is parsed as ES2022 instead.
// Usage: node scripts/check-es2017.mjs [dir]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const acorn = require('acorn');
const dir = path.resolve(process.argv[2] || path.join(root, 'www'));

function walk(d, out) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(m?js)$/.test(e.name)) out.push(p);
  }
  return out;
}

const files = walk(dir, []).sort();
let failed = 0;
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  let ok = false, err;
  const nodeOnly = /\.node\.js$/.test(f), ecmaVersion = nodeOnly ? 2022 : 2017;
  for (const sourceType of ['module', 'script']) {
    try { acorn.parse(text, { ecmaVersion, sourceType }); ok = true; break; } catch (e) { err = err || e; }
  }
  const rel = path.relative(root, f);
  if (ok && nodeOnly) console.log(`  ES2022 ok    ${rel} (Node only)`);
  else if (ok) console.log(`  ES2017 ok    ${rel}`);
  else { failed++; console.log(`  ES2017 FAIL  ${rel}: ${err.message}`); }
}
if (files.length === 0) { console.log('check-es2017: no JavaScript files found in ' + dir); process.exit(1); }
console.log(`check-es2017: ${files.length - failed} of ${files.length} files parse as ES2017`);
process.exit(failed ? 1 : 0);
