// Families the page tests send the page as links and saved copies. Pure data.

// A large family: 4 members, 4 lines (one a cross-province quota), `n` expenses of four kinds.
// `everyField`: every field of every member, line and expense, as pages before issue 15 wrote
// links and saved copies (run.mjs reads those); else only what a link carries today.
export function bigFamily(n, { everyField = false } = {}) {
  const M = (id, name, relation, insurance, province, balance) =>
    (everyField ? { id, name, relation, via: '', insurance, province, city: '', balance } : { id, name, relation, insurance, province, balance });
  const members = [M('me', '我', 'self', 'employee', '福建', '50000.00'), M('sp', '老伴', 'spouse', 'employee_retired', '福建', '30000.00'),
    M('mom', '妈妈', 'mother', 'resident', '福建', ''), M('kid', '儿子', 'son', 'resident', '北京', '')];
  const line = (from, to, quota) => (everyField || quota ? { from, to, quota: quota || '' } : { from, to });
  const sharing = [line('me', 'mom'), line('sp', 'mom'), line('me', 'kid', '9000.00'), line('me', 'sp')];
  const items = [['outpatient_visit', 'designated_hospital'], ['catalogue_drug', 'designated_pharmacy'], ['dental_filling', 'designated_hospital'], ['inpatient_stay', 'designated_hospital']];
  const pats = ['mom', 'kid', 'sp', 'me'];
  const expenses = [];
  for (let i = 0; i < n; i++) {
    const [item, venue] = items[i % 4];
    const amt = (37 + ((i * 7919) % 4000) + (i % 100) / 100).toFixed(2);
    const e = everyField
      ? { patient: pats[(i >> 2) % 4], item, venue, mode: 'burden', amount: '', burden: '', card: 'own', ded: '', ratio: '', cap: '', ooc: '' }
      : { patient: pats[(i >> 2) % 4], item };
    if (!everyField && venue !== 'designated_hospital') e.venue = venue;
    if (i % 3 === 0) Object.assign(e, { mode: 'amount', amount: amt, ded: '0', ratio: '50', cap: '20000.00' }); else e.burden = amt;
    expenses.push(e);
  }
  return { v: 1, as_of: '2026-06-01', region: 'national', seq: 5, members, sharing, expenses };
}
