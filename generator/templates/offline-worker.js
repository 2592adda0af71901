// The handbook's service worker (after `const FILES`, this build's files and their digests; see
// generator/site/offline.py). Install keeps every listed file; pages and assets are then answered from the
// device first, so the handbook, its search and the log page work with no network. Files not listed
// (printables) are kept once visited. Only requests inside this site are answered; nothing else is fetched.

const KEPT = "itbs-handbook";
const VISITED = "itbs-handbook-visited";
const SCOPE = new URL("./", self.location).href;
const keyOf = new Map(FILES.map(([path, digest]) => {
  const address = new URL(path, SCOPE).href;
  return [address, `${address}?digest=${digest}`];
}));

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(KEPT);
    const have = new Set((await cache.keys()).map((request) => request.url));
    const missing = [...keyOf].filter(([, key]) => !have.has(key));
    for (let start = 0; start < missing.length; start += 8) {
      await Promise.all(missing.slice(start, start + 8).map(async ([address, key]) => {
        const response = await fetch(address, { cache: "no-cache" });
        if (!response.ok) throw new Error(`${address}: ${response.status}`);
        await cache.put(key, response);
      }));
    }
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(KEPT);
    const current = new Set(keyOf.values());
    await Promise.all((await cache.keys()).filter((request) => !current.has(request.url))
      .map((request) => cache.delete(request)));
    await self.clients.claim();
  })());
});

/** The address a request is kept under: without query or fragment, a page's index.html as its folder. */
function address(request) {
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  return url.href.replace(/\/index\.html$/, "/");
}

async function kept(key) {
  return (await caches.open(KEPT)).match(key);
}

async function visited(request) {
  try {
    const response = await fetch(request);
    if (response.ok) await (await caches.open(VISITED)).put(request, response.clone());
    return response;
  } catch (error) {
    const copy = await (await caches.open(VISITED)).match(request);
    if (copy) return copy;
    const missing = request.mode === "navigate" && keyOf.has(`${SCOPE}404.html`) && await kept(keyOf.get(`${SCOPE}404.html`));
    if (missing) return missing;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const key = keyOf.get(address(request));
  event.respondWith(key ? kept(key).then((response) => response || fetch(request)) : visited(request));
});
