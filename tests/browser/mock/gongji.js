// TEMPORARY mock of www/pkg/gongji.js used only while the real engine is not built
// (run.mjs --mock). Crude float maths; never shipped.
var CAT = null;
export default async function init() {
  CAT = await (await fetch(new URL('./catalogue.json', import.meta.url))).json();
}
export function catalogue() { return CAT.items; }
export function rules() { return [{ id: 'R-KIN', title: '谁是近亲属', document: '民法典第1045条', effective: '2021-01-01', summary: '近亲属…' },
  { id: 'R-ORDER', title: '付款顺序', document: '各地做法', effective: '2021-04-22', summary: '先统筹…' }]; }
export function regions() { return [{ id: 'national', name: '全国通用规则（未选择城市）' }]; }
export function version() { return { engine: 'mock', rules: 'mock' }; }
var CLOSE = { spouse: 1, father: 1, mother: 1, son: 1, daughter: 1, brother: 2, sister: 2 };
function f(n) { return (Math.round(n * 100) / 100).toFixed(2); }
export function evaluate(s) {
  var bal = {}, quotas = {};
  for (var m of s.members) { if (m.balance && isNaN(+m.balance)) return { error: { code: 'invalid_amount', field: 'members[' + s.members.indexOf(m) + '].balance', message: '金额格式不对' } }; bal[m.id] = +(m.balance || 0); }
  for (var b of s.sharing) if (b.quota) { bal[b.from] -= +b.quota; quotas[b.from + '->' + b.to] = +b.quota; }
  var byId = {}; s.members.forEach(function (m) { byId[m.id] = m; });
  var results = s.expenses.map(function (e, i) {
    var item = CAT.items.find(function (c) { return c.id === e.item; });
    var total = +(e.amount || e.personal_burden || 0), left = total, steps = [], reasons = [], inel = [], verdict = 'covered';
    if (e.card === 'other') return { expense: i, verdict: 'blocked', total: f(total), steps: [{ payer: 'self_pay', amount: f(total) }], reasons: [{ code: 'impersonation', severity: 'error', message: '冒名就医', rule: 'R-CARD' }], ineligible_sharers: [] };
    if (item.own === 'no') return { expense: i, verdict: 'self_pay', total: f(total), steps: [{ payer: 'self_pay', amount: f(total) }], reasons: [{ code: 'cosmetic_not_covered', severity: 'info', message: '美容项目，医保和个人账户都不能付', rule: 'R-DENTAL' }], ineligible_sharers: [] };
    if (e.pooled && e.amount) { var p = Math.min(Math.max(0, total - +e.pooled.deductible_left) * +e.pooled.ratio, +(e.pooled.cap_left || 1e9)); steps.push({ payer: 'pooled_fund', member: e.patient, amount: f(p), rule: 'R-ORDER' }); left -= p; }
    var pm = byId[e.patient];
    if (pm.insurance.indexOf('employee') === 0) { var a = Math.min(left, bal[pm.id]); steps.push({ payer: 'own_account', member: pm.id, amount: f(a), balance_before: f(bal[pm.id]), balance_after: f(bal[pm.id] - a), rule: 'R-ORDER' }); bal[pm.id] -= a; left -= a; }
    s.sharing.filter(function (b) { return b.to === e.patient; }).forEach(function (b) {
      var fr = byId[b.from], rel = CLOSE[pm.relation];
      if (fr.relation === 'self' && !rel) { inel.push({ member: fr.id, code: 'not_close_relative', message: '不是近亲属', fix: '请家人的近亲属共济', rule: 'R-KIN' }); return; }
      if (rel === 2 && s.as_of < '2024-08-01') { inel.push({ member: fr.id, code: 'rule_not_in_force', message: '当时只能给配偶父母子女', fix: '2024年8月以后', rule: 'R-2024' }); return; }
      if (b.quota) { var k = b.from + '->' + b.to, q = Math.min(left, quotas[k]); steps.push({ payer: 'shared_quota', member: b.from, amount: f(q), balance_before: f(quotas[k]), balance_after: f(quotas[k] - q), rule: 'R-XPROV' }); quotas[k] -= q; left -= q; return; }
      var x = Math.min(left, bal[b.from]); steps.push({ payer: 'shared_account', member: b.from, order: b.order, amount: f(x), balance_before: f(bal[b.from]), balance_after: f(bal[b.from] - x), rule: 'R-2021' }); bal[b.from] -= x; left -= x;
    });
    steps.push({ payer: 'self_pay', amount: f(left) });
    return { expense: i, verdict: verdict, total: f(total), steps: steps, reasons: reasons, ineligible_sharers: inel };
  });
  var B = {}, Q = {}; for (var k in bal) B[k] = f(bal[k]); for (var k2 in quotas) Q[k2] = f(quotas[k2]);
  return { engine: 'mock', rules: 'mock', as_of: s.as_of, region: s.region, results: results, balances: B, quotas: Q };
}
