// The focus kept across a redraw: the focused control's data-k before, the control with the same
// data-k after.
export function focusKey() { var a = document.activeElement; return a && a.getAttribute ? a.getAttribute('data-k') : null; }
export function restoreFocus(k) {
  if (!k) return;
  function find(key) { return document.querySelector('[data-k="' + key.replace(/"/g, '') + '"]'); }
  var el = find(k);
  // A move button that just became disabled hands the focus to its partner.
  if (el && el.disabled) el = find(k.indexOf('b-up-') === 0 ? k.replace('b-up-', 'b-down-') : k.replace('b-down-', 'b-up-'));
  if (el && !el.disabled) el.focus();
}
