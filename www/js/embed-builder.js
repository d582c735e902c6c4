// The editor's builder on embed.html: pick the place and what readers see first, get the iframe
// snippet (address ?embed=1&region=…&preset=…, or a family from a share link) and a live preview.
// The page's own engine lists the places; nothing is sent anywhere.
import init, { regions } from '../pkg/gongji.js';
import { PRESETS } from './presets.js';
import { decodeLink } from './share.js';
import { h, $ } from './dom.js';
import { validOrigin } from './embed.js';

var preview = $('#gongji');
var state = { region: 'national', start: '', fragment: '', origin: '', base: '' };

function esc(s) { return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); }

// The calculator's address without query or fragment ('' if it is not an http(s) address).
function cleanBase(s) {
  var u;
  try { u = new URL(String(s || '').trim(), location.href); } catch (e) { return ''; }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return '';
  return u.origin + u.pathname;
}
// The address's query (and fragment): article mode, place, example or family, the host's origin.
function query(embed, withOrigin) {
  var q = [];
  if (embed) q.push('embed=1');
  if (state.region && state.region !== 'national') q.push('region=' + encodeURIComponent(state.region));
  if (state.start && state.start !== 'family') q.push('preset=' + encodeURIComponent(state.start));
  if (withOrigin && state.origin) q.push('origin=' + encodeURIComponent(state.origin));
  return (q.length ? '?' + q.join('&') : '') + (state.start === 'family' ? state.fragment : '');
}

export function snippet(base, q, origin) {
  var from = new URL(base).origin;
  return '<iframe id="gongji" src="' + esc(base + q) + '"\n' +
    '  title="医保家庭共济计算器" width="100%" height="900" style="border:0;max-width:100%"\n' +
    '  loading="lazy" referrerpolicy="' + (origin ? 'no-referrer' : 'strict-origin') + '"></iframe>\n' +
    '<script>\n' +
    '(function () {\n' +
    '  var f = document.getElementById(\'gongji\'), from = \'' + from + '\';\n' +
    '  window.addEventListener(\'message\', function (e) {\n' +
    '    var d = e.data;\n' +
    '    if (e.origin !== from || e.source !== f.contentWindow || !d) return;\n' +
    '    if (d.type === \'gongji:height\' && d.height > 0) f.height = String(Math.min(d.height, 30000));\n' +
    '    if (d.type === \'gongji:scroll\' && typeof d.top === \'number\') {\n' +
    '      var y = f.getBoundingClientRect().top + d.top;\n' +
    '      if (y < 0 || y > window.innerHeight * 0.6) window.scrollTo(0, window.pageYOffset + y - 12);\n' +
    '    }\n' +
    '  });\n' +
    '})();\n' +
    '</script>';
}

var lastPreview = '';
function render() {
  var base = state.base || '';
  $('#b-snippet').value = base ? snippet(base, query(true, true), state.origin) : '请先在第 3 步写对计算器的地址。';
  var link = $('#b-link');
  link.href = base ? base + query(false, false) : 'index.html';
  link.textContent = base ? link.href : '（请先写对计算器的地址）';
  // The preview is this site's own copy, framed from here (its origin is this page's).
  var src = 'index.html' + query(true, false);
  if (src !== lastPreview) {
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

function fillRegions(list) {
  var sel = $('#b-region');
  var provinces = list.filter(function (r) { return r.kind === 'province'; });
  list.filter(function (r) { return r.kind === 'national'; }).forEach(function (r) {
    sel.appendChild(h('option', { value: r.id }, '全国（不限地方）'));
  });
  provinces.forEach(function (p) {
    sel.appendChild(h('option', { value: p.id }, p.name));
    list.filter(function (c) { return c.kind === 'city' && c.parent === p.id; }).forEach(function (c) {
      sel.appendChild(h('option', { value: c.id }, '\u3000' + c.name + '（' + p.name + '）'));
    });
  });
  var byId = {};
  list.forEach(function (r) { byId[r.id] = r; });
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
    var v = o.value.trim().replace(/\/$/, ''), ok = validOrigin(v);
    state.origin = ok;
    if (!v) { o.removeAttribute('aria-invalid'); om.textContent = oHint; }
    else if (!ok) { o.setAttribute('aria-invalid', 'true'); om.textContent = '只写 https:// 加域名，例如 https://news.example.com，不要带后面的路径。要和读者打开文章时地址栏开头完全一样（有没有 www 也要一样）。'; }
    else { o.removeAttribute('aria-invalid'); om.textContent = '好：计算器只会把消息发给 ' + ok + '。'; }
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

function copy() {
  var t = $('#b-snippet'), msg = $('#b-copy-msg');
  function done(ok) { msg.textContent = ok ? '代码已复制，去文章编辑器里粘贴吧。' : '请在上面的框里长按或全选，手动复制。'; }
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t.value).then(function () { done(true); }, function () { t.select(); done(false); });
  else { t.select(); try { done(document.execCommand('copy')); } catch (e) { done(false); } }
}

state.base = cleanBase('index.html');
init().then(function () {
  fillRegions(regions());
  fillPresets();
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
