// The worked examples' families (看看例子, ?preset=ID; SPEC §3 rules, the guides give the
// background). Pure data: the amounts are examples, never computed here.
import { today, newMember, newLine, newExpense, LINK_VERSION } from './state.js';

function m(id, name, relation, insurance, province, balance) {
  return newMember({ id: id, name: name, relation: relation, insurance: insurance, province: province, balance: balance || '' });
}
function e(patient, item, venue, fields) {
  var x = newExpense(patient, fields); x.item = item; x.venue = venue;
  return x;
}
function base(members, sharing, expenses, asOf) {
  return { v: LINK_VERSION, as_of: asOf || today(), region: 'national', seq: members.length + 1,
    members: members, sharing: sharing.map(newLine), expenses: expenses };
}

export var PRESETS = [
  { id: 'dental', title: '补牙和美白：退休的妈妈，儿子来共济', make: function () {
    return base(
      [m('me', '我（儿子）', 'self', 'employee', '福建', '3200.00'), m('mom', '妈妈', 'mother', 'employee_retired', '福建', '150.00')],
      [{ from: 'me', to: 'mom', quota: '' }],
      [e('mom', 'dental_filling', 'designated_hospital', { mode: 'amount', amount: '600.00', ded: '0', ratio: '50', cap: '2000.00' }),
       e('mom', 'teeth_whitening', 'designated_hospital', { mode: 'amount', amount: '1200.00' })]);
  } },
  { id: 'inlaw', title: '婆婆想用儿媳的医保', make: function () {
    return base(
      [m('me', '我（儿媳）', 'self', 'employee', '江苏', '2600.00'), m('hus', '丈夫', 'spouse', 'resident', '江苏'),
       m('pp', '婆婆', 'mother_in_law', 'resident', '江苏')],
      [{ from: 'me', to: 'pp', quota: '' }],
      [e('pp', 'outpatient_visit', 'designated_hospital', { mode: 'burden', burden: '260.00' })]);
  } },
  { id: 'student', title: '孩子跨省上大学，设共济额度', make: function () {
    return base(
      [m('me', '我（爸爸）', 'self', 'employee', '福建', '3200.00'), m('kid', '儿子', 'son', 'resident', '北京')],
      [{ from: 'me', to: 'kid', quota: '500.00' }],
      [e('kid', 'outpatient_visit', 'designated_hospital', { mode: 'burden', burden: '180.00' }),
       e('kid', 'catalogue_drug', 'designated_pharmacy', { mode: 'burden', burden: '420.00' })]);
  } },
  { id: 'sibling2023', title: '给妹妹用（2023年：还不行）', make: function () {
    return base(
      [m('me', '我', 'self', 'employee', '湖北', '2000.00'), m('sis', '妹妹', 'sister', 'resident', '湖北')],
      [{ from: 'me', to: 'sis', quota: '' }],
      [e('sis', 'outpatient_visit', 'designated_hospital', { mode: 'burden', burden: '300.00' })], '2023-06-01');
  } },
  { id: 'sibling2026', title: '给妹妹用（2024年放宽以后：可以）', make: function () {
    var s = PRESETS[3].make(); s.as_of = today(); return s;
  } },
  { id: 'impostor', title: '拿自己的医保卡给爸爸看病（冒名就医）', make: function () {
    return base(
      [m('me', '我', 'self', 'employee', '广东', '1800.00'), m('dad', '爸爸', 'father', 'resident', '广东')],
      [{ from: 'me', to: 'dad', quota: '' }],
      [e('dad', 'outpatient_visit', 'designated_hospital', { mode: 'burden', burden: '350.00', card: 'other' })]);
  } }
];
