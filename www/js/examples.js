// "看看例子": a chip for each worked example (js/presets.js), and loading one; when it replaces
// a remembered family, the visitor can undo it.
import { h, $ } from './dom.js';
import { PRESETS } from './presets.js';
import { sameFamily } from './share.js';
import { status, offerUndo } from './messages.js';
import { embed, postHeight } from './article-mode.js';
import { postScroll } from './embed.js';

export function wireExamples(ctx) {
  var pbox = $('#presets');
  PRESETS.forEach(function (p) {
    pbox.appendChild(h('button', { type: 'button', class: 'chip preset', 'data-preset': p.id, onclick: function () {
      loadPreset(ctx, p);
    } }, p.title));
  });
}

function loadPreset(ctx, p) {
  var st = p.make();
  if (ctx.region) st.region = ctx.region;
  var prev = ctx.state;
  ctx.setState(st);
  var text = '已载入例子：' + p.title + '。金额都是示例数字，可以改成你家的。';
  if (ctx.remember && !sameFamily(prev, st)) offerUndo(ctx, text, prev); else status(text, 'info');
  // In an article the frame is as tall as its content: the host scrolls the answer into view.
  if (embed) { postHeight(); postScroll($('#answer')); }
}
