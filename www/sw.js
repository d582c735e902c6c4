// Offline support, one version at a time. The build (scripts/build-site.mjs) writes MANIFEST:
// every file of the site and a version hashed from their contents. A version is cached whole in
// `gongji-<version>` before it is used (install fails, and the old version keeps serving, if any
// file cannot be fetched); the page is served cache-first from the one active version, so a
// page, its script and its .wasm always come from the same release. A new version waits until
// no page of the old one is open, then takes over on the next visit and the old cache is
// deleted. Only this site's own files are cached; no visitor data goes in here.
// Served from www/ as is (MANIFEST null) the worker caches nothing.
var MANIFEST = null;
var CACHE = MANIFEST ? 'gongji-' + MANIFEST.version : null;

self.addEventListener('install', function (e) {
  if (!MANIFEST) return;
  // Every file fetched first (revalidated with the server, so never a stale copy from the HTTP
  // cache), then all stored at once: one failure and nothing of this version is kept.
  e.waitUntil(Promise.all(MANIFEST.files.map(function (f) {
    return fetch(new Request(f, { cache: 'no-cache' })).then(function (res) {
      if (!res.ok) throw new Error(f + ': HTTP ' + res.status);
      return [f, res];
    });
  })).then(function (got) {
    return caches.open(CACHE).then(function (c) {
      return Promise.all(got.map(function (x) { return c.put(x[0], x[1]); }));
    })['catch'](function (err) {
      return caches['delete'](CACHE).then(function () { throw err; });
    });
  }));
});
self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('gongji-') === 0 && k !== CACHE; }).map(function (k) { return caches['delete'](k); }));
  }).then(function () { return self.clients.claim(); }));
});
self.addEventListener('fetch', function (e) {
  var req = e.request;
  if (!MANIFEST || req.method !== 'GET') return;
  var url = new URL(req.url), scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || url.pathname.indexOf(scope.pathname) !== 0) return;
  var file = url.pathname.slice(scope.pathname.length) || 'index.html';
  if (req.mode === 'navigate' && /\/$/.test(url.pathname)) file = 'index.html';
  if (MANIFEST.files.indexOf(file) < 0) return;
  e.respondWith(caches.open(CACHE).then(function (c) {
    return c.match(file).then(function (hit) { return hit || fetch(req); });
  }));
});
