// The live preview on embed.html: the listener the snippet gives to host pages (written out by
// js/embed-builder.js), except that here the "article" is the phone-sized box around the frame:
// resize the frame to its content, and bring the answer into view inside the box.
window.addEventListener('message', function (e) {
  var f = document.getElementById('gongji'), box = document.getElementById('b-phone'), d = e.data;
  if (!f || !box || e.origin !== location.origin || e.source !== f.contentWindow || !d) return;
  if (d.type === 'gongji:height' && typeof d.height === 'number' && d.height > 0) f.height = String(Math.min(d.height, 30000));
  if (d.type === 'gongji:scroll' && typeof d.top === 'number') {
    var y = d.top - box.scrollTop;
    if (y < 0 || y > box.clientHeight * 0.6) box.scrollTop = Math.max(0, d.top - 12);
  }
});
