// Builds what ships: www/ (the sources) + www/pkg (the wasm package) -> www-dist/ (gitignored).
//   1. Every script an HTML page loads (`<script src>`) is bundled with its imports and minified
//      by esbuild (ES2017; module scripts stay modules, classic ones stay classic); the worker
//      and the stylesheet are minified; other files are copied. JS modules no page loads are not
//      shipped (they are inside the bundles).
//   2. index.html gets the first screen prerendered: the quick check as it stands on arrival and
//      its default answer (我 → 妈妈 · 门诊看病), drawn by the page's own render code (quick.js,
//      result.js) on a DOM in Node (linkedom), with the answer of the native CLI
//      (target/release/gongji: same engine as the module). The page redraws both when the module
//      is ready; tests/browser/site.mjs checks that nothing changes then.
//   3. Content-hashed names for what may be cached for good: every script bundle, the stylesheet,
//      the .wasm and the engine as JavaScript (app.3f9a1c2b7e.js, pkg/gongji_bg.<hash>.wasm, …),
//      with every reference to them rewritten; the pages (index.html, embed.html), sw.js,
//      embed-loader.js (host pages name it), places.json, counties.json and manifest.json keep
//      their names.
//   4. A manifest: every shipped file with its SHA-256, and a version (hash of all of them). It is
//      written into sw.js (which checks every file against it before caching a release, all or
//      nothing; pkg/gongji_fallback.*.js only when a browser without WebAssembly asks for it) and
//      gives index.html its preload list, so the two cannot disagree. No manual cache bump.
// Usage: node scripts/build-site.mjs [--src www] [--out www-dist] [--cli target/release/gongji] [--date YYYY-MM-DD]
//        node scripts/build-site.mjs --release DIR   (an already built DIR whose files
//        changed: names follow contents again, a new manifest; the tests make releases this way)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CSP, EMBED_CSP, withInline } from './server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : def; };
const log = (s) => console.log('   ' + s);

// ---- manifest -----------------------------------------------------------------------------------
const NOT_SHIPPED = /(^|\/)(sw\.js|manifest\.json)$/;
// Fetched by the page only when needed: the engine as JavaScript where WebAssembly fails
// (js/engine-load.js; modern visitors never fetch it), the counties where a typed name fits no
// place (js/flows/counties.js). The worker caches them when asked for, checked against their
// hashes, never with the release.
const LAZY = /^(pkg\/gongji_fallback(\.[0-9a-f]+)?\.js|counties\.json)$/;
function walk(dir, base = dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, base, out); else out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out.sort();
}
const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');
// The preload list of index.html, from the file list: the module and any module it does not
// load itself. (With one bundle per page, that is the .wasm only.)
function preloadLines(files) {
  return files.filter((f) => /\.wasm$/.test(f) && !LAZY.test(f))
    .map((f) => `<link rel="preload" href="${f}" as="fetch" type="application/wasm" crossorigin>`).join('\n');
}
// The CSP hash sources of a page's inline <script> (without src) and <style> elements, exactly as
// the browser hashes them (the UTF-8 text between the tags).
const hash64 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
function inlineSources(html) {
  const script = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => hash64(m[1]));
  const style = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => hash64(m[1]));
  return script.length || style.length ? { script, style } : null;
}
// Each page's meta CSP allows exactly its own inline elements (scripts/server.mjs sends the same
// header from the manifest's `inline`).
function writeInlinePolicies(out, files) {
  const inline = {};
  for (const f of files.filter((x) => /\.html$/.test(x))) {
    const file = path.join(out, f), html = fs.readFileSync(file, 'utf8');
    const sources = inlineSources(html);
    if (!sources) continue;
    inline[f] = sources;
    const policy = withInline(f.endsWith('embed.html') ? EMBED_CSP : CSP, sources);
    const next = html.replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*(">)/, (m, a, b) => a + policy + b);
    if (next === html && !html.includes(policy)) throw new Error(f + ' has inline elements but no CSP meta tag');
    fs.writeFileSync(file, next);
  }
  return inline;
}
function writeManifest(out) {
  const files = walk(out).filter((f) => !NOT_SHIPPED.test(f));
  const inline = writeInlinePolicies(out, files);
  const index = path.join(out, 'index.html');
  if (fs.existsSync(index)) {
    const html = fs.readFileSync(index, 'utf8');
    const next = html.replace(/<!-- preload: generated[^>]*-->[\s\S]*?<!-- \/preload -->/,
      `<!-- preload: generated from the manifest by scripts/build-site.mjs -->\n${preloadLines(files)}\n<!-- /preload -->`);
    if (next === html && !/<!-- preload: generated/.test(html)) throw new Error('index.html has no <!-- preload: generated … --> block');
    fs.writeFileSync(index, next);
  }
  const hashes = {};
  for (const f of files) hashes[f] = sha(fs.readFileSync(path.join(out, f)));
  const version = sha(files.map((f) => f + ' ' + hashes[f]).join('\n')).slice(0, 12);
  const lazy = files.filter((f) => LAZY.test(f));
  const manifest = { version, files, lazy, hashes, inline };
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  const sw = path.join(out, 'sw.js');
  const src = fs.readFileSync(sw, 'utf8');
  const m = src.match(/var MANIFEST\s*=\s*(null|\{[^\n]*\})\s*;/);
  if (!m) throw new Error('sw.js has no `var MANIFEST = null;` line');
  const forWorker = { version, files: files.filter((f) => !LAZY.test(f)), lazy, sha256: hashes };
  fs.writeFileSync(sw, src.replace(m[0], () => 'var MANIFEST=' + JSON.stringify(forWorker) + ';'));
  return manifest;
}

// ---- content-hashed names ------------------------------------------------------------------------
// Scripts, the stylesheet, the .wasm and the engine as JavaScript are named by their content
// (app.3f9a1c2b7e.js); a file whose content no longer matches its name (or that has no hash yet)
// is renamed and every reference to it rewritten. Leaves first (the .wasm, the engine as
// JavaScript, the stylesheet: they name no other file), then the bundles (they name the .wasm and
// the fallback), then the pages. A reference is the file's path from the site's root in quotes
// (the pages sit at the root; scripts resolve against them). Returns old name -> new name.
const HASHED = (f) => /\.(js|css|wasm)$/.test(f) && !/^(sw|embed-loader)\.js$/.test(f) && !NOT_SHIPPED.test(f);
const HASH_IN_NAME = /\.([0-9a-f]{10})(\.[a-z]+)$/;
const quoted = (from) => new RegExp(`(["'])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`, 'g');
export function hashNames(out) {
  const renames = new Map();
  const rewriteRefs = (f) => {
    const file = path.join(out, f);
    let t = fs.readFileSync(file, 'utf8');
    const before = t;
    for (const [from, to] of renames) t = t.replace(quoted(from), (m, q) => q + to + q);
    if (t !== before) fs.writeFileSync(file, t);
  };
  const toHash = walk(out).filter(HASHED);
  const leaf = (f) => /\.(wasm|css)$/.test(f) || LAZY.test(f);
  for (const f of toHash.filter(leaf).concat(toHash.filter((x) => !leaf(x)))) {
    if (/\.js$/.test(f)) rewriteRefs(f);
    const h = sha(fs.readFileSync(path.join(out, f))).slice(0, 10);
    const m = HASH_IN_NAME.exec(f);
    if (m && m[1] === h) continue;
    const to = m ? f.replace(HASH_IN_NAME, `.${h}$2`) : f.replace(/(\.[a-z]+)$/, `.${h}$1`);
    fs.renameSync(path.join(out, f), path.join(out, to));
    renames.set(f, to);
  }
  for (const f of walk(out).filter((x) => /\.html$/.test(x))) rewriteRefs(f);
  // every reference went with its file: no page or script names an old name any more
  for (const f of walk(out).filter((x) => /\.(html|js)$/.test(x) && !NOT_SHIPPED.test(x))) {
    const t = fs.readFileSync(path.join(out, f), 'utf8');
    for (const [from] of renames) if (quoted(from).test(t)) throw new Error(`${f} still names ${from} after it was renamed`);
  }
  return renames;
}

// A release of an already built DIR whose files were changed (the tests make releases this way):
// names follow contents again, then the manifest.
if (argv[0] === '--release' || argv[0] === '--manifest-only') {
  const dir = path.resolve(argv[1]);
  const renames = hashNames(dir);
  const m = writeManifest(dir);
  log(`manifest ${m.version}: ${m.files.length} files` + (renames.size ? '; renamed ' + [...renames].map((x) => x.join(' -> ')).join(', ') : ''));
  process.exit(0);
}

const SRC = path.resolve(ROOT, opt('--src', 'www'));
const OUT = path.resolve(ROOT, opt('--out', 'www-dist'));
const CLI = path.resolve(ROOT, opt('--cli', 'target/release/gongji'));
if (!fs.existsSync(path.join(SRC, 'pkg/gongji_bg.wasm'))) { console.error(`${SRC}/pkg is missing: run scripts/build-wasm.sh`); process.exit(2); }
const esbuild = require('esbuild');
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });

// ---- 1. scripts, styles, files ------------------------------------------------------------------
const html = walk(SRC).filter((f) => /\.html$/.test(f) && !f.startsWith('pkg/'));
const entries = new Map(); // src -> 'esm' | 'iife'
for (const f of html) {
  const text = fs.readFileSync(path.join(SRC, f), 'utf8');
  for (const m of text.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"[^>]*>/g)) {
    const rel = path.posix.normalize(path.posix.join(path.posix.dirname(f), m[2]));
    entries.set(rel, /type="module"/.test(m[1]) ? 'esm' : 'iife');
  }
}
for (const [rel, format] of entries) {
  await esbuild.build({ entryPoints: [path.join(SRC, rel)], outfile: path.join(OUT, rel), bundle: true, minify: true,
    format, target: 'es2017', charset: 'utf8', legalComments: 'none', logLevel: 'warning',
    logOverride: { 'import-is-undefined': 'silent' } }); // app.js asks the module namespace for optional exports
  log(`bundle ${rel} (${format}): ${fs.statSync(path.join(OUT, rel)).size} B`);
}
// Classic scripts no page of ours loads, shipped minified: the loader host pages put next to the
// calculator's iframe, and the engine as JavaScript (loaded only where WebAssembly fails).
const STANDALONE = ['embed-loader.js', 'pkg/gongji_fallback.js'];
for (const f of STANDALONE) {
  if (!fs.existsSync(path.join(SRC, f))) throw new Error(`${SRC}/${f} is missing` + (f.startsWith('pkg/') ? ': run scripts/build-wasm.sh' : ''));
  const r = await esbuild.transform(fs.readFileSync(path.join(SRC, f), 'utf8'), { loader: 'js', minify: true, target: 'es2017', charset: 'utf8', legalComments: 'none' });
  fs.mkdirSync(path.dirname(path.join(OUT, f)), { recursive: true });
  fs.writeFileSync(path.join(OUT, f), r.code);
  log(`minified ${f}: ${r.code.length} B`);
}
for (const f of walk(SRC)) {
  const from = path.join(SRC, f), to = path.join(OUT, f);
  if (f.startsWith('pkg/') && !/\.wasm$/.test(f)) continue;       // the glue is in the bundles
  if (/\.m?js$/.test(f) && f !== 'sw.js') continue;                 // bundled (or minified) above
  if (f === 'js/package.json') continue;                            // only for Node (tests/page-unit)
  fs.mkdirSync(path.dirname(to), { recursive: true });
  if (/\.css$/.test(f)) {   // (sw.js stays as written: off the page's path, and the manifest goes in by name)
    const r = await esbuild.transform(fs.readFileSync(from, 'utf8'), { loader: 'css', minify: true, target: 'chrome61', charset: 'utf8', legalComments: 'none' });
    fs.writeFileSync(to, r.code);
  } else fs.copyFileSync(from, to);
}

// ---- 2. the first screen, prerendered -------------------------------------------------------------
const date = opt('--date', new Date().toISOString().slice(0, 10));
const cli = (args, input) => JSON.parse(execFileSync(CLI, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] }).toString());
// The evaluate of the page: the CLI answers with status 1 and {error} for bad input.
function evaluate(scen) {
  try { return cli(['eval', '-'], JSON.stringify(scen)); }
  catch (e) { if (e.stdout) return JSON.parse(e.stdout.toString()); throw e; }
}
const { parseHTML } = require('linkedom');
const indexSrc = fs.readFileSync(path.join(SRC, 'index.html'), 'utf8');
const { document, window } = parseHTML(indexSrc);
// What the page's code needs of a DOM beyond linkedom: properties that a browser keeps out of the
// markup are written as attributes, so the markup shows what the live page shows (a select's
// choice, an input's value).
const SelectP = window.HTMLSelectElement.prototype;
Object.defineProperty(SelectP, 'options', { configurable: true, get() { return this.querySelectorAll('option'); } });
Object.defineProperty(SelectP, 'value', { configurable: true,
  get() { const o = this.querySelector('option[selected]') || this.querySelector('option'); return o ? o.getAttribute('value') || '' : ''; },
  set(v) { for (const o of this.querySelectorAll('option')) { if (o.getAttribute('value') === String(v)) o.setAttribute('selected', ''); else o.removeAttribute('selected'); } } });
Object.defineProperty(window.HTMLOptionElement.prototype, 'value', { configurable: true,
  get() { return this.getAttribute('value') || ''; }, set(v) { this.setAttribute('value', v); } });
Object.defineProperty(window.HTMLInputElement.prototype, 'value', { configurable: true,
  get() { return this.getAttribute('value') || ''; }, set(v) { if (v) this.setAttribute('value', v); else this.removeAttribute('value'); } });
globalThis.document = document; globalThis.window = window;
// The page's modules, bundled for Node (they are browser ES modules without a package type).
const tmp = path.join(OUT, '.prerender.mjs');
await esbuild.build({ stdin: { contents: [
  "export { FIRST_Q, applyQuick, deriveQuick, quickPeople } from './js/model/quick.js';",
  "export { probePairs, makeProbe } from './js/flows/pairs.js';",
  "export { blankState, today } from './js/model/state.js';",
  "export { makeTables } from './js/model/tables.js';",
  "export { placeOf, placeName } from './js/model/places.js';",
  "export { toScenario } from './js/model/scenario.js';",
  "export { answerOnly } from './js/model/answer-only.js';",
  "export { PRESETS } from './js/model/presets.js';",
  "export { renderQuick, syncQuick } from './js/views/quick-view.js';",
  "export { renderAnswerBar } from './js/views/answer-bar.js';"].join('\n'), resolveDir: SRC, loader: 'js' },
  bundle: true, format: 'esm', platform: 'neutral', outfile: tmp, logLevel: 'warning' });
const P = await import(pathToFileURL(tmp).href);
fs.rmSync(tmp);
if (!P.FIRST_Q) throw new Error('js/model/quick.js does not export FIRST_Q');
const catalogue = cli(['catalogue']), places = cli(['regions']);
// The places' summaries for the embed builder (the module leaves them out; build.rs `lean()`).
fs.writeFileSync(path.join(OUT, 'places.json'), JSON.stringify(Object.fromEntries(places.map((p) => [p.id, p.summary]))) + '\n');
// Every county under its city's code (data/counties.json, from the division codes), for the
// place field's "昆山 is in 苏州" (js/flows/counties.js): fetched only when a typed name fits no place.
fs.writeFileSync(path.join(OUT, 'counties.json'), JSON.stringify(JSON.parse(fs.readFileSync(path.join(ROOT, 'data/counties.json'), 'utf8')).counties) + '\n');
// The engine's lists, as the page reads them from the module (the CLI prints the same tables).
const tables = P.makeTables({ catalogue, rules: cli(['rules']), regions: places, relations: cli(['relations']), limits: cli(['limits']) });
// What the page's views need of the app object (js/flows/calculator.js): the family, the tables,
// the question; no action is taken here (nothing is clicked in Node).
function makeApp(region) {
  const app = { state: P.blankState(date), tables, q: P.FIRST_Q, ui: { away: false }, distances: {}, bar: null, quickView: null, placeListeners: [] };
  if (region) app.state.region = region;
  P.applyQuick(app.state, P.FIRST_Q, tables);
  app.q = P.deriveQuick(app.state);
  return app;
}
const ctx = makeApp(null);
P.renderQuick(ctx);
P.syncQuick(ctx);
// As js/flows/compute.js: a refused field is set aside and the answer given without money. Draws
// the answer bar for `c` and returns what it shows.
function drawAnswer(c, scenario, what) {
  const o = evaluate(scenario), e = o && o.error ? o.error : null;
  const a = e ? P.answerOnly(evaluate, scenario, e, tables.limits.max_amount) : null;
  P.renderAnswerBar(c, e ? a : o, e && !a ? e : null);
  const shown = document.querySelector('#answer').getAttribute('data-answer');
  if (!shown || shown === 'none' || shown === 'error') throw new Error(`prerender: no answer for ${what}: ${document.querySelector('#answer').outerHTML}`);
  return shown;
}
const answer = drawAnswer(ctx, P.toScenario(ctx.state), 'the first question');
const bar = document.querySelector('#answer');
const placeInput = () => document.querySelector('#region');
const quickHTML = document.querySelector('#quick').innerHTML;
// `?region=ID` asks the same first question at another place. Where the engine's answer (and
// the rest of the quick check) is the same as the bare page's, the prerendered screen stays and
// boot.js only writes the place's name into the place field; "id:name" pairs go on
// <html data-pre-regions>. A place with another answer waits for the engine as before. (The
// places with the engine's own profile; any other city's id waits for the engine too.)
const barBare = bar.outerHTML, norm = (html) => html.replace(/<input\b[^>]*\bid="region"[^>]*>/, (m) => m.replace(/ value="[^"]*"/, ''));
// (the next steps behind "全文" name the place's own channels; hidden until the engine has
// redrawn the bar, they are not compared)
const visible = (html) => html.replace(/<ol\b[^>]*class="ab-next"[^>]*>[\s\S]*?<\/ol>/, (m) => /<li\b(?![^>]*ab-later)/.test(m) ? m : '');
const sameRegions = [];
for (const pl of places) {
  const rctx = makeApp(pl.id);
  P.renderQuick(rctx);
  P.syncQuick(rctx);
  drawAnswer(rctx, P.toScenario(rctx.state), 'the first question at ' + pl.id);
  const name = P.placeName(tables.places, pl.id);
  if (visible(bar.outerHTML) === visible(barBare) && (pl.kind === 'national' || placeInput().value === name) && norm(document.querySelector('#quick').innerHTML) === norm(quickHTML)) {
    if (/[\s:"<>&]/.test(pl.id) || /[\s"<>&]/.test(name)) throw new Error('prerender: a place id or name boot.js cannot read: ' + pl.id);
    sameRegions.push(pl.kind === 'national' ? pl.id + ':' : pl.id + ':' + name);
  }
}
// back to the bare page's screen
P.renderQuick(ctx);
P.syncQuick(ctx);
drawAnswer(ctx, P.toScenario(ctx.state), 'the first question');
if (bar.outerHTML !== barBare || document.querySelector('#quick').innerHTML !== quickHTML) throw new Error('prerender: the bare page did not redraw the same');
// Each worked example (`?preset=ID`): its question in the quick check and its answer, drawn the
// same way (with the distances of its lines from the engine's pair probe, as js/flows/compute.js
// gets them), kept in a <template> each after the bar; boot.js puts in the ones the address asks
// for before the first paint, so nothing moves when the engine draws them again.
const presetBars = [];
for (const p of P.PRESETS) {
  const st = p.make();
  if (st.as_of === P.today()) st.as_of = date;
  const papp = { ...ctx, state: st, bar: null, q: P.deriveQuick(st), ui: { away: false }, quickView: null, distances: {} };
  const two = P.quickPeople(st);
  const extra = two.owner && two.patient && two.owner !== two.patient ? [{ from: two.owner.id, to: two.patient.id }] : [];
  papp.distances = P.probePairs(evaluate, P.makeProbe(), P.toScenario(st, {}), extra).distances;
  P.renderQuick(papp);
  P.syncQuick(papp);
  const quick = document.querySelector('#quick').innerHTML;
  const a = drawAnswer(papp, P.toScenario(st, papp.distances), 'the example ' + p.id);
  presetBars.push(`<template id="pre-preset-${p.id}"><div data-preset="${p.id}" class="${bar.getAttribute('class')}" data-answer="${a}">${bar.innerHTML}</div>` +
    `<div data-preset-quick="${p.id}">${quick}</div></template>`);
}
P.renderQuick(ctx);
P.syncQuick(ctx);
if (document.querySelector('#quick').innerHTML !== quickHTML) throw new Error('prerender: the bare page\'s question did not redraw the same');
// Splice into the source text (not a reserialisation of the whole page): only these places change.
let page = indexSrc;
const splice = (re, f) => { const n = page.replace(re, f); if (n === page) throw new Error('prerender: no match for ' + re); page = n; };
splice(/<html\b([^>]*)>/, (m, a) => (/class=/.test(a) ? m.replace(/class="/, 'class="pre ') : `<html${a} class="pre">`).replace(/>$/, ` data-pre-regions="${sameRegions.join(' ')}">`));
splice(/(<section id="quick"[^>]*>)(<\/section>)/, (m, a, b) => a + quickHTML + b);
splice(/<div id="answer"[^>]*><\/div>/, () => barBare);
// (after #status: the bare page's first paint, which waits for #status, never waits for it; a
// template each, so that an example's first paint waits only for its own, and an empty one after
// them that says the parser is past them all)
splice(/(<div id="status"[^>]*><\/div>)/, (m, a) => `${a}\n  ${presetBars.join('')}<template id="pre-presets-end"></template>`);
splice(/<main id="app" hidden>/, () => '<main id="app">');
// What the first paint waits for goes into the page itself: the stylesheet and boot.js (otherwise
// one more round trip after the HTML; the CSP allows exactly these two by their hashes,
// writeInlinePolicies below). `<link rel=expect blocking=render>` keeps the first frame until the
// element after the answer bar is parsed, so the question is never drawn without its answer, nor
// the bar before boot.js has filled or moved it (browsers without it draw as before).
// embed.html keeps the stylesheet as a file.
const inlineText = (f) => {
  const t = fs.readFileSync(path.join(OUT, f), 'utf8');
  if (/<\/(script|style)|<!--/i.test(t)) throw new Error(f + ' cannot be inlined: it contains </script, </style or <!--');
  return t;
};
splice(/<link rel="stylesheet" href="style.css">/, () => `<style>${inlineText('style.css')}</style>`);
// (the element after the bar: once it is parsed, boot.js has filled or moved the bar)
const afterBar = document.querySelector('#answer').nextElementSibling;
if (!afterBar || !afterBar.id) throw new Error('prerender: the answer bar needs an element with an id after it');
splice(/<script src="boot.js"><\/script>/, () => `<script>${inlineText('boot.js')}</script>\n<link rel="expect" href="#${afterBar.id}" blocking="render">`);
fs.writeFileSync(path.join(OUT, 'index.html'), page);
if (!walk(OUT).some((f) => /\.html$/.test(f) && /src="boot\.js"/.test(fs.readFileSync(path.join(OUT, f), 'utf8')))) fs.rmSync(path.join(OUT, 'boot.js'));
log(`prerendered the first answer (as of ${date}): data-answer=${answer}, the same at ${sameRegions.length} of ${places.length} places; and ${presetBars.length} examples' answers`);

// ---- 3. content-hashed names ----------------------------------------------------------------------
const renames = hashNames(OUT);
if (![...renames.keys()].some((f) => /\.wasm$/.test(f))) throw new Error('no .wasm was hashed');
log('hashed names: ' + [...renames.values()].join(', '));

// ---- 4. manifest ----------------------------------------------------------------------------------
const manifest = writeManifest(OUT);
log(`manifest ${manifest.version}: ${manifest.files.join(', ')}`);
