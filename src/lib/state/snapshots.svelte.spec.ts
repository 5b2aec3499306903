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

describe('SnapshotLibrary: demo kept deleted, distinct names, links by fingerprint', () => {
	it('does not bring a deleted demo back on the next start, until asked', async () => {
		const { store, importer, library } = setup();
		await library.start();
		expect(await library.remove(library.open!.id)).toBe(true);
		const next = new SnapshotLibrary(store, importer, async () => [
			gaadFile('demo', '111111111111', ['teller'])
		]);
		await next.start();
		expect(next.open).toBeNull();
		expect(importer.calls).toHaveLength(1);
		await next.importDemo();
		expect(next.open?.snapshot.meta.name).toBe(DEMO_NAME);
		const third = new SnapshotLibrary(store, importer, async () => []);
		await third.start();
		expect(third.open?.snapshot.meta.name).toBe(DEMO_NAME);
	});

	it('names a re-import "… (2)" and opens a snapshot named by its content fingerprint', async () => {
		const { store, importer, library } = setup();
		const a = await store.add(snapshotNamed('bank'));
		const b = await store.add(snapshotNamed('bank'));
		expect(await library.nameDistinctly(b)).toBe('bank (2)');
		expect(await library.nameDistinctly(a)).toBe('bank');
		const other = importFiles([gaadFile('other', '222222222222', ['x'])], { name: 'other' });
		if (!other.ok) throw new Error('fixture did not import');
		const c = await store.add(other.snapshot);
		const fp = (await store.listSummaries()).find((s) => s.id === a)!.fingerprint!;
		store.settings.set(LAST_OPENED_SETTING, c);
		const byLink = new SnapshotLibrary(store, importer, async () => []);
		await byLink.start(fp);
		expect([a, b]).toContain(byLink.open?.id);
		expect(byLink.openFingerprint).toBe(fp);
		expect(await byLink.holds(fp)).toBe(true);
		expect(await byLink.holds('ffffffffffffffffffffffff')).toBe(false);
	});
});
