import { describe, expect, it } from 'vitest';
import { makeAccount, makeSnapshot, makeUser } from '../testing/builders';
import { AtlasDb, DB_NAME, DB_VERSIONS, type DbVersion, type SnapshotRecord } from './atlas-db';
import { SnapshotStore } from './snapshot-store';
import { getSetting, setSetting } from './settings-store';
import { fakeIndexedDb, sequentialIds } from './test-db';

/**
 * A test-only version 2 proving the upgrade mechanism: it indexes records by account count and
 * backfills a `label` on every record from its name and counts.
 */
const v2: DbVersion = {
	version: 2,
	stores: { snapshots: 'id, name, importedAt, counts.accounts' },
	upgrade: (tx) =>
		tx
			.table('snapshots')
			.toCollection()
			.modify((r: SnapshotRecord & { label?: string }) => {
				r.label = `${r.name} (${r.counts.accounts} accounts)`;
			})
};

describe('AtlasDb', () => {
	it('is the database "iam-atlas" with snapshots, bodies and settings tables', async () => {
		const db = new AtlasDb(fakeIndexedDb());
		await db.open();
		expect(db.name).toBe(DB_NAME);
		expect(db.tables.map((t) => t.name).sort()).toEqual(['bodies', 'settings', 'snapshots']);
		expect(db.verno).toBe(DB_VERSIONS.at(-1)!.version);
	});

	it('upgrades a version-1 database to version 2 with data intact', async () => {
		const idb = fakeIndexedDb();
		const snapshot = makeSnapshot({
			meta: { name: 'bank' },
			accounts: [makeAccount({ users: [makeUser()] })]
		});

		const v1Store = new SnapshotStore(
			new AtlasDb({ ...idb, versions: DB_VERSIONS }),
			sequentialIds()
		);
		await v1Store.save(snapshot);
		await setSetting(v1Store.db, 'theme', 'dark');
		expect(v1Store.db.verno).toBe(1);
		v1Store.db.close();

		const v2Db = new AtlasDb({ ...idb, versions: [...DB_VERSIONS, v2] });
		const v2Store = new SnapshotStore(v2Db);
		expect(await v2Store.get('snap-1')).toEqual({ ok: true, value: snapshot });
		expect(v2Db.verno).toBe(2);
		expect(await getSetting(v2Db, 'theme')).toBe('dark');
		const records = (await v2Store.list()) as (SnapshotRecord & { label?: string })[];
		expect(records.map((r) => r.label)).toEqual(['bank (1 accounts)']);
		expect(await v2Db.snapshots.where('counts.accounts').equals(1).count()).toBe(1);
	});
});
