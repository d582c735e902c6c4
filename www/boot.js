// Runs before the page is drawn (a classic script in <head>; ES5). Two jobs:
// 1. The built index.html (www-dist) carries the first question's answer, prerendered. It is the
//    right answer only for the bare page: a preset, a place, a shared link or a remembered family
//    asks another question, so the prerendered screen is hidden until the engine answers that one.
// 2. Start fetching and compiling the engine at once (streaming where the server sends
//    application/wasm), in parallel with the page's script; app.js picks the compiled module up.
(function () {
  var root = document.documentElement, q = location.search;
  if (/[?&]embed=1(&|$)/.test(q)) root.className += ' embed';
  var stored = false;
  try { stored = !!window.localStorage.getItem('gongji:v1'); } catch (e) { /* storage off */ }
  if (/[?&](preset|region)=/.test(q) || /^#s=/.test(location.hash) || stored) root.className += ' pre-off';
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.compile !== 'function' || typeof fetch !== 'function') return;
  var p = fetch('pkg/gongji_bg.wasm', { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    if (typeof WebAssembly.compileStreaming === 'function' && /^application\/wasm\s*(;|$)/i.test(r.headers.get('Content-Type') || '')) {
      return WebAssembly.compileStreaming(r);
    }
    return r.arrayBuffer().then(function (b) { return WebAssembly.compile(b); });
  });
  p['catch'](function () { /* app.js falls back to its own loading */ });
  window.__gongjiWasm = p;
})();
