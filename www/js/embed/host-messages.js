// Article mode (?embed=1, ?embed=compact): the messages the calculator sends to the page that frames it.
//   {type: 'gongji:height', height}           the frame's content height in CSS px (grows and shrinks)
//   {type: 'gongji:answer', answer, headline} the engine's answer to the first expense, when it changes
//   {type: 'gongji:scroll', top}              after a tap on an example (or a jump to the details):
//                                             px from the top of the frame the host should bring into view
// They go only to the origins named by ?origin= (validated; several where a site has www. and m.
// hosts: `origin=A&origin=B`), narrowed to the one actually framing the page where the browser
// says which (location.ancestorOrigins, or the referrer); without ?origin=, to the framing page's
// origin as the browser gives it (location.ancestorOrigins[0], else document.referrer's); never
// to '*'. With neither, nothing is sent. Nothing here decides an answer: `answer` and
// `headline` are the engine's own fields. Host pages listen with embed-loader.js.
var targets = [];
var lastH = 0, lastAnswer = null;

// 'https://news.example.com' (an origin, nothing more) -> itself; anything else -> ''.
export function validOrigin(s) {
  if (typeof s !== 'string' || !s) return '';
  var u;
  try { u = new URL(s); } catch (e) { return ''; }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return '';
  return u.origin === s.replace(/\/$/, '').toLowerCase() ? u.origin : '';
}

export var MAX_ORIGINS = 8;
// The origins ?origin= names: the parameter may repeat, and one value may hold several separated
// by spaces or commas.
export function namedOrigins(params) {
  var out = [];
  params.getAll('origin').forEach(function (v) {
    String(v).split(/[\s,]+/).forEach(function (x) { if (x) out.push(x); });
  });
  return out;
}
function originOfUrl(u) {
  if (!u) return '';
  try { return validOrigin(new URL(u).origin); } catch (e) { return ''; }
}
// Where messages go: the origins named by ?origin= (all valid, at most MAX_ORIGINS, else none at
// all), narrowed to the one framing the page when `parent` (location.ancestorOrigins[0], else the
// referrer's origin) says which; without ?origin=, the referrer's origin (the host's iframe must
// not send `no-referrer` then).
export function parentOrigins(params, referrer, ancestor) {
  var parent = validOrigin(ancestor || '') || originOfUrl(referrer);
  if (!params.has('origin')) return parent ? [parent] : [];
  var named = namedOrigins(params), ok = [];
  if (!named.length || named.length > MAX_ORIGINS) return [];
  for (var i = 0; i < named.length; i++) {
    var o = validOrigin(named[i].replace(/\/$/, ''));
    if (!o) return [];
    if (ok.indexOf(o) < 0) ok.push(o);
  }
  if (parent) return ok.indexOf(parent) >= 0 ? [parent] : [];
  return ok;
}
// (one origin: the first of parentOrigins, or '')
export function parentOrigin(params, referrer) { return parentOrigins(params, referrer)[0] || ''; }

function send(msg) {
  if (!targets.length || window.parent === window) return;
  targets.forEach(function (t) {
    try { window.parent.postMessage(msg, t); } catch (e) { /* a detached frame */ }
  });
}

// The content height, not the frame's: html's scrollHeight never goes below the iframe's own
// height, so a frame measured that way could grow but never shrink. The body is a flow root in
// article mode (style.css), so its box holds its children's margins.
function contentHeight() {
  return Math.ceil(document.body.getBoundingClientRect().height);
}

export function postHeight() {
  if (!targets.length) return;
  var hgt = contentHeight();
  if (hgt !== lastH) { lastH = hgt; send({ type: 'gongji:height', height: hgt }); }
}

// res: the engine's result for the first expense (or null while there is none).
export function postAnswer(res) {
  var a = res && res.answer ? res.answer : null, hl = res && res.headline ? res.headline : null;
  var key = a + '\n' + hl;
  if (key === lastAnswer) return;
  lastAnswer = key;
  send({ type: 'gongji:answer', answer: a, headline: hl });
}

// Ask the host to bring `el` into view (its offset from the top of the frame's document).
export function postScroll(el) {
  if (!el) return;
  var top = el.getBoundingClientRect().top + (window.pageYOffset || 0);
  send({ type: 'gongji:scroll', top: Math.max(0, Math.round(top)) });
}

export function startEmbed(params) {
  var anc = location.ancestorOrigins && location.ancestorOrigins.length ? location.ancestorOrigins[0] : '';
  targets = parentOrigins(params, document.referrer, anc);
  if (typeof ResizeObserver === 'function') new ResizeObserver(postHeight).observe(document.body);
  window.addEventListener('load', postHeight);
  window.addEventListener('resize', postHeight);
  // A jump inside the page ("怎么付、下一步 ›", the skip link) moves nothing in a frame that is as
  // tall as its content: the host has to scroll. Tell it where to.
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[href^="#"]') : null;
    var id = a ? a.getAttribute('href').slice(1) : '';
    if (!id) return;
    setTimeout(function () { postScroll(document.getElementById(id)); }, 0);
  });
}
