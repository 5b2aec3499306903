/**
 * importFiles never throws on bad input: arbitrary bytes, and arbitrary JSON filed under
 * every command name the importer knows, always give an outcome (fast-check).
 */
import fc from 'fast-check';
import { zipSync } from 'fflate';
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

describe('importFiles on a zip of 100,000 text files', () => {
	it('answers with one short message (not 100,000 lines), fast', { timeout: 120_000 }, () => {
		const entries: Record<string, Uint8Array> = {};
		for (let i = 0; i < 100_000; i++)
			entries[`notes/n${String(i).padStart(6, '0')}.txt`] = enc.encode(`note ${i}\n`);
		// fflate stores the entry count modulo 65,536 (no zip64): every entry must still be read.
		const bytes = zipSync(entries, { level: 0 });
		const started = performance.now();
		const outcome = importFiles([{ path: 'notes.zip', bytes }]);
		const seconds = (performance.now() - started) / 1000;
		expect(outcome.ok ? [] : outcome.errors).toEqual([
			{
				code: 'import.file.nothing-to-import',
				message:
					'None of the 100,000 files holds AWS CLI output IAM Atlas reads. Skipped: 100,000 documentation or licence files (notes.zip/notes/n000000.txt, notes.zip/notes/n000001.txt, notes.zip/notes/n000002.txt and 99,997 more).',
				where: { file: 'notes.zip' }
			}
		]);
		// Generous for a loaded machine (about 1 s alone); the bench measures it.
		expect(seconds).toBeLessThan(30);
	});
});
