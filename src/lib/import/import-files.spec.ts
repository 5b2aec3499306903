/**
 * The importer's cases as data (house style §2): each folder under fixtures/ holds an input/
 * tree (a collection, loose files, …) and an expected.json with either the expected counts
 * and values, or the expected errors (code, file, pointer, line, column). Bytes a text file
 * cannot hold (binary files, zips — `entries` when two share a path) are declared in
 * expected.json and built here.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFiles, type InputFile } from './import-files';
import { countSnapshot } from './testing/count-snapshot';
import { buildZip } from './testing/zip-builder';

interface Expected {
	description: string;
	options?: { maxFileBytes?: number; name?: string };
	/** Extra inputs built in code: zips from text entries, files from hex bytes. */
	synthetic?: (
		| { path: string; zip: Record<string, string> }
		| { path: string; hex: string }
		| { path: string; repeat: string; times: number }
		| { path: string; entries: [string, string][] }
	)[];
	ok: boolean;
	counts?: Record<string, number>;
	/** JSON pointers into the snapshot → expected values. */
	values?: Record<string, unknown>;
	warnings?: string[];
	errors?: {
		code: string;
		file: string;
		pointer?: string;
		line?: number;
		column?: number;
		messageIncludes?: string;
	}[];
}

const here = dirname(fileURLToPath(import.meta.url));
const cases = import.meta.glob<Expected>('./fixtures/*/expected.json', {
	eager: true,
	import: 'default'
});

function walk(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.sort()
		.flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

function inputsOf(caseDir: string, expected: Expected): InputFile[] {
	const root = join(caseDir, 'input');
	const files: InputFile[] = walk(root).map((p) => ({
		path: relative(root, p).split('\\').join('/'),
		bytes: new Uint8Array(readFileSync(p))
	}));
	for (const s of expected.synthetic ?? []) {
		if ('zip' in s)
			files.push({
				path: s.path,
				bytes: zipSync(Object.fromEntries(Object.entries(s.zip).map(([k, v]) => [k, strToU8(v)])))
			});
		else if ('entries' in s) files.push({ path: s.path, bytes: buildZip(s.entries) });
		else if ('hex' in s)
			files.push({
				path: s.path,
				bytes: Uint8Array.from(s.hex.match(/../g)!.map((h) => parseInt(h, 16)))
			});
		else files.push({ path: s.path, bytes: strToU8(s.repeat.repeat(s.times)) });
	}
	return files;
}

/** Resolve a JSON pointer in a value. */
const at = (value: unknown, pointer: string): unknown =>
	pointer
		.split('/')
		.slice(1)
		.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
		.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);

describe('importFiles fixtures', () => {
	for (const [key, expected] of Object.entries(cases)) {
		const name = key.split('/')[2];
		it(`${name}: ${expected.description}`, () => {
			const outcome = importFiles(inputsOf(join(here, 'fixtures', name), expected), {
				now: '2026-11-26T00:00:00.000Z',
				...expected.options
			});
			if (!expected.ok) {
				expect(outcome.ok, JSON.stringify(outcome.ok ? outcome.warnings : null)).toBe(false);
				if (outcome.ok) return;
				const got = outcome.errors.map((e) => ({
					code: e.code,
					file: e.where?.file,
					pointer: e.where?.pointer,
					line: e.where?.line,
					column: e.where?.column,
					message: e.message
				}));
				expect(got).toHaveLength(expected.errors!.length);
				expected.errors!.forEach((want, i) => {
					const { messageIncludes, ...place } = want;
					expect(got[i]).toMatchObject(place);
					if (messageIncludes) expect(got[i].message).toContain(messageIncludes);
				});
				return;
			}
			expect(outcome.ok, JSON.stringify(outcome.ok ? null : outcome.errors, null, 1)).toBe(true);
			if (!outcome.ok) return;
			if (expected.counts) expect(countSnapshot(outcome.snapshot)).toMatchObject(expected.counts);
			for (const [pointer, value] of Object.entries(expected.values ?? {}))
				expect(at(outcome.snapshot, pointer), pointer).toEqual(value);
			expect(outcome.warnings.map((w) => w.code)).toEqual(expected.warnings ?? []);
		});
	}
});
