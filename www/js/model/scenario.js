// The page's state -> the engine's scenario (SPEC §7): what is sent, and what is left out.
// Pure. Decides no rule: whether a line is a 共济额度 (quota) or has a 顺位 (order) follows what the
// visitor sees — the quota field is shown where the engine said the two are in other provinces
// (`distances`, from the engine's payers[].distance: flows/pairs.js); until the engine has said,
// a line with a quota typed in is sent as a quota line.
import { isEmployee } from './state.js';
import { normAmount, percentToRatio } from './amount-text.js';

function t(s) { return normAmount(s); }

// Is line `b` shown (and sent) as a quota line? distances: { "from->to": distance } or null.
export function isQuotaLine(b, distances) {
  var d = distances ? distances[b.from + '->' + b.to] : undefined;
  if (d) return d === 'other_province';
  return t(b.quota) !== '';
}

// opts.expenses: the indexes of the expenses to send (all when absent) — the answer bar of a
// large family asks about its first expense alone (flows/compute.js).
export function toScenario(state, distances, opts) {
  var members = state.members.map(function (m) {
    var o = { id: m.id, name: m.name, relation: m.relation, insurance: m.insurance };
    if (m.province) o.province = m.province;
    if (m.city) o.city = m.city;
    if (m.via) o.via = m.via;
    if (isEmployee(m.insurance) && t(m.balance) !== '') o.balance = t(m.balance);
    if (isEmployee(m.insurance) && t(m.shareable) !== '') o.shareable_balance = t(m.shareable);
    return o;
  });
  var rank = {};
  var sharing = state.sharing.map(function (b) {
    var o = { from: b.from, to: b.to };
    if (isQuotaLine(b, distances)) { if (t(b.quota) !== '') o.quota = t(b.quota); }
    else { rank[b.to] = (rank[b.to] || 0) + 1; o.order = rank[b.to]; }
    return o;
  });
  var list = opts && opts.expenses ? opts.expenses.map(function (i) { return state.expenses[i]; }).filter(Boolean) : state.expenses;
  var expenses = list.map(function (e) {
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

// The pair probe (flows/pairs.js): every line of the family as sent, and the pairs in `extra` (the
// quick check's pair before it is bound, as a 顺位 line), each patient asked about a plain clinic
// visit — the engine then says of each line whether it works and how far apart the two are
// (payers[].distance). `bare`: the lines all as 顺位 lines and no balances (a distance depends on
// neither), for when the family as typed has an error.
export function probeScenario(scen, extra, bare) {
  var seen = {}, sharing = [], patients = [], rank = {};
  function add(line) {
    var k = line.from + '->' + line.to;
    if (seen[k] || line.from === line.to) return;
    seen[k] = true;
    var o = { from: line.from, to: line.to };
    if (line.quota !== undefined && !bare) o.quota = line.quota;
    else if (line.order !== undefined || !line.quota || bare) { rank[line.to] = (rank[line.to] || 0) + 1; o.order = rank[line.to]; }
    sharing.push(o);
    if (patients.indexOf(line.to) < 0) patients.push(line.to);
  }
  scen.sharing.forEach(add);
  (extra || []).forEach(function (p) { if (p && p.from && p.to) add({ from: p.from, to: p.to }); });
  var members = !bare ? scen.members : scen.members.map(function (m) {
    var o = {};
    for (var k in m) if (k !== 'balance') o[k] = m[k];
    if (isEmployee(m.insurance)) o.balance = '0.00';
    return o;
  });
  return { as_of: scen.as_of, region: scen.region, members: members, sharing: sharing,
    expenses: patients.map(function (p) { return { patient: p, item: 'outpatient_visit', venue: 'designated_hospital', personal_burden: '100.00', card: 'own' }; }) };
}
