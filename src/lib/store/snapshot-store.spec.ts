import { SNAPSHOT_VERSION } from '../model/snapshot';
import { describe, expect, it } from 'vitest';
import { makeAccount, makeOrg, makeRole, makeSnapshot, makeUser } from '../testing/builders';
import { migrateStoredSnapshot } from '../import/snapshot-file/migrate-stored';
import { SnapshotStore } from './snapshot-store';
import { getSetting, setSetting } from './settings-store';
import { sequentialIds, testDb } from './test-db';

const bank = makeSnapshot({
	meta: {
		name: 'bank',
		importedAt: '2026-02-01T00:00:00Z',
		sources: [{ path: 'a/iam-get-account-authorization-details.json', kind: 'gaad' }]
	},
	organization: makeOrg(),
	accounts: [makeAccount({ users: [makeUser(), makeUser({ name: 'bob' })], roles: [makeRole()] })]
});
const older = makeSnapshot({ meta: { name: 'older', importedAt: '2026-01-01T00:00:00Z' } });

const newStore = () => new SnapshotStore(testDb(), sequentialIds());
const counts = async (store: SnapshotStore) => [
	await store.db.snapshots.count(),
	await store.db.bodies.count()
];

describe('SnapshotStore', () => {
	it('migrates a body stored by an older version when it is read (format 1 → current)', async () => {
		const store = new SnapshotStore(testDb(), sequentialIds(), migrateStoredSnapshot);
		const saved = await store.save(bank);
		expect(saved.ok).toBe(true);
		const v1Note = { id: 'n1', target: 'r-1', text: 'old', author: null, createdAt: '2026-01-01' };
		const v1Body = { ...JSON.parse(JSON.stringify(bank)), version: 1, notes: [v1Note], views: [] };
		await store.db.bodies.put({ id: 'snap-1', json: JSON.stringify(v1Body) });
		const read = await store.get('snap-1');
		expect(read.ok && read.value.version).toBe(SNAPSHOT_VERSION);
		expect(read.ok && read.value.notes[0]).toMatchObject({
			target: 'r-1',
			text: 'old',
			targetKind: 'node',
			status: null
		});
	});

	it('refuses an older body when it was given no migrator (store/ never imports the parser)', async () => {
		const store = newStore();
		await store.save(bank);
		const v1Body = { ...JSON.parse(JSON.stringify(bank)), version: 1, notes: [], views: [] };
		await store.db.bodies.put({ id: 'snap-1', json: JSON.stringify(v1Body) });
		expect(await store.get('snap-1')).toEqual({
			ok: false,
			error: {
				code: 'store.old-format',
				message:
					'The stored snapshot "bank" is in snapshot format 1, and this part of IAM Atlas cannot migrate it. Open it in the app to bring it up to date.'
			}
		});
	});

	it('saves a snapshot and lists its record with counts, without loading bodies', async () => {
		const store = newStore();
		const saved = await store.save(bank);
		expect(saved).toMatchObject({
			ok: true,
			value: { id: 'snap-1', name: 'bank', formatVersion: SNAPSHOT_VERSION }
		});
		expect(saved.ok && saved.value.counts).toEqual({
			accounts: 1,
			users: 2,
			groups: 0,
			roles: 1,
			policies: 0,
			resources: 0,
			scps: 1,
			rcps: 0
		});
		expect(await store.list()).toEqual([saved.ok && saved.value]);
	});

	it('gives the snapshot back exactly', async () => {
		const store = newStore();
		await store.save(bank);
		expect(await store.get('snap-1')).toEqual({ ok: true, value: bank });
	});

	it('keeps several snapshots side by side, newest import first', async () => {
		const store = newStore();
		await store.save(older);
		await store.save(bank);
		expect((await store.list()).map((r) => r.name)).toEqual(['bank', 'older']);
	});

	it('renames: the list and the snapshot read back carry the new name', async () => {
		const store = newStore();
		await store.save(bank);
		expect((await store.rename('snap-1', 'Bank <b>prod</b>')).ok).toBe(true);
		expect((await store.list())[0].name).toBe('Bank <b>prod</b>');
		const got = await store.get('snap-1');
		expect(got.ok && got.value.meta.name).toBe('Bank <b>prod</b>');
	});

	it('deletes record and body, and forgets it as last opened', async () => {
		const store = newStore();
		await store.save(bank);
		await store.save(older);
		await setSetting(store.db, 'lastOpenedSnapshotId', 'snap-1');
		expect(await store.delete('snap-1')).toEqual({ ok: true, value: undefined });
		expect(await counts(store)).toEqual([1, 1]);
		expect(await getSetting(store.db, 'lastOpenedSnapshotId')).toBeUndefined();
	});

	it('reports unknown ids as store.not-found', async () => {
		const store = newStore();
		for (const r of [
			await store.get('nope'),
			await store.rename('nope', 'x'),
			await store.delete('nope'),
			await store.record('nope')
		])
			expect(!r.ok && r.error.code).toBe('store.not-found');
	});

	it('replaces a snapshot saved again under the same id', async () => {
		const store = newStore();
		await store.save(older);
		await store.save(bank, { id: 'snap-1' });
		expect(await counts(store)).toEqual([1, 1]);
		expect((await store.list())[0].name).toBe('bank');
	});
});

describe('settings', () => {
	it('stores, reads and removes values', async () => {
		const db = testDb();
		expect(await getSetting(db, 'theme')).toBeUndefined();
		await setSetting(db, 'theme', 'dark');
		expect(await getSetting(db, 'theme')).toBe('dark');
		await setSetting(db, 'theme', undefined);
		expect(await getSetting(db, 'theme')).toBeUndefined();
	});
});
