// The "大字" button: big text on or off (kept on this device with the remembered family).
import { $ } from '../views/dom.js';
import { saveBig } from './remember.js';

var root = document.documentElement;

export function isBig() { return root.classList.contains('big'); }

export function setBig(on) {
  root.classList.toggle('big', on);
  var big = $('#big-text');
  big.setAttribute('aria-pressed', on ? 'true' : 'false');
  big.querySelector('.big-state').textContent = on ? '：开' : '：关';
}

export function wireBigText(app) {
  $('#big-text').addEventListener('click', function () {
    var on = !isBig();
    app.setBig(on);
    if (app.remember) saveBig(on);
  });
}
