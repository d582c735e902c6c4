// The editor's builder on embed.html: pick the place, what readers see first and the size (compact:
// the question and its answer; or the whole calculator), get the snippet (the iframe, an "open"
// link for when scripts are stripped, and embed-loader.js, which resizes every calculator on the
// host page) and a live preview. The page's own engine lists the places; nothing is sent anywhere.
import { PRESETS } from '../model/presets.js';
import { decodeLink } from '../model/codec.js';
import { makePlaces } from '../model/places.js';
import { h, $ } from '../views/dom.js';
import { validOrigin, MAX_ORIGINS } from './host-messages.js';

var preview = null;
var state = { region: 'national', start: '', fragment: '', origins: [], base: '', size: 'compact' };
// The frame's height before the loader has resized it, or for good where a CMS strips scripts:
// the compact view at a 360 px phone width (tests/browser/embed.mjs measures it), the full
// calculator's first screens (the frame then scrolls inside).
export var HEIGHTS = { compact: 960, '1': 900 };

function esc(s) { return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); }

// The calculator's address without query or fragment ('' if it is not an http(s) address).
function cleanBase(s) {
  var u;
  try { u = new URL(String(s || '').trim(), location.href); } catch (e) { return ''; }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return '';
  return u.origin + u.pathname;
}
// The address's query (and fragment): the size, place, example or family, the host's origins
// (`origins`: a list; the preview passes its own).
function query(embed, origins) {
  var q = [];
  if (embed) q.push('embed=' + state.size);
  if (state.region && state.region !== 'national') q.push('region=' + encodeURIComponent(state.region));
  if (state.start && state.start !== 'family') q.push('preset=' + encodeURIComponent(state.start));
  (origins || []).forEach(function (o) { q.push('origin=' + encodeURIComponent(o)); });
  return (q.length ? '?' + q.join('&') : '') + (state.start === 'family' ? state.fragment : '');
}

// The snippet: the frame (its height for when no script runs), the "open" link (hidden by the
// loader once the calculator runs), the loader (one file for every calculator on the page).
// `full`: the calculator's own address with the same place and start, for the link.
export function snippet(base, q, origins, size, full) {
  var loader = new URL('embed-loader.js', base).href;
  return '<iframe data-gongji src="' + esc(base + q) + '"\n' +
    '  title="医保家庭共济计算器" width="100%" height="' + (HEIGHTS[size] || HEIGHTS['1']) + '"\n' +
    '  style="border:0;width:100%;max-width:100%;display:block" loading="lazy"\n' +
    '  referrerpolicy="' + (origins && origins.length ? 'no-referrer' : 'strict-origin') + '"></iframe>\n' +
    '<p data-gongji-open><a href="' + esc(full) + '" target="_blank" rel="noopener">打开医保家庭共济计算器（在新页面）</a></p>\n' +
    '<script src="' + esc(loader) + '" async></script>';
}

var lastPreview = '';
function render() {
  var base = state.base || '';
  var full = base ? base + query(false, null) : '';
  $('#b-snippet').value = base ? snippet(base, query(true, state.origins), state.origins, state.size, full) : '请先在第 3 步写对计算器的地址。';
  var link = $('#b-link');
  link.href = base ? full : 'index.html';
  link.textContent = base ? link.href : '（请先写对计算器的地址）';
  // The preview is this site's own copy, framed from here: its address names this page's origin
  // (?origin=), so it talks to this page whatever referrer policy the server sends (issue 25).
  var src = 'index.html' + query(true, [location.origin]);
  if (src !== lastPreview) {
    preview.height = String(HEIGHTS[state.size] || HEIGHTS['1']);   // until the new page says its height
    var sameDoc = lastPreview && src.split('#')[0] === lastPreview.split('#')[0];
    lastPreview = src;
    if (sameDoc) {
      // Only the fragment differs: the framed page would take that as a link arriving after load
      // and only offer a button (issue 14 item 3); a fresh frame opens the family at once.
      var fresh = preview.cloneNode(false);
      fresh.src = src;
      preview.parentNode.replaceChild(fresh, preview);
      preview = fresh;
    } else preview.src = src;
  }
}

// Every place the engine knows (regions(): each province, 兵团, every city), a province's cities
// grouped under it.
function fillRegions(list) {
  var sel = $('#b-region'), places = makePlaces(list);
  if (places.national) sel.appendChild(h('option', { value: places.national.value }, '全国（不限地方）'));
  places.provinces.forEach(function (p) {
    var group = h('optgroup', { label: p.full });
    group.appendChild(h('option', { value: p.value }, p.full + (p.cities.length ? '（全省）' : '')));
    p.cities.forEach(function (c) { group.appendChild(h('option', { value: c.value }, c.full)); });
    sel.appendChild(group);
  });
  // The place's summary is not in the module (size); the build ships them as places.json.
  var summaries = {};
  function note() { $('#b-region-note').textContent = summaries[sel.value] || ''; }
  if (typeof fetch === 'function') {
    fetch('places.json').then(function (r) { return r.ok ? r.json() : {}; }).then(function (x) { summaries = x || {}; note(); }, function () { /* no summaries: the list still works */ });
  }
  sel.addEventListener('change', function () { state.region = sel.value; note(); render(); });
  sel.value = state.region;
  note();
}

function fillPresets() {
  var box = $('#b-presets');
  PRESETS.forEach(function (p) {
    box.appendChild(h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'b-start', value: p.id }), ' ', h('span', null, '例子：' + p.title)));
  });
  Array.prototype.forEach.call(document.querySelectorAll('input[name="b-start"]'), function (r) {
    r.addEventListener('change', function () {
      if (!r.checked) return;
      state.start = r.value;
      $('#b-family-box').hidden = r.value !== 'family';
      render();
    });
  });
}

function wireSize() {
  Array.prototype.forEach.call(document.querySelectorAll('input[name="b-size"]'), function (r) {
    if (r.checked) state.size = r.value;
    r.addEventListener('change', function () { if (r.checked) { state.size = r.value; render(); } });
  });
}

var familySeq = 0;
function wireFamily() {
  var inp = $('#b-family'), msg = $('#b-family-msg');
  inp.addEventListener('input', function () {
    var v = inp.value.trim(), i = v.indexOf('#s=');
    state.fragment = '';
    inp.removeAttribute('aria-invalid');
    if (!v) { msg.textContent = ''; render(); return; }
    var seq = ++familySeq;
    // decodeLink is asynchronous (a compressed link is inflated by the browser); the latest input wins.
    (i >= 0 ? decodeLink(v.slice(i)) : Promise.resolve(null)).then(function (r) {
      if (seq !== familySeq) return;
      if (!r || r.error) {
        inp.setAttribute('aria-invalid', 'true');
        msg.textContent = r ? r.error : '这不像计算器“复制链接”得到的链接（里面应该有“#s=”）。';
      } else {
        state.fragment = v.slice(i);
        msg.textContent = '已读取：' + r.state.members.length + ' 位家人，' + r.state.expenses.length + ' 笔费用。请在预览里核对。';
      }
      render();
    });
  });
}

function wireAddresses() {
  var o = $('#b-origin'), om = $('#b-origin-msg'), oHint = om.textContent;
  o.addEventListener('input', function () {
    var words = o.value.trim().split(/[\s,，、;；]+/).filter(Boolean);
    var ok = words.map(function (w) { return validOrigin(w.replace(/\/$/, '')); });
    var bad = words.filter(function (w, i) { return !ok[i]; });
    state.origins = [];
    if (!words.length) { o.removeAttribute('aria-invalid'); om.textContent = oHint; }
    else if (bad.length) { o.setAttribute('aria-invalid', 'true'); om.textContent = '“' + bad[0] + '”不对：只写 https:// 加域名，例如 https://news.example.com，不要带后面的路径。要和读者打开文章时地址栏开头完全一样（有没有 www 也要一样）。'; }
    else if (words.length > MAX_ORIGINS) { o.setAttribute('aria-invalid', 'true'); om.textContent = '最多写 ' + MAX_ORIGINS + ' 个网站地址。'; }
    else {
      ok.forEach(function (x) { if (state.origins.indexOf(x) < 0) state.origins.push(x); });
      o.removeAttribute('aria-invalid');
      om.textContent = '好：计算器只会把消息发给 ' + state.origins.join('、') + '。';
    }
    render();
  });
  var b = $('#b-base'), bm = $('#b-base-msg'), bHint = bm.textContent;
  b.value = state.base;
  b.addEventListener('input', function () {
    state.base = cleanBase(b.value);
    if (state.base) { b.removeAttribute('aria-invalid'); bm.textContent = bHint; }
    else { b.setAttribute('aria-invalid', 'true'); bm.textContent = '请写完整的地址，以 https:// 开头。'; }
    render();
  });
}

// The message says what happened once it has happened (the clipboard's promise settled):
// data-done="ok" / "manual" marks it.
var copySeq = 0;
function copy() {
  var t = $('#b-snippet'), msg = $('#b-copy-msg'), mine = ++copySeq;
  msg.textContent = '正在复制……';
  msg.removeAttribute('data-done');
  function done(ok) {
    if (mine !== copySeq) return;
    msg.textContent = ok ? '代码已复制，去文章编辑器里粘贴吧。' : '请在上面的框里长按或全选，手动复制。';
    msg.setAttribute('data-done', ok ? 'ok' : 'manual');
  }
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t.value).then(function () { done(true); }, function () { t.select(); done(false); });
  else { t.select(); try { done(document.execCommand('copy')); } catch (e) { done(false); } }
}

// The builder on embed.html: `mod` is the engine's module (its regions()).
export function startBuilder(mod) {
  preview = $('#gongji');
  state.base = cleanBase('index.html');
  return mod['default']().then(function () {
    fillRegions(mod.regions());
    fillPresets();
    wireSize();
    wireFamily();
    wireAddresses();
    $('#b-copy').addEventListener('click', copy);
    $('#b-loading').hidden = true;
    $('#builder').hidden = false;
    render();
    document.documentElement.classList.add('ready');
  }, function (e) {
    $('#b-loading').textContent = '地区列表没能加载（' + (e && e.message ? e.message : e) + '）。请刷新页面。';
  });
}
