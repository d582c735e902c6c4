// "看看例子": a chip for each worked example (model/presets.js), and loading one; when it replaces
// a remembered family, the visitor can undo it.
import { h, $ } from '../views/dom.js';
import { status, offerUndo } from '../views/messages.js';
import { PRESETS } from '../model/presets.js';
import { sameFamily } from '../model/codec.js';
import { atRegion } from '../model/places.js';

export function wireExamples(app) {
  var pbox = $('#presets');
  PRESETS.forEach(function (p) {
    pbox.appendChild(h('button', { type: 'button', class: 'chip preset', 'data-preset': p.id, onclick: function () {
      loadPreset(app, p);
    } }, p.title));
  });
}

function loadPreset(app, p) {
  var st = p.make();
  if (app.region) atRegion(st, app.region, app.tables.places);
  var prev = app.state;
  app.setState(st);
  var text = '已载入例子：' + p.title + '。金额都是示例数字，可以改成你家的。';
  if (app.remember && !sameFamily(prev, st)) offerUndo(app, text, prev); else status(app, text, 'info');
  // In an article the frame is as tall as its content: the host scrolls the answer into view.
  app.scrollHostTo($('#answer'));
}
