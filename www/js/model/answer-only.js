// When the engine refuses one field (a bad amount, a bad quota), the page still shows who may pay:
// that field is set aside and the engine asked again, at most six times. Only the answer fields of
// that run are shown (answer, headline, payers, next steps), never its money. Used by
// flows/compute.js and by the build's prerender (scripts/build-site.mjs), so both answer alike.
// A balance set aside is read as `bigBalance` (the engine's largest amount, limits().max_amount):
// an answer never depends on money, but a 共济额度 may not exceed its sharer's balance.
export function answerOnly(evaluate, scen, err, bigBalance) {
  var s = JSON.parse(JSON.stringify(scen));
  for (var n = 0; n < 6 && err; n++) {
    var f = err.field || '', m;
    if ((m = /^members\[(\d+)\]\.balance/.exec(f)) && s.members[+m[1]]) s.members[+m[1]].balance = bigBalance || '0.00';
    // a quota whose sharer has no balance yet: the balance is the missing fact, not the quota
    else if ((m = /^sharing\[(\d+)\]\.quota/.exec(f)) && err.code === 'invalid_balance' && sharer(s, +m[1])) sharer(s, +m[1]).balance = bigBalance || '0.00';
    else if ((m = /^sharing\[(\d+)\]\.quota/.exec(f)) && s.sharing[+m[1]]) delete s.sharing[+m[1]].quota;
    else if ((m = /^expenses\[(\d+)\]/.exec(f)) && s.expenses[+m[1]]) {
      ['amount', 'personal_burden', 'out_of_catalogue', 'pooled'].forEach(function (k) { delete s.expenses[+m[1]][k]; });
      if (/venue/.test(f)) return null;
    } else return null;
    var r = evaluate(s);
    if (!r || !r.error) return r;
    if (r.error.field === f) return null;
    err = r.error;
  }
  return null;
}
function sharer(s, i) {
  var line = s.sharing[i];
  return line ? s.members.filter(function (x) { return x.id === line.from; })[0] || null : null;
}
