// The pair probe: every bound pair asked about a plain clinic visit, so a bad pair shows at once
// (drawn by showPairIssues, js/forms.js). The probe depends on the family and the bindings
// only, so typing an amount reuses the last answer.
var lastProbe = { key: null, issues: {} };
export function pairIssues(evaluate, scen) {
  var patients = [];
  scen.sharing.forEach(function (b) { if (patients.indexOf(b.to) < 0) patients.push(b.to); });
  if (!patients.length) return {};
  var probe = { as_of: scen.as_of, region: scen.region, members: scen.members, sharing: scen.sharing,
    expenses: patients.map(function (p) {
      return { patient: p, item: 'outpatient_visit', venue: 'designated_hospital', personal_burden: '100.00', card: 'own' };
    }) };
  var key = JSON.stringify(probe);
  if (key === lastProbe.key) return lastProbe.issues;
  var issues = {};
  var pr = evaluate(probe);
  if (pr && pr.results) pr.results.forEach(function (r, i) {
    (r.ineligible_sharers || []).forEach(function (x) {
      var k = x.member + '->' + patients[i];
      (issues[k] = issues[k] || []).push(x);
    });
  });
  lastProbe = { key: key, issues: issues };
  return issues;
}
