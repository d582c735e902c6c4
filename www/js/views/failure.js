// When the page cannot go on: no engine at start-up (fatal), or the engine failing in use
// (showFailure): plain words and a reload button, never an old answer.
import { h, clear, $ } from './dom.js';

function reloadButton() {
  return h('button', { type: 'button', class: 'btn reload', 'data-k': 'reload', onclick: function () { location.reload(); } }, '重新加载');
}
// detail: the browser's own words (often English), small and wrapped under the plain sentence.
export function fatal(text, reload, detail) {
  var el = $('#fatal');
  el.textContent = text;
  if (reload) { el.appendChild(document.createTextNode(' ')); el.appendChild(reloadButton()); }
  if (detail) el.appendChild(h('small', { class: 'fatal-detail' }, '（' + detail + '）'));
  el.removeAttribute('hidden');
  $('#app').setAttribute('hidden', '');
}

// remembered: the family is kept on this device ("在本机记住").
export function showFailure(remembered) {
  var bar = $('#answer');
  if (bar.getAttribute('data-answer') !== 'failed') {
    clear(bar);
    bar.setAttribute('data-answer', 'failed');
    bar.className = 'answerbar a-failed';
    bar.appendChild(h('p', { class: 'ab-text' }, h('strong', { class: 'ab-label' }, '计算出错了，'), '请重新加载页面。'));
    bar.appendChild(reloadButton());
  }
  var box = $('#results');
  if (!box.querySelector('.failed')) {
    clear(box);
    box.appendChild(h('div', { class: 'card error failed' },
      h('p', null, h('strong', null, '⚠ 计算出错了，'), '这里不再显示结果，以免看到过时的数字。请重新加载页面。'),
      h('p', { class: 'hint' }, remembered ? '你填的内容已在本机记住，重新加载后还在。' : '重新加载会清空你填的内容；想留着，先点下面的“复制链接”。'),
      reloadButton()));
  }
  $('#summary').textContent = '';
  var adv = $('#advice-out'); if (adv) clear(adv);
}
