// Offline support: keeps the app shell and the engine in the Cache API.
// Only this site's own files are cached; no visitor data goes in here.
var CACHE = 'gongji-shell-v5';
var SHELL = ['./', 'index.html', 'embed.html', 'style.css', 'app.js', 'js/dom.js', 'js/labels.js', 'js/state.js',
  'js/forms.js', 'js/result.js', 'js/presets.js', 'js/extras.js', 'js/quick.js', 'js/embed-demo.js', 'pkg/gongji.js', 'pkg/gongji_bg.wasm'];

self.addEventListener('install', function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});
self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('gongji-') === 0 && k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});
self.addEventListener('fetch', function (e) {
  var req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // Network first for the page itself, so updates show; the cache when offline.
    e.respondWith(fetch(req).then(function (res) {
      var copy = res.clone();
      if (res.ok) caches.open(CACHE).then(function (c) { c.put(req, copy); });
      return res;
    }).catch(function () {
      return caches.match(req, { ignoreSearch: true }).then(function (r) { return r || caches.match('index.html'); });
    }));
    return;
  }
  // Everything else: from the cache at once, refreshed in the background.
  e.respondWith(caches.open(CACHE).then(function (c) {
    return c.match(req, { ignoreSearch: true }).then(function (hit) {
      var net = fetch(req).then(function (res) { if (res.ok) c.put(req, res.clone()); return res; });
      if (hit) { net.catch(function () {}); return hit; }
      return net;
    });
  }));
});
