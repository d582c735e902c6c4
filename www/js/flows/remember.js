// "在本机记住": the family saved on this device after every change (one save at a time, the latest
// state wins), the checkbox and its message, the remembered family read at start-up — and other
// tabs (issue 23 item 6): the page listens to `storage`; a tab never writes over a family another
// tab saved since this one last read or wrote it: it asks, like a link does ("打开那个家庭" /
// "保留这里的家庭"), and neither family is lost (each stays on its own screen until the visitor
// chooses; opening can be undone).
import { h, $ } from '../views/dom.js';
import { card, buttons, offerUndo, clearAsk } from '../views/messages.js';
import { encodePayload, decodePayload, familyKey, sameFamily, describe, MAX_LINK, Z } from '../model/codec.js';

export var STORE_KEY = 'gongji:v1';
export var BIG_KEY = 'gongji:big';
var MAX_LEGACY_STORED = 3000000;   // plain copies saved by earlier versions, read once and rewritten

function readRaw() { try { return window.localStorage.getItem(STORE_KEY); } catch (e) { return null; } }
export function hasStored() { return !!readRaw(); }
export function loadBig() { try { return window.localStorage.getItem(BIG_KEY) === '1'; } catch (e) { return false; } }
// Large text is remembered only with the visitor's opt-in ("在本机记住").
export function saveBig(on) { try { if (on) window.localStorage.setItem(BIG_KEY, '1'); else window.localStorage.removeItem(BIG_KEY); } catch (e) { /* ignore */ } }
function forget() { try { window.localStorage.removeItem(STORE_KEY); window.localStorage.removeItem(BIG_KEY); } catch (e) { /* ignore */ } }
// raw -> {state} or {error} (something is stored but unreadable: it is left in place).
function decodeStored(raw, limits) {
  // Earlier versions stored plain copies of any length: read those too (rewritten on the next save).
  return decodePayload(raw, raw.indexOf(Z) === 0 ? MAX_LINK : MAX_LEGACY_STORED, limits).then(function (r) {
    return r.error ? { error: r.error.replace(/链接/g, '记住的内容') } : r;
  });
}

// One per page: what this tab believes is stored (`known`: the text it last read or wrote).
export function makeMemory() {
  return { known: null, saving: false, again: false, savedOnce: false, savedKey: null, msg: '', conflict: null };
}
function say(mem, text, warn) {
  var el = $('#remember-msg');
  if (!el || text === mem.msg) return;
  mem.msg = text;
  el.textContent = text;
  el.classList.toggle('warn', !!warn);
}

// At start-up: the remembered family (or null / {error}).
export function loadStored(mem, limits) {
  var raw = readRaw();
  mem.known = raw;
  if (!raw) return Promise.resolve(null);
  return decodeStored(raw, limits);
}
// What loadStored read -> the family on the page, or a warning.
export function useStored(app, stored) {
  var mem = app.memory;
  if (stored && stored.state) {
    app.state = stored.state; app.remember = true; mem.savedOnce = true; mem.savedKey = familyKey(stored.state);
    $('#remember').checked = true;
    if (loadBig()) app.setBig(true);
    say(mem, '已记住：这是你在这台设备上记住的家庭，改动会自动保存。');
  } else if (stored && stored.error) {
    // Kept as it is (never dropped silently); turning "在本机记住" on again replaces it.
    say(mem, '⚠ 这台设备上记住的家庭读不出来：' + stored.error + ' 它还留在本机，没有删除；勾选“在本机记住”会用现在的家庭替换它。', true);
  }
}

// Save after a change (app.save). Never over a family another tab saved meanwhile: then ask.
export function scheduleSave(app) {
  var mem = app.memory;
  if (mem.conflict) return;
  if (mem.saving) { mem.again = true; return; }
  var key = familyKey(app.state);
  if (key === mem.savedKey && readRaw() === mem.known) return; // nothing changed since the last save (or since it was read)
  var raw = readRaw();
  if (raw && raw !== mem.known) { otherFamily(app, raw, false); return; }
  mem.saving = true;
  var st = app.state;
  encodePayload(st, app.tables.limits).then(function (enc) {
    mem.saving = false;
    if (!app.remember || mem.conflict) return;
    if (enc.error) {
      say(mem, '⚠ ' + enc.error.replace(/写成链接/, '要保存的内容').replace(/写进链接/g, '记住') +
        (mem.savedOnce ? '最新的改动没有记住，这台设备上保存的还是之前的内容。' : '所以还没有记住。'), true);
    } else {
      // checked again just before writing: another tab may have saved while this one encoded
      var now = readRaw();
      if (now && now !== mem.known) { otherFamily(app, now, false); return; }
      try { window.localStorage.setItem(STORE_KEY, enc.text); }
      catch (e) { say(mem, '⚠ 这台设备的浏览器不让保存（存储空间已满，或处在无痕/隐私模式）。' + (mem.savedOnce ? '最新的改动没有记住。' : ''), true); return; }
      mem.known = enc.text; mem.savedOnce = true; mem.savedKey = key;
      say(mem, '已记住：以后在这台设备上打开会自动恢复。');
    }
    if (mem.again) { mem.again = false; scheduleSave(app); }
  }, function () {
    mem.saving = false;
    if (app.remember) say(mem, '⚠ 没能记住最新的改动（浏览器出错了）。' + (mem.savedOnce ? '这台设备上保存的还是之前的内容。' : ''), true);
  });
}

// Another tab (or an earlier visit) saved `raw`, a family this tab has not seen: ask before
// anything is written. onEnable: the visitor is turning "在本机记住" on here.
function otherFamily(app, raw, onEnable) {
  var mem = app.memory;
  return decodeStored(raw, app.tables.limits).then(function (r) {
    if (readRaw() !== raw) return;                       // changed again meanwhile: that change asks
    if (r.state && sameFamily(r.state, app.state)) {     // the same family: nothing to ask
      mem.known = raw; mem.conflict = null; mem.savedKey = familyKey(app.state);
      if (app.remember) say(mem, '已记住：以后在这台设备上打开会自动恢复。');
      return;
    }
    mem.conflict = raw;
    say(mem, '⚠ 这台设备上记住的家庭刚被另一个页面改过，这里的改动还没有保存。请在页面最上面选择。', true);
    var theirs = r.state ? '（' + describe(r.state) + '）' : '（读不出来：' + r.error + '）';
    var open = r.state ? h('button', { type: 'button', class: 'btn', 'data-k': 'tab-open', onclick: function () {
      var prev = app.state;
      mem.known = raw; mem.conflict = null; mem.savedKey = familyKey(r.state);
      app.setState(r.state);
      offerUndo(app, '已打开另一个页面记住的家庭' + theirs + '。', prev, 'top');
    } }, '打开那个家庭') : null;
    var keep = h('button', { type: 'button', class: r.state ? 'btn ghost' : 'btn', 'data-k': 'tab-keep', onclick: function () {
      mem.known = readRaw(); mem.conflict = null; mem.savedKey = null;
      clearAsk();
      card(app, 'top', [h('p', null, '已用这里的家庭（' + describe(app.state) + '）替换了记住的家庭。另一个页面上的家庭还在那个页面上。')]);
      scheduleSave(app);
    } }, '保留这里的家庭（替换记住的）');
    card(app, 'top', [
      h('p', null, h('strong', null, onEnable ? '这台设备上已经记住了另一个家庭' : '另一个页面刚刚在这台设备上记住了另一个家庭'), theirs + '。'),
      h('p', null, '这里显示的是' + '（' + describe(app.state) + '），' + (onEnable ? '还没有记住。' : '还没有保存，那个家庭也没有被替换。')),
      buttons(open, keep)]);
  });
}

export function wireRemember(app) {
  var mem = app.memory, rem = $('#remember');
  rem.addEventListener('change', function () {
    app.remember = rem.checked;
    if (rem.checked) {
      mem.savedOnce = false; mem.savedKey = null;
      say(mem, '正在记住……');
      var raw = readRaw();
      // something is stored that this tab did not write or read: ask before replacing it
      if (raw && raw !== mem.known) otherFamily(app, raw, true);
      else { mem.known = raw; scheduleSave(app); }
      saveBig(app.isBig());
    } else {
      forget(); mem.known = null; mem.savedOnce = false; mem.conflict = null; clearAsk();
      say(mem, '已忘记：这台设备上不再保存任何内容。');
    }
  });
  // Another tab saved, replaced or forgot the family.
  window.addEventListener('storage', function (e) {
    if (e.key !== STORE_KEY && e.key !== null) return;
    var raw = readRaw();
    if (raw === mem.known) return;
    if (!raw) {
      mem.known = null;
      if (app.remember) {
        app.remember = false; rem.checked = false; mem.conflict = null;
        say(mem, '另一个页面取消了“在本机记住”，这台设备上不再保存。这里的家庭还在这个页面上，想保存可以再勾选。', true);
      }
      return;
    }
    if (app.remember) otherFamily(app, raw, false);
  });
}
