// After a change: the forms redrawn as far as the change reaches, the date and the quick check
// brought in line, the answer recomputed, the focus kept (ctx.update); a whole new family
// (ctx.setState).
import { $ } from './dom.js';
import { renderFamily, renderSharing, renderExpenses } from './forms.js';
import { syncQuick } from './quick.js';
import { compute } from './compute.js';
import { focusKey, restoreFocus } from './focus.js';

export function syncTop(ctx) {
  $('#as-of').value = ctx.state.as_of;
}

export function installRedraw(ctx) {
  ctx.update = function (kind) {
    var k = focusKey();
    if (kind === 'all') renderFamily(ctx);
    if (kind === 'all' || kind === 'names') { renderSharing(ctx); renderExpenses(ctx); }
    syncTop(ctx);
    syncQuick(ctx);
    compute(ctx);
    if (kind !== 'value') restoreFocus(k);
  };
  ctx.setState = function (st) { ctx.state = st; ctx.update('all'); };
}
