// "复制链接": the family as a share link (#s=…, made by model/codec.js), copied, or shown to copy
// by hand; never a link this page would refuse. The message says what happened only once it has
// happened (the clipboard's promise settled).
import { $ } from '../views/dom.js';
import { encodePayload } from '../model/codec.js';

export function wireCopyLink(app) {
  var seq = 0;
  $('#copy-link').addEventListener('click', function () {
    var out = $('#link-out'), msg = $('#link-msg'), mine = ++seq;
    msg.textContent = '正在生成链接……';
    msg.classList.remove('warn');
    msg.removeAttribute('data-done');
    function done(text, warn) {
      if (mine !== seq) return;
      msg.textContent = text;
      msg.classList.toggle('warn', !!warn);
      msg.setAttribute('data-done', warn ? 'error' : 'ok');
      app.layoutChanged();
    }
    encodePayload(app.state, app.tables.limits).then(function (enc) {
      if (enc.error) {
        // Never a link this page would refuse: say why instead.
        out.value = ''; out.setAttribute('hidden', '');
        done('⚠ 没有生成链接：' + enc.error, true);
        return;
      }
      var url = location.href.split('#')[0] + '#s=' + enc.text;
      out.value = url;
      out.removeAttribute('hidden');
      var copied = function (ok) { done(ok ? '链接已复制。发给家人，打开就能看到同样的情况。' : '请长按上面的链接手动复制。'); };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(function () { copied(true); }, function () { out.select(); copied(false); });
      else { out.select(); try { copied(document.execCommand('copy')); } catch (e) { copied(false); } }
    }, function () {
      done('⚠ 没有生成链接（浏览器出错了），请重新加载页面后再试。', true);
    });
  });
}
