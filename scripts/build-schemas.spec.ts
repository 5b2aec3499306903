import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS build script without types
import {
	buildSchemas,
	compile,
	declarations,
	formatted,
	manifest,
	schemaType,
	typeName,
	upToDate
} from './build-schemas.js';

const SNAPSHOT = {
	schema: 'static/schema/snapshot-v2.json',
	out: 'src/lib/import/snapshot-file/generated/snapshot-v2.validate.js'
};

describe('scripts/build-schemas.js (ADR 0003)', () => {
	it('lists the published snapshot schema', () => {
		expect(manifest()).toContainEqual(SNAPSHOT);
	});

	it('has every generated standalone validator up to date with its schema (vitest globalSetup writes them)', async () => {
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

	it('names the guarded type after the schema file', () => {
		expect(typeName('src/lib/import/schemas/organizations-list-roots.schema.json')).toBe(
			'OrganizationsListRoots'
		);
		expect(typeName('static/schema/snapshot-v2.json')).toBe('SnapshotV2');
	});

	it('turns the JSON Schema keywords our schemas use into TypeScript', () => {
		const defs = new Map([['tag', 'XTag']]);
		const schema = {
			type: 'object',
			required: ['Arn', 'Tags'],
			properties: {
				Arn: { type: 'string', pattern: '^arn:' },
				Count: { type: 'integer', minimum: 0 },
				Tags: { type: 'array', items: { $ref: '#/definitions/tag' } },
				Doc: { anyOf: [{ type: 'object' }, { type: 'string' }] },
				Effect: { enum: ['Allow', 'Deny'] },
				Kind: { const: 'x' },
				'odd-key': { type: ['string', 'null'] }
			},
			additionalProperties: false
		};
		expect(schemaType(schema, defs)).toBe(
			[
				'{',
				'\tArn: string;',
				'\tCount?: number;',
				'\tTags: (XTag)[];',
				'\tDoc?: (Record<string, unknown>) | (string);',
				'\tEffect?: "Allow" | "Deny";',
				'\tKind?: "x";',
				'\t"odd-key"?: string | null;',
				'}'
			].join('\n')
		);
		expect(() => schemaType({ $ref: '#/definitions/missing' }, defs)).toThrow(/unresolved/);
	});

	it('declares the validator as a type guard for the schema type', () => {
		const dts: string = declarations('src/lib/import/schemas/gaad.schema.json');
		expect(dts).toContain('export type Gaad = {');
		expect(dts).toContain('declare const validate: ((data: unknown) => data is Gaad)');
	});
});
