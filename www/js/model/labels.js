// Presentation only: the page's words for the contract's ids, and the order it shows them in.
// Every list of ids comes from the engine (catalogue(), relations(), regions(), limits(): see
// model/tables.js); these tables only give some of them shorter words. tests/page-unit checks
// every key here against the engine's ids, so a renamed id cannot leave a label behind.
// Pure.

// ---- people --------------------------------------------------------------------------------
// Short names for the quick check's chips and for a new member's name.
export var SHORT_REL = {
  self: '我', spouse: '配偶', father: '爸爸', mother: '妈妈', son: '儿子', daughter: '女儿', brother: '兄弟', sister: '姐妹',
  paternal_grandfather: '爷爷', paternal_grandmother: '奶奶', maternal_grandfather: '外公', maternal_grandmother: '外婆',
  grandson: '孙子', granddaughter: '孙女', maternal_grandson: '外孙', maternal_granddaughter: '外孙女',
  son_in_law: '女婿', daughter_in_law: '儿媳', spouse_sibling: '配偶的兄弟姐妹', sibling_spouse: '兄弟姐妹的配偶',
  nephew: '侄子/外甥', niece: '侄女/外甥女', uncle: '叔伯/舅舅', aunt: '姑姑/姨妈', other: '其他人'
};
// One relation, two words: the visitor says 公公 or 岳父, the engine hears father_in_law. The
// word becomes the member's name (the engine's sentences then say 公公); the relation id stays.
export var KIN_WORDS = {
  father_in_law: [['公公', '丈夫的父亲'], ['岳父', '妻子的父亲']],
  mother_in_law: [['婆婆', '丈夫的母亲'], ['岳母', '妻子的母亲']]
};
// The people on the quick check's chips, in this order (the rest: "其他亲属…").
export var QUICK_PEOPLE = ['self', 'spouse', 'father', 'mother', 'son', 'daughter'];

// ---- insurance (the contract's `insurance` values) ------------------------------------------
export var INSURANCE = [
  ['employee', '职工医保（在职）'], ['employee_retired', '职工医保（退休）'],
  ['resident', '居民医保（含原新农合）'], ['none', '没有参保'], ['unknown', '不知道']
];
// The quick check's chips for the account holder: one tap each.
export var QUICK_INSURANCE = [['employee', '职工·在职'], ['employee_retired', '职工·退休'], ['resident', '居民医保'], ['unknown', '不知道']];

// ---- items (catalogue() ids) -----------------------------------------------------------------
// Short words for some items (the catalogue's names are longer); an item without one shows the
// catalogue's name.
export var ITEM_SHORT = {
  dental_filling: '补牙', dental_scaling: '洗牙', dental_implant: '种植牙', teeth_whitening: '美白',
  outpatient_visit: '门诊看病', inpatient_stay: '住院', catalogue_drug: '药店买药', resident_premium: '交居民医保',
  physical_exam: '体检', health_supplement: '保健品', commercial_insurance: '惠民保', glasses: '配眼镜',
  hearing_aid: '助听器', mobility_aid: '轮椅拐杖'
};
// The quick check's eight item chips (the rest: "其他项目…"), and the expense form's common chips.
export var QUICK_ITEMS = ['dental_filling', 'dental_scaling', 'dental_implant', 'teeth_whitening',
  'outpatient_visit', 'inpatient_stay', 'catalogue_drug', 'resident_premium'];
export var COMMON_ITEMS = ['dental_filling', 'teeth_whitening', 'dental_scaling', 'dental_implant', 'outpatient_visit',
  'inpatient_stay', 'catalogue_drug', 'glasses', 'physical_exam', 'health_supplement', 'commercial_insurance', 'resident_premium'];

// ---- venues (the contract's `venue` values) --------------------------------------------------
export var VENUES = {
  designated_hospital: '定点医院/定点诊所（含医院口腔科）', designated_pharmacy: '定点药店',
  non_designated: '非定点的诊所、社区服务站等', online: '网上缴费（医保平台）'
};

// ---- what the engine answers ------------------------------------------------------------------
export var PAYERS = {
  pooled_fund: '医保报销（统筹基金）', own_account: '本人个人账户', shared_account: '家人共济',
  shared_quota: '跨省共济额度', self_pay: '自己付'
};
// The money part of a result (the verdict), in words.
export var VERDICTS = {
  covered: '医保能结算', self_pay: '只能自己付', depends: '要看当地规定', blocked: '不允许这样做', needs_input: '金额还没填全'
};
// The answer to the visitor's question (SPEC §9.3 `answer`): its words and its colour class.
export var ANSWERS = {
  yes: ['能', 'a-yes'], not_bound: ['还差一步（先绑定）', 'a-not_bound'], no: ['不能', 'a-no'],
  depends: ['要看当地规定', 'a-depends'], blocked: ['违法', 'a-blocked'], needs_input: ['还差一个信息', 'a-needs_input']
};
// How far apart a sharing line's two are insured (payers[].distance, SPEC §10.1).
export var DISTANCES = { same_area: '同一个统筹区', same_province: '同省、不同城市', other_province: '不在一个省（跨省）' };
export var SEVERITY = { info: '说明', warning: '注意', error: '问题' };
export var MAY = { yes: ['✓', '可以付'], no: ['✗', '不能付'], depends: ['？', '要看当地规定'] };

// The withdrawal questionnaire's situations (the contract's `situation` values), in words.
export var SITUATIONS = [
  ['death', '参保人去世（家属想取出余额）'], ['settle_abroad', '出国（境）定居，或到港澳台定居'],
  ['leave_employee_insurance', '不再参加职工医保（改参居民医保等）'], ['move_no_transfer', '调到外地，新参保地不接收账户余额'],
  ['long_term_elsewhere', '长期在外地生活'], ['none', '以上都不是，只是想取出来']
];

export function label(list, id) {
  for (var i = 0; i < list.length; i++) if (list[i][0] === id) return list[i][1];
  return id;
}
