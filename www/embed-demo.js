// The live preview on embed.html: what embed-loader.js does for host pages (the snippet carries
// it), except that here the "article" is the phone-sized box around the frame: resize the frame to
// its content, and bring the answer into view inside the box. The preview frame is replaced when
// the editor picks a family, so it is looked up for every message (event.source is its window).
window.addEventListener('message', function (e) {
  var f = document.getElementById('gongji'), box = document.getElementById('b-phone'), d = e.data;
  if (!f || !box || e.origin !== location.origin || e.source !== f.contentWindow || !d) return;
  if (d.type === 'gongji:height' && typeof d.height === 'number' && d.height > 0) f.height = String(Math.min(Math.ceil(d.height), 30000));
  if (d.type === 'gongji:scroll' && typeof d.top === 'number') {
    var y = d.top - box.scrollTop;
    if (y < 0 || y > box.clientHeight * 0.6) box.scrollTop = Math.max(0, d.top - 12);
  }
});
