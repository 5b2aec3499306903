/**
 * The action catalog: AWS's actions, resource types and condition keys, loaded lazily.
 * Browser: `ActionCatalog.open(fetchCatalogLoader())`; Node: `loadNodeCatalog()` from './node-catalog'
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
export { fetchCatalogLoader } from './fetch-loader';
export { lintPolicy, servicesOfPolicy, type CatalogFinding } from './lint-policy';
