// Offline support, one release at a time. The build (scripts/build-site.mjs) writes MANIFEST: the
// release's version, its files (scripts, stylesheet and .wasm under content-hashed names), the
// SHA-256 of each, and the files fetched only when asked for (`lazy`: the engine as JavaScript).
//  - Install: every file is fetched (revalidated, never a stale copy from the HTTP cache) and
//    checked against its SHA-256 before anything is stored. One file missing or different (a
//    half-finished deploy, a stale CDN edge, a proxy's error page) and the release is not
//    installed: the old one keeps serving, whole. A release that checks out takes over at once
//    (skipWaiting): the names carry the content, so a page of the old release never gets a file
//    of the new one in place of its own (it asks for other names).
//  - Caches are named by this copy's scope and the version: "gongji <scope path> <version>".
//    Activation deletes only this scope's older caches, so two copies on one origin (/a/ and /b/)
//    never delete each other's.
//  - Fetch: a file of the release comes from this release's cache (the network only if the
//    cache lost it); a lazy file is fetched, checked and kept the first time it is asked for.
// Only this site's own files are cached; no visitor data goes in here. Served from www/ as is
// (MANIFEST null) the worker caches nothing.
var MANIFEST = null;
var SCOPE = new URL(self.registration.scope).pathname;
var PREFIX = 'gongji ' + SCOPE + ' ';
var CACHE = MANIFEST ? PREFIX + MANIFEST.version : null;

function hex(buf) {
  var b = new Uint8Array(buf), s = '';
  for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16);
  return s;
}
// The file fetched from the network and checked: resolves to a Response to store (made from the
// checked bytes), or rejects naming the file.
function fetchChecked(f) {
  return fetch(new Request(f, { cache: 'no-cache' })).then(function (res) {
    if (!res.ok) throw new Error(f + ': HTTP ' + res.status);
    return res.arrayBuffer().then(function (body) {
      return crypto.subtle.digest('SHA-256', body).then(function (d) {
        if (hex(d) !== MANIFEST.sha256[f]) throw new Error(f + ': not the file of release ' + MANIFEST.version);
        // the server's headers kept (its Content-Security-Policy with frame-ancestors among them)
        return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
      });
    });
  });
}

self.addEventListener('install', function (e) {
  if (!MANIFEST) return;
  // Every file fetched and checked first, then all stored at once: one failure and nothing of
  // this release is kept.
  e.waitUntil(Promise.all(MANIFEST.files.map(function (f) {
    return fetchChecked(f).then(function (res) { return [f, res]; });
  })).then(function (got) {
    return caches.open(CACHE).then(function (c) {
      return Promise.all(got.map(function (x) { return c.put(x[0], x[1]); }));
    })['catch'](function (err) {
      return caches['delete'](CACHE).then(function () { throw err; });
    });
  }).then(function () { return self.skipWaiting(); }));
});

// A cache this copy made: named with its scope; or, from before the names carried the scope
// ("gongji-<version>"), one whose every entry lies under this scope.
function ours(name) {
  if (name.indexOf(PREFIX) === 0) return Promise.resolve(true);
  if (!/^gongji-[0-9a-f]+$/.test(name)) return Promise.resolve(false);
  return caches.open(name).then(function (c) { return c.keys(); }).then(function (reqs) {
    return reqs.length > 0 && reqs.every(function (r) { return r.url.indexOf(self.registration.scope) === 0; });
  });
}
self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) {
      return ours(k).then(function (mine) { return mine ? caches['delete'](k) : false; });
    }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (e) {
  var req = e.request;
  if (!MANIFEST || req.method !== 'GET') return;
  var url = new URL(req.url), scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || url.pathname.indexOf(scope.pathname) !== 0) return;
  var file = url.pathname.slice(scope.pathname.length) || 'index.html';
  if (req.mode === 'navigate' && /\/$/.test(url.pathname)) file = 'index.html';
  var lazy = MANIFEST.lazy.indexOf(file) >= 0;
  if (!lazy && MANIFEST.files.indexOf(file) < 0) return;
  e.respondWith(caches.open(CACHE).then(function (c) {
    return c.match(file).then(function (hit) {
      if (hit) return hit;
      if (!lazy) return fetch(req);
      return fetchChecked(file).then(function (res) {
        return c.put(file, res.clone()).then(function () { return res; });
      }, function () {
        return new Response('', { status: 502, statusText: 'not this release' });
      });
    });
  }));
});
