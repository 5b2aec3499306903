/**
 * importFiles never throws on bad input: arbitrary bytes, and arbitrary JSON filed under
 * every command name the importer knows, always give an outcome (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFiles } from './import-files';
import { SHAPES } from './shape-table';

const enc = new TextEncoder();
const paths = SHAPES.flatMap((s) =>
	s.commands.map((c) =>
		s.parameterised ? `123456789012/eu-west-1/${c}/p-abcdefgh12.json` : `123456789012/${c}.json`
	)
);

/** JSON that looks a little like AWS output: known keys at the top, anything below. */
const awsish = fc.dictionary(
	fc.constantFrom(
		'UserDetailList',
		'RoleDetailList',
		'Policies',
		'Roots',
		'Accounts',
		'Policy',
		'Attributes',
		'Role',
		'Buckets',
		'Keys',
		'Targets',
		'ARN',
		'Name',
		'policyText',
		'repositoryName',
		'registryId',
		'format'
	),
	fc.jsonValue({ maxDepth: 4 })
);

describe('importFiles robustness', () => {
	it('never throws on arbitrary bytes', () => {
		fc.assert(
			fc.property(
				fc.uint8Array({ maxLength: 200 }),
				fc.constantFrom(
					'a.json',
					'a.zip',
					'123456789012/iam-get-account-authorization-details.json'
				),
				(bytes, path) => {
					const outcome = importFiles([{ path, bytes }]);
					expect(typeof outcome.ok).toBe('boolean');
				}
			)
		);
	});

	it('never throws on arbitrary JSON under any known command name', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...paths),
				fc.oneof(awsish, fc.jsonValue({ maxDepth: 4 })),
				(path, value) => {
					const outcome = importFiles([
						{ path, bytes: enc.encode(JSON.stringify(value) ?? 'null') }
					]);
					if (!outcome.ok)
						for (const e of outcome.errors) expect(e.code).toMatch(/^import\.[a-z-]+\.[a-z-]+$/);
					else expect(outcome.snapshot.format).toBe('iam-atlas-snapshot');
				}
			),
			{ numRuns: 500 }
		);
	});

	it('reports progress once per file', () => {
		const seen: string[] = [];
		importFiles(
			[
				{ path: 'a.json', bytes: enc.encode('{}') },
				{ path: 'b.json', bytes: enc.encode('{"UserDetailList": []}') }
			],
			{ onProgress: (p) => seen.push(`${p.done}/${p.total} ${p.file}`) }
		);
		expect(seen).toEqual(['1/2 a.json', '2/2 b.json']);
	});
});
