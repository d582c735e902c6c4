// The family as text: the share link (URL fragment "#s=…") and the saved copy of "在本机记住".
// Both use one encoding and one limit, and nothing is written that this page cannot read back:
// every encoding is decoded and checked before it is handed out or stored.
//
//   #s=z.<base64url of deflate(JSON)>   compressed (CompressionStream, Chromium 80+, Safari 16.4+)
//   #s=<base64url of JSON>              plain (browsers without CompressionStream; old links)
//
// The JSON is the page state with empty and default fields left out (the decoder fills them in,
// also the decoder of older pages, so plain links stay readable everywhere).
import { blankState, newExpense, LINK_VERSION } from './state.js';

export var MAX_LINK = 60000;       // characters after "#s=", for links and the saved copy alike
var MAX_JSON = 2000000;            // bytes of JSON once inflated (the engine's input limit)
var MAX_LEGACY_STORED = 3000000;   // plain copies saved by earlier versions, read once and rewritten
var STORE_KEY = 'gongji:v1';
var BIG_KEY = 'gongji:big';
var Z = 'z.';

function str(x) { return typeof x === 'string'; }
function okStrings(o, keys) { return keys.every(function (k) { return o[k] === undefined || str(o[k]); }); }

// ---- compact form ---------------------------------------------------------
var EXP_DEFAULT = newExpense();
var EXP_KEYS = Object.keys(EXP_DEFAULT);
var MEMBER_KEYS = ['id', 'name', 'relation', 'via', 'insurance', 'province', 'city', 'balance'];
var LINE_KEYS = ['from', 'to', 'quota'];
export function pack(state) {
  function strip(o, keys, defaults) {
    var r = {};
    keys.forEach(function (k) {
      var v = o[k];
      if (v === '' || v === undefined || v === null) return;
      if (defaults && defaults[k] === v) return;
      r[k] = v;
    });
    return r;
  }
  return {
    v: LINK_VERSION, as_of: state.as_of, region: state.region, seq: state.seq,
    members: state.members.map(function (m) { return strip(m, MEMBER_KEYS, null); }),
    sharing: state.sharing.map(function (b) { return strip(b, LINE_KEYS, null); }),
    expenses: state.expenses.map(function (e) { return strip(e, EXP_KEYS, EXP_DEFAULT); })
  };
}
// Two families are the same when their compact forms are (the id counter aside).
export function familyKey(s) { var p = pack(s); delete p.seq; return JSON.stringify(p); }
export function sameFamily(a, b) { return familyKey(a) === familyKey(b); }
// "我（爸爸）、儿子，2 笔费用": names isolated (FSI…PDI) so no name can reorder the sentence.
export function describe(state) {
  var names = state.members.slice(0, 4).map(function (m) {
    var n = m.name || '（未填称呼）';
    return '\u2068' + (n.length > 12 ? n.slice(0, 11) + '…' : n) + '\u2069';
  }).join('、');
  if (state.members.length > 4) names += ' 等 ' + state.members.length + ' 位';
  return names + '，' + state.expenses.length + ' 笔费用';
}

// ---- bytes <-> text -------------------------------------------------------
function b64url(bytes) {
  var bin = '';
  for (var i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function unb64url(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Error('bad');
  var bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  var bytes = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export function canCompress() {
  return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';
}
// Runs bytes through a (de)compression stream; refuses more than `limit` bytes out.
function through(stream, bytes, limit) {
  var w = stream.writable.getWriter();
  w.write(bytes).catch(function () { /* reported by the reader */ });
  w.close().catch(function () { /* reported by the reader */ });
  var r = stream.readable.getReader(), chunks = [], n = 0;
  function read() {
    return r.read().then(function (x) {
      if (x.done) {
        var out = new Uint8Array(n), at = 0;
        chunks.forEach(function (c) { out.set(c, at); at += c.length; });
        return out;
      }
      n += x.value.length;
      if (n > limit) { r.cancel().catch(function () { /* ignore */ }); throw new Error('too large'); }
      chunks.push(x.value);
      return read();
    });
  }
  return read();
}

// ---- decoding -------------------------------------------------------------
// The payload after "#s=" -> {json} or {error}.
async function decodeJson(raw, max) {
  if (raw.length > max) return { error: '这个链接太长了（超过 ' + max + ' 个字符），不像是本计算器生成的，已忽略。' };
  var broken = { error: '这个链接已损坏或不完整（可能复制时少了一截），无法读取。' };
  var bytes;
  try {
    if (raw.indexOf(Z) === 0) {
      if (!canCompress()) return { error: '这个链接是压缩过的，这个浏览器太旧，读不了。请用系统自带的浏览器或更新微信后再打开。' };
      bytes = await through(new DecompressionStream('deflate'), unb64url(raw.slice(Z.length)), MAX_JSON);
    } else {
      bytes = unb64url(raw);
    }
    return { json: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (e) { return broken; }
}
// The payload after "#s=" -> {state} or {error: '中文说明'}. Never touches the current state.
export async function decodePayload(raw, maxChars) {
  var r = await decodeJson(raw, maxChars || MAX_LINK), obj;
  if (r.error) return r;
  try { obj = JSON.parse(r.json); }
  catch (e) { return { error: '这个链接已损坏或不完整（可能复制时少了一截），无法读取。' }; }
  return fromObject(obj);
}

function fromObject(obj) {
  if (!obj || typeof obj !== 'object' || typeof obj.v !== 'number') return { error: '这个链接的内容看不懂，可能被改动过。' };
  if (obj.v > LINK_VERSION) return { error: '这个链接来自更新版本的计算器，当前页面读不了。请刷新页面或使用最新版本后再打开。' };
  if (obj.v < 1) return { error: '这个链接的版本不对，可能被改动过。' };
  // Counts: the engine's limits (README "Errors and limits"), members and lines with room to spare.
  var ok = str(obj.as_of) && str(obj.region) && Array.isArray(obj.members) && Array.isArray(obj.sharing) &&
    Array.isArray(obj.expenses) && obj.members.length <= 50 && obj.sharing.length <= 200 && obj.expenses.length <= 1000 &&
    obj.members.every(function (x) { return x && typeof x === 'object' && str(x.id) && okStrings(x, ['name', 'relation', 'via', 'insurance', 'province', 'city', 'balance']); }) &&
    obj.sharing.every(function (x) { return x && typeof x === 'object' && str(x.from) && str(x.to) && okStrings(x, ['quota']); }) &&
    obj.expenses.every(function (x) { return x && typeof x === 'object' && okStrings(x, ['patient', 'item', 'venue', 'mode', 'amount', 'burden', 'card', 'ded', 'ratio', 'cap', 'ooc']); });
  if (!ok) return { error: '这个链接的内容不完整或被改动过，无法读取。' };
  var st = blankState();
  st.as_of = obj.as_of; st.region = obj.region;
  st.members = obj.members.map(function (x) {
    return { id: x.id, name: x.name || '', relation: x.relation || 'other', via: x.via || '', insurance: x.insurance || 'none', province: x.province || '', city: x.city || '', balance: x.balance || '' };
  });
  st.sharing = obj.sharing.map(function (x) { return { from: x.from, to: x.to, quota: x.quota || '' }; });
  st.expenses = obj.expenses.map(function (x) {
    var e = newExpense(x.patient);
    for (var k in e) if (str(x[k])) e[k] = x[k];
    return e;
  });
  st.seq = typeof obj.seq === 'number' && obj.seq < 1e6 ? obj.seq : st.members.length + 1;
  return { state: st };
}

// A URL fragment -> null (no family in it), {state} or {error}.
export function decodeLink(hash) {
  var m = /^#s=(.*)$/.exec(hash || '');
  if (!m) return Promise.resolve(null);
  return decodePayload(m[1]);
}

// ---- encoding -------------------------------------------------------------
// state -> {text} (the payload after "#s=") or {error: '中文说明'}. The text is decoded again
// before it is returned: a link or a saved copy is only ever one this page reads back.
export async function encodePayload(state) {
  var json = JSON.stringify(pack(state));     // taken now: the state may change while we wait
  var bytes = new TextEncoder().encode(json), text = null;
  if (canCompress()) {
    try { text = Z + b64url(await through(new CompressionStream('deflate'), bytes, MAX_JSON)); }
    catch (e) { text = null; }
  }
  if (text === null) text = b64url(bytes);
  var tooBig = '这个家庭太大（' + describe(state) + '，写成链接有 ' + text.length + ' 个字符，上限是 ' + MAX_LINK + ' 个）。' +
    (canCompress() ? '' : '这个浏览器不能压缩，换用系统自带的浏览器可以放下更多。') + '删掉一些已经不需要的费用后再试。';
  if (text.length > MAX_LINK) return { error: tooBig, tooLarge: true };
  var mine = fromObject(JSON.parse(json));
  if (mine.error) return { error: '这个家庭没法写进链接：' + mine.error };
  var back = await decodeJson(text, MAX_LINK);
  if (back.error || back.json !== json) return { error: '这个家庭没法完整地写进链接。' };
  return { text: text };
}

// ---- opt-in local memory ("在本机记住") ------------------------------------
// -> null (nothing remembered), {state}, or {error} (something is stored but unreadable: it is
// left in place, never dropped silently).
export async function loadStored() {
  var raw;
  try { raw = window.localStorage.getItem(STORE_KEY); } catch (e) { return null; }
  if (!raw) return null;
  // Earlier versions stored plain copies of any length: read those too (rewritten on the next save).
  var r = await decodePayload(raw, raw.indexOf(Z) === 0 ? MAX_LINK : MAX_LEGACY_STORED);
  return r.error ? { error: r.error.replace(/链接/g, '记住的内容') } : r;
}
// -> {ok: true} or {error: '中文说明'} (then what was stored before is left as it was).
// stillWanted(): asked just before writing (the visitor may have turned "在本机记住" off meanwhile).
export async function saveStored(state, stillWanted) {
  var enc = await encodePayload(state);
  if (enc.error) return { error: enc.error.replace(/写成链接/, '要保存的内容').replace(/写进链接/g, '记住') };
  if (stillWanted && !stillWanted()) return { cancelled: true };
  try { window.localStorage.setItem(STORE_KEY, enc.text); }
  catch (e) { return { error: '这台设备的浏览器不让保存（存储空间已满，或处在无痕/隐私模式）。' }; }
  return { ok: true };
}
export function hasStored() {
  try { return !!window.localStorage.getItem(STORE_KEY); } catch (e) { return false; }
}
export function forgetStored() {
  try { window.localStorage.removeItem(STORE_KEY); window.localStorage.removeItem(BIG_KEY); } catch (e) { /* ignore */ }
}
// Large text is remembered only with the visitor's opt-in ("在本机记住").
export function loadBig() { try { return window.localStorage.getItem(BIG_KEY) === '1'; } catch (e) { return false; } }
export function saveBig(on) { try { if (on) window.localStorage.setItem(BIG_KEY, '1'); else window.localStorage.removeItem(BIG_KEY); } catch (e) { /* ignore */ } }
