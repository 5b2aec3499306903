/**
 * The import worker: runs the import core on the files it is sent and saves the snapshot into
 * IndexedDB from here, so a big snapshot never crosses to (or blocks) the main thread.
 * Transport only — the work is runImport (import-session.ts) over importFiles and SnapshotStore.
 */
/// <reference lib="webworker" />
import { migrateStoredSnapshot } from '../import/snapshot-file/migrate-stored';
import { SnapshotStore } from '../store/snapshot-store';
import type { ImportReply, ImportRequest } from './import-protocol';
import { runImport } from './import-session';

const store = new SnapshotStore(undefined, undefined, migrateStoredSnapshot);
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: ImportReply) => scope.postMessage(reply);

// Requests run one after another: each import holds a whole collection in memory.
let queue = Promise.resolve();
scope.onmessage = (event: MessageEvent<ImportRequest>) => {
	queue = queue.then(() => runImport(event.data, store, post));
};
