/**
 * The expansion budget (issue 9 item 2): one budget per import across nested zips and every
 * archive, checked while inflating — a bomb stops at the budget, a header that lies about an
 * entry's size does not get past the per-file limit.
 */
import { describe, expect, it } from 'vitest';
import { importFiles } from '../import-files';
import { buildZip, nestedZipBomb, type ZipEntrySpec } from '../testing/zip-builder';
import { expandZip, expansionBudget } from './expand-zip';

const MiB = 1024 * 1024;

const errorsOf = (outcome: ReturnType<typeof importFiles>) =>
	outcome.ok
		? []
		: outcome.errors.map((e) => ({ code: e.code, file: e.where?.file, message: e.message }));

describe('expandZip budget', () => {
	it('stops a nested zip bomb at the import budget, naming the inner archive and how far it got', () => {
		// 3 inner zips × 4 entries × 1000 KiB of zeros; each entry under the 1 MiB limit, each
		// inner zip under the 4 MiB budget on its own (the bug: each got a budget of its own).
		const bomb = nestedZipBomb(3, 4, 1000 * 1024);
		const budget = expansionBudget(MiB);
		const errors: Parameters<typeof expandZip>[2] = [];
		const files = expandZip({ path: 'bomb.zip', bytes: bomb }, MiB, errors, budget);
		expect(errors.map((e) => [e.code, e.where?.file, e.message])).toEqual([
			[
				'import.zip.too-large',
				'bomb.zip/inner-1.zip',
				'Expanding this archive passed the limit of 4 MiB one import may expand (four times the per-file limit), at entry "zeros-0.json": 4.9 MiB had been expanded, counting every archive of this import. Expanding stopped there and nothing was imported.'
			]
		]);
		// Stopped within one inflated slice of the budget, not after inflating everything.
		expect(budget.used).toBeLessThan(budget.limit + MiB);
		expect(budget.used).toBeGreaterThan(budget.limit);
		expect(files.map((f) => f.path)).toEqual([
			'bomb.zip/inner-0.zip/zeros-0.json',
			'bomb.zip/inner-0.zip/zeros-1.json',
			'bomb.zip/inner-0.zip/zeros-2.json',
			'bomb.zip/inner-0.zip/zeros-3.json'
		]);
	});

	it('shares the budget between archives given side by side', () => {
		const part = buildZip([
			['a.json', { zeros: 1000 * 1024 }],
			['b.json', { zeros: 1000 * 1024 }],
			['c.json', { zeros: 1000 * 1024 }]
		]);
		const outcome = importFiles(
			[
				{ path: 'one.zip', bytes: part },
				{ path: 'two.zip', bytes: part }
			],
			{ maxFileBytes: MiB }
		);
		expect(errorsOf(outcome)).toEqual([
			{
				code: 'import.zip.too-large',
				file: 'two.zip',
				message:
					'Expanding this archive passed the limit of 4 MiB one import may expand (four times the per-file limit), at entry "b.json": 4.9 MiB had been expanded, counting every archive of this import. Expanding stopped there and nothing was imported.'
			}
		]);
	});

	it('stops an entry whose header understates its size at the per-file limit', () => {
		const zip = buildZip([['liar.json', { zeros: 16 * MiB }]]);
		// Patch the declared size (central directory, offset 24 of the entry record) to 10 bytes.
		const view = new DataView(zip.buffer);
		let central = zip.length - 4;
		while (view.getUint32(central, true) !== 0x02014b50) central--;
		view.setUint32(central + 24, 10, true);
		const budget = expansionBudget(MiB);
		const errors: Parameters<typeof expandZip>[2] = [];
		expect(expandZip({ path: 'liar.zip', bytes: zip }, MiB, errors, budget)).toEqual([]);
		expect(errors.map((e) => [e.code, e.where?.file, e.message])).toEqual([
			[
				'import.zip.too-large',
				'liar.zip/liar.json',
				'This archive entry expands past the 1 MiB limit per file (its header claimed 10 bytes); expanding stopped there.'
			]
		]);
		expect(budget.used).toBeLessThan(6 * MiB);
	});

	it('refuses a zip whose directory is cut off, in words', () => {
		const zip = buildZip([['a.json', '{}']]);
		const errors: Parameters<typeof expandZip>[2] = [];
		expandZip({ path: 'cut.zip', bytes: zip.subarray(0, zip.length - 10) }, MiB, errors);
		expect(errors.map((e) => e.message)).toEqual([
			'This is not a readable .zip archive (no end-of-archive record: the file is cut short or not a zip).'
		]);
	});
});

describe('expandZip and overstated sizes', () => {
	it('does not reserve the size a header claims beyond what the data can expand to', () => {
		const entries = Array.from({ length: 2000 }, (_, i): ZipEntrySpec => [
			`f${i}.json`,
			{ zeros: 2 }
		]);
		const zip = buildZip(entries);
		// Every entry claims 500 MiB (central directory, offset 24): 2000 × 500 MiB = 1 TB if reserved.
		const view = new DataView(zip.buffer);
		for (let o = 0; o + 4 <= zip.length; o++)
			if (view.getUint32(o, true) === 0x02014b50) view.setUint32(o + 24, 500 * MiB, true);
		const errors: Parameters<typeof expandZip>[2] = [];
		const files = expandZip({ path: 'claims.zip', bytes: zip }, 512 * MiB, errors);
		expect(errors).toEqual([]);
		expect(files).toHaveLength(2000);
		expect(files.every((f) => f.bytes.length === 2 && f.bytes.buffer.byteLength < 4096)).toBe(true);
	});
});
