// The preview on embed.html: the same resize listener the snippet shows.
window.addEventListener('message', function (e) {
  var f = document.getElementById('gongji');
  if (!f || e.source !== f.contentWindow) return;
  if (e.data && e.data.type === 'gongji:height' && typeof e.data.height === 'number') f.height = String(e.data.height);
});
