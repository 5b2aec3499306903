/**
 * The browser's CatalogLoader (the workers' side: the pure engine never fetches): fetches /catalog/index.json and /catalog/<service>.json from the
 * app's own origin (generated into static/catalog, precached by the service worker) and keeps each
 * answer in memory, so a file is fetched at most once per page or worker.
 */
import type { CatalogIndex, CatalogLoader, ServiceCatalog } from '../engine/catalog/catalog-data';

/** A loader fetching catalog files under `base` (default "/catalog", same origin). */
export function fetchCatalogLoader(
	base = '/catalog',
	fetchFn: typeof fetch = (...a) => fetch(...a)
): CatalogLoader {
	const cache = new Map<string, Promise<unknown>>();
	const get = <T>(name: string, missingOk: boolean): Promise<T | null> => {
		let p = cache.get(name);
		if (!p) {
			p = fetchFn(`${base}/${name}`).then(async (res) => {
				if (res.ok) return res.json();
				if (missingOk && res.status === 404) return null;
				throw new Error(`catalog: ${base}/${name} answered ${res.status}`);
			});
			// A failed fetch (offline before precache) must be retried next time, not cached.
			p.catch(() => cache.delete(name));
			cache.set(name, p);
		}
		return p as Promise<T | null>;
	};
	return {
		index: async () => (await get<CatalogIndex>('index.json', false))!,
		service: (prefix) =>
			get<ServiceCatalog>(`${encodeURIComponent(prefix.toLowerCase())}.json`, true)
	};
}
