import { describe, expect, it } from 'vitest';
import { groupByFile } from './group-errors';
import { ImportJob } from './import.svelte';
import { MemoryImporter, MemoryStore } from './testing/memory-ports';
import { gaadFile, truncatedFile } from './testing/input-fixtures';

function setup() {
	const store = new MemoryStore();
	const opened: string[] = [];
	const job = new ImportJob(new MemoryImporter(store), async (id) => opened.push(id));
	return { store, opened, job };
}

describe('ImportJob', () => {
	it('stores a good collection, reports its name and asks the shell to open it', async () => {
		const { store, opened, job } = setup();
		await job.fromInputFiles([gaadFile('small-org', '222222222222', ['ann', 'ben'])]);
		expect(job.phase).toBe('done');
		expect(job.storedName).toBe('small-org');
		expect(opened).toHaveLength(1);
		expect((await store.listSummaries())[0].counts.users).toBe(2);
	});

	it('lists errors per file with their place, and stores nothing', async () => {
		const { store, opened, job } = setup();
		await job.fromInputFiles([
			gaadFile('org', '222222222222', ['ann']),
			truncatedFile('org/broken.json')
		]);
		expect(job.phase).toBe('failed');
		expect(job.errorsByFile.map((g) => g.file)).toEqual(['org/broken.json']);
		expect(job.errors[0].where).toMatchObject({ file: 'org/broken.json', line: 1 });
		expect(await store.countSnapshots()).toBe(0);
		expect(opened).toEqual([]);
		job.dismiss();
		expect(job.phase).toBe('idle');
		expect(job.errors).toEqual([]);
	});

	it('refuses an empty selection in words', async () => {
		const { job } = setup();
		await job.fromInputFiles([]);
		expect(job.errors[0].message).toMatch(/Nothing to import/);
	});

	it('groups errors without a file under "(input)"', () => {
		expect(
			groupByFile([
				{ code: 'a', message: 'x' },
				{ code: 'b', message: 'y', where: { file: 'f' } }
			])
		).toEqual([
			{ file: '(input)', errors: [{ code: 'a', message: 'x' }] },
			{ file: 'f', errors: [{ code: 'b', message: 'y', where: { file: 'f' } }] }
		]);
	});
});
