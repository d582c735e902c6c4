// The pair probe: every bound pair (and the quick check's pair, bound or not) asked about a plain
// clinic visit, so the page learns from the engine (a) which lines do not work, and why (shown
// at the binding: views/forms.js showPairIssues), and (b) how far apart each pair is insured
// (payers[].distance: same_area / same_province / other_province) — which decides whether the
// page shows a 顺位 or a 共济额度 field. The page never works a distance out itself.
// The probe depends on the family, its places and its lines only, so typing an amount reuses
// the last answer (one engine call per such change; a family with an error is probed with its
// lines as 顺位 lines and no balances, which the distance does not depend on).
import { probeScenario } from '../model/scenario.js';

export function makeProbe() { return { key: null, issues: {}, distances: {} }; }

// -> { issues: { "from->to": [ineligible sharer] }, distances: { "from->to": distance } }
export function probePairs(evaluate, memo, scen, extra) {
  var probe = probeScenario(scen, extra, false);
  if (!probe.sharing.length) { memo.key = null; memo.issues = {}; memo.distances = {}; return memo; }
  var key = JSON.stringify(probe);
  if (key === memo.key) return memo;
  var issues = {}, distances = {};
  var out = evaluate(probe);
  if (!out || out.error) out = evaluate(probeScenario(scen, extra, true));
  else read(out, probe, issues);
  if (out && out.results) readDistances(out, probe, distances);
  memo.key = key; memo.issues = issues; memo.distances = distances;
  return memo;
}
function patientOf(probe, r, i) { var e = probe.expenses[r.expense !== undefined ? r.expense : i]; return e ? e.patient : ''; }
function read(out, probe, issues) {
  out.results.forEach(function (r, i) {
    var p = patientOf(probe, r, i);
    (r.ineligible_sharers || []).forEach(function (x) {
      var k = x.member + '->' + p;
      (issues[k] = issues[k] || []).push(x);
    });
  });
}
function readDistances(out, probe, distances) {
  out.results.forEach(function (r, i) {
    var p = patientOf(probe, r, i);
    (r.payers || []).forEach(function (x) { if (x.member && x.distance) distances[x.member + '->' + p] = x.distance; });
  });
}
