import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS build script without types
import { buildSchemas, compile, formatted, manifest, upToDate } from './build-schemas.js';

const SNAPSHOT = {
	schema: 'static/schema/snapshot-v2.json',
	out: 'src/lib/import/snapshot-file/generated/snapshot-v2.validate.js'
};

describe('scripts/build-schemas.js (ADR 0003)', () => {
	it('lists the published snapshot schema', () => {
		expect(manifest()).toContainEqual(SNAPSHOT);
	});

	it('has every committed standalone validator up to date with its schema', async () => {
		expect(await buildSchemas({ check: true })).toEqual([]);
	});

	it('still counts a validator as up to date after Prettier reformatted it, but not after an edit', async () => {
		// The smallest validator keeps Prettier quick.
		const [{ schema, out }] = (manifest() as (typeof SNAPSHOT)[])
			.map((e) => ({ ...e, size: compile(e.schema).length }))
			.sort((a, b) => a.size - b.size);
		const generated: string = compile(schema);
		const pretty: string = await formatted(out, generated);
		expect(pretty).not.toBe(generated);
		expect(await upToDate(out, pretty, generated)).toBe(true);
		expect(await upToDate(out, pretty + 'export const edited = 1;\n', generated)).toBe(false);
	});

	it('generates code that never compiles code at run time (CSP forbids eval)', () => {
		const generated: string = compile(SNAPSHOT.schema);
		expect(generated).not.toMatch(/new Function|\beval\(/);
		expect(generated).not.toMatch(/require\(/);
	});
});
