// The "大字" button: big text on or off (kept on this device with the remembered family).
import { $ } from './dom.js';
import { saveBig } from './share.js';
import { postHeight } from './article-mode.js';

var root = document.documentElement;

export function isBig() { return root.classList.contains('big'); }

export function setBig(on) {
  root.classList.toggle('big', on);
  var big = $('#big-text');
  big.setAttribute('aria-pressed', on ? 'true' : 'false');
  big.querySelector('.big-state').textContent = on ? '：开' : '：关';
  postHeight();
}

export function wireBigText(ctx) {
  var big = $('#big-text');
  big.addEventListener('click', function () {
    var on = !root.classList.contains('big');
    setBig(on);
    if (ctx.remember) saveBig(on);
  });
}
