/**
 * In-memory stand-ins for the store and the import worker, for the state classes' tests: the same
 * contracts (ports.ts) with a Map behind them and importFiles run on the calling thread.
 */
import { importFiles, type InputFile } from '../../import/import-files';
import { countSnapshot } from '../../model/snapshot-counts';
import { snapshotFingerprint } from '../../model/fingerprint';
import type { ReviewNote, Snapshot } from '../../model/snapshot';
import type { Subscribable } from '../live-query.svelte';
import type {
	ImporterPort,
	SnapshotStorePort,
	SnapshotSummary,
	StoredImportOutcome
} from '../ports';

/** A snapshot store in a Map, notifying watchers on every change. */
export class MemoryStore implements SnapshotStorePort {
	snapshots = new Map<string, { snapshot: Snapshot; source: string }>();
	settings = new Map<string, unknown>();
	#watchers = new Set<(list: SnapshotSummary[]) => void>();
	#next = 1;

	/** Store a snapshot; resolves to its new id. */
	async add(snapshot: Snapshot, source = 'files'): Promise<string> {
		const id = `s${this.#next++}`;
		this.snapshots.set(id, { snapshot, source });
		this.#notify();
		return id;
	}
	async listSummaries(): Promise<SnapshotSummary[]> {
		return [...this.snapshots].reverse().map(([id, { snapshot, source }]) => ({
			id,
			name: snapshot.meta.name,
			capturedAt: snapshot.meta.capturedAt,
			importedAt: snapshot.meta.importedAt,
			source,
			counts: countSnapshot(snapshot),
			fingerprint: snapshotFingerprint(snapshot)
		}));
	}
	watchSummaries(): Subscribable<SnapshotSummary[]> {
		return {
			subscribe: ({ next }) => {
				this.#watchers.add(next);
				void this.listSummaries().then(next);
				return { unsubscribe: () => this.#watchers.delete(next) };
			}
		};
	}
	async countSnapshots(): Promise<number> {
		return this.snapshots.size;
	}
	async loadSnapshot(id: string): Promise<Snapshot | undefined> {
		return this.snapshots.get(id)?.snapshot;
	}
	async renameSnapshot(id: string, name: string): Promise<void> {
		const entry = this.snapshots.get(id);
		if (!entry) throw new Error(`no snapshot ${id}`);
		entry.snapshot = { ...entry.snapshot, meta: { ...entry.snapshot.meta, name } };
		this.#notify();
	}
	async saveNotes(id: string, notes: ReviewNote[]): Promise<void> {
		const entry = this.snapshots.get(id);
		if (!entry) throw new Error(`no snapshot ${id}`);
		entry.snapshot = { ...entry.snapshot, notes };
	}
	async deleteSnapshot(id: string): Promise<void> {
		this.snapshots.delete(id);
		this.#notify();
	}
	async getSetting(key: string): Promise<unknown> {
		return this.settings.get(key);
	}
	async setSetting(key: string, value: unknown): Promise<void> {
		this.settings.set(key, value);
	}
	#notify(): void {
		void this.listSummaries().then((list) => this.#watchers.forEach((w) => w(list)));
	}
}

/** Imports on the calling thread and stores into a MemoryStore. */
export class MemoryImporter implements ImporterPort {
	calls: InputFile[][] = [];
	constructor(private store: MemoryStore) {}
	async importAndStore(
		files: InputFile[],
		options: {
			name?: string;
			source?: string;
			onProgress?: (p: { done: number; total: number; file: string }) => void;
		}
	): Promise<StoredImportOutcome> {
		this.calls.push(files);
		const outcome = importFiles(files, { name: options.name, onProgress: options.onProgress });
		if (!outcome.ok) return outcome;
		const id = await this.store.add(outcome.snapshot, options.source);
		return { ok: true, id, name: outcome.snapshot.meta.name, warnings: outcome.warnings };
	}
}
