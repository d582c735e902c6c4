// The page framed by another site, and in WeChat's mini-program web-view:
//  - article mode (?embed=1): the whole calculator, answer bar first, no page header or footer;
//  - compact (?embed=compact): the quick check and its answer only, and "打开完整计算器" (the full
//    calculator in a new tab with the same family, as a share link: js/share.js);
//  - the mini-program web-view (detected, whatever the address): the family is kept in the
//    address's fragment, so the mini-program's share menu (onShareAppMessage's webViewUrl) passes
//    it on; a hint under "复制链接" says how to share there.
// The height message goes after every change (embed/host-messages.js talks to the host).
import { $, h } from '../views/dom.js';
import { startEmbed, postHeight as embedHeight } from './host-messages.js';
import { encodePayload, familyKey } from '../model/codec.js';

var mode = new URLSearchParams(location.search).get('embed');
export var compact = mode === 'compact';
export var embed = mode === '1' || compact;
// WeChat's mini-program web-view: its user agent says miniProgram (WeChat 7.0.0+), and WeChat sets
// window.__wxjs_environment to 'miniprogram' there, at the latest when WeixinJSBridgeReady fires
// (WeChat's web-view docs; docs/WECHAT.md). ('browser' in WeChat's own browser: not a web-view.)
function inWebview() { return /\bminiProgram\b/i.test(navigator.userAgent || '') || window.__wxjs_environment === 'miniprogram'; }
export var webview = inWebview();

var appRef = null, linkSeq = 0, linkKey = null, pending = false;

// After every change (compute, a details toggled, a message): the host learns the height; the
// compact view's link and the web-view's address follow the family.
// (html[data-family-link]: "pending" while the link or the address is being rewritten, "done"
// once it carries the family shown — what a test waits for)
export function postHeight() {
  if (embed) embedHeight();
  if (appRef && (compact || webview) && !pending) {
    pending = true;
    document.documentElement.setAttribute('data-family-link', 'pending');
    setTimeout(followFamily, 0);
  }
}
function followed(seq) { if (seq === linkSeq && !pending) document.documentElement.setAttribute('data-family-link', 'done'); }

// The family as a share link (the latest state wins; nothing is done when it has not changed).
function followFamily() {
  pending = false;
  var st = appRef.state, key = familyKey(st);
  if (key === linkKey) { followed(linkSeq); return; }
  linkKey = key;
  var seq = ++linkSeq;
  encodePayload(st, appRef.tables ? appRef.tables.limits : null).then(function (enc) {
    if (seq !== linkSeq) return;
    var frag = enc && enc.text ? '#s=' + enc.text : '';
    if (compact) {
      var a = $('#open-full');
      if (a) a.href = fullAddress() + frag;
    }
    if (webview && frag && window.history && history.replaceState && location.hash !== frag) {
      try { history.replaceState(history.state, '', location.pathname + location.search + frag); } catch (e) { /* a sandboxed history */ }
    }
    followed(seq);
  }, function () { followed(seq); /* the link keeps the last family it had */ });
}

// The full calculator: this page without embed, origin and preset (the family goes in the fragment).
export function fullAddress() {
  var p = new URLSearchParams(location.search), keep = [];
  var region = p.get('region');
  if (region && /^[a-z0-9_]+$/.test(region)) keep.push('region=' + region);
  return location.pathname + (keep.length ? '?' + keep.join('&') : '');
}

// In the web-view: the share hint, and the family kept in the address from now on.
function startWebview() {
  webview = true;
  if (document.getElementById('webview-share')) return;
  document.documentElement.classList.add('webview');
  var keep = $('#link-msg');
  if (keep) keep.parentNode.insertBefore(h('p', { class: 'hint webview-share', id: 'webview-share' },
    '在小程序里分享：点右上角“···”→“转发”，朋友打开就是现在这一家（家人的称呼和金额写在转发的链接里）。'), keep.nextSibling);
  postHeight();
}

// app: the app object (its family and tables; set once the engine is ready: useApp).
export function useApp(app) { appRef = app; }
export function startArticle(params) {
  if (webview) startWebview();
  else if (/MicroMessenger/i.test(navigator.userAgent || '')) {
    // an older WeChat without miniProgram in its user agent: its bridge says so when ready
    document.addEventListener('WeixinJSBridgeReady', function () { if (inWebview()) startWebview(); }, false);
  }
  if (!embed) return;
  var root = document.documentElement;
  root.classList.add('embed');
  if (compact) root.classList.add('compact');
  startEmbed(params);
  if (compact) {
    // The quick check and its answer, then the way to everything else. "怎么付、下一步 ›" leads
    // there too (its section is not in this view).
    var more = h('p', { class: 'compact-more', id: 'compact-more' },
      h('a', { id: 'open-full', class: 'btn', href: fullAddress(), target: '_blank', rel: 'noopener',
        title: '全家人、几笔费用、每个账户付多少、一年下来' }, '打开完整计算器 ›'));
    var status = $('#status');
    status.parentNode.insertBefore(more, status.nextSibling);
    document.addEventListener('click', function (e) {
      var a = e.target && e.target.closest ? e.target.closest('#answer a.ab-more') : null;
      if (!a) return;
      e.preventDefault();
      e.stopPropagation();
      var full = $('#open-full');
      window.open(full.href, '_blank', 'noopener');
    }, true);
    return;
  }
  // In an article the answer comes first, under the title line: the frame is as tall as its
  // content, so a sticky bar cannot follow the reader; at the top it is in the frame's first
  // screen whatever the reader taps (and the host scrolls it into view after an example).
  $('#app').insertBefore($('#answer'), $('#quick'));
}
