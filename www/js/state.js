// The page's state, its conversion to the engine's scenario (SPEC §7),
// the share link (URL fragment) and the opt-in local memory.
import { isEmployee } from './labels.js';

export var LINK_VERSION = 1;
var MAX_LINK = 60000; // characters of the fragment
var STORE_KEY = 'gongji:v1';

export function today() {
  var d = new Date();
  function p(n) { return (n < 10 ? '0' : '') + n; }
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
}

export function blankState() {
  return {
    v: LINK_VERSION, as_of: today(), region: 'national', seq: 1,
    members: [{ id: 'me', name: '我', relation: 'self', via: '', insurance: 'employee', province: '福建', balance: '0.00' }],
    sharing: [], expenses: []
  };
}

export function newExpense(patient) {
  return { patient: patient || 'me', item: 'outpatient_visit', venue: 'designated_hospital', mode: 'burden',
    amount: '', burden: '', card: 'own', ded: '', ratio: '', cap: '', ooc: '' };
}

export function memberById(state, id) {
  for (var i = 0; i < state.members.length; i++) if (state.members[i].id === id) return state.members[i];
  return null;
}

export function crossProvince(state, b) {
  var f = memberById(state, b.from), t = memberById(state, b.to);
  return !!(f && t && f.province && t.province && f.province !== t.province);
}

// "50" or "85.5" (percent) -> "0.50" / "0.855" by moving the decimal point in the string.
export function percentToRatio(s) {
  var m = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(s || '');
  if (!m) return (s || '').trim();
  var digits = (m[1] + ((m[2] || '') + '00').slice(0, 2));
  while (digits.length < 5) digits = '0' + digits;
  var r = digits.slice(0, -4).replace(/^0+(?=\d)/, '') + '.' + digits.slice(-4);
  return r.replace(/0+$/, '').replace(/\.(\d)$/, function (a, d) { return '.' + d + '0'; }).replace(/\.$/, '.00');
}

function t(s) { return (s === undefined || s === null) ? '' : String(s).trim(); }

export function toScenario(state) {
  var members = state.members.map(function (m) {
    var o = { id: m.id, name: m.name, relation: m.relation, insurance: m.insurance, province: m.province };
    if (m.via) o.via = m.via;
    if (isEmployee(m.insurance) && t(m.balance) !== '') o.balance = t(m.balance);
    return o;
  });
  var rank = {};
  var sharing = state.sharing.map(function (b) {
    var o = { from: b.from, to: b.to };
    if (crossProvince(state, b)) { if (t(b.quota) !== '') o.quota = t(b.quota); }
    else { rank[b.to] = (rank[b.to] || 0) + 1; o.order = rank[b.to]; }
    return o;
  });
  var expenses = state.expenses.map(function (e) {
    var o = { patient: e.patient, item: e.item, venue: e.venue, card: e.card };
    if (e.mode === 'burden') o.personal_burden = t(e.burden) || '0';
    else {
      o.amount = t(e.amount) || '0';
      if (t(e.ooc) !== '') o.out_of_catalogue = t(e.ooc);
      if (t(e.ded) !== '' || t(e.ratio) !== '' || t(e.cap) !== '') {
        o.pooled = { deductible_left: t(e.ded) || '0', ratio: percentToRatio(e.ratio) || '0' };
        if (t(e.cap) !== '') o.pooled.cap_left = t(e.cap);
      }
    }
    return o;
  });
  return { as_of: state.as_of, region: state.region, members: members, sharing: sharing, expenses: expenses };
}

// ---- share link -------------------------------------------------------
function b64urlEncode(str) {
  var bytes = new TextEncoder().encode(str), bin = '';
  for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function b64urlDecode(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Error('bad');
  var bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  var bytes = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function encodeLink(state) {
  var s = {};
  for (var k in state) s[k] = state[k];
  s.v = LINK_VERSION;
  return '#s=' + b64urlEncode(JSON.stringify(s));
}

function str(x) { return typeof x === 'string'; }
function okStrings(o, keys) { return keys.every(function (k) { return o[k] === undefined || str(o[k]); }); }

// Returns {state} or {error: '中文说明'}. Never touches the current state.
export function decodeLink(hash) {
  var m = /^#s=(.*)$/.exec(hash || '');
  if (!m) return null;
  var raw = m[1];
  if (raw.length > MAX_LINK) return { error: '这个链接太长了（超过 ' + MAX_LINK + ' 个字符），不像是本计算器生成的，已忽略。' };
  var obj;
  try { obj = JSON.parse(b64urlDecode(raw)); }
  catch (e) { return { error: '这个链接已损坏或不完整（可能复制时少了一截），无法读取。' }; }
  if (!obj || typeof obj !== 'object' || typeof obj.v !== 'number') return { error: '这个链接的内容看不懂，可能被改动过。' };
  if (obj.v > LINK_VERSION) return { error: '这个链接来自更新版本的计算器，当前页面读不了。请刷新页面或使用最新版本后再打开。' };
  if (obj.v < 1) return { error: '这个链接的版本不对，可能被改动过。' };
  var ok = str(obj.as_of) && str(obj.region) && Array.isArray(obj.members) && Array.isArray(obj.sharing) &&
    Array.isArray(obj.expenses) && obj.members.length <= 50 && obj.sharing.length <= 200 && obj.expenses.length <= 500 &&
    obj.members.every(function (x) { return x && typeof x === 'object' && str(x.id) && okStrings(x, ['name', 'relation', 'via', 'insurance', 'province', 'balance']); }) &&
    obj.sharing.every(function (x) { return x && typeof x === 'object' && str(x.from) && str(x.to) && okStrings(x, ['quota']); }) &&
    obj.expenses.every(function (x) { return x && typeof x === 'object' && okStrings(x, ['patient', 'item', 'venue', 'mode', 'amount', 'burden', 'card', 'ded', 'ratio', 'cap', 'ooc']); });
  if (!ok) return { error: '这个链接的内容不完整或被改动过，无法读取。' };
  var st = blankState();
  st.as_of = obj.as_of; st.region = obj.region;
  st.members = obj.members.map(function (x) {
    return { id: x.id, name: x.name || '', relation: x.relation || 'other', via: x.via || '', insurance: x.insurance || 'none', province: x.province || '', balance: x.balance || '' };
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

// ---- opt-in local memory ------------------------------------------------
export function loadStored() {
  try {
    var raw = window.localStorage.getItem(STORE_KEY);
    if (!raw) return null;
    var r = decodeLink('#s=' + raw);
    return r && r.state ? r.state : null;
  } catch (e) { return null; }
}
export function saveStored(state) {
  try { window.localStorage.setItem(STORE_KEY, encodeLink(state).slice(3)); return true; } catch (e) { return false; }
}
export function forgetStored() {
  try { window.localStorage.removeItem(STORE_KEY); } catch (e) { /* ignore */ }
}
