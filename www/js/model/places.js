// Every place the engine knows, from regions() (SPEC §10.1): national, the provinces (兵团
// among them) and every city under its province (`cities`), with the everyday names people type.
// The page stores a place as the engine's own value — a province's or city's id ("fujian",
// "fuzhou", "361000") — and shows its everyday name; the engine resolves it (scenario `region`,
// members[].province / city). Nothing here decides a rule. Pure.

// A place as the page shows it: { value, kind: 'national'|'province'|'city', name (everyday),
// full, code, province (the province's place; itself for a province), names (all it answers to),
// profile (the engine has the place's own facts) }.
export function makePlaces(regions) {
  var list = [], byValue = {}, provinces = [];
  var national = null;
  (regions || []).forEach(function (r) {
    if (!r || !r.id) return;
    if (r.kind === 'national') {
      national = { value: r.id, kind: 'national', name: '全国', full: r.name, code: '', names: (r.names || []).slice(), profile: true, cities: [] };
      national.province = null;
      byValue[r.id] = national;
    }
  });
  (regions || []).forEach(function (r) {
    if (!r || r.kind !== 'province') return;
    var p = { value: r.id, kind: 'province', name: (r.names && r.names[0]) || r.name, full: r.name, code: '',
      names: [r.name, r.id].concat(r.names || []), profile: true, cities: [] };
    p.province = p;
    provinces.push(p);
    list.push(p);
    byValue[r.id] = p;
  });
  var provinceNames = {};
  provinces.forEach(function (p) { p.names.forEach(function (n) { provinceNames[n] = true; }); });
  (regions || []).forEach(function (r) {
    if (!r || r.kind !== 'province') return;
    var p = byValue[r.id];
    (r.cities || []).forEach(function (c) {
      // a municipality's one city is the province itself (北京: beijing)
      // and its districts name it too (海淀, 浦东新区: one 统筹区)
      if (c.id === r.id) { p.code = c.code; p.names = p.names.concat(c.names || [], [c.code, c.name], c.districts || []); return; }
      var everyday = (c.names && c.names[0]) || c.name;
      var x = { value: c.id, kind: 'city', name: provinceNames[everyday] ? c.name : everyday, full: c.name, code: c.code,
        names: [c.name, c.id, c.code].concat(c.names || []), profile: !!c.profile, province: p };
      p.cities.push(x);
      list.push(x);
      byValue[c.id] = x;
      byValue[c.code] = byValue[c.code] || x;
    });
  });
  // Chinese names and short forms: a value typed as a name ("福建", "福州市") is found too.
  var byName = {};
  list.forEach(function (x) {
    x.names.forEach(function (n) { var k = norm(n); if (k) (byName[k] = byName[k] || []).indexOf(x) < 0 && byName[k].push(x); });
  });
  return { national: national, provinces: provinces, list: list, byValue: byValue, byName: byName };
}

function norm(s) { return String(s || '').replace(/[\s\u3000]+/g, '').toLowerCase(); }

// The place a stored value means: an id, a code, or a name as members of older links wrote it
// ("福建"). null when none (or several) fit: the engine then says so at the field.
export function placeOf(places, value) {
  if (!value) return null;
  if (places.byValue[value]) return places.byValue[value];
  var hits = places.byName[norm(value)] || [];
  if (hits.length === 1) return hits[0];
  // a province and a city with one name (吉林): as a province
  var prov = hits.filter(function (x) { return x.kind === 'province'; });
  return prov.length === 1 ? prov[0] : null;
}
// The words to show for a stored value: "福州", "湖南", "吉林市"; the value itself if unknown.
export function placeName(places, value) {
  var p = placeOf(places, value);
  return p ? p.name : String(value || '');
}
// "长沙（湖南）": a city with its province, for the list of suggestions.
export function placeLabel(p) {
  if (!p) return '';
  if (p.kind === 'city') return p.name + '（' + p.province.name + '）';
  if (p.kind === 'province') return p.name + (p.cities.length > 1 ? '（全省）' : '');
  return '全国通用规则（不选地方）';
}

// Suggestions for typed text: exact names first, then names that start with it, then names that
// contain it (Chinese), codes and pinyin ids by prefix. At most `max`.
export function searchPlaces(places, text, max) {
  var q = norm(text);
  max = max || 8;
  if (!q) return places.provinces.slice(0, max);
  var exact = [], starts = [], contains = [];
  places.list.forEach(function (x) {
    var best = 3;
    x.names.forEach(function (n) {
      var k = norm(n);
      if (!k) return;
      if (k === q) best = Math.min(best, 0);
      else if (k.indexOf(q) === 0) best = Math.min(best, 1);
      else if (/[^\x00-\x7f]/.test(q) && k.indexOf(q) > 0) best = Math.min(best, 2);
    });
    if (best === 0) exact.push(x); else if (best === 1) starts.push(x); else if (best === 2) contains.push(x);
  });
  function byKind(a, b) { return (a.kind === 'province' ? 0 : 1) - (b.kind === 'province' ? 0 : 1); }
  exact.sort(byKind); starts.sort(byKind);
  // typing a province's name also offers its cities
  var out = exact.concat(starts, contains);
  var prov = exact.filter(function (x) { return x.kind === 'province'; })[0];
  if (prov) out = out.concat(prov.cities);
  var seen = [], res = [];
  out.forEach(function (x) { if (seen.indexOf(x) < 0 && res.length < max) { seen.push(x); res.push(x); } });
  return res;
}
// Counties (counties.json, from data/counties.json: { city code: [full names] }) as the place
// field searches them: [{ name, code }]. The engine does not know counties; this only says which
// city a county is in, and the visitor picks that city.
export function countyIndex(byCity) {
  var list = [];
  Object.keys(byCity || {}).forEach(function (code) {
    (byCity[code] || []).forEach(function (n) { list.push({ name: n, code: code }); });
  });
  return list;
}
// The cities whose county `text` names (昆山 → 苏州; 鼓楼 → 福州, 南京, 徐州, 开封): a county's full
// name, or its beginning of two characters or more ("昆山" of 昆山市). [{ place, county }], exact
// names first, each city once, at most `max`.
export function countyCities(places, index, text, max) {
  var q = norm(text);
  if (!index || q.length < 2 || /[\x00-\x7f]/.test(q)) return [];
  var exact = [], starts = [];
  index.forEach(function (c) {
    var p = places.byValue[c.code];
    if (!p || p.kind !== 'city') return;
    if (c.name === q) exact.push({ place: p, county: c.name });
    else if (c.name.indexOf(q) === 0) starts.push({ place: p, county: c.name });
  });
  var seen = [], out = [];
  exact.concat(starts).forEach(function (x) {
    if (seen.indexOf(x.place) < 0 && out.length < (max || 8)) { seen.push(x.place); out.push(x); }
  });
  return out;
}

// The one place typed text names exactly (a name, an everyday name, a code or an id), or null.
// (How the place field commits typed text without a tap on a suggestion.)
export function exactPlace(places, text) {
  var q = norm(text);
  if (!q) return null;
  if (places.byValue[q]) return places.byValue[q];
  var hits = places.byName[q] || [];
  return hits.length === 1 ? hits[0] : null;
}

// Where a member is insured, as the member's fields: a province goes in `province`, a city in
// `city` (a city implies its province: SPEC §10.1); '' for "where the scenario's place is".
export function memberPlace(p) {
  if (!p || p.kind === 'national') return { province: '', city: '' };
  return p.kind === 'province' ? { province: p.value, city: '' } : { province: '', city: p.value };
}

// A family (an example) opened at a place (?region=): members insured in that place's province
// with no city of their own are put at the place (an article about 福州 opens the example in 福州);
// members elsewhere keep theirs.
export function atRegion(st, region, places) {
  var here = placeOf(places, region);
  st.region = region;
  if (!here || here.kind === 'national') return st;
  st.members.forEach(function (m) {
    if (m.city) return;
    var p = placeOf(places, m.province);
    if (p && p === here.province) m.province = '';
  });
  return st;
}
