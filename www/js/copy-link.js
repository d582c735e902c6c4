// "复制链接": the family as a share link (#s=…, made by js/share.js), copied, or shown to copy by
// hand; never a link this page would refuse.
import { $ } from './dom.js';
import { encodePayload } from './share.js';
import { postHeight } from './article-mode.js';

export function wireCopyLink(ctx) {
  $('#copy-link').addEventListener('click', function () {
    var out = $('#link-out'), msg = $('#link-msg');
    msg.textContent = '正在生成链接……';
    msg.classList.remove('warn');
    encodePayload(ctx.state).then(function (enc) {
      if (enc.error) {
        // Never a link this page would refuse: say why instead.
        out.value = ''; out.setAttribute('hidden', '');
        msg.textContent = '⚠ 没有生成链接：' + enc.error;
        msg.classList.add('warn');
        return;
      }
      var url = location.href.split('#')[0] + '#s=' + enc.text;
      out.value = url;
      out.removeAttribute('hidden');
      function done(ok) {
        msg.textContent = ok ? '链接已复制。发给家人，打开就能看到同样的情况。' : '请长按上面的链接手动复制。';
      }
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(function () { done(true); }, function () { out.select(); done(false); });
      else { out.select(); try { done(document.execCommand('copy')); } catch (e) { done(false); } }
      postHeight();
    }, function () {
      msg.textContent = '⚠ 没有生成链接（浏览器出错了），请重新加载页面后再试。';
      msg.classList.add('warn');
    });
  });
}
