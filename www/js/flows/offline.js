// The service worker (sw.js): the page keeps working offline once it has been opened.
export function registerOffline() {
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    window.addEventListener('load', function () { navigator.serviceWorker.register('./sw.js').catch(function () { /* optional */ }); });
  }
}
