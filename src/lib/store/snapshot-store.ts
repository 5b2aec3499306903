/**
 * Named snapshots side by side in IndexedDB: list, get, save, rename, delete. Every write is one
 * Dexie transaction, so a snapshot lands whole or not at all; failures (a full quota included)
 * come back as AtlasErrors with the store unchanged. Reactive listing (liveQuery) is left to the
 * state layer, over `store.db.snapshots`. Bodies saved in an older snapshot format are lifted by a
 * migrator the caller passes in (the import core's, loaded lazily: store/ imports only model/).
 */
import { SNAPSHOT_VERSION, type ReviewNote, type Snapshot } from '../model/snapshot';
import { countSnapshot } from '../model/snapshot-counts';
import { snapshotFingerprint } from '../model/fingerprint';
import type { Result } from '../model/result';
import { AtlasDb, type DbOptions, type SnapshotRecord } from './atlas-db';
import { notFound, oldFormat, storeError } from './store-error';
import { LAST_OPENED } from './settings-store';

/** Options of save(). */
export interface SaveOptions {
	/** Replace the snapshot with this id (default: a new id). */
	id?: string;
}

/**
 * Lifts a stored body of an older format version to the current one (validated), naming it `name`
 * in errors. The app passes migrateStoredSnapshot (import/snapshot-file/migrate-stored.ts).
 */
export type StoredMigrator = (body: unknown, name: string) => Promise<Result<Snapshot>>;

/** Without a migrator, an old body is an error (a store opened only to list or save). */
const noMigrator: StoredMigrator = async (body, name) => ({
	ok: false,
	error: oldFormat(name, (body as { version?: unknown }).version)
});

/** The metadata row for a snapshot. */
export function recordFor(id: string, s: Snapshot): SnapshotRecord {
	const { name, capturedAt, importedAt, sources, tool } = s.meta;
	return {
		id,
		name,
		capturedAt,
		importedAt,
		sources,
		tool,
		counts: countSnapshot(s),
		formatVersion: s.version,
		fingerprint: snapshotFingerprint(s)
	};
}

/** The snapshot repository over one AtlasDb. */
export class SnapshotStore {
	readonly db: AtlasDb;
	readonly #newId: () => string;
	readonly #migrate: StoredMigrator;

	/**
	 * Use `db` (default: the `iam-atlas` database); `newId` makes ids (default crypto.randomUUID);
	 * `migrate` lifts bodies of older format versions (default: none, they read as an error).
	 */
	constructor(
		db: AtlasDb | DbOptions = {},
		newId: () => string = () => crypto.randomUUID(),
		migrate: StoredMigrator = noMigrator
	) {
		this.db = db instanceof AtlasDb ? db : new AtlasDb(db);
		this.#newId = newId;
		this.#migrate = migrate;
	}

	/** Every stored snapshot's record, newest import first. */
	async list(): Promise<SnapshotRecord[]> {
		return (await this.db.snapshots.orderBy('importedAt').toArray()).reverse();
	}

	/** One snapshot's record. */
	async record(id: string): Promise<Result<SnapshotRecord>> {
		try {
			const r = await this.db.snapshots.get(id);
			return r ? { ok: true, value: r } : { ok: false, error: notFound(id) };
		} catch (e) {
			return { ok: false, error: storeError(e, 'read the snapshot list') };
		}
	}

	/** A whole snapshot (its name as last renamed); bodies of older format versions are migrated. */
	async get(id: string): Promise<Result<Snapshot>> {
		try {
			const [record, body] = await this.db.transaction('r', this.db.snapshots, this.db.bodies, () =>
				Promise.all([this.db.snapshots.get(id), this.db.bodies.get(id)])
			);
			if (!record || !body) return { ok: false, error: notFound(id) };
			let snapshot = JSON.parse(body.json) as Snapshot;
			if (snapshot.version !== SNAPSHOT_VERSION) {
				const migrated = await this.#migrate(snapshot, record.name);
				if (!migrated.ok) return migrated;
				snapshot = migrated.value;
			}
			return { ok: true, value: { ...snapshot, meta: { ...snapshot.meta, name: record.name } } };
		} catch (e) {
			return { ok: false, error: storeError(e, 'read the snapshot') };
		}
	}

	/** Store a snapshot (record and body in one transaction); returns its record. */
	async save(snapshot: Snapshot, options: SaveOptions = {}): Promise<Result<SnapshotRecord>> {
		const id = options.id ?? this.#newId();
		try {
			const record = recordFor(id, snapshot);
			const json = JSON.stringify(snapshot);
			await this.db.transaction('rw', this.db.snapshots, this.db.bodies, async () => {
				await this.db.snapshots.put(record);
				await this.db.bodies.put({ id, json });
			});
			return { ok: true, value: record };
		} catch (e) {
			return { ok: false, error: storeError(e, 'save the snapshot') };
		}
	}

	/** Give a snapshot a new name (shown in the list and written into exports). */
	async rename(id: string, name: string): Promise<Result<SnapshotRecord>> {
		try {
			const updated = await this.db.transaction('rw', this.db.snapshots, async () => {
				const r = await this.db.snapshots.get(id);
				if (!r) return null;
				const next = { ...r, name };
				await this.db.snapshots.put(next);
				return next;
			});
			return updated ? { ok: true, value: updated } : { ok: false, error: notFound(id) };
		} catch (e) {
			return { ok: false, error: storeError(e, 'rename the snapshot') };
		}
	}

	/** Replace a stored snapshot's review notes (one transaction; the record and the rest of the body stay). */
	async setNotes(id: string, notes: ReviewNote[]): Promise<Result<void>> {
		try {
			const found = await this.db.transaction('rw', this.db.bodies, async () => {
				const body = await this.db.bodies.get(id);
				if (!body) return false;
				const snapshot = JSON.parse(body.json) as Snapshot;
				await this.db.bodies.put({ id, json: JSON.stringify({ ...snapshot, notes }) });
				return true;
			});
			return found ? { ok: true, value: undefined } : { ok: false, error: notFound(id) };
		} catch (e) {
			return { ok: false, error: storeError(e, 'save the review notes') };
		}
	}

	/** Remove a snapshot (record and body), forgetting it as the last opened one. */
	async delete(id: string): Promise<Result<void>> {
		try {
			const found = await this.db.transaction(
				'rw',
				this.db.snapshots,
				this.db.bodies,
				this.db.settings,
				async () => {
					const exists = (await this.db.snapshots.get(id)) !== undefined;
					await this.db.snapshots.delete(id);
					await this.db.bodies.delete(id);
					const last = await this.db.settings.get(LAST_OPENED);
					if (last?.value === id) await this.db.settings.delete(LAST_OPENED);
					return exists;
				}
			);
			return found ? { ok: true, value: undefined } : { ok: false, error: notFound(id) };
		} catch (e) {
			return { ok: false, error: storeError(e, 'delete the snapshot') };
		}
	}
}
