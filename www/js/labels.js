// Chinese labels for the ids of the JSON contract (SPEC §4, §5, §7).
export var RELATIONS = [
  ['self', '我本人'], ['spouse', '配偶（丈夫/妻子）'], ['father', '父亲'], ['mother', '母亲'],
  ['brother', '兄弟'], ['sister', '姐妹'], ['son', '儿子'], ['daughter', '女儿'],
  ['paternal_grandfather', '爷爷'], ['paternal_grandmother', '奶奶'],
  ['maternal_grandfather', '外公'], ['maternal_grandmother', '外婆'],
  ['grandson', '孙子（儿子的孩子）'], ['granddaughter', '孙女（儿子的孩子）'],
  ['maternal_grandson', '外孙（女儿的孩子）'], ['maternal_granddaughter', '外孙女（女儿的孩子）'],
  ['father_in_law', '配偶的父亲（公公/岳父）'], ['mother_in_law', '配偶的母亲（婆婆/岳母）'],
  ['son_in_law', '女婿'], ['daughter_in_law', '儿媳'],
  ['spouse_sibling', '配偶的兄弟姐妹'], ['sibling_spouse', '兄弟姐妹的配偶'],
  ['nephew', '侄子/外甥'], ['niece', '侄女/外甥女'], ['uncle', '叔伯/舅舅'], ['aunt', '姑姑/姨妈'],
  ['other', '其他']
];
// Relations that run through another member: the page asks "经由谁".
export var VIA = {
  grandson: 'son', granddaughter: 'son', maternal_grandson: 'daughter', maternal_granddaughter: 'daughter',
  son_in_law: 'daughter', daughter_in_law: 'son', sibling_spouse: 'sibling', nephew: 'sibling', niece: 'sibling',
  uncle: 'parent', aunt: 'parent'
};
// Replaced by the engine's relations() where the module has it (see useRelations).
export function useRelations(list) {
  if (!Array.isArray(list) || !list.length) return;
  RELATIONS.length = 0;
  Object.keys(VIA).forEach(function (k) { delete VIA[k]; });
  list.forEach(function (r) {
    RELATIONS.push([r.id, r.name || r.id]);
    if (r.via && r.via.length) VIA[r.id] = r.via;
  });
}
export var INSURANCE = [
  ['employee', '职工医保（在职）'], ['employee_retired', '职工医保（退休）'],
  ['resident', '居民医保（含原新农合）'], ['none', '没有参保']
];
export var PROVINCES = ['北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏',
  '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川',
  '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆'];
export var VENUES = [
  ['designated_hospital', '定点医院/定点诊所（含医院口腔科）'],
  ['designated_pharmacy', '定点药店'],
  ['non_designated', '非定点的诊所、社区服务站等'],
  ['online', '网上缴费（医保平台）']
];
export var PAYERS = {
  pooled_fund: '医保报销（统筹基金）', own_account: '本人个人账户', shared_account: '家人共济',
  shared_quota: '跨省共济额度', self_pay: '自己付'
};
// What the money part of a result says (the verdict), in words.
export var VERDICTS = {
  covered: ['', '医保能结算'], self_pay: ['', '只能自己付'], depends: ['', '要看当地规定'],
  blocked: ['', '不允许这样做'], needs_input: ['', '金额还没填全']
};
// The answer to the visitor's question (SPEC §9.3 `answer`): its words and its colour class.
export var ANSWERS = {
  yes: ['能', 'a-yes'], not_bound: ['还差一步（先绑定）', 'a-not_bound'], no: ['不能', 'a-no'],
  depends: ['要看当地规定', 'a-depends'], blocked: ['违法', 'a-blocked'], needs_input: ['还差一个信息', 'a-needs_input']
};
// Short names for the quick check.
export var SHORT_REL = {
  self: '我', spouse: '配偶', father: '爸爸', mother: '妈妈', son: '儿子', daughter: '女儿', brother: '兄弟', sister: '姐妹',
  paternal_grandfather: '爷爷', paternal_grandmother: '奶奶', maternal_grandfather: '外公', maternal_grandmother: '外婆',
  grandson: '孙子', granddaughter: '孙女', maternal_grandson: '外孙', maternal_granddaughter: '外孙女',
  father_in_law: '公公/岳父', mother_in_law: '婆婆/岳母', son_in_law: '女婿', daughter_in_law: '儿媳',
  spouse_sibling: '配偶的兄弟姐妹', sibling_spouse: '兄弟姐妹的配偶', nephew: '侄子/外甥', niece: '侄女/外甥女',
  uncle: '叔伯/舅舅', aunt: '姑姑/姨妈', other: '其他人'
};
export var QUICK_PEOPLE = ['self', 'spouse', 'father', 'mother', 'son', 'daughter'];
export var QUICK_ITEMS = [
  ['dental_filling', '补牙'], ['dental_scaling', '洗牙'], ['dental_implant', '种植牙'], ['teeth_whitening', '美白'],
  ['outpatient_visit', '门诊看病'], ['inpatient_stay', '住院'], ['catalogue_drug', '药店买药'], ['resident_premium', '交居民医保']
];
// Items paid as a premium: no 结算单, only an amount.
export var PREMIUMS = { resident_premium: 1, ltc_premium: 1, commercial_insurance: 1, large_medical_premium: 1 };
// Who is usually retired: their 职工医保 default is 退休.
export var ELDER = { father: 1, mother: 1, paternal_grandfather: 1, paternal_grandmother: 1, maternal_grandfather: 1,
  maternal_grandmother: 1, father_in_law: 1, mother_in_law: 1, uncle: 1, aunt: 1 };
export var SEVERITY = { info: '说明', warning: '注意', error: '问题' };
export var COMMON_ITEMS = [
  ['dental_filling', '补牙'], ['teeth_whitening', '美白'], ['dental_scaling', '洗牙'],
  ['dental_implant', '种植牙'], ['outpatient_visit', '门诊'], ['inpatient_stay', '住院'],
  ['catalogue_drug', '买药'], ['physical_exam', '体检'], ['health_supplement', '保健品'],
  ['commercial_insurance', '惠民保'], ['resident_premium', '交居民医保']
];
export function label(list, id) {
  for (var i = 0; i < list.length; i++) if (list[i][0] === id) return list[i][1];
  return id;
}
export function isEmployee(ins) { return ins === 'employee' || ins === 'employee_retired'; }
