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
  son_in_law: 'daughter', daughter_in_law: 'son', sibling_spouse: 'sibling', nephew: 'sibling', niece: 'sibling'
};
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
  pooled_fund: '统筹基金报销', own_account: '本人个人账户', shared_account: '家人共济',
  shared_quota: '跨省共济额度', self_pay: '自己掏钱'
};
export var VERDICTS = {
  covered: ['✓', '医保可以结算'], self_pay: ['✗', '只能自费'],
  blocked: ['⛔', '不允许这样做'], needs_input: ['?', '还缺信息']
};
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
