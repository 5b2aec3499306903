import { describe, expect, it } from 'vitest';
import { importFiles } from '../import/import-files';
import { DEMO_NAME, LAST_OPENED_SETTING, SnapshotLibrary } from './snapshots.svelte';
import { MemoryImporter, MemoryStore } from './testing/memory-ports';
import { gaadFile, truncatedFile } from './testing/input-fixtures';

function setup(demo = [gaadFile('demo', '111111111111', ['teller'])]) {
	const store = new MemoryStore();
	const importer = new MemoryImporter(store);
	const library = new SnapshotLibrary(store, importer, async () => demo);
	return { store, importer, library };
}

describe('SnapshotLibrary', () => {
	it('imports the demo through the importer and opens it on first start', async () => {
		const { store, importer, library } = setup();
		await library.start();
		expect(importer.calls).toHaveLength(1);
		expect(library.status).toBe('ready');
		expect(library.open?.snapshot.meta.name).toBe(DEMO_NAME);
		expect(store.settings.get(LAST_OPENED_SETTING)).toBe(library.open?.id);
	});

	it('reopens the last opened snapshot on a later start, without importing the demo again', async () => {
		const { store, importer } = setup();
		const first = await store.add(snapshotNamed('first'));
		await store.add(snapshotNamed('second'));
		store.settings.set(LAST_OPENED_SETTING, first);
		const library = new SnapshotLibrary(store, importer, async () => []);
		await library.start();
		expect(importer.calls).toHaveLength(0);
		expect(library.open?.id).toBe(first);
	});

	it('prefers the snapshot the URL names, then the remembered one, then the newest', async () => {
		const { store, importer } = setup();
		const a = await store.add(snapshotNamed('a'));
		const b = await store.add(snapshotNamed('b'));
		const library = new SnapshotLibrary(store, importer, async () => []);
		await library.start(a);
		expect(library.open?.id).toBe(a);
		store.settings.set(LAST_OPENED_SETTING, a);
		const badLink = new SnapshotLibrary(store, importer, async () => []);
		await badLink.start('no-such-id');
		expect(badLink.open?.id).toBe(a);
		store.settings.set(LAST_OPENED_SETTING, 'gone');
		const again = new SnapshotLibrary(store, importer, async () => []);
		await again.start();
		expect(again.open?.id).toBe(b);
	});

	it('says so when the demo cannot be imported', async () => {
		const { library } = setup([truncatedFile()]);
		await library.start();
		expect(library.open).toBeNull();
		expect(library.problem).toMatch(/demo could not be imported.*truncated/);
	});

	it('renames (refusing blank names) and deletes, closing the snapshot when it was open', async () => {
		const { store, library } = setup();
		await library.start();
		const id = library.open!.id;
		expect(await library.rename(id, '   ')).toBe(false);
		expect(library.problem).toBe('A snapshot needs a name.');
		expect(await library.rename(id, '  Q3 review ')).toBe(true);
		expect((await store.listSummaries())[0].name).toBe('Q3 review');
		expect(await library.remove(id)).toBe(true);
		expect(library.open).toBeNull();
		expect(await store.countSnapshots()).toBe(0);
		await library.importDemo();
		expect(library.status).toBe('ready');
		expect(library.open?.snapshot.meta.name).toBe(DEMO_NAME);
	});
});

/** A one-user snapshot named `name`, imported through the real importer. */
function snapshotNamed(name: string) {
	const outcome = importFiles([gaadFile(name, '111111111111', ['u'])], { name });
	if (!outcome.ok) throw new Error('fixture did not import');
	return outcome.snapshot;
}

describe('SnapshotLibrary and other tabs', () => {
	const settle = () => new Promise((r) => setTimeout(r, 0));

	it('closes the open snapshot with a notice when another tab deletes it', async () => {
		const { store, library } = setup();
		const id = await store.add(snapshotNamed('Q3 review'));
		await library.openById(id);
		await settle();
		expect(library.open?.id).toBe(id);
		// Another tab deletes it: the store changes under this tab.
		await store.deleteSnapshot(id);
		await settle();
		await settle();
		expect(library.open).toBeNull();
		expect(library.problem).toBe(
			'The snapshot "Q3 review" was deleted (in another tab or window), so it was closed.'
		);
	});

	it('keeps the open snapshot when another one is deleted, and says nothing when this tab deletes it', async () => {
		const { store, library } = setup();
		const keep = await store.add(snapshotNamed('keep'));
		const other = await store.add(snapshotNamed('other'));
		await library.openById(keep);
		await store.deleteSnapshot(other);
		await settle();
		await settle();
		expect(library.open?.id).toBe(keep);
		expect(library.problem).toBeNull();
		expect(await library.remove(keep)).toBe(true);
		await settle();
		await settle();
		expect(library.open).toBeNull();
		expect(library.problem).toBeNull();
	});
});
