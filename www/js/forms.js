// The three input sections: family members, sharing bindings, expenses.
import { h, clear, select, field, $ } from './dom.js';
import { RELATIONS, VIA, INSURANCE, PROVINCES, VENUES, COMMON_ITEMS, PREMIUMS, isEmployee } from './labels.js';
import { memberById, crossProvince, newExpense, provinceOf } from './state.js';
import { citiesOf } from './places.js';

function nameOf(m) { return m ? (m.name || '（未填称呼）') : '（已删除的成员）'; }
function memberOptions(state) { return state.members.map(function (m) { return [m.id, nameOf(m)]; }); }
function show(el, on) { if (on) el.removeAttribute('hidden'); else el.setAttribute('hidden', ''); }

// ---------------------------------------------------------------- family
export function renderFamily(ctx) {
  var st = ctx.state, box = clear($('#members'));
  st.members.forEach(function (m, i) {
    var legend = h('legend', null, '成员 ' + (i + 1) + '：', h('span', { class: 'who' }, nameOf(m)));
    var name = h('input', { type: 'text', autocomplete: 'off', value: m.name, 'data-k': 'm-name-' + m.id,
      oninput: function () {
        m.name = name.value; legend.lastChild.textContent = nameOf(m);
        // keep the "经由谁" lists of the other members in step without re-rendering the form
        Array.prototype.forEach.call(document.querySelectorAll('#members select[data-k^="m-via-"] option'), function (o) {
          if (o.value === m.id) o.textContent = nameOf(m);
        });
        ctx.update('names');
      } });
    var rel = select({ 'data-k': 'm-rel-' + m.id }, RELATIONS, m.relation);
    var viaOpts = [['', '（不指定）']].concat(st.members.filter(function (o) { return o.id !== m.id; })
      .map(function (o) { return [o.id, nameOf(o)]; }));
    var via = select({ 'data-k': 'm-via-' + m.id }, viaOpts, m.via || '');
    var viaField = field('经由谁（这层亲戚是通过哪位家人算的）', via, '例如孙子是哪个儿子的孩子。家里只有一个可能的人时可以不填。');
    show(viaField, !!VIA[m.relation]);
    var ins = select({ 'data-k': 'm-ins-' + m.id }, INSURANCE, m.insurance);
    var provOpts = [['', '和上面选的地方一样']].concat(PROVINCES.map(function (p) { return [p, p]; }));
    if (m.province && PROVINCES.indexOf(m.province) < 0) provOpts.push([m.province, m.province]);
    var prov = select({ 'data-k': 'm-prov-' + m.id }, provOpts, m.province || '');
    // The 统筹区: the cities with their own profile in that province; "其他城市" sends no city
    // (the province's rules). Every city is in regions() (a province's `cities`, issue 22).
    var city = h('select', { 'data-k': 'm-city-' + m.id });
    function fillCities() {
      var cities = citiesOf(m.province || provinceOf(st, m));
      var opts = [['', cities.length ? '其他城市（按全省规则）' : '（按全省规则）']].concat(cities.map(function (c) { return [c, c]; }));
      if (m.city && cities.indexOf(m.city) < 0) opts.push([m.city, m.city]);
      clear(city);
      opts.forEach(function (o) { city.appendChild(h('option', { value: o[0] }, o[1])); });
      city.value = m.city || '';
    }
    fillCities();
    city.addEventListener('change', function () { m.city = city.value; ctx.update('names'); });
    var bal = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: m.balance,
      'data-k': 'm-bal-' + m.id, 'data-field': 'members[' + i + '].balance',
      oninput: function () { m.balance = bal.value; ctx.update('value'); } });
    var balField = field('个人账户余额（元）', bal, '医保卡里能花的钱，可以写“1500”“1,500元”。不知道可以先空着：能不能付不受影响，只是算不出金额。查询方法见下方指南。');
    show(balField, isEmployee(m.insurance));
    rel.addEventListener('change', function () {
      m.relation = rel.value; if (!VIA[m.relation]) m.via = ''; show(viaField, !!VIA[m.relation]); ctx.update('names');
    });
    via.addEventListener('change', function () { m.via = via.value; ctx.update('value'); });
    ins.addEventListener('change', function () { m.insurance = ins.value; show(balField, isEmployee(m.insurance)); ctx.update('names'); });
    prov.addEventListener('change', function () { m.province = prov.value; m.city = ''; fillCities(); ctx.update('names'); });
    var del = st.members.length > 1 ? h('button', { type: 'button', class: 'btn ghost', 'data-k': 'm-del-' + m.id,
      onclick: function () { ctx.removeMember(m.id); } }, '删除', h('span', { class: 'sr' }, nameOf(m))) : null;
    box.appendChild(h('fieldset', { class: 'card member', 'data-member': m.id }, legend,
      field('称呼', name), field('和“我”的关系', rel), viaField, field('参加的医保', ins), field('参保所在省份', prov), field('参保城市（统筹区）', city, '同省不同城市之间的家庭共济，各省开通时间不同。'), balField, del));
  });
}

// ---------------------------------------------------------------- sharing
export function renderSharing(ctx) {
  var st = ctx.state, box = clear($('#bindings'));
  if (!st.sharing.length) box.appendChild(h('p', { class: 'muted' }, '还没有绑定。家庭共济要先在医保平台办理绑定，这里照实填写。'));
  var list = h('ol', { class: 'bindings' });
  st.sharing.forEach(function (b, i) {
    var from = memberById(st, b.from), to = memberById(st, b.to), cross = crossProvince(st, b);
    var same = st.sharing.filter(function (x) { return x.to === b.to && !crossProvince(st, x); });
    var pos = same.indexOf(b);
    var key = b.from + '->' + b.to;
    var row = h('li', { class: 'card binding', 'data-pair': key },
      h('p', { class: 'pair' }, h('span', { class: 'who' }, nameOf(from)), ' 的个人账户 → 给 ', h('span', { class: 'who' }, nameOf(to)), ' 用'));
    if (cross) {
      var q = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: b.quota,
        'data-k': 'b-quota-' + key, 'data-field': 'sharing[' + i + '].quota', oninput: function () { b.quota = q.value; ctx.update('value'); } });
      row.appendChild(field('跨省共济额度（元）', q, '两人不在同一省：先从账户里划出一笔额度，只能用这笔额度。'));
    } else {
      row.appendChild(h('p', { class: 'order' }, '顺位：第 ' + (pos + 1) + ' 位（' + nameOf(to) + '看病时，排在前面的先付）'));
      var tools = h('div', { class: 'row' });
      if (same.length > 1) {
        tools.appendChild(h('button', { type: 'button', class: 'btn ghost', 'data-k': 'b-up-' + key, disabled: pos === 0,
          onclick: function () { ctx.moveBinding(b, -1); } }, '↑ 往前', h('span', { class: 'sr' }, nameOf(from))));
        tools.appendChild(h('button', { type: 'button', class: 'btn ghost', 'data-k': 'b-down-' + key, disabled: pos === same.length - 1,
          onclick: function () { ctx.moveBinding(b, 1); } }, '↓ 往后', h('span', { class: 'sr' }, nameOf(from))));
      }
      row.appendChild(tools);
    }
    row.appendChild(h('div', { class: 'pair-issues', 'aria-live': 'polite' }));
    row.appendChild(h('button', { type: 'button', class: 'btn ghost', 'data-k': 'b-del-' + key,
      onclick: function () { st.sharing.splice(i, 1); ctx.update('all'); } }, '解除这条绑定'));
    list.appendChild(row);
  });
  box.appendChild(list);
  // add form
  var opts = memberOptions(st);
  // Default direction: from a 职工医保 member (who has an account) to the patient of the first
  // expense — never from the patient to the employee.
  var patient = st.expenses[0] ? st.expenses[0].patient : '';
  var giver = st.members.filter(function (m) { return isEmployee(m.insurance) && m.id !== patient; })[0] ||
    st.members.filter(function (m) { return isEmployee(m.insurance); })[0] || st.members[0];
  var taker = (patient && patient !== giver.id && memberById(st, patient)) || st.members.filter(function (m) { return m.id !== giver.id; })[0] || giver;
  var fromSel = select({ 'data-k': 'b-new-from' }, opts, giver.id);
  var toSel = select({ 'data-k': 'b-new-to' }, opts, taker.id);
  var msg = h('p', { class: 'hint', role: 'status' });
  box.appendChild(h('div', { class: 'card add' }, h('h3', null, '添加一条绑定'),
    field('谁的账户出钱（共济人，需是职工医保）', fromSel), field('给谁用（被共济人）', toSel),
    h('button', { type: 'button', class: 'btn', 'data-k': 'b-add', onclick: function () {
      if (fromSel.value === toSel.value) { msg.textContent = '出钱的人和用钱的人不能是同一个人。'; return; }
      if (st.sharing.some(function (x) { return x.from === fromSel.value && x.to === toSel.value; })) { msg.textContent = '这条绑定已经有了。'; return; }
      st.sharing.push({ from: fromSel.value, to: toSel.value, quota: '' }); ctx.update('all');
    } }, '添加绑定'), msg));
}

export function showPairIssues(issues) {
  Array.prototype.forEach.call(document.querySelectorAll('[data-pair]'), function (row) {
    var box = row.querySelector('.pair-issues'), list = issues[row.getAttribute('data-pair')] || [];
    clear(box);
    list.forEach(function (x) {
      box.appendChild(h('p', { class: 'warn' }, h('strong', null, '✗ 这条绑定不起作用：'), x.message,
        x.fix ? h('span', { class: 'fix' }, ' 怎么办：' + x.fix) : null));
    });
  });
}

// ---------------------------------------------------------------- expenses
function searchItems(cat, q) {
  q = (q || '').trim();
  if (!q) return [];
  return cat.filter(function (it) {
    if (it.name.indexOf(q) >= 0) return true;
    return (it.keywords || []).some(function (k) { return k.indexOf(q) >= 0 || q.indexOf(k) >= 0; });
  }).slice(0, 6);
}

export function renderExpenses(ctx) {
  var st = ctx.state, cat = ctx.catalogue, box = clear($('#expenses'));
  if (!st.expenses.length) box.appendChild(h('p', { class: 'muted' }, '还没有费用。点“添加一笔费用”。'));
  st.expenses.forEach(function (e, i) {
    var k = 'e' + i + '-';
    var item = cat.filter(function (c) { return c.id === e.item; })[0];
    var pat = select({ 'data-k': k + 'patient' }, memberOptions(st), e.patient);
    pat.addEventListener('change', function () { e.patient = pat.value; ctx.update('value'); });
    var itemSel = select({ 'data-k': k + 'item' }, cat.map(function (c) { return [c.id, c.name]; }), e.item);
    function choose(id) {
      e.item = id;
      var it = cat.filter(function (c) { return c.id === id; })[0];
      if (it && it.venues && it.venues.length && it.venues.indexOf(e.venue) < 0) e.venue = it.venues[0];
      if (PREMIUMS[id]) e.mode = 'amount';
      ctx.update('all');
    }
    itemSel.addEventListener('change', function () { choose(itemSel.value); });
    var found = h('div', { class: 'chips found', 'aria-live': 'polite' });
    var search = h('input', { type: 'search', autocomplete: 'off', placeholder: '输入：补牙、美白、买药、体检…', 'data-k': k + 'search',
      oninput: function () {
        clear(found);
        var r = searchItems(cat, search.value);
        if (search.value.trim() && !r.length) found.appendChild(h('p', { class: 'hint' }, '没找到，请在下面的列表里选。'));
        r.forEach(function (it) { found.appendChild(h('button', { type: 'button', class: 'chip', onclick: function () { choose(it.id); } }, it.name)); });
      } });
    var common = h('div', { class: 'chips' }, COMMON_ITEMS.map(function (c) {
      return h('button', { type: 'button', class: 'chip', 'aria-pressed': c[0] === e.item ? 'true' : 'false', 'data-k': k + 'chip-' + c[0],
        onclick: function () { choose(c[0]); } }, c[1]);
    }));
    var venue = select({ 'data-k': k + 'venue' }, VENUES, e.venue);
    venue.addEventListener('change', function () { e.venue = venue.value; ctx.update('value'); });
    function radios(name, opts, value, onpick, key) {
      return h('fieldset', { class: 'radios' }, h('legend', null, name), opts.map(function (o) {
        var r = h('input', { type: 'radio', name: k + name, value: o[0], checked: o[0] === value, 'data-k': k + key + '-' + o[0],
          onchange: function () { onpick(o[0]); } });
        return h('label', { class: 'radio' }, r, h('span', null, o[1]));
      }));
    }
    var premium = !!PREMIUMS[e.item];
    var amount = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: e.amount,
      'data-k': k + 'amount', 'data-field': 'expenses[' + i + '].amount', oninput: function () { e.amount = amount.value; ctx.update('value'); } });
    var burden = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: e.burden,
      'data-k': k + 'burden', 'data-field': 'expenses[' + i + '].personal_burden', oninput: function () { e.burden = burden.value; ctx.update('value'); } });
    function num(key, ph, fld) {
      var x = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: e[key], 'data-k': k + key,
        'data-field': 'expenses[' + i + ']' + (fld === 'out_of_catalogue' ? '.' : '.pooled.') + fld, oninput: function () { e[key] = x.value; ctx.update('value'); } });
      return x;
    }
    var amountField = premium ? field('缴费金额（元）', amount, '要交的钱，例如居民医保一年的个人缴费。可以写“380”“380元”。')
      : field('总费用（元）', amount, '医院或药店收费单上的总金额，可以写“600”“1,200元”。');
    var pooled = h('fieldset', { class: 'pooled radios' },
      h('legend', null, '统筹基金报销参数'),
      h('p', { class: 'hint' }, '各地的起付线和报销比例不同，本页不替你猜。不知道可以不填：能不能付照样回答，只是统筹报销多少算不出来。请看结算单或问当地医保；有结算单的话，改选上面的“填结算单上的个人负担”更简单。'),
      field('今年起付线还差（元）', num('ded', '', 'deductible_left')),
      field('报销比例（%）', num('ratio', '', 'ratio'), '例如报销一半就写 50。'),
      field('今年封顶线还剩（元）', num('cap', '', 'cap_left')),
      field('其中医保目录外的自费部分（元，可不填）', num('ooc', '', 'out_of_catalogue'), '目录外的部分统筹不报销。'));
    var burdenField = field('个人负担（元）', burden, '结算单上“个人自付＋个人自费”，也就是统筹报销以后要自己付的钱。');
    var amountBox = h('div', null, amountField, premium ? null : pooled);
    show(amountBox, e.mode !== 'burden'); show(burdenField, e.mode === 'burden');
    var mode = radios('金额怎么填', [['amount', '填总费用'], ['burden', '填结算单上的个人负担']], e.mode, function (v) {
      e.mode = v; show(amountBox, v !== 'burden'); show(burdenField, v === 'burden'); ctx.update('value');
    }, 'mode');
    var card = radios('看病/买药时用的是谁的医保卡（医保码）', [['own', '患者本人的'], ['other', '别人的']], e.card, function (v) { e.card = v; ctx.update('value'); }, 'card');
    if (premium) { mode = null; card = null; }
    box.appendChild(h('fieldset', { class: 'card expense', 'data-expense': i },
      h('legend', null, '第 ' + (i + 1) + ' 笔：', item ? item.name : e.item),
      field('谁看病/买药（患者）', pat),
      field('搜索项目', search), found,
      h('p', { class: 'hint' }, '常见项目：'), common,
      field('项目', itemSel, item && item.note ? item.note : null),
      field('在哪里', venue), mode, amountBox, burdenField, card,
      h('button', { type: 'button', class: 'btn ghost', 'data-k': k + 'del', onclick: function () { st.expenses.splice(i, 1); ctx.update('all'); } },
        '删除第 ' + (i + 1) + ' 笔')));
  });
  box.appendChild(h('button', { type: 'button', class: 'btn', 'data-k': 'e-add', onclick: function () {
    var last = st.expenses[st.expenses.length - 1];
    st.expenses.push(newExpense(last ? last.patient : (st.members[1] || st.members[0]).id)); ctx.update('all');
  } }, '＋ 添加一笔费用'));
}
