// The `types` suite: www/pkg as an npm package, the way a site or a Node program gets it.
//   1. www/pkg/package.json has `exports` (`types` first, a `node` entry), `types`, `files`,
//      repository, homepage and keywords; every file it names exists; the licenses are the repo's;
//   2. `npm pack --dry-run` lists exactly those files; `npm pack` makes the tarball;
//   3. the tarball is unpacked into a scratch project as node_modules/gongji, and a TypeScript file
//      generated from every golden case (tests/golden/*.json: input and expected output) imports
//      `gongji` and is checked with `tsc --noEmit --strict`: with bundler and with Node's (node16)
//      resolution and the DOM library, and with `lib: ["es2022"]` alone (no DOM, no Node types);
//   4. Node imports the packed package: init() with no argument, with the bytes, a path and a
//      file: URL (each in its own process) answers the SPEC example; an export called before
//      init() throws an Error that says so (not a TypeError); the README's Node example runs as
//      written;
//   5. in Chromium: the README's browser example (the package copied next to the page) and its
//      bundler example (built with the README's esbuild command) show the engine's answer.
// Usage: node scripts/check-types.mjs [pkg dir, default www/pkg]. Needs typescript, esbuild and
// playwright-core (package.json devDependencies; or GONGJI_NODE_MODULES pointing at a node_modules
// that has them) and /usr/bin/chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = path.resolve(process.argv[2] || path.join(root, 'www/pkg'));
let failed = 0;
function ok(cond, msg) { console.log((cond ? '  ok    ' : '  FAIL  ') + msg); if (!cond) failed++; return cond; }

const tscCandidates = [path.join(root, 'node_modules/typescript/bin/tsc'),
  process.env.GONGJI_NODE_MODULES && path.join(process.env.GONGJI_NODE_MODULES, 'typescript/bin/tsc')].filter(Boolean);
const tsc = tscCandidates.find((p) => fs.existsSync(p));
if (!tsc) { console.error('check-types: typescript is missing (npm ci installs it from package-lock.json)'); process.exit(2); }
if (!fs.existsSync(path.join(pkgDir, 'gongji_bg.wasm'))) { console.error('check-types: ' + pkgDir + ' is missing: run scripts/build-wasm.sh'); process.exit(2); }

// ---- 1. package.json ----------------------------------------------------------------------
const pj = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const dot = pj.exports && pj.exports['.'];
ok(dot && typeof dot === 'object' && Object.keys(dot)[0] === 'types', 'exports["."] names `types` first');
ok(dot && dot.types === './gongji.d.ts' && dot.import === './gongji.js', 'exports["."]: types ./gongji.d.ts, import ./gongji.js');
ok(dot && dot.node === './gongji.node.js' && Object.keys(dot).indexOf('node') < Object.keys(dot).indexOf('import'), 'exports["."]: node ./gongji.node.js before import');
ok(pj.exports && pj.exports['./gongji_bg.wasm'] === './gongji_bg.wasm', 'exports the .wasm (for bundlers that take its URL)');
ok(pj.types === 'gongji.d.ts' && pj.type === 'module', 'types and type: module');
ok(/^\d+\.\d+\.\d+/.test(pj.version) && pj.version !== '0.0.0', 'version from Cargo.toml: ' + pj.version);
ok(pj.repository && /^git\+https:\/\//.test(pj.repository.url) && /^https:\/\//.test(pj.homepage || '') && Array.isArray(pj.keywords) && pj.keywords.length >= 3,
  'repository, homepage, keywords: ' + JSON.stringify([pj.repository, pj.homepage, pj.keywords]));
ok(pj.license === 'MIT OR Apache-2.0', 'license: ' + pj.license);
for (const f of pj.files || []) ok(fs.existsSync(path.join(pkgDir, f)), 'files: ' + f + ' exists');
for (const f of ['LICENSE-MIT', 'LICENSE-APACHE']) {
  ok((pj.files || []).includes(f) && fs.existsSync(path.join(root, f)) && fs.readFileSync(path.join(root, f), 'utf8') === fs.readFileSync(path.join(pkgDir, f), 'utf8'),
    f + ': in the repository and in the package, the same');
}
const readme = fs.existsSync(path.join(pkgDir, 'README.md')) ? fs.readFileSync(path.join(pkgDir, 'README.md'), 'utf8') : '';
const block = (tag) => { const m = new RegExp('```' + tag + '\\n([\\s\\S]*?)```').exec(readme); return m ? m[1] : null; };
ok(block('html browser') && block('js bundler') && block('sh bundler') && block('js node') && !readme.includes('__VERSION__'), 'README: browser, bundler and Node usage, the version filled in');

// ---- 2. npm pack ----------------------------------------------------------------------------
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const dry = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json'], { cwd: pkgDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const listed = dry[0].files.map((f) => f.path).sort();
const want = ['package.json'].concat(pj.files).sort();
ok(JSON.stringify(listed) === JSON.stringify(want), 'npm pack --dry-run lists ' + listed.join(', '));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongji-types-'));
const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', tmp], { cwd: pkgDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const tgz = path.join(tmp, packed[0].filename);
ok(fs.existsSync(tgz), 'npm pack made ' + packed[0].filename + ' (' + packed[0].size + ' bytes)');

// ---- 3. a consumer project -------------------------------------------------------------------
const dest = path.join(tmp, 'app/node_modules/gongji');
fs.mkdirSync(dest, { recursive: true });
execFileSync('tar', ['-xzf', tgz, '-C', dest, '--strip-components=1']);
fs.writeFileSync(path.join(tmp, 'app/package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));

const KINDS = {
  evaluate: ['Scenario', 'Output', 'evaluate'],
  advise: ['Scenario', 'Advice', 'advise'],
  withdrawal: ['WithdrawalInput', 'WithdrawalAnswer', 'withdrawal'],
  credit: ['CreditInput', 'CreditEstimate', 'credit'],
};
const goldenDir = path.join(root, 'tests/golden');
const cases = fs.readdirSync(goldenDir).filter((f) => f.endsWith('.json')).sort();
// (what only a page or Node has: URL, Response; checked with the DOM library)
fs.writeFileSync(path.join(tmp, 'app/dom.ts'), `import init from 'gongji';
export async function withUrl(): Promise<void> { await init({ module_or_path: new URL('gongji_bg.wasm', 'https://example.com/pkg/') }); }
export async function withResponse(): Promise<void> { await init(fetch('gongji_bg.wasm')); }
export async function withRequest(): Promise<void> { await init({ module_or_path: new Request('gongji_bg.wasm') }); }
export async function withModule(bytes: ArrayBuffer): Promise<void> { await init({ module_or_path: await WebAssembly.compile(bytes) }); }
`);
let ts = `// Generated by scripts/check-types.mjs from tests/golden/*.json: do not edit.
import init, { initSync, evaluate, advise, withdrawal, credit, catalogue, rules, regions, version } from 'gongji';
import type { Scenario, Output, Advice, WithdrawalInput, WithdrawalAnswer, CreditInput, CreditEstimate, ErrorResult,
  CatalogueItem, Rule, Region, Version, Answer, InitOutput } from 'gongji';
export async function start(bytes: ArrayBuffer, view: Uint8Array): Promise<void> {
  await init();
  await init('node_modules/gongji/gongji_bg.wasm');
  await init({ module_or_path: view });
  await init({ module_or_path: Promise.resolve(bytes) });
  const o: InitOutput = initSync({ module: bytes });
  const mem: ArrayBuffer = o.memory.buffer;
  void mem;
  const c: CatalogueItem[] = catalogue(), r: Rule[] = rules(), g: Region[] = regions(), v: Version = version();
  void c; void r; void g; void v;
}
export function answerOf(s: Scenario): Answer | null {
  const out = evaluate(s);
  if ('error' in out) return null;
  return out.results.length ? out.results[0].answer : null;
}
`;
let nOk = 0, nErr = 0;
cases.forEach((f, i) => {
  const c = JSON.parse(fs.readFileSync(path.join(goldenDir, f), 'utf8'));
  const [inT, outT, fn] = KINDS[c.kind || 'evaluate'];
  const isErr = c.expected && typeof c.expected === 'object' && 'error' in c.expected;
  const id = 'c' + i + '_' + f.replace(/\W+/g, '_').replace(/_json$/, '');
  ts += `\n// ${f}\n`;
  if (isErr) {
    nErr++;
    // The input is wrong on purpose (the engine refuses it): only the refusal's shape is checked.
    ts += `export const ${id}_expected: ErrorResult = ${JSON.stringify(c.expected)};\n`;
    ts += `export const ${id}_call = (x: ${inT}): ${outT} | ErrorResult => ${fn}(x);\n`;
  } else {
    nOk++;
    ts += `export const ${id}_input: ${inT} = ${JSON.stringify(c.input)};\n`;
    ts += `export const ${id}_expected: ${outT} = ${JSON.stringify(c.expected)};\n`;
    ts += `export const ${id}_call = (): ${outT} | ErrorResult => ${fn}(${id}_input);\n`;
  }
});
fs.writeFileSync(path.join(tmp, 'app/golden.ts'), ts);
for (const [res, lib] of [['bundler', ['es2022', 'dom']], ['node16', ['es2022', 'dom']], ['node16', ['es2022']]]) {
  const dom = lib.includes('dom');
  const cfg = { compilerOptions: { strict: true, noEmit: true, target: 'es2022', lib,
    module: res === 'bundler' ? 'esnext' : 'node16', moduleResolution: res, skipLibCheck: false, types: [] }, files: dom ? ['golden.ts', 'dom.ts'] : ['golden.ts'] };
  fs.writeFileSync(path.join(tmp, 'app/tsconfig.json'), JSON.stringify(cfg, null, 1));
  const what = `tsc --noEmit --strict (${res} resolution, lib ${lib.join(' + ')}${dom ? '' : ': no DOM, no Node types'})`;
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: path.join(tmp, 'app'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    ok(true, `${what}: ${nOk} golden inputs and outputs typed, ${nErr} refusals typed as ErrorResult`);
  } catch (e) {
    ok(false, `${what}:\n` + String(e.stdout || '').split('\n').slice(0, 30).join('\n'));
  }
}

// ---- 4. Node imports the packed package ------------------------------------------------------------
const app = path.join(tmp, 'app');
const example = fs.readFileSync(path.join(root, 'examples/spec_example.json'), 'utf8').trim();
const node = (file, code) => {
  fs.writeFileSync(path.join(app, file), code);
  try { return { out: execFileSync(process.execPath, [file], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60000 }) }; }
  catch (e) { return { err: String(e.stderr || e.message).split('\n').slice(0, 8).join('\n') }; }
};
const ways = {
  'no argument (the package\'s own .wasm)': 'await init();',
  'the bytes': "await init({ module_or_path: fs.readFileSync('node_modules/gongji/gongji_bg.wasm') });",
  'a path': "await init({ module_or_path: 'node_modules/gongji/gongji_bg.wasm' });",
  'a file: URL': "await init({ module_or_path: new URL('./node_modules/gongji/gongji_bg.wasm', import.meta.url) });",
  'a path, passed bare': "await init('node_modules/gongji/gongji_bg.wasm');",
};
let i = 0;
for (const [label, call] of Object.entries(ways)) {
  const r = node(`init${i++}.mjs`, `import fs from 'node:fs';\nimport init, { evaluate, version } from 'gongji';\n${call}\n` +
    `const out = evaluate(${example});\nconsole.log(JSON.stringify({ me: out.balances && out.balances.me, engine: version().engine }));\n`);
  let v = null;
  try { v = JSON.parse(r.out); } catch (e) { /* reported below */ }
  ok(v && v.me === '2550.00' && v.engine, `Node, init() with ${label}: the SPEC example answers` + (v ? ' (engine ' + v.engine + ')' : ': ' + (r.err || r.out)));
}
const early = node('early.mjs', `import { evaluate } from 'gongji';\ntry { evaluate(${example}); console.log('no error'); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }\n`);
ok(/^Error: .*init\(\)/.test(early.out || ''), 'Node, an export called before init(): a plain Error that says so: ' + (early.out || early.err).trim());
const readmeNode = block('js node');
if (readmeNode) {
  const r = node('readme-node.mjs', readmeNode);
  ok(r.out && /^\d+\.\d+\.\d+/.test(r.out.split('\n')[0]) && /^(yes|not_bound|no|depends|blocked|needs_input)$/.test(r.out.split('\n')[1] || ''), "the README's Node example runs as written: " + JSON.stringify(r.out || r.err));
}

// ---- 5. the README's browser and bundler examples, in Chromium ---------------------------------------
async function inBrowser() {
  const modules = [path.join(root, 'node_modules'), process.env.GONGJI_NODE_MODULES].filter(Boolean);
  const find = (rel) => modules.map((m) => path.join(m, rel)).find((p) => fs.existsSync(p));
  const esbuild = find('esbuild/bin/esbuild'), pw = find('playwright-core/index.mjs');
  if (!esbuild || !pw) { ok(false, 'esbuild and playwright-core are needed for the browser checks'); return; }
  // the browser example: the package copied next to the page as gongji/
  const site = path.join(tmp, 'site');
  fs.cpSync(dest, path.join(site, 'gongji'), { recursive: true });
  fs.writeFileSync(path.join(site, 'index.html'), block('html browser'));
  // the bundler example: app.js built with the README's command (npx esbuild -> the local binary)
  fs.writeFileSync(path.join(app, 'app.js'), block('js bundler'));
  const cmd = block('sh bundler').trim().split(/\s+/);
  ok(cmd[0] === 'npx' && cmd[1] === 'esbuild', "the README's bundler command: " + cmd.join(' '));
  try {
    execFileSync(esbuild, cmd.slice(2), { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    fs.writeFileSync(path.join(app, 'dist/index.html'), '<!doctype html><meta charset="utf-8"><title>bundled</title><body>…<script type="module" src="app.js"></script>');
    ok(fs.readdirSync(path.join(app, 'dist')).some((f) => /\.wasm$/.test(f)), 'esbuild copied the .wasm: ' + fs.readdirSync(path.join(app, 'dist')).join(', '));
  } catch (e) { ok(false, 'the README\'s esbuild command: ' + String(e.stderr || e.message).slice(0, 400)); return; }
  const http = await import('node:http');
  const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const serve = (dir) => new Promise((resolve) => {
    const srv = http.createServer((req, res) => {
      const p = path.join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/\/$/, '/index.html'));
      if (!p.startsWith(dir) || !fs.existsSync(p) || fs.statSync(p).isDirectory()) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(p)] || 'application/octet-stream' });
      res.end(fs.readFileSync(p));
    });
    srv.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${srv.address().port}/`, close: () => new Promise((r) => srv.close(r)) }));
  });
  const { chromium } = await import(pw);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    for (const [label, dir, sel, want] of [['browser', site, '#out', /妈妈|“/], ['bundler (esbuild)', path.join(app, 'dist'), 'body', /^计算引擎 \d+\.\d+\.\d+：/]]) {
      const srv = await serve(dir);
      const page = await browser.newPage();
      const errs = [];
      page.on('pageerror', (e) => errs.push(String(e)));
      try {
        await page.goto(srv.url);
        await page.waitForFunction((s) => document.querySelector(s) && !/^…$/.test(document.querySelector(s).textContent.trim()), sel, { timeout: 20000 });
        const text = (await page.textContent(sel)).trim();
        ok(want.test(text) && !errs.length, `the README's ${label} example works as written: ${text.slice(0, 80)} ${errs.join(' ')}`);
      } catch (e) { ok(false, `the README's ${label} example: ${e.message.split('\n')[0]} ${errs.join(' ')}`); }
      await page.close();
      await srv.close();
    }
  } finally { await browser.close(); }
}
await inBrowser();

if (!failed) fs.rmSync(tmp, { recursive: true, force: true });
else console.log('  (kept ' + tmp + ' to look at)');
console.log(failed ? `check-types: ${failed} failed` : 'check-types: all passed');
process.exit(failed ? 1 : 0);
