/**
 * The IndexedDB database `iam-atlas` (Dexie): its tables and its schema versions. Snapshot
 * metadata and snapshot bodies live in separate tables so listing never loads a body.
 * Versions are data (DB_VERSIONS): to change the schema, append a version with its stores and an
 * upgrade function — never edit a shipped one. atlas-db.spec.ts shows an upgrade with a test-only v2.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { SnapshotCounts } from '../model/snapshot-counts';
import type { SourceFile } from '../model/snapshot';

/** The database name. */
export const DB_NAME = 'iam-atlas';

/** One row of the snapshot list: everything shown without loading the body. */
export interface SnapshotRecord {
	id: string;
	name: string;
	capturedAt: string | null;
	importedAt: string;
	sources: SourceFile[];
	tool: string;
	counts: SnapshotCounts;
	/** The snapshot format version of the stored body. */
	formatVersion: number;
	/** The content fingerprint (model/fingerprint.ts) that links name it by; absent on rows stored before it existed. */
	fingerprint?: string;
}

/**
 * A stored snapshot body, keyed like its record: the snapshot as JSON text. Text is stored and
 * read back several times faster than the same data as a structured-cloned object graph
 * (bench/store.js), and a snapshot is plain JSON data anyway.
 */
export interface SnapshotBody {
	id: string;
	json: string;
}

/** One key-value setting. */
export interface SettingRow {
	key: string;
	value: unknown;
}

/** One schema version: Dexie store specs and an optional upgrade from the previous version. */
export interface DbVersion {
	version: number;
	stores: Record<string, string | null>;
	upgrade?: (tx: Transaction) => Promise<unknown> | void;
}

/** The shipped schema history. */
export const DB_VERSIONS: readonly DbVersion[] = [
	{
		version: 1,
		stores: { snapshots: 'id, name, importedAt', bodies: 'id', settings: 'key' }
	}
];

/** Where to find IndexedDB (tests pass fake-indexeddb; browsers and workers use the global). */
export interface DbOptions {
	name?: string;
	versions?: readonly DbVersion[];
	indexedDB?: IDBFactory;
	IDBKeyRange?: typeof IDBKeyRange;
}

/** The Dexie database with typed tables. */
export class AtlasDb extends Dexie {
	snapshots!: Table<SnapshotRecord, string>;
	bodies!: Table<SnapshotBody, string>;
	settings!: Table<SettingRow, string>;

	/** Declare every version of `options.versions` (default DB_VERSIONS). Opens lazily on first use. */
	constructor(options: DbOptions = {}) {
		const { name = DB_NAME, versions = DB_VERSIONS, indexedDB, IDBKeyRange } = options;
		super(name, indexedDB ? { indexedDB, IDBKeyRange } : undefined);
		for (const v of versions) {
			const declared = this.version(v.version).stores(v.stores);
			if (v.upgrade) declared.upgrade(v.upgrade);
		}
	}
}
