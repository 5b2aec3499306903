/**
 * The offline service worker (see docs/adr/0001-offline-and-csp.md). On install it precaches the
 * whole build — every JS/CSS chunk including the lazily loaded ones (graph, catalog, demo), the
 * static files (icons, manifest, catalog/*, schema/*) and the prerendered shell — under a cache
 * named for this build's version; on activate it drops older caches (keeping the previous build's,
 * which a page opened before the update may still need) and takes control of open pages. Requests are answered cache-first; same-origin GETs the precache missed (e.g. a worker
 * bundle Vite emits outside the manifest) are cached on first use. It never touches other origins.
 */
/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `iam-atlas-${version}`;
/** The app shell every navigation gets (the app is a single page). */
const SHELL = `${base}/`;
const PRECACHE = [...new Set([...build, ...files, ...prerendered, SHELL])];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll(PRECACHE);
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			// Keep the newest previous build too: a page still running it may yet ask for its lazy chunks.
			const older = (await caches.keys()).filter(
				(key) => key.startsWith('iam-atlas-') && key !== CACHE
			);
			for (const key of older.slice(0, -1)) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
	event.respondWith(respond(request, url));
});

/** Cache first; navigations get the shell; anything else same-origin is fetched once and kept. */
async function respond(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	if (request.mode === 'navigate') {
		const shell = (await cache.match(url.pathname)) ?? (await cache.match(SHELL));
		if (shell) return shell;
	}
	const cached =
		(await cache.match(request, { ignoreSearch: request.mode === 'navigate' })) ??
		(await caches.match(request));
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
	return response;
}
