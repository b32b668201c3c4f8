// Tinjau sidak field app's service worker (scope /sidak): the pages a satgas opened (and the visit forms their plan
// links to) and the portal's assets, kept on the device so that a visit can be recorded without a signal. Pages come
// from the network first (a weak signal waits at most a few seconds for a page kept), then from the cache; assets from
// the cache.
// Nothing is sent from here: the page's own queue (js/sidak.js) sends the visits.
const PAGES = 'tinjau-sidak-pages';
const ASSETS = 'tinjau-sidak-assets-v1';
const WAIT = 4000;

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== PAGES && key !== ASSETS) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

const isPage = (url) => url.pathname === '/sidak' || url.pathname.startsWith('/sidak/');
const isAsset = (url) => /^\/(css|js|lib|icons|_content|_framework)\//.test(url.pathname) || url.pathname === '/manifest.webmanifest';
// Never kept: the antiforgery token and the submission (the page's queue owns them).
const isLive = (url) => url.pathname === '/sidak/kunci' || url.pathname.endsWith('/kirim');

async function keep(cacheName, url) {
  try {
    const response = await fetch(url, { credentials: 'same-origin', cache: 'no-cache' });
    if (response.ok && !response.redirected) await (await caches.open(cacheName)).put(url, response);
  } catch { /* offline: kept next time */ }
}

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'precache') return;
  event.waitUntil(Promise.all((event.data.urls || []).map((u) => {
    const url = new URL(u, self.location.origin);
    if (url.origin !== self.location.origin || isLive(url)) return null;
    return isPage(url) ? keep(PAGES, url.href) : isAsset(url) ? keep(ASSETS, url.href) : null;
  })));
});

// A page kept on the device answers after WAIT when the network is slower than that (a weak signal); a page not kept
// waits for the network as long as it takes, so a slow answer is never replaced by another page. Only when the
// network fails is a page not kept answered with the kept /sidak.
async function networkFirst(event) {
  const request = event.request;
  const cache = await caches.open(PAGES);
  const network = fetch(request).then(async (response) => {
    // Only a page the satgas may see is kept (a 403, 404 or sign-in redirect is not).
    if (response.ok && !response.redirected) await cache.put(request.url, response.clone());
    return response;
  });
  const kept = await cache.match(request.url);
  if (kept) {
    // The network's answer still refreshes the kept copy after the kept one was shown.
    event.waitUntil(network.catch(() => null));
    try {
      return await Promise.race([network, new Promise((_, fail) => setTimeout(() => fail(new Error('slow')), WAIT))]);
    } catch {
      return kept;
    }
  }
  try {
    return await network;
  } catch {
    return (await cache.match(new URL('/sidak', self.location.origin).href)) || Response.error();
  }
}

// Kept assets answer at once and are refreshed behind (the framework's script has no fingerprint in its name).
async function cacheFirst(event) {
  const cache = await caches.open(ASSETS);
  const kept = await cache.match(event.request.url);
  const refresh = fetch(event.request).then(async (response) => {
    if (response.ok) await cache.put(event.request.url, response.clone());
    return response;
  }).catch(() => null);
  if (kept) {
    event.waitUntil(refresh);
    return kept;
  }
  return (await refresh) || Response.error();
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || isLive(url)) return;
  if (request.mode === 'navigate' && isPage(url)) event.respondWith(networkFirst(event));
  else if (isAsset(url)) event.respondWith(cacheFirst(event));
});
