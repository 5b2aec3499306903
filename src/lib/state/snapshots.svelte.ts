/**
 * The snapshot library: the stored snapshots (a live list), the one that is open, and the actions
 * on them (open, rename, delete, export). On start it opens the snapshot the URL or the last visit
 * named, or — when the store is empty — imports the built-in demo bank and opens it. Storage and
 * importing are behind ports (ports.ts); downloading is the caller's.
 */
import type { InputFile } from '../import/import-files';
import type { ReviewNote, Snapshot } from '../model/snapshot';
import { LiveQuery } from './live-query.svelte';
import type { ImporterPort, SnapshotStorePort, SnapshotSummary } from './ports';

/** The settings key remembering the last opened snapshot. */
export const LAST_OPENED_SETTING = 'lastOpenedSnapshotId';

/** The built-in demo's name in the list. */
export const DEMO_NAME = 'Demo bank (built-in)';

/** An open snapshot: its store id and the (immutable) model. */
export interface OpenSnapshot {
	id: string;
	snapshot: Snapshot;
}

/** Where the library is in its life. */
export type LibraryStatus = 'starting' | 'importing-demo' | 'ready';

/** Reactive state of the stored snapshots and the open one. */
export class SnapshotLibrary {
	/** Every stored snapshot, newest first (live). */
	readonly list: LiveQuery<SnapshotSummary[]>;
	/** The open snapshot; replaced, never mutated. */
	open = $state.raw<OpenSnapshot | null>(null);
	status = $state<LibraryStatus>('starting');
	/** The snapshot being loaded from the store, while it loads (a big one takes a moment). */
	openingId = $state<string | null>(null);
	/** The last problem met (opening, renaming, deleting, storage), in words; null when none. */
	problem = $state<string | null>(null);

	/** The open snapshot's summary row (for its current name after a rename). */
	openSummary = $derived.by(() => {
		const id = this.open?.id;
		return id ? (this.list.current.find((s) => s.id === id) ?? null) : null;
	});
	/** The open snapshot's display name. */
	openName = $derived(this.openSummary?.name ?? this.open?.snapshot.meta.name ?? null);

	#store: SnapshotStorePort;
	#importer: ImporterPort;
	#demoFiles: () => Promise<InputFile[]>;

	constructor(
		store: SnapshotStorePort,
		importer: ImporterPort,
		demoFiles: () => Promise<InputFile[]>
	) {
		this.#store = store;
		this.#importer = importer;
		this.#demoFiles = demoFiles;
		this.list = new LiveQuery(() => store.watchSummaries(), []);
	}

	/** First start imports and opens the demo; later starts reopen `preferredId` or the last opened snapshot. */
	async start(preferredId: string | null = null): Promise<void> {
		try {
			if ((await this.#store.countSnapshots()) === 0) {
				await this.importDemo();
				return;
			}
			// The link's snapshot, else the one open last time, else the newest.
			const remembered = (await this.#store.getSetting(LAST_OPENED_SETTING)) as string | undefined;
			const newest = (await this.#store.listSummaries())[0]?.id;
			for (const id of [preferredId, remembered, newest])
				if (id && (await this.openById(id))) break;
		} catch (error) {
			this.problem = `Could not read the stored snapshots: ${messageOf(error)}`;
		} finally {
			this.status = 'ready';
		}
	}

	/** Open a stored snapshot; false when it is not there. */
	async openById(id: string): Promise<boolean> {
		this.openingId = id;
		try {
			const snapshot = await this.#store.loadSnapshot(id);
			if (!snapshot) return false;
			this.open = { id, snapshot };
			this.problem = null;
			await this.#store.setSetting(LAST_OPENED_SETTING, id);
			return true;
		} catch (error) {
			this.problem = `Could not open the snapshot: ${messageOf(error)}`;
			return false;
		} finally {
			if (this.openingId === id) this.openingId = null;
		}
	}

	/** Close the open snapshot (the list stays). */
	close(): void {
		this.open = null;
	}

	/** Rename a stored snapshot; blank names are refused. */
	async rename(id: string, name: string): Promise<boolean> {
		const trimmed = name.trim();
		if (!trimmed) {
			this.problem = 'A snapshot needs a name.';
			return false;
		}
		return this.#attempt('rename the snapshot', () => this.#store.renameSnapshot(id, trimmed));
	}

	/** Delete a stored snapshot (closing it when it is open). */
	async remove(id: string): Promise<boolean> {
		const done = await this.#attempt('delete the snapshot', () => this.#store.deleteSnapshot(id));
		if (done && this.open?.id === id) this.open = null;
		return done;
	}

	/** Store new review notes for the open snapshot (so an export carries them); false (with a problem set) on failure. */
	async saveNotes(id: string, notes: ReviewNote[]): Promise<boolean> {
		const done = await this.#attempt('save the review notes', () =>
			this.#store.saveNotes(id, notes)
		);
		if (done && this.open?.id === id)
			this.open = { id, snapshot: { ...this.open.snapshot, notes } };
		return done;
	}

	/** Load a stored snapshot for export; null (with a problem set) when it is gone. */
	async forExport(id: string): Promise<Snapshot | null> {
		if (this.open?.id === id) return this.open.snapshot;
		const snapshot = await this.#store.loadSnapshot(id).catch(() => undefined);
		if (!snapshot) this.problem = 'That snapshot is no longer stored.';
		return snapshot ?? null;
	}

	/** Import the built-in demo bank (through the same importer as any collection) and open it. */
	async importDemo(): Promise<void> {
		const previous = this.status;
		this.status = 'importing-demo';
		try {
			const files = await this.#demoFiles();
			const outcome = await this.#importer.importAndStore(files, {
				name: DEMO_NAME,
				source: 'built-in demo'
			});
			if (outcome.ok) await this.openById(outcome.id);
			else
				this.problem = `The built-in demo could not be imported: ${outcome.errors[0]?.message ?? 'unknown error'}`;
		} finally {
			this.status = previous === 'starting' ? 'starting' : 'ready';
		}
	}

	async #attempt(what: string, action: () => Promise<void>): Promise<boolean> {
		try {
			await action();
			this.problem = null;
			return true;
		} catch (error) {
			this.problem = `Could not ${what}: ${messageOf(error)}`;
			return false;
		}
	}
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
