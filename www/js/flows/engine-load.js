// Loading the engine: the WebAssembly module (boot.js has usually started fetching and compiling
// it already), or, where the browser lacks WebAssembly or refuses it (a Content-Security-Policy
// without 'wasm-unsafe-eval', which Chrome before 97 does not know; iOS Lockdown Mode), the same
// engine as JavaScript: pkg/gongji_fallback.js, binaryen's wasm2js of the same optimized module
// (scripts/wasm2js-fallback.mjs), loaded with a <script> element only then — a modern visitor
// never fetches it. Resolves with 'wasm' or 'js'; rejects with an Error whose `kind` says what
// to tell the visitor: 'network' (the module could not be fetched) or 'old' (this browser cannot
// run the engine).
export var FALLBACK = 'pkg/gongji_fallback.js';

function usable() {
  return typeof WebAssembly === 'object' && WebAssembly !== null && typeof WebAssembly.instantiate === 'function';
}
// A failed fetch of the .wasm (offline, an HTTP error), as opposed to a module the browser refused.
function networkFailure(e) {
  var W = typeof WebAssembly === 'object' && WebAssembly;
  if (W && (e instanceof W.CompileError || e instanceof W.LinkError || e instanceof W.RuntimeError)) return false;
  return /fetch|network|HTTP \d|Load failed/i.test(String(e && e.message || e));
}

function loadScript(src) {
  return new Promise(function (resolve, reject) {
    var s = document.createElement('script');
    s.src = src;
    s.async = true;
    s.onload = function () { resolve(); };
    s.onerror = function () { reject(new Error('could not fetch ' + src)); };
    document.head.appendChild(s);
  });
}

function fail(kind, e) {
  var err = new Error(e && e.message ? e.message : String(e));
  err.kind = kind;
  return err;
}

// The engine as JavaScript. `why`: the WebAssembly failure, if there was one.
function fallback(mod, why) {
  if (typeof mod.initFallback !== 'function') return Promise.reject(fail('old', why || 'no fallback in this build'));
  return loadScript(FALLBACK).then(function () {
    if (typeof window.__gongjiFallback !== 'function') throw fail('old', 'the fallback did not define its engine');
    try { mod.initFallback(window.__gongjiFallback); } catch (e) { throw fail('old', e); }
    return 'js';
  }, function (e) {
    // the JavaScript engine could not be fetched either: the network, unless WebAssembly was refused
    throw fail(why && !networkFailure(why) ? 'old' : 'network', e);
  });
}

// mod: the glue's namespace (init, initFallback); early: boot.js's compile promise, if any.
export function loadEngine(mod, early) {
  if (!usable()) return fallback(mod, null);
  var init = mod['default'];
  var first = early ? early.then(function (m) { return init({ module_or_path: m }); }, function () { return init(); }) : init();
  return first.then(function () { return 'wasm'; }, function (e) { return fallback(mod, e); });
}
