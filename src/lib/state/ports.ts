/**
 * What the app-state classes need from the store and the import worker, as small interfaces so
 * the classes stay testable with in-memory fakes. src/lib/state/services.ts binds them to the
 * real Dexie repositories (src/lib/store) and the worker client (src/lib/workers).
 */
import type { InputFile } from '../import/import-files';
import type { AtlasError } from '../model/result';
import type { ReviewNote, Snapshot } from '../model/snapshot';
import type { SnapshotCounts } from '../model/snapshot-counts';
import type { Subscribable } from './live-query.svelte';
import type { SettingsPort } from './theme.svelte';

export type { SettingsPort };

/** One row of the snapshot list. */
export interface SnapshotSummary {
	id: string;
	name: string;
	capturedAt: string | null;
	importedAt: string;
	/** What it was imported from, in words ("collection of 42 files", "built-in demo", …). */
	source: string;
	counts: SnapshotCounts;
	/** The content fingerprint links name it by (null for rows stored before fingerprints existed). */
	fingerprint: string | null;
}

/** The stored snapshots. */
export interface SnapshotStorePort extends SettingsPort {
	/** Every stored snapshot's summary, newest import first. */
	listSummaries(): Promise<SnapshotSummary[]>;
	/** The same list, re-sent whenever it changes (watchDexie over listSummaries in the app). */
	watchSummaries(): Subscribable<SnapshotSummary[]>;
	/** How many snapshots are stored. */
	countSnapshots(): Promise<number>;
	/** A stored snapshot, or undefined. */
	loadSnapshot(id: string): Promise<Snapshot | undefined>;
	renameSnapshot(id: string, name: string): Promise<void>;
	deleteSnapshot(id: string): Promise<void>;
	/** Replace a stored snapshot's review notes. */
	saveNotes(id: string, notes: ReviewNote[]): Promise<void>;
}

/** Progress of a running import. */
export interface ImportProgress {
	done: number;
	total: number;
	file: string;
	/** What is happening ("reading", "importing", "saving"). */
	phase?: string;
}

/** How an import ended: stored as a new snapshot, or refused with per-file errors (nothing stored). */
export type StoredImportOutcome =
	| { ok: true; id: string; name: string; warnings: AtlasError[] }
	| { ok: false; errors: AtlasError[] };

/** Runs an import off the main thread and stores the result in one transaction. */
export interface ImporterPort {
	importAndStore(
		files: InputFile[],
		options: { name?: string; source?: string; onProgress?: (p: ImportProgress) => void }
	): Promise<StoredImportOutcome>;
}
