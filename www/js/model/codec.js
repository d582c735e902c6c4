// The family as text: the share link's payload (URL fragment "#s=…") and the saved copy of
// "在本机记住" use this one encoding and one limit, and nothing is handed out that this page cannot
// read back: every encoding is decoded and checked before it is returned.
//
//   #s=z.<base64url of deflate(JSON)>   compressed (CompressionStream, Chromium 80+, Safari 16.4+)
//   #s=<base64url of JSON>              plain (browsers without CompressionStream; old links)
//
// The JSON is the page state with empty and default fields left out (the decoder fills them in,
// also the decoder of older pages, so plain links stay readable everywhere). Counts are checked
// against the engine's limits() (model/tables.js), never a copy.
// Pure: web platform globals only (TextEncoder, atob, CompressionStream — Node has them too).
import { blankState, newMember, newLine, newExpense, MEMBER_FIELDS, LINE_FIELDS, EXPENSE_FIELDS, LINK_VERSION } from './state.js';

export var MAX_LINK = 60000;       // characters after "#s=", for links and the saved copy alike (the page's own limit)
export var Z = 'z.';
// Used until the engine's limits() are known (never lower than the engine's: the engine refuses the rest).
var FALLBACK_LIMITS = { members: 30, sharing_lines: 100, expenses: 1000, input_bytes: 2000000 };

function str(x) { return typeof x === 'string'; }
function okStrings(o, keys) { return keys.every(function (k) { return o[k] === undefined || str(o[k]); }); }

// ---- compact form ---------------------------------------------------------
var EXP_DEFAULT = newExpense();
export function pack(state) {
  function strip(o, defaults, skipDefaults) {
    var r = {};
    Object.keys(defaults).forEach(function (k) {
      var v = o[k];
      if (v === '' || v === undefined || v === null) return;
      if (skipDefaults && defaults[k] === v) return;
      r[k] = v;
    });
    return r;
  }
  return {
    v: LINK_VERSION, as_of: state.as_of, region: state.region, seq: state.seq,
    members: state.members.map(function (m) { return strip(m, MEMBER_FIELDS, false); }),
    sharing: state.sharing.map(function (b) { return strip(b, LINE_FIELDS, false); }),
    expenses: state.expenses.map(function (e) { return strip(e, EXP_DEFAULT, true); })
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
export function b64url(bytes) {
  var bin = '';
  for (var i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
export function unb64url(s) {
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
async function decodeJson(raw, max, limits) {
  if (raw.length > max) return { error: '这个链接太长了（超过 ' + max + ' 个字符），不像是本计算器生成的，已忽略。' };
  var broken = { error: '这个链接已损坏或不完整（可能复制时少了一截），无法读取。' };
  var bytes;
  try {
    if (raw.indexOf(Z) === 0) {
      if (!canCompress()) return { error: '这个链接是压缩过的，这个浏览器太旧，读不了。请用系统自带的浏览器或更新微信后再打开。' };
      bytes = await through(new DecompressionStream('deflate'), unb64url(raw.slice(Z.length)), (limits || FALLBACK_LIMITS).input_bytes);
    } else {
      bytes = unb64url(raw);
    }
    return { json: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (e) { return broken; }
}
// The payload after "#s=" -> {state} or {error: '中文说明'}. Never touches the current state.
// limits: the engine's limits() (counts and input bytes).
export async function decodePayload(raw, maxChars, limits) {
  var r = await decodeJson(raw, maxChars || MAX_LINK, limits), obj;
  if (r.error) return r;
  try { obj = JSON.parse(r.json); }
  catch (e) { return { error: '这个链接已损坏或不完整（可能复制时少了一截），无法读取。' }; }
  return fromObject(obj, limits);
}

export function fromObject(obj, limits) {
  var L = limits || FALLBACK_LIMITS;
  if (!obj || typeof obj !== 'object' || typeof obj.v !== 'number') return { error: '这个链接的内容看不懂，可能被改动过。' };
  if (obj.v > LINK_VERSION) return { error: '这个链接来自更新版本的计算器，当前页面读不了。请刷新页面或使用最新版本后再打开。' };
  if (obj.v < 1) return { error: '这个链接的版本不对，可能被改动过。' };
  var ok = str(obj.as_of) && str(obj.region) && Array.isArray(obj.members) && Array.isArray(obj.sharing) &&
    Array.isArray(obj.expenses) && obj.members.length <= L.members && obj.sharing.length <= L.sharing_lines && obj.expenses.length <= L.expenses &&
    obj.members.every(function (x) { return x && typeof x === 'object' && str(x.id) && okStrings(x, Object.keys(MEMBER_FIELDS)); }) &&
    obj.sharing.every(function (x) { return x && typeof x === 'object' && str(x.from) && str(x.to) && okStrings(x, Object.keys(LINE_FIELDS)); }) &&
    obj.expenses.every(function (x) { return x && typeof x === 'object' && okStrings(x, Object.keys(EXPENSE_FIELDS)); });
  if (!ok) return { error: '这个链接的内容不完整或被改动过，无法读取。' };
  var st = blankState();
  st.as_of = obj.as_of; st.region = obj.region;
  st.members = obj.members.map(function (x) { return newMember(x); });
  st.sharing = obj.sharing.map(function (x) { return newLine(x); });
  st.expenses = obj.expenses.map(function (x) { return newExpense(null, x); });
  st.seq = typeof obj.seq === 'number' && obj.seq < 1e6 ? obj.seq : st.members.length + 1;
  return { state: st };
}

// A URL fragment -> null (no family in it), {state} or {error}.
export function decodeLink(hash, limits) {
  var m = /^#s=(.*)$/.exec(hash || '');
  if (!m) return Promise.resolve(null);
  return decodePayload(m[1], MAX_LINK, limits);
}

// ---- encoding -------------------------------------------------------------
// state -> {text} (the payload after "#s=") or {error: '中文说明'}. The text is decoded again
// before it is returned: a link or a saved copy is only ever one this page reads back.
export async function encodePayload(state, limits) {
  var json = JSON.stringify(pack(state));     // taken now: the state may change while we wait
  var bytes = new TextEncoder().encode(json), text = null;
  var L = limits || FALLBACK_LIMITS;
  if (canCompress()) {
    try { text = Z + b64url(await through(new CompressionStream('deflate'), bytes, L.input_bytes)); }
    catch (e) { text = null; }
  }
  if (text === null) text = b64url(bytes);
  var tooBig = '这个家庭太大（' + describe(state) + '，写成链接有 ' + text.length + ' 个字符，上限是 ' + MAX_LINK + ' 个）。' +
    (canCompress() ? '' : '这个浏览器不能压缩，换用系统自带的浏览器可以放下更多。') + '删掉一些已经不需要的费用后再试。';
  if (text.length > MAX_LINK) return { error: tooBig, tooLarge: true };
  var mine = fromObject(JSON.parse(json), L);
  if (mine.error) return { error: '这个家庭没法写进链接：' + mine.error };
  var back = await decodeJson(text, MAX_LINK, L);
  if (back.error || back.json !== json) return { error: '这个家庭没法完整地写进链接。' };
  return { text: text };
}
