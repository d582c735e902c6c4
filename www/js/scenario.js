// The page's state -> the engine's scenario (SPEC §7): what is sent, and what is left out.
import { isEmployee } from './labels.js';
import { crossProvince } from './state.js';
import { normAmount, percentToRatio } from './amount-text.js';

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
