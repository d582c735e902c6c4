/* 医保家庭共济计算器 — the loader for pages that embed the calculator (issue 25).
 *
 *   <iframe data-gongji src="{calculator}/index.html?embed=compact&origin=…" …></iframe>
 *   <p data-gongji-open><a href="{calculator}/index.html" target="_blank" rel="noopener">打开医保家庭共济计算器</a></p>
 *   <script src="{calculator}/embed-loader.js" async></script>
 *
 * {calculator} is where the calculator is hosted (for example calc.example.com/gongji, over https);
 * the builder (embed.html) writes the snippet with the real address.
 *
 * One script for any number of calculators on the page (each snippet may carry it; it installs
 * once). For every message it finds the frame that sent it among the page's iframes
 * (event.source === frame.contentWindow) and takes it only when event.origin is that frame's own
 * origin (the origin of its src) and the type is one of the calculator's:
 *   gongji:height {height}   the frame takes its content's height (at most 30000 px)
 *   gongji:scroll {top}      that point of the frame is brought into view when it is not
 *   gongji:answer {answer, headline}   re-dispatched on the iframe as a DOM event `gongji:answer`
 *                            (event.detail), for hosts that want it
 * Frames added later are found the same way. No calculator address is written in here, so a
 * site may copy this file to its own origin (e.g. for its own CSP). Without this script (a CMS
 * that strips <script>) the frame keeps the height the snippet gives it and the "open" link
 * (data-gongji-open) stays; once a frame has sent its height, the link right after it is hidden.
 * ES5, no dependencies, no storage, no requests. */
(function () {
  'use strict';
  if (window.__gongjiLoader) return;
  window.__gongjiLoader = 1;
  var MAX = 30000;

  function originOf(src) {
    try { return new URL(src, location.href).origin; }
    catch (e) { var m = /^(https?:\/\/[^\/?#]+)/i.exec(src || ''); return m ? m[1].toLowerCase() : ''; }
  }
  function frameFor(win) {
    var all = document.getElementsByTagName('iframe');
    for (var i = 0; i < all.length; i++) if (all[i].contentWindow === win) return all[i];
    return null;
  }
  // The "open" links (data-gongji-open) that belong to a frame: those after it and before the next frame.
  function linksOf(frame) {
    var links = document.querySelectorAll('[data-gongji-open]'), frames = document.getElementsByTagName('iframe'), out = [];
    for (var i = 0; i < links.length; i++) {
      var owner = null;
      for (var j = 0; j < frames.length; j++) {
        if (frames[j].compareDocumentPosition(links[i]) & 4) owner = frames[j];   /* 4: the link follows */
      }
      if (owner === frame) out.push(links[i]);
    }
    return out;
  }
  function working(frame) {
    if (frame.getAttribute('data-gongji-ready')) return;
    frame.setAttribute('data-gongji-ready', '1');
    var links = linksOf(frame);
    for (var i = 0; i < links.length; i++) links[i].style.display = 'none';
  }
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object' || typeof d.type !== 'string' || d.type.indexOf('gongji:') !== 0) return;
    var f = frameFor(e.source);
    if (!f || !e.origin || originOf(f.src) !== e.origin) return;
    if (d.type === 'gongji:height' && typeof d.height === 'number' && d.height > 0) {
      var hgt = String(Math.min(Math.ceil(d.height), MAX));
      f.height = hgt;
      f.style.height = hgt + 'px';
      working(f);
    } else if (d.type === 'gongji:scroll' && typeof d.top === 'number') {
      var y = f.getBoundingClientRect().top + d.top;
      var top = window.pageYOffset || document.documentElement.scrollTop || 0;
      if (y < 0 || y > (window.innerHeight || 600) * 0.6) window.scrollTo(0, top + y - 12);
    } else if (d.type === 'gongji:answer') {
      var ev;
      try { ev = new CustomEvent('gongji:answer', { bubbles: true, detail: { answer: d.answer, headline: d.headline } }); }
      catch (x) { return; }
      f.dispatchEvent(ev);
    }
  });
})();
