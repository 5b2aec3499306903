import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS build script without types
import { buildSchemas, manifest } from './build-schemas.js';

describe('scripts/build-schemas.js (ADR 0003)', () => {
	it('lists the published snapshot schema', () => {
		expect(manifest()).toContainEqual({ schema: 'static/schema/snapshot-v1.json', out: 'src/lib/import/snapshot-file/generated/snapshot-v1.validate.js' });
	});

	it('has every committed standalone validator up to date with its schema', () => {
		expect(buildSchemas({ check: true })).toEqual([]);
	});
});
