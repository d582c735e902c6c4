// The page's pure layer (www/js/model/): no DOM, no storage, no engine calls — run by Node in
// milliseconds (scripts/test.sh suite `page-unit`: node --test tests/page-unit/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { normAmount, percentToRatio } from '../../www/js/model/amount-text.js';
import { blankState, newMember, newExpense, newLine, withoutMember, moveLine, nextMemberId, MEMBER_FIELDS } from '../../www/js/model/state.js';
import { toScenario, isQuotaLine, probeScenario } from '../../www/js/model/scenario.js';
import { pack, fromObject, encodePayload, decodePayload, decodeLink, describe, familyKey, MAX_LINK } from '../../www/js/model/codec.js';
import { makeTables, relationChoices, relationChoice, readChoice, isPremium, isElder, relationWord } from '../../www/js/model/tables.js';
import { placeOf, placeName, searchPlaces, exactPlace, memberPlace, atRegion, countyIndex, countyCities } from '../../www/js/model/places.js';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './engine.mjs';
import { FIRST_Q, applyQuick, deriveQuick, changeQuick, defaultInsurance, setOwnerPlace } from '../../www/js/model/quick.js';
import { answerOnly } from '../../www/js/model/answer-only.js';
import { PRESETS } from '../../www/js/model/presets.js';
import { engine } from './engine.mjs';

const E = await engine();
const T = makeTables({ catalogue: E.catalogue, rules: E.rules, regions: E.regions, relations: E.relations, limits: E.limits });

test('amount text: full-width digits, 元 and ¥, thousands commas, spaces — rewritten, never computed', () => {
  for (const [typed, plain] of [['600元', '600'], ['1,200', '1200'], ['１２００', '1200'], [' 6 0 0 ', '600'], ['￥1,500.5', '1500.5'], ['12.345', '12.345'], ['1,2', '1,2'], ['', '']]) {
    assert.equal(normAmount(typed), plain, typed);
  }
  assert.equal(normAmount(undefined), '');
  for (const [typed, ratio] of [['50', '0.50'], ['５０％', '0.50'], ['85.5', '0.855'], ['100', '1.00'], ['7', '0.07'], ['0', '0.00'], ['abc', 'abc']]) {
    assert.equal(percentToRatio(typed), ratio, typed);
  }
});

test('state: one list of fields makes every member, line and expense; edits keep the family whole', () => {
  const m = newMember({ id: 'x', name: '小明', relation: 'son', extra: 'no' });
  assert.deepEqual(Object.keys(m), Object.keys(MEMBER_FIELDS));
  assert.equal(m.insurance, 'none');
  const st = blankState('2026-06-01');
  st.members.push(newMember({ id: 'mom', relation: 'mother', insurance: 'resident' }), newMember({ id: 'sis', relation: 'sister' }));
  st.sharing.push(newLine({ from: 'me', to: 'mom' }), newLine({ from: 'sis', to: 'mom' }));
  st.expenses.push(newExpense('mom'), newExpense('sis'));
  st.members[2].via = 'mom';
  assert.equal(nextMemberId(st), 'm2');
  const b = st.sharing[1];
  assert.ok(moveLine(st, b, -1));
  assert.equal(st.sharing[0], b);
  assert.ok(!moveLine(st, b, -1), 'the first cannot move up');
  withoutMember(st, 'mom');
  assert.deepEqual(st.members.map((x) => x.id), ['me', 'sis']);
  assert.equal(st.sharing.length, 0);
  assert.deepEqual(st.expenses.map((e) => e.patient), ['sis']);
  assert.equal(st.members[1].via, '');
});

test('scenario: 顺位 or 额度 as the engine said of the line (payers[].distance), amounts as digits', () => {
  const st = blankState('2026-06-01');
  st.members = [newMember({ id: 'me', name: '我', relation: 'self', insurance: 'employee', balance: '1,000元' }),
    newMember({ id: 'mom', name: '妈妈', relation: 'mother', insurance: 'resident', city: '430100' }),
    newMember({ id: 'dad', name: '爸爸', relation: 'father', insurance: 'resident' })];
  st.sharing = [newLine({ from: 'me', to: 'mom', quota: '500' }), newLine({ from: 'me', to: 'dad', quota: '' })];
  st.expenses = [newExpense('mom', { mode: 'amount', amount: '６００', ded: '0', ratio: '50', cap: '2000' }), newExpense('dad', { burden: '120.5' })];
  // the engine has not said yet: a quota typed in is a quota line
  let s = toScenario(st, null);
  assert.deepEqual(s.sharing, [{ from: 'me', to: 'mom', quota: '500' }, { from: 'me', to: 'dad', order: 1 }]);
  // the engine says 妈妈 is in another province, 爸爸 in the same area
  const far = { 'me->mom': 'other_province', 'me->dad': 'same_area' };
  s = toScenario(st, far);
  assert.deepEqual(s.sharing, [{ from: 'me', to: 'mom', quota: '500' }, { from: 'me', to: 'dad', order: 1 }]);
  // …and once both are in one place, the quota typed before is not sent (no field shows it)
  s = toScenario(st, { 'me->mom': 'same_province', 'me->dad': 'same_area' });
  assert.deepEqual(s.sharing, [{ from: 'me', to: 'mom', order: 1 }, { from: 'me', to: 'dad', order: 1 }]);
  assert.ok(isQuotaLine(st.sharing[0], far) && !isQuotaLine(st.sharing[1], far));
  assert.equal(s.members[0].balance, '1000');
  assert.equal(s.members[1].city, '430100');
  assert.deepEqual(s.expenses[0], { patient: 'mom', item: 'outpatient_visit', venue: 'designated_hospital', card: 'own', amount: '600', pooled: { deductible_left: '0', ratio: '0.50', cap_left: '2000' } });
  assert.deepEqual(s.expenses[1], { patient: 'dad', item: 'outpatient_visit', venue: 'designated_hospital', card: 'own', personal_burden: '120.5' });
  assert.deepEqual(toScenario(st, far, { expenses: [1] }).expenses.map((e) => e.patient), ['dad'], 'the first expense alone (a large family)');
  // the probe: every line and the quick pair, each patient asked about a clinic visit
  const p = probeScenario(toScenario(st, far), [{ from: 'dad', to: 'mom' }], false);
  assert.deepEqual(p.sharing.map((x) => x.from + '->' + x.to), ['me->mom', 'me->dad', 'dad->mom']);
  assert.deepEqual(p.expenses.map((e) => e.patient), ['mom', 'dad']);
  const bare = probeScenario(toScenario(st, far), [], true);
  assert.ok(bare.sharing.every((x) => x.order && x.quota === undefined) && bare.members[0].balance === '0.00', 'bare: 顺位 lines, no balances');
});

test('codec: the family as link text and back; the engine\'s limits; refusals say why', async () => {
  const st = PRESETS[0].make();
  st.members[0].name = '我 <b>‮';
  const enc = await encodePayload(st, E.limits);
  assert.ok(enc.text && enc.text.startsWith('z.') && enc.text.length < 400, 'compressed: ' + (enc.text || enc.error));
  const back = await decodePayload(enc.text, MAX_LINK, E.limits);
  assert.equal(familyKey(back.state), familyKey(st));
  // plain links (old pages, browsers without CompressionStream) still read
  const plain = Buffer.from(JSON.stringify(pack(st))).toString('base64url');
  assert.equal(familyKey((await decodeLink('#s=' + plain, E.limits)).state), familyKey(st));
  assert.equal(await decodeLink('#x=1', E.limits), null);
  // limits come from the engine: one member more than limits().members is refused
  const many = pack(st);
  many.members = Array.from({ length: E.limits.members + 1 }, (_, i) => ({ id: 'm' + i }));
  assert.match(fromObject(many, E.limits).error, /不完整|改动/);
  many.members.pop();
  assert.ok(fromObject(many, E.limits).state);
  assert.match((await decodePayload('z.' + zlib.deflateSync(Buffer.alloc(E.limits.input_bytes + 10, 32)).toString('base64url'), MAX_LINK, E.limits)).error, /损坏/);
  assert.match((await decodePayload(Buffer.from(JSON.stringify({ ...pack(st), v: 99 })).toString('base64url'))).error, /更新版本/);
  assert.match((await decodePayload('!!', MAX_LINK, E.limits)).error, /损坏/);
  assert.match((await decodePayload('A'.repeat(MAX_LINK + 1))).error, /太长/);
  assert.match(describe(st), /^\u2068我 <b>‮\u2069、\u2068妈妈\u2069，2 笔费用$/);
});

test('places: every city by its everyday names, codes and ids; suggestions as one types', () => {
  const P = T.places;
  assert.equal(P.provinces.length, E.regions.filter((r) => r.kind === 'province').length);
  assert.ok(P.provinces.some((p) => p.value === 'bingtuan'), '兵团 is a place one can choose');
  const cities = E.regions.reduce((n, r) => n + (r.cities || []).filter((c) => c.id !== r.id).length, 0);
  assert.equal(P.list.filter((x) => x.kind === 'city').length, cities, 'every city of regions()');
  for (const [typed, value] of [['福州', 'fuzhou'], ['福州市', 'fuzhou'], ['350100', 'fuzhou'], ['fuzhou', 'fuzhou'], ['恩施州', 'enshi'], ['湖南', 'hunan'], ['湖南省', 'hunan'], ['北京', 'beijing'], ['兵团', 'bingtuan'], ['石河子', 'shihezi']]) {
    assert.equal((exactPlace(P, typed) || {}).value, value, typed);
  }
  // a municipality's districts name it (one 统筹区); a name a district and a city share is asked
  for (const [typed, value] of [['海淀', 'beijing'], ['海淀区', 'beijing'], ['浦东新区', 'shanghai'], ['石柱', 'chongqing']]) {
    assert.equal((exactPlace(P, typed) || {}).value, value, typed);
  }
  assert.equal(exactPlace(P, '朝阳'), null, '朝阳: 北京 朝阳区 or 辽宁 朝阳市');
  const chaoyang = searchPlaces(P, '朝阳', 8).map((x) => x.name);
  assert.ok(chaoyang.includes('北京') && chaoyang.includes('朝阳'), 'both offered: ' + chaoyang);
  assert.equal(exactPlace(P, '泰州') && exactPlace(P, '泰州').kind, 'city');
  assert.equal(exactPlace(P, 'taizhou'), null, 'a pinyin two cities share: typed text, the engine lists both');
  assert.equal(exactPlace(P, '吉林'), null, 'a province and a city share the name: pick one');
  assert.equal(placeOf(P, '吉林').kind, 'province', 'a stored 吉林 (older links, members[].province) is the province');
  assert.equal(placeName(P, '220200'), '吉林市');
  assert.equal(placeName(P, '福建'), '福建');
  const s = searchPlaces(P, '长', 8).map((x) => x.name);
  assert.ok(s.includes('长沙') && s.includes('长春'), 'prefix: ' + s);
  const hunan = searchPlaces(P, '湖南', 20).map((x) => x.name);
  assert.equal(hunan[0], '湖南');
  assert.ok(hunan.includes('长沙') && hunan.includes('湘西州') || hunan.includes('长沙'), 'a province offers its cities: ' + hunan);
  assert.equal(searchPlaces(P, '', 40).length, Math.min(40, P.provinces.length));
  assert.deepEqual(memberPlace(exactPlace(P, '长沙')), { province: '', city: 'changsha' });
  assert.deepEqual(memberPlace(exactPlace(P, '湖南')), { province: 'hunan', city: '' });
  assert.deepEqual(memberPlace(P.national), { province: '', city: '' });
});

test('counties: a typed county offers its city (昆山 → 苏州), from data/counties.json; each city once', () => {
  const P = T.places;
  const byCity = JSON.parse(fs.readFileSync(path.join(REPO, 'data/counties.json'), 'utf8')).counties;
  const index = countyIndex(byCity);
  assert.ok(index.length > 2500, index.length + ' counties');
  assert.ok(index.every((c) => P.byValue[c.code] && P.byValue[c.code].kind === 'city'), 'every county is under a city of regions()');
  const names = (t) => countyCities(P, index, t, 8).map((x) => x.place.name + ':' + x.county);
  assert.deepEqual(names('昆山'), ['苏州:昆山市']);
  assert.deepEqual(names('昆山市'), ['苏州:昆山市']);
  assert.deepEqual(names('晋江'), ['泉州:晋江市']);
  assert.ok(names('鼓楼').length >= 3 && names('鼓楼').some((x) => x.startsWith('福州:')), 'several cities have a 鼓楼区: ' + names('鼓楼'));
  assert.deepEqual(names('昆'), [], 'two characters at least');
  assert.deepEqual(names('kunshan'), [], 'Chinese names only');
  assert.deepEqual(countyCities(P, null, '昆山', 8), [], 'no list (offline, sources): nothing');
});

test('the quick question: written into the family and read back; 公公/岳父 are words, father_in_law the relation', () => {
  const st = blankState('2026-06-01');
  applyQuick(st, FIRST_Q, T);
  assert.deepEqual(st.members.map((m) => [m.id, m.relation, m.insurance]), [['me', 'self', 'employee'], ['q-mother', 'mother', 'resident']]);
  assert.deepEqual(deriveQuick(st), FIRST_Q);
  let q = changeQuick(FIRST_Q, 'patient', readChoice('father_in_law:岳父'), T);
  applyQuick(st, q, T);
  assert.deepEqual([st.members[1].relation, st.members[1].name], ['father_in_law', '岳父']);
  assert.equal(deriveQuick(st).patientWord, '岳父');
  q = changeQuick(q, 'patient', readChoice('father_in_law'), T);
  applyQuick(st, q, T);
  assert.equal(st.members[1].name, '公公', 'a page word is replaced by the new word');
  st.members[1].name = '老李';
  applyQuick(st, changeQuick(deriveQuick(st), 'item', 'glasses', T), T);
  assert.equal(st.members[1].name, '老李', 'a name the visitor typed stays');
  assert.equal(st.expenses[0].venue, 'designated_pharmacy', 'the item\'s own venue (catalogue)');
  // the patient elsewhere, bound with a quota, the owner's insurance not known
  q = { ...deriveQuick(st), ownerIns: 'unknown', patientPlace: 'changsha', bound: true, quota: '500' };
  applyQuick(st, q, T);
  assert.deepEqual([st.members[0].insurance, st.members[1].city, st.sharing[0].quota], ['unknown', 'changsha', '500']);
  assert.deepEqual(deriveQuick(st), { ...q, patientWord: '' });
  applyQuick(st, { ...q, patientPlace: 'hunan' }, T);
  assert.deepEqual([st.members[1].province, st.members[1].city], ['hunan', '']);
  // defaults from the engine's relations(): a generation above 我 is likely retired
  assert.equal(defaultInsurance(T, 'mother', 'owner'), 'employee_retired');
  assert.equal(defaultInsurance(T, 'son', 'owner'), 'employee');
  assert.equal(defaultInsurance(T, 'father_in_law', 'patient'), 'resident');
  // a premium asks no 结算单
  applyQuick(st, changeQuick(deriveQuick(st), 'item', 'resident_premium', T), T);
  assert.equal(st.expenses[0].mode, 'amount');
});

test('places of the question: the account holder\'s own place and "the same place"; an example opened at a place', () => {
  // an example whose two are in 福建: the patient is "where the account holder is"
  const st = PRESETS[0].make();
  let q = deriveQuick(st);
  assert.deepEqual([q.ownerPlace, q.patientPlace], ['福建', '']);
  applyQuick(st, changeQuick(q, 'item', 'dental_scaling', T), T);
  assert.deepEqual(st.members.map((m) => m.province), ['福建', '福建'], 'a tap keeps both where they were');
  // the account holder's place typed: it becomes the scenario's place, for both
  setOwnerPlace(st, 'fuzhou');
  assert.deepEqual([st.region, st.members[0].province, st.members[1].province], ['fuzhou', '', '']);
  // the patient elsewhere stays elsewhere
  applyQuick(st, { ...deriveQuick(st), patientPlace: 'changsha' }, T);
  setOwnerPlace(st, 'shenzhen');
  assert.deepEqual([st.region, st.members[1].city], ['shenzhen', 'changsha']);
  // ?region=fuzhou&preset=student: 我 (福建) at 福州, the son stays in 北京
  const stu = atRegion(PRESETS[2].make(), 'fuzhou', T.places);
  assert.deepEqual([stu.region, stu.members[0].province, stu.members[1].province], ['fuzhou', '', '北京']);
});

test('tables: relation choices from relations() (公公 and 岳父 apart), elders, premiums from the catalogue', () => {
  const c = relationChoices(T);
  assert.equal(c.length, E.relations.length + 2, 'two relations have two words each');
  assert.deepEqual(c.filter((x) => x[2] === 'mother_in_law').map((x) => x[0]), ['mother_in_law', 'mother_in_law:岳母']);
  assert.equal(relationChoice('mother_in_law', '岳母'), 'mother_in_law:岳母');
  assert.equal(relationChoice('mother_in_law', '婆婆'), 'mother_in_law');
  assert.deepEqual(readChoice('mother_in_law:岳母'), { relation: 'mother_in_law', word: '岳母' });
  assert.equal(relationWord(T, 'uncle', ''), '叔伯/舅舅');
  assert.deepEqual(E.relations.filter((r) => isElder(T, r.id)).map((r) => r.id), E.relations.filter((r) => r.elder).map((r) => r.id));
  assert.deepEqual(E.catalogue.filter((x) => isPremium(T, x.id)).map((x) => x.id).sort(), ['commercial_insurance', 'large_medical_premium', 'ltc_premium', 'resident_premium']);
});

test('answer without money: the refused field set aside, at most six times', () => {
  const calls = [];
  const evaluate = (s) => {
    calls.push(JSON.parse(JSON.stringify(s)));
    if (s.members[0].balance === 'x') return { error: { field: 'members[0].balance' } };
    if (s.expenses[0].amount) return { error: { field: 'expenses[0].amount' } };
    return { results: [{ answer: 'yes' }] };
  };
  const scen = { members: [{ balance: 'x' }], sharing: [], expenses: [{ amount: '1.234' }] };
  const r = answerOnly(evaluate, scen, { field: 'members[0].balance' });
  assert.equal(r.results[0].answer, 'yes');
  assert.equal(calls.length, 2);
  assert.equal(scen.members[0].balance, 'x', 'the scenario given is not changed');
  assert.equal(answerOnly(evaluate, scen, { field: 'as_of' }), null);
  // a quota whose sharer has no balance yet: the balance is what is missing, the quota stays
  const seen = [];
  const ev2 = (s) => { seen.push(s); return s.members[0].balance ? { results: [{ answer: s.sharing[0].quota ? 'yes' : 'not_bound' }] } : { error: { code: 'invalid_balance', field: 'sharing[0].quota' } }; };
  const q = answerOnly(ev2, { members: [{ id: 'me' }], sharing: [{ from: 'me', to: 'mom', quota: '500' }], expenses: [] }, { code: 'invalid_balance', field: 'sharing[0].quota' }, '10000000.00');
  assert.equal(q.results[0].answer, 'yes');
  assert.equal(seen[0].members[0].balance, '10000000.00');
});
