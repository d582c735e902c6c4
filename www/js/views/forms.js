// The full calculator's three input sections: family members, sharing bindings (with each
// line's distance and bad-pair notes, from the engine), expenses (in pages for a large family).
// Every list comes from the engine's tables (app.tables: relations(), regions(), catalogue());
// edits go to the app object (app.edit … / app.update), which recomputes.
import { h, clear, select, field, $ } from './dom.js';
import { INSURANCE, VENUES, COMMON_ITEMS, DISTANCES } from '../model/labels.js';
import { memberById, isEmployee, lineKey } from '../model/state.js';
import { isQuotaLine } from '../model/scenario.js';
import { relationChoices, relationChoice, readChoice, viaOf, isPremium, itemWord, relationWord, isPageWord } from '../model/tables.js';
import { placeField } from './place-field.js';
import { memberPlace } from '../model/places.js';
import { PAGE } from './results-view.js';

function nameOf(m) { return m ? (m.name || '（未填称呼）') : '（已删除的成员）'; }
function memberOptions(state) { return state.members.map(function (m) { return [m.id, nameOf(m)]; }); }
function show(el, on) { if (on) el.removeAttribute('hidden'); else el.setAttribute('hidden', ''); }

// ---------------------------------------------------------------- family
export function renderFamily(app) {
  var st = app.state, t = app.tables, box = clear($('#members'));
  var choices = relationChoices(t);
  st.members.forEach(function (m, i) {
    var legend = h('legend', null, '成员 ' + (i + 1) + '：', h('span', { class: 'who' }, nameOf(m)));
    var name = h('input', { type: 'text', autocomplete: 'off', value: m.name, 'data-k': 'm-name-' + m.id,
      oninput: function () {
        m.name = name.value; legend.lastChild.textContent = nameOf(m);
        // keep the "经由谁" lists of the other members in step without re-rendering the form
        Array.prototype.forEach.call(document.querySelectorAll('#members select[data-k^="m-via-"] option'), function (o) {
          if (o.value === m.id) o.textContent = nameOf(m);
        });
        app.update('names');
      } });
    var rel = select({ 'data-k': 'm-rel-' + m.id }, choices.map(function (c) { return [c[0], c[1]]; }), relationChoice(m.relation, m.name));
    var viaOpts = [['', '（不指定）']].concat(st.members.filter(function (o) { return o.id !== m.id; })
      .map(function (o) { return [o.id, nameOf(o)]; }));
    var via = select({ 'data-k': 'm-via-' + m.id }, viaOpts, m.via || '');
    var viaField = field('经由谁（这层亲戚是通过哪位家人算的）', via, '例如孙子是哪个儿子的孩子。家里只有一个可能的人时可以不填。');
    show(viaField, viaOf(t, m.relation).length > 0);
    var ins = select({ 'data-k': 'm-ins-' + m.id }, INSURANCE, m.insurance);
    var place = placeField(app, { key: 'm-place-' + m.id, value: m.city || m.province || '', empty: '和上面选的地方一样',
      field: 'members[' + i + '].' + (m.city ? 'city' : 'province'),
      onChange: function (value, p) {
        // a place the page knows goes in province or city; other text in city, for the engine
        // to say what fits (unknown_place / ambiguous_place, with the closest places)
        var f = p ? memberPlace(p) : { province: '', city: value || '' };
        m.province = f.province; m.city = f.city;
        place.setField('members[' + i + '].' + (m.city ? 'city' : 'province'));
        app.update('names');
      } });
    var bal = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: m.balance,
      'data-k': 'm-bal-' + m.id, 'data-field': 'members[' + i + '].balance',
      oninput: function () { m.balance = bal.value; app.update('value'); } });
    var balField = field('个人账户余额（元）', bal, '医保卡里能花的钱，可以写“1500”“1,500元”。不知道可以先空着：能不能付不受影响，只是算不出金额。查询方法见下方指南。');
    show(balField, isEmployee(m.insurance));
    // where the place lets only part of the balance be shared (上海 历年账户, 浙江, 福建 家庭共济账户):
    // shown when filled in or when the engine asks for it (views/results-view.js markField)
    var share = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: m.shareable,
      'data-k': 'm-share-' + m.id, 'data-field': 'members[' + i + '].shareable_balance',
      oninput: function () { m.shareable = share.value; app.update('value'); } });
    var shareField = field('其中可以给家人用的金额（元）', share, '有的地方只能用一部分给家人（例如上海的历年账户、福建的家庭共济账户）。在医保App里查“历年账户”或“共济账户”余额。');
    shareField.classList.add('shareable-field');
    show(shareField, isEmployee(m.insurance) && String(m.shareable || '').trim() !== '');
    rel.addEventListener('change', function () {
      var c = readChoice(rel.value);
      m.relation = c.relation;
      if (c.word && isPageWord(t, m.name)) { m.name = relationWord(t, c.relation, c.word); name.value = m.name; legend.lastChild.textContent = nameOf(m); }
      if (!viaOf(t, m.relation).length) m.via = '';
      show(viaField, viaOf(t, m.relation).length > 0);
      app.update('names');
    });
    via.addEventListener('change', function () { m.via = via.value; app.update('value'); });
    ins.addEventListener('change', function () { m.insurance = ins.value; show(balField, isEmployee(m.insurance)); app.update('names'); });
    var del = st.members.length > 1 ? h('button', { type: 'button', class: 'btn ghost', 'data-k': 'm-del-' + m.id,
      onclick: function () { app.removeMember(m.id); } }, '删除', h('span', { class: 'sr' }, nameOf(m))) : null;
    box.appendChild(h('fieldset', { class: 'card member', 'data-member': m.id }, legend,
      field('称呼', name), field('和“我”的关系', rel), viaField, field('参加的医保', ins),
      place.wrap('参保地（城市或省）', '在哪个城市参保就写哪个城市，例如“长沙”“恩施州”；不知道城市可以只写省。各地的规定不同。'),
      balField, shareField, del));
  });
}

// ---------------------------------------------------------------- sharing
// distances / issues: what the engine said of each line ("from->to"), from the pair probe.
export function renderSharing(app) {
  var st = app.state, box = clear($('#bindings')), distances = app.distances || {};
  if (!st.sharing.length) box.appendChild(h('p', { class: 'muted' }, '还没有绑定。家庭共济要先在医保平台办理绑定，这里照实填写。'));
  var list = h('ol', { class: 'bindings' });
  st.sharing.forEach(function (b, i) {
    var from = memberById(st, b.from), to = memberById(st, b.to), quota = isQuotaLine(b, distances);
    var same = st.sharing.filter(function (x) { return x.to === b.to && !isQuotaLine(x, distances); });
    var pos = same.indexOf(b);
    var key = lineKey(b), d = distances[key];
    var row = h('li', { class: 'card binding', 'data-pair': key },
      h('p', { class: 'pair' }, h('span', { class: 'who' }, nameOf(from)), ' 的个人账户 → 给 ', h('span', { class: 'who' }, nameOf(to)), ' 用'),
      d && DISTANCES[d] ? h('p', { class: 'hint dist', 'data-distance': d }, '两人参保地：' + DISTANCES[d] + '（计算引擎按两人的参保地判断）') : null);
    if (quota) {
      var q = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: b.quota,
        'data-k': 'b-quota-' + key, 'data-field': 'sharing[' + i + '].quota', oninput: function () { b.quota = q.value; app.update('value'); } });
      row.appendChild(field('跨省共济额度（元）', q, '两人不在同一省：先从账户里划出一笔额度，只能用这笔额度。'));
    } else {
      row.appendChild(h('p', { class: 'order' }, '顺位：第 ' + (pos + 1) + ' 位（' + nameOf(to) + '看病时，排在前面的先付）'));
      var tools = h('div', { class: 'row' });
      if (same.length > 1) {
        tools.appendChild(h('button', { type: 'button', class: 'btn ghost', 'data-k': 'b-up-' + key, disabled: pos === 0,
          onclick: function () { app.moveLine(b, -1); } }, '↑ 往前', h('span', { class: 'sr' }, nameOf(from))));
        tools.appendChild(h('button', { type: 'button', class: 'btn ghost', 'data-k': 'b-down-' + key, disabled: pos === same.length - 1,
          onclick: function () { app.moveLine(b, 1); } }, '↓ 往后', h('span', { class: 'sr' }, nameOf(from))));
      }
      row.appendChild(tools);
    }
    row.appendChild(h('div', { class: 'pair-issues', 'aria-live': 'polite' }));
    row.appendChild(h('button', { type: 'button', class: 'btn ghost', 'data-k': 'b-del-' + key,
      onclick: function () { app.removeLine(i); } }, '解除这条绑定'));
    list.appendChild(row);
  });
  box.appendChild(list);
  // add form. Default direction: from a 职工医保 member (who has an account) to the patient of
  // the first expense — never from the patient to the employee.
  var opts = memberOptions(st);
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
      var r = app.addLine(fromSel.value, toSel.value);
      if (r) msg.textContent = r;
    } }, '添加绑定'), msg));
}

export function showPairIssues(issues) {
  Array.prototype.forEach.call(document.querySelectorAll('[data-pair]'), function (row) {
    var box = row.querySelector('.pair-issues'), list = issues[row.getAttribute('data-pair')] || [];
    if (!box) return;
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

// The expenses, PAGE at a time (app.formView.shown); "再显示" adds a page.
export function renderExpenses(app) {
  var st = app.state, t = app.tables, cat = t.catalogue, box = clear($('#expenses'));
  var view = app.formView || (app.formView = { shown: PAGE });
  if (!st.expenses.length) box.appendChild(h('p', { class: 'muted' }, '还没有费用。点“添加一笔费用”。'));
  var shown = Math.min(st.expenses.length, Math.max(view.shown, PAGE));
  var members = memberOptions(st), items = cat.map(function (c) { return [c.id, c.name]; });
  for (var i = 0; i < shown; i++) box.appendChild(expenseCard(app, st.expenses[i], i, members, items));
  if (shown < st.expenses.length) {
    box.appendChild(h('p', null, h('button', { type: 'button', class: 'btn ghost', 'data-k': 'e-more', onclick: function () {
      view.shown = shown + PAGE; app.update('all');
    } }, '再显示 ' + Math.min(PAGE, st.expenses.length - shown) + ' 笔（已显示 ' + shown + ' 笔，共 ' + st.expenses.length + ' 笔）')));
  }
  box.appendChild(h('button', { type: 'button', class: 'btn', 'data-k': 'e-add', onclick: function () { app.addExpense(); } }, '＋ 添加一笔费用'));
}

function expenseCard(app, e, i, members, items) {
  var t = app.tables, cat = t.catalogue, k = 'e' + i + '-';
  var pat = select({ 'data-k': k + 'patient' }, members, e.patient);
  pat.addEventListener('change', function () { e.patient = pat.value; app.update('value'); });
  var itemSel = select({ 'data-k': k + 'item' }, items, e.item);
  function choose(id) { app.setItem(e, id); }
  itemSel.addEventListener('change', function () { choose(itemSel.value); });
  var found = h('div', { class: 'chips found', 'aria-live': 'polite' });
  var search = h('input', { type: 'search', autocomplete: 'off', placeholder: '输入：补牙、美白、眼镜、买药…', 'data-k': k + 'search',
    oninput: function () {
      clear(found);
      var r = searchItems(cat, search.value);
      if (search.value.trim() && !r.length) found.appendChild(h('p', { class: 'hint' }, '没找到，请在下面的列表里选。'));
      r.forEach(function (it) { found.appendChild(h('button', { type: 'button', class: 'chip', onclick: function () { choose(it.id); } }, it.name)); });
    } });
  var common = h('div', { class: 'chips' }, COMMON_ITEMS.filter(function (id) { return t.itemById[id]; }).map(function (id) {
    return h('button', { type: 'button', class: 'chip', 'aria-pressed': id === e.item ? 'true' : 'false', 'data-k': k + 'chip-' + id,
      onclick: function () { choose(id); } }, itemWord(t, id));
  }));
  var item = t.itemById[e.item];
  var venue = select({ 'data-k': k + 'venue' }, Object.keys(VENUES).map(function (v) { return [v, VENUES[v]]; }), e.venue);
  venue.addEventListener('change', function () { e.venue = venue.value; app.update('value'); });
  function radios(name, opts, value, onpick, key) {
    return h('fieldset', { class: 'radios' }, h('legend', null, name), opts.map(function (o) {
      var r = h('input', { type: 'radio', name: k + name, value: o[0], checked: o[0] === value, 'data-k': k + key + '-' + o[0],
        onchange: function () { onpick(o[0]); } });
      return h('label', { class: 'radio' }, r, h('span', null, o[1]));
    }));
  }
  var premium = isPremium(t, e.item);
  var amount = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: e.amount,
    'data-k': k + 'amount', 'data-field': 'expenses[' + i + '].amount', oninput: function () { e.amount = amount.value; app.update('value'); } });
  var burden = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: e.burden,
    'data-k': k + 'burden', 'data-field': 'expenses[' + i + '].personal_burden', oninput: function () { e.burden = burden.value; app.update('value'); } });
  function num(key, fld) {
    var x = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: e[key], 'data-k': k + key,
      'data-field': 'expenses[' + i + ']' + (fld === 'out_of_catalogue' ? '.' : '.pooled.') + fld, oninput: function () { e[key] = x.value; app.update('value'); } });
    return x;
  }
  var amountField = premium ? field('缴费金额（元）', amount, '要交的钱，例如居民医保一年的个人缴费。可以写“380”“380元”。')
    : field('总费用（元）', amount, '医院或药店收费单上的总金额，可以写“600”“1,200元”。');
  var pooled = h('fieldset', { class: 'pooled radios' },
    h('legend', null, '统筹基金报销参数'),
    h('p', { class: 'hint' }, '各地的起付线和报销比例不同，本页不替你猜。不知道可以不填：能不能付照样回答，只是统筹报销多少算不出来。请看结算单或问当地医保；有结算单的话，改选上面的“填结算单上的个人负担”更简单。'),
    field('今年起付线还差（元）', num('ded', 'deductible_left')),
    field('报销比例（%）', num('ratio', 'ratio'), '例如报销一半就写 50。'),
    field('今年封顶线还剩（元）', num('cap', 'cap_left')),
    field('其中医保目录外的自费部分（元，可不填）', num('ooc', 'out_of_catalogue'), '目录外的部分统筹不报销。'));
  var burdenField = field('个人负担（元）', burden, '结算单上“个人自付＋个人自费”，也就是统筹报销以后要自己付的钱。');
  var amountBox = h('div', null, amountField, premium ? null : pooled);
  show(amountBox, e.mode !== 'burden'); show(burdenField, e.mode === 'burden');
  var mode = radios('金额怎么填', [['amount', '填总费用'], ['burden', '填结算单上的个人负担']], e.mode, function (v) {
    e.mode = v; show(amountBox, v !== 'burden'); show(burdenField, v === 'burden'); app.update('value');
  }, 'mode');
  var card = radios('看病/买药时用的是谁的医保卡（医保码）', [['own', '患者本人的'], ['other', '别人的']], e.card, function (v) { e.card = v; app.update('value'); }, 'card');
  if (premium) { mode = null; card = null; }
  return h('fieldset', { class: 'card expense', 'data-expense': i },
    h('legend', null, '第 ' + (i + 1) + ' 笔：', item ? item.name : e.item),
    field('谁看病/买药（患者）', pat),
    field('搜索项目', search), found,
    h('p', { class: 'hint' }, '常见项目：'), common,
    field('项目', itemSel, item && item.note ? item.note : null),
    field('在哪里', venue), mode, amountBox, burdenField, card,
    h('button', { type: 'button', class: 'btn ghost', 'data-k': k + 'del', onclick: function () { app.removeExpense(i); } },
      '删除第 ' + (i + 1) + ' 笔'));
}
