// Post-processes wasm-bindgen's `--target web` glue (www/pkg/gongji.js) so that it
//  - parses as ES2017 (Chrome 61+, iOS 11 WKWebView, old WeChat XWeb/TBS kernels): no optional
//    chaining, no `import.meta` (iOS 11.0-11.2 and Chrome 61-63 have modules but not import.meta);
//  - loads the .wasm even when a CDN or object store serves it with the wrong MIME type: the
//    streaming attempt gets a clone of the response, so the fallback can still read the body;
//  - finds the .wasm by a *relative* URL when init() is called without arguments
//    ('pkg/gongji_bg.wasm' against the document's base URL), so the page works from any sub-path;
//  - works with the engine as JavaScript too (binaryen's wasm2js, scripts/wasm2js-fallback.mjs):
//    `initFallback(make)` takes its exports in place of a WebAssembly instance, and the memory
//    views are renewed whenever `memory.buffer` is another buffer (wasm2js grows memory into a
//    new ArrayBuffer and never detaches the old one, which the stock check relies on);
//  - says what is wrong when an export is called before init() or initSync() has finished
//    (an Error naming the export, instead of "Cannot read properties of undefined");
//  - carries the `inline_js` snippets (crates/gongji-wasm/src/lib.rs) itself: wasm-bindgen writes each to its own
//    module under snippets/, which the page would fetch after gongji.js (one more round trip on a
//    cold visit, one more file for the service worker); each is inlined and its file removed.
// Every rewrite must match exactly once (optional ones at most once): if a wasm-bindgen upgrade changes the glue, the build
// fails here instead of shipping something unchecked. scripts/check-es2017.mjs checks the result.
import fs from 'node:fs';
import path from 'node:path';

const file = process.argv[2];
if (!file) { console.error('usage: node scripts/postprocess-glue.mjs www/pkg/gongji.js'); process.exit(2); }
let src = fs.readFileSync(file, 'utf8');

const rewrites = [
  {
    what: 'optional chaining in debugString',
    from: /(\/\\\[object \(\[\^\\\]\]\+\)\\\]\/\.exec\(toStringOutput\))\?\.\[1\]/,
    to: '($1 || [])[1]',
    // debugString is only emitted when the module can throw Rust values as JS errors.
    optional: true,
  },
  {
    what: 'import.meta.url default path',
    from: "module_or_path = new URL('gongji_bg.wasm', import.meta.url);",
    to: "module_or_path = DEFAULT_WASM_PATH;",
  },
  {
    what: 'streaming instantiation keeps the body for the fallback',
    from: 'return await WebAssembly.instantiateStreaming(module, imports);',
    to: 'return await WebAssembly.instantiateStreaming(module.clone(), imports);',
  },
  {
    what: 'fallback on any non-application/wasm Content-Type (also with parameters)',
    from: "module.headers.get('Content-Type') !== 'application/wasm'",
    to: "!/^application\\/wasm\\s*(;|$)/i.test(module.headers.get('Content-Type') || '')",
  },
  {
    what: 'the byte view is renewed when memory.buffer is another buffer (wasm2js never detaches)',
    from: 'if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {',
    to: 'if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.buffer !== wasm.memory.buffer) {',
  },
  {
    what: 'the DataView is renewed when memory.buffer is another buffer (wasm2js never detaches)',
    from: 'if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)) {',
    to: 'if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer !== wasm.memory.buffer) {',
  },
  {
    what: 'initFallback: the engine as JavaScript (wasm2js) in place of a WebAssembly instance',
    from: 'export { initSync, __wbg_init as default };',
    to: `// The engine as JavaScript (pkg/gongji_fallback.js, binaryen's wasm2js of the same module), for
// browsers that refuse or lack WebAssembly: make(imports) returns the module's exports.
function initFallback(make) {
    if (wasm !== undefined) return wasm;
    return __wbg_finalize_init({ exports: make(__wbg_get_imports()) }, undefined);
}

export { initSync, initFallback, __wbg_init as default };`,
  },
];

// Every export that calls into the module first checks that init() or initSync() has finished.
let guarded = 0;
src = src.replace(/^export function (\w+)\(([^)]*)\) \{\n/gm, (m, name) => {
  guarded++;
  return m + `    if (wasm === undefined) notReady('${name}');\n`;
});
if (guarded < 8) { console.error(`postprocess-glue: only ${guarded} exported functions found; wasm-bindgen's glue changed, update this script.`); process.exit(1); }

for (const r of rewrites) {
  const count = typeof r.from === 'string' ? src.split(r.from).length - 1 : (src.match(new RegExp(r.from.source, 'g')) || []).length;
  if (count === 0 && r.optional) continue;
  if (count !== 1) {
    console.error(`postprocess-glue: "${r.what}" matched ${count} times (expected 1) in ${file}; wasm-bindgen's glue changed, update this script.`);
    process.exit(1);
  }
  src = typeof r.from === 'string' ? src.replace(r.from, () => r.to) : src.replace(r.from, r.to);
}

let snippets = 0;
src = src.replace(/^import \{ ([\w$, ]+) \} from '\.\/(snippets\/[\w.\/-]+\.js)';\n/gm, (line, names, rel) => {
  let code = fs.readFileSync(path.join(path.dirname(file), rel), 'utf8');
  for (const name of names.split(',').map((n) => n.trim())) {
    if (!code.includes(`export function ${name}(`)) {
      console.error(`postprocess-glue: snippet ${rel} does not export function ${name}`); process.exit(1);
    }
  }
  code = code.replace(/^export function /gm, 'function ');
  if (/^\s*(import|export)\b/m.test(code)) {
    console.error(`postprocess-glue: snippet ${rel} has imports or exports other than functions; inline it by hand`); process.exit(1);
  }
  snippets++;
  return `// inlined from ${rel} (inline_js in crates/gongji-wasm/src/lib.rs)\n${code.trim()}\n`;
});
if (/snippets\//.test(src.replace(/\/\/.*$/gm, ''))) { console.error('postprocess-glue: a snippet import is left in the glue'); process.exit(1); }
fs.rmSync(path.join(path.dirname(file), 'snippets'), { recursive: true, force: true });

const header = `// Default location of the .wasm when init() gets no argument: relative to the page's base URL,
// so the page works under any sub-path. Pages elsewhere pass it: init({ module_or_path: url }).
const DEFAULT_WASM_PATH = 'pkg/gongji_bg.wasm';
function notReady(name) {
    throw new Error('gongji: ' + name + '() was called before the module was loaded: await init() (or call initSync()) first.');
}
`;
src = src.replace('/* @ts-self-types="./gongji.d.ts" */\n', (m) => m + header);
if (!src.includes('const DEFAULT_WASM_PATH')) { console.error('postprocess-glue: header not inserted'); process.exit(1); }
if (/import\.meta|\?\.|\?\?/.test(src.replace(/\/\/.*$/gm, ''))) {
  console.error('postprocess-glue: ES2020+ syntax left in the glue'); process.exit(1);
}
fs.writeFileSync(file, src);
console.log(`postprocess-glue: ${file} rewritten (${rewrites.length} rewrites, ${guarded} exports guarded, ${snippets} snippet(s) inlined)`);
