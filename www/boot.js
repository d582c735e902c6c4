// Runs before the page is drawn (a classic script in <head>; ES5). Two jobs:
// 1. The built index.html (www-dist) carries answers prerendered by the build with the native
//    engine: the first question's (the bare page; also `?region=ID` for the places listed on
//    <html data-pre-regions>, where the answer is the same) and each worked example's
//    (`?preset=ID`, in a <template>). Another question — a place with another answer, a shared
//    link, a remembered family, an unknown example — hides the prerendered screen until the
//    engine answers that one (`pre-off`). As soon as the answer bar is parsed, before the first
//    paint: the place's name is written into the quick check's place field; an example's answer
//    fills the bar and its question the quick check (`pre-preset`, `pre-quick`); in an article (`?embed=1`) the bar moves above the quick check, where
//    js/article-mode.js puts it; the compact view (`?embed=compact`) keeps it under the question.
// 2. Start fetching and compiling the engine at once (streaming where the server sends
//    application/wasm), in parallel with the page's script; app.js picks the compiled module up.
(function () {
  var root = document.documentElement, q = location.search;
  var compact = /[?&]embed=compact(&|$)/.test(q);
  var embed = compact || /[?&]embed=1(&|$)/.test(q);
  if (embed) root.className += compact ? ' embed compact' : ' embed';
  var stored = false;
  try { stored = !!window.localStorage.getItem('gongji:v1'); } catch (e) { /* storage off */ }
  var preset = /[?&]preset=([a-z0-9_]+)(&|$)/.exec(q);
  var region = /[?&]region=([a-z0-9_]+)(&|$)/.exec(q);
  // "id:name" for every place where the prerendered answer holds (scripts/build-site.mjs)
  var same = (root.getAttribute('data-pre-regions') || '').split(' '), regionName = null;
  for (var i = 0; region && i < same.length; i++) {
    var at = same[i].indexOf(':');
    if (at > 0 && same[i].slice(0, at) === region[1]) regionName = same[i].slice(at + 1);
  }
  var knownRegion = region && regionName !== null;
  var other = /[?&]region=/.test(q) && !knownRegion || /^#s=/.test(location.hash) || stored;
  var built = /(^|\s)pre(\s|$)/.test(root.className);
  if (built && !other && typeof MutationObserver === 'function' && (preset || knownRegion || embed)) {
    if (preset && !region) root.className += ' pre-preset';
    if (preset && region) root.className += ' pre-off';        // an example at another place: ask the engine
    else whenBarParsed(preset && preset[1], knownRegion ? regionName : null);
  } else if (preset || other || region) {
    root.className += ' pre-off';
  }
  // Two moments while the page is parsed: the bar (the place's name, the bar moved in an
  // article), then, for an example, its template after #status (its question and answer) — kept
  // after the first screen so that the bare page's first paint never waits for it, one template
  // an example so that an example waits only for its own.
  function whenBarParsed(example, place) {
    var barDone = false;
    var mo = new MutationObserver(function () {
      // the bar with everything in it: the parser has gone past it
      var bar = document.getElementById('answer');
      if (!bar || !bar.nextSibling) return;
      if (!barDone) {
        barDone = true;
        var field = document.getElementById('region');
        if (place !== null && field) field.value = place;
        var quick = document.getElementById('quick');
        if (embed && !compact && quick && quick.parentNode === bar.parentNode) bar.parentNode.insertBefore(bar, quick);
      }
      if (!example) { mo.disconnect(); return; }
      // the example's own template, parsed whole; or, past the last one, none is this example's
      var t = document.getElementById('pre-preset-' + example);
      if (!(t && t.nextSibling) && !document.getElementById('pre-presets-end')) return;
      mo.disconnect();
      var src = t && t.content ? t.content.querySelector('[data-preset="' + example + '"]') : null;
      if (!src) { root.className = root.className.replace(' pre-preset', '') + ' pre-off'; return; }
      root.className += ' pre-filled';
      bar.className = src.className;
      bar.setAttribute('data-answer', src.getAttribute('data-answer'));
      while (bar.firstChild) bar.removeChild(bar.firstChild);
      for (var c = src.firstChild; c; c = c.nextSibling) bar.appendChild(document.importNode(c, true));
      // the example's question too (its own places and lines: the quick check's rows differ)
      var qsrc = t.content.querySelector('[data-preset-quick="' + example + '"]'), quick0 = document.getElementById('quick');
      if (qsrc && quick0) {
        while (quick0.firstChild) quick0.removeChild(quick0.firstChild);
        for (var d = qsrc.firstChild; d; d = d.nextSibling) quick0.appendChild(document.importNode(d, true));
        root.className += ' pre-quick';
      }
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
