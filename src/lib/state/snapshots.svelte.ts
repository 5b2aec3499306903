/**
 * The snapshot library: the stored snapshots (a live list), the one that is open, and the actions
 * on them (open, rename, delete, export). On start it opens the snapshot the URL or the last visit
 * named, or — when the store is empty — imports the built-in demo bank and opens it. A snapshot
 * deleted elsewhere (another tab) is closed here too, with a notice. Storage and
 * importing are behind ports (ports.ts); downloading is the caller's.
 */
import { SETTING_KEYS } from '../model/settings';
import type { InputFile } from '../import/import-files';
import type { ReviewNote, Snapshot } from '../model/snapshot';
import { snapshotFingerprint } from '../model/fingerprint';
import { distinctName } from './distinct-name';
import { LiveQuery } from './live-query.svelte';
import type { ImporterPort, SnapshotStorePort, SnapshotSummary } from './ports';

/** The settings key remembering the last opened snapshot. */
export const LAST_OPENED_SETTING = SETTING_KEYS.lastOpened;

/** The settings keys recording the demo's id and that the user deleted it (it then stays deleted). */
export const DEMO_ID_SETTING = SETTING_KEYS.demoId;
export const DEMO_DELETED_SETTING = SETTING_KEYS.demoDeleted;

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
	/** The open snapshot's content fingerprint (links name snapshots by it). */
	openFingerprint = $derived.by(() => {
		if (!this.open) return null;
		return this.openSummary?.fingerprint ?? snapshotFingerprint(this.open.snapshot);
	});

	#store: SnapshotStorePort;
	/** Ids this tab is deleting (their disappearance is expected, not news). */
	// Bookkeeping, not state: nothing renders it.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#deleting = new Set<string>();
	#watching = false;
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

	/**
	 * First start imports and opens the demo (unless the user deleted it); later starts reopen the
	 * snapshot `preferred` names (a store id or a content fingerprint), else the last opened one.
	 */
	async start(preferred: string | null = null): Promise<void> {
		try {
			if ((await this.#store.countSnapshots()) === 0) {
				if (!(await this.#store.getSetting(DEMO_DELETED_SETTING))) await this.importDemo();
				return;
			}
			// The link's snapshot, else the one open last time, else the newest.
			const remembered = (await this.#store.getSetting(LAST_OPENED_SETTING)) as string | undefined;
			const summaries = await this.#store.listSummaries();
			const linked = preferred ? await this.#resolve(preferred, summaries) : null;
			for (const id of [linked, remembered, summaries[0]?.id])
				if (id && (await this.openById(id))) break;
		} catch (error) {
			this.problem = `Could not read the stored snapshots: ${messageOf(error)}`;
		} finally {
			this.status = 'ready';
		}
	}

	/** The store id of the snapshot a link names by id or by content fingerprint, or null. */
	async #resolve(ref: string, summaries: SnapshotSummary[]): Promise<string | null> {
		const hit = summaries.find((s) => s.id === ref || s.fingerprint === ref);
		if (hit) return hit.id;
		// Rows stored before fingerprints existed: compute theirs (rare, and only for a link).
		for (const s of summaries.filter((x) => !x.fingerprint)) {
			const body = await this.#store.loadSnapshot(s.id).catch(() => undefined);
			if (body && snapshotFingerprint(body) === ref) return s.id;
		}
		return null;
	}

	/** True when this browser holds a snapshot with this content fingerprint (or store id). */
	async holds(ref: string): Promise<boolean> {
		return (await this.#resolve(ref, await this.#store.listSummaries())) !== null;
	}

	/**
	 * Give a newly stored snapshot a name no other stored snapshot has ("Demo (2)"), so re-imports
	 * can be told apart; returns the name it ends up with.
	 */
	async nameDistinctly(id: string): Promise<string | null> {
		const summaries = await this.#store.listSummaries();
		const self = summaries.find((s) => s.id === id);
		if (!self) return null;
		const name = distinctName(
			self.name,
			summaries.filter((s) => s.id !== id).map((s) => s.name)
		);
		if (name !== self.name) await this.#store.renameSnapshot(id, name);
		return name;
	}

	/** Open a stored snapshot; false when it is not there. */
	async openById(id: string): Promise<boolean> {
		this.openingId = id;
		try {
			const snapshot = await this.#store.loadSnapshot(id);
			if (!snapshot) return false;
			this.open = { id, snapshot };
			this.problem = null;
			this.#watchStore();
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
		this.#deleting.add(id);
		try {
			const isDemo =
				(await this.#store.getSetting(DEMO_ID_SETTING)) === id ||
				(await this.#store.listSummaries()).find((s) => s.id === id)?.name === DEMO_NAME;
			const done = await this.#attempt('delete the snapshot', () => this.#store.deleteSnapshot(id));
			if (done && isDemo) await this.#store.setSetting(DEMO_DELETED_SETTING, true);
			if (done && this.open?.id === id) this.open = null;
			return done;
		} finally {
			this.#deleting.delete(id);
		}
	}

	/**
	 * Watch the stored list for as long as the library lives (from the first open on), whether or
	 * not a component shows the list: the open snapshot may be deleted by another tab any time.
	 */
	#watchStore(): void {
		if (this.#watching) return;
		this.#watching = true;
		this.#store.watchSummaries().subscribe({
			next: (list) => void this.#closeIfDeleted(list),
			error: () => {
				this.#watching = false;
			}
		});
	}

	/**
	 * The stored list changed: when the open snapshot is no longer in it — deleted in another tab
	 * or window — close it and say so. A list read before this tab stored the snapshot it just
	 * opened can arrive late, so the store is asked once more before closing.
	 */
	async #closeIfDeleted(list: SnapshotSummary[]): Promise<void> {
		const open = this.open;
		if (!open || this.#deleting.has(open.id) || list.some((s) => s.id === open.id)) return;
		const stored = await this.#store.listSummaries().catch(() => null);
		if (!stored || stored.some((s) => s.id === open.id)) return;
		if (this.open?.id !== open.id || this.#deleting.has(open.id)) return;
		this.open = null;
		this.problem = `The snapshot "${open.snapshot.meta.name}" was deleted (in another tab or window), so it was closed.`;
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
			if (outcome.ok) {
				await this.#store.setSetting(DEMO_ID_SETTING, outcome.id);
				await this.#store.setSetting(DEMO_DELETED_SETTING, undefined);
				await this.nameDistinctly(outcome.id);
				await this.openById(outcome.id);
			} else
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
