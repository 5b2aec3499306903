/** A fresh in-memory IndexedDB (fake-indexeddb) per test, so store tests never share state. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { AtlasDb, type DbVersion } from './atlas-db';

/** Options pointing Dexie at a new, empty fake IndexedDB (shared by several AtlasDb on purpose). */
export function fakeIndexedDb(): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
	return { indexedDB: new IDBFactory(), IDBKeyRange };
}

/** An AtlasDb over a new fake IndexedDB (optionally with another version history). */
export function testDb(versions?: readonly DbVersion[]): AtlasDb {
	return new AtlasDb({ ...fakeIndexedDb(), versions });
}

/** Deterministic ids: snap-1, snap-2, … */
export function sequentialIds(prefix = 'snap-'): () => string {
	let n = 0;
	return () => `${prefix}${++n}`;
}
