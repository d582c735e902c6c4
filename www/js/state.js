// The page's state, its conversion to the engine's scenario (SPEC §7),
// the share link (URL fragment) and the opt-in local memory.
import { isEmployee } from './labels.js';

export var LINK_VERSION = 1;
var MAX_LINK = 60000; // characters of the fragment
var STORE_KEY = 'gongji:v1';
var BIG_KEY = 'gongji:big';

// ---- places (regions() of the module): id -> the province (and city) a member there is in ----
var PLACES = {};
export function setPlaces(list) {
  PLACES = {};
  (list || []).forEach(function (r) { PLACES[r.id] = r; });
}
export function placeById(id) { return PLACES[id] || null; }
function firstName(r) { return r ? ((r.names && r.names[0]) || r.name || '') : ''; }
// The province name of a place id ('' for national or unknown), and its city name ('' if none).
export function placeProvince(id) {
  var r = PLACES[id];
  if (!r) return '';
  if (r.kind === 'city') return firstName(PLACES[r.parent]) || (r.province || '');
  if (r.kind === 'province') return firstName(r);
  return r.province || '';
}
// The cities the engine has a profile for in a province (by its name as members write it).
export function citiesOf(provinceName) {
  var out = [];
  Object.keys(PLACES).forEach(function (id) {
    var r = PLACES[id], parent = r && r.kind === 'city' ? PLACES[r.parent] : null;
    if (parent && provinceName && (parent.names || []).indexOf(provinceName) >= 0) out.push(firstName(r));
  });
  return out.sort();
}
export function placeCity(id) { var r = PLACES[id]; return r && r.kind === 'city' ? firstName(r) : ''; }

// Forgiving money text: full-width digits, spaces, "元"/"¥", thousands commas ("1,200") are
// rewritten as plain digits before the engine reads them. Only the text changes: no arithmetic.
export function normAmount(s) {
  if (s === undefined || s === null) return '';
  var x = String(s).replace(/[\uFF10-\uFF19]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFF10 + 48); })
    .replace(/\uFF0E/g, '.').replace(/[\uFF0C\u3001]/g, ',').replace(/[\s\u3000]+/g, '')
    .replace(/^(?:¥|￥|RMB|人民币)/i, '').replace(/(?:元整?|块钱?|圆|RMB)$/i, '');
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(x)) x = x.replace(/,/g, '');
  return x;
}

export function today() {
  var d = new Date();
  function p(n) { return (n < 10 ? '0' : '') + n; }
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
}

export function blankState() {
  return {
    v: LINK_VERSION, as_of: today(), region: 'national', seq: 1,
    members: [{ id: 'me', name: '我', relation: 'self', via: '', insurance: 'employee', province: '', balance: '' }],
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

// A member's province: their own, else the province of the scenario's place.
export function provinceOf(state, m) { return (m && m.province) || placeProvince(state.region); }
export function crossProvince(state, b) {
  var f = memberById(state, b.from), t = memberById(state, b.to);
  var pf = provinceOf(state, f), pt = provinceOf(state, t);
  return !!(f && t && pf && pt && pf !== pt);
}

// "50" or "85.5" (percent) -> "0.50" / "0.855" by moving the decimal point in the string.
export function percentToRatio(s) {
  s = normAmount(String(s || '').replace(/[%\uFF05]\s*$/, ''));
  var m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return s;
  var digits = (m[1] + ((m[2] || '') + '00').slice(0, 2));
  while (digits.length < 5) digits = '0' + digits;
  var r = digits.slice(0, -4).replace(/^0+(?=\d)/, '') + '.' + digits.slice(-4);
  return r.replace(/0+$/, '').replace(/\.(\d)$/, function (a, d) { return '.' + d + '0'; }).replace(/\.$/, '.00');
}

function t(s) { return normAmount(s); }

export function toScenario(state) {
  var members = state.members.map(function (m) {
    var o = { id: m.id, name: m.name, relation: m.relation, insurance: m.insurance };
    if (m.province) o.province = m.province;
    if (m.city) o.city = m.city;
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
    // A missing amount is left out: the engine still answers the question (SPEC §9.3).
    if (e.mode === 'burden') { if (t(e.burden) !== '') o.personal_burden = t(e.burden); }
    else {
      if (t(e.amount) !== '') o.amount = t(e.amount);
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
  try { window.localStorage.removeItem(STORE_KEY); window.localStorage.removeItem(BIG_KEY); } catch (e) { /* ignore */ }
}
// Large text is remembered only with the visitor's opt-in ("在本机记住").
export function loadBig() { try { return window.localStorage.getItem(BIG_KEY) === '1'; } catch (e) { return false; } }
export function saveBig(on) { try { if (on) window.localStorage.setItem(BIG_KEY, '1'); else window.localStorage.removeItem(BIG_KEY); } catch (e) { /* ignore */ } }
