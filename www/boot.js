// Runs before the page is drawn (a classic script in <head>; ES5). Two jobs:
// 1. The built index.html (www-dist) carries answers prerendered by the build with the native
//    engine: the first question's (the bare page) and each worked example's (`?preset=ID`, in a
//    <template>). Another question — a place, a shared link, a remembered family, an unknown
//    example — hides the prerendered screen until the engine answers that one (`pre-off`). For a
//    known example the answer bar is filled from the template as soon as it is parsed, before
//    the first paint, and the quick check (still the bare page's) stays invisible until the
//    engine takes over (`pre-preset`).
// 2. Start fetching and compiling the engine at once (streaming where the server sends
//    application/wasm), in parallel with the page's script; app.js picks the compiled module up.
(function () {
  var root = document.documentElement, q = location.search;
  var embed = /[?&]embed=1(&|$)/.test(q);
  if (embed) root.className += ' embed';
  var stored = false;
  try { stored = !!window.localStorage.getItem('gongji:v1'); } catch (e) { /* storage off */ }
  var preset = /[?&]preset=([a-z0-9_]+)(&|$)/.exec(q);
  var other = /[?&]region=/.test(q) || /^#s=/.test(location.hash) || stored;
  var built = /(^|\s)pre(\s|$)/.test(root.className);
  if (preset && !other && built && typeof MutationObserver === 'function') {
    root.className += ' pre-preset';
    showPreset(preset[1]);
  } else if (preset || other) {
    root.className += ' pre-off';
  }
  // The example's prerendered answer into the answer bar, the moment the bar is parsed (the
  // template comes just before it); an example the build did not prerender waits for the engine.
  function showPreset(id) {
    var mo = new MutationObserver(function () {
      var bar = document.getElementById('answer');
      if (!bar) return;
      mo.disconnect();
      var t = document.getElementById('pre-presets');
      var src = t && t.content ? t.content.querySelector('[data-preset="' + id + '"]') : null;
      if (!src) { root.className = root.className.replace(' pre-preset', '') + ' pre-off'; return; }
      bar.className = src.className;
      bar.setAttribute('data-answer', src.getAttribute('data-answer'));
      while (bar.firstChild) bar.removeChild(bar.firstChild);
      for (var c = src.firstChild; c; c = c.nextSibling) bar.appendChild(document.importNode(c, true));
      // in an article the answer comes first (as app.js places it)
      var quick = document.getElementById('quick');
      if (embed && quick && quick.parentNode === bar.parentNode) bar.parentNode.insertBefore(bar, quick);
    });
    mo.observe(root, { childList: true, subtree: true });
  }
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
