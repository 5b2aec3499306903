/**
 * The action catalog: AWS's actions, resource types and condition keys, loaded lazily.
 * Browser: `ActionCatalog.open(fetchCatalogLoader())` (src/lib/workers/fetch-catalog-loader.ts); Node: `loadNodeCatalog()` from './node-catalog'
 * (kept out of this barrel because it reads the file system).
 */
export { ActionCatalog, type ActionsForResource, type ResourceTypeMatch } from './action-catalog';
export {
	ACCESS_LEVELS,
	type AccessLevel,
	type CatalogIndex,
	type CatalogLoader,
	type ServiceCatalog
} from './catalog-data';
export { lintPolicy, servicesOfPolicy, type CatalogFinding } from './lint-policy';
