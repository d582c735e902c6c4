// "在本机记住": the family saved on this device after every change, one save at a time, the
// latest state wins; the checkbox, its message, and the remembered family read at start-up.
import { $ } from './dom.js';
import { saveStored, forgetStored, loadBig, saveBig, familyKey } from './share.js';
import { isBig, setBig } from './big-text.js';

var saving = false, saveAgain = false, savedOnce = false, lastRememberMsg = '', savedKey = null;
function rememberMsg(text, warn) {
  var el = $('#remember-msg');
  if (text === lastRememberMsg) return;
  lastRememberMsg = text;
  el.textContent = text;
  el.classList.toggle('warn', !!warn);
}
export function scheduleSave(ctx) {
  if (saving) { saveAgain = true; return; }
  var key = familyKey(ctx.state);
  if (key === savedKey) return; // nothing changed since the last save (or since it was read)
  saving = true;
  saveStored(ctx.state, function () { return ctx.remember; }).then(function (r) {
    saving = false;
    if (!ctx.remember) return;
    if (r.error) rememberMsg('⚠ ' + r.error + (savedOnce ? '最新的改动没有记住，这台设备上保存的还是之前的内容。' : '所以还没有记住。'), true);
    else if (r.ok) { savedOnce = true; savedKey = key; rememberMsg('已记住：以后在这台设备上打开会自动恢复。'); }
    if (saveAgain) { saveAgain = false; scheduleSave(ctx); }
  }, function () {
    saving = false;
    if (ctx.remember) rememberMsg('⚠ 没能记住最新的改动（浏览器出错了）。' + (savedOnce ? '这台设备上保存的还是之前的内容。' : ''), true);
  });
}

// At start-up: what loadStored() read (js/share.js) -> the family on the page, or a warning.
export function useStored(ctx, stored) {
  if (stored && stored.state) {
    ctx.state = stored.state; ctx.remember = true; savedOnce = true; savedKey = familyKey(stored.state); $('#remember').checked = true; if (loadBig()) setBig(true);
    rememberMsg('已记住：这是你在这台设备上记住的家庭，改动会自动保存。');
  } else if (stored && stored.error) {
    // Kept as it is (never dropped silently); turning "在本机记住" on again replaces it.
    rememberMsg('⚠ 这台设备上记住的家庭读不出来：' + stored.error + ' 它还留在本机，没有删除；勾选“在本机记住”会用现在的家庭替换它。', true);
  }
}

export function wireRemember(ctx) {
  var rem = $('#remember');
  rem.addEventListener('change', function () {
    ctx.remember = rem.checked;
    if (rem.checked) { savedOnce = false; savedKey = null; rememberMsg('正在记住……'); scheduleSave(ctx); saveBig(isBig()); }
    else { forgetStored(); savedOnce = false; rememberMsg('已忘记：这台设备上不再保存任何内容。'); }
  });
}
