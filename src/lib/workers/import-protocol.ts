/**
 * Messages between the main thread (import-client.ts) and the import worker (import.worker.ts).
 * Files go in (their bytes transferred, not copied); only progress, the new snapshot's record
 * and errors come back — the snapshot itself is saved inside the worker and never crosses over.
 */
import type { AtlasError } from '../model/result';
import type { SnapshotRecord } from '../store/atlas-db';

/** One input file: path relative to the collection root ('/' separators) and its bytes. */
export interface ImportFileMessage {
	path: string;
	bytes: Uint8Array;
}

/** Main thread → worker: import these files and save the result. */
export interface ImportStart {
	type: 'start';
	requestId: number;
	files: ImportFileMessage[];
	/** The snapshot's name (default: derived from the files). */
	name?: string;
	/** Replace the stored snapshot with this id instead of adding a new one. */
	replaceId?: string;
}

/** Main thread → worker. */
export type ImportRequest = ImportStart;

/** What the worker is doing: reading files, then saving to IndexedDB. */
export type ImportPhase = 'read' | 'save';

/** Worker → main thread: how far the import has got (throttled). */
export interface ImportProgressMessage {
	type: 'progress';
	requestId: number;
	phase: ImportPhase;
	done: number;
	total: number;
	file: string;
}

/** Worker → main thread: the snapshot is stored. */
export interface ImportDone {
	type: 'done';
	requestId: number;
	snapshotId: string;
	/** The stored record: name, dates, sources and counts. */
	record: SnapshotRecord;
	warnings: AtlasError[];
}

/** Worker → main thread: nothing was stored, and why. */
export interface ImportFailed {
	type: 'failed';
	requestId: number;
	errors: AtlasError[];
}

/** Worker → main thread. */
export type ImportReply = ImportProgressMessage | ImportDone | ImportFailed;
