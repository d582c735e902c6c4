// Node's entry of the gongji package (package.json "exports", condition "node"): the same module and
// glue as the browser's (./gongji.js), with an init() that also takes what Node has at hand — the
// .wasm's bytes, a file path, a file: URL, or nothing (then the package's own gongji_bg.wasm) —
// since Node's fetch() reads no files. http(s) addresses, a Response or a compiled module go to the
// glue as they are. Every other export is the glue's. (Node only: never shipped to browsers.)
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import init from './gongji.js';

export * from './gongji.js';

const OWN = new URL('./gongji_bg.wasm', import.meta.url);

// What the glue can take, from what a Node caller may pass.
async function loadable(x) {
  if (x === undefined || x === null) return readFile(OWN);
  if (typeof x === 'string') {
    if (/^https?:\/\//i.test(x)) return x;                   // fetched by the glue
    if (/^file:/i.test(x)) return readFile(fileURLToPath(x));
    return readFile(x);                                      // a path, relative to the working directory
  }
  if (x instanceof URL) return x.protocol === 'file:' ? readFile(fileURLToPath(x)) : x;
  return x;                                                   // bytes, a Response, a WebAssembly.Module
}

/**
 * Loads the engine once; call (and await) before any other export.
 *   await init();                                   // the package's own gongji_bg.wasm
 *   await init({ module_or_path: bytes });          // a Buffer / Uint8Array / ArrayBuffer
 *   await init({ module_or_path: 'path/to/gongji_bg.wasm' });
 *   await init({ module_or_path: new URL('./gongji_bg.wasm', import.meta.url) });   // file: or https:
 */
export default async function initNode(arg) {
  let x = arg;
  if (x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) x = x.module_or_path;
  return init({ module_or_path: await loadable(await x) });
}
