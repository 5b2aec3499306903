/**
 * The app's state root: the theme, the snapshot library and the import job, built once over the
 * services (store, importer, demo) and shared by the shell's components through props.
 */
import type { InputFile } from '../import/import-files';
import { DeviceStatus } from './device.svelte';
import { downloadText } from './download';
import { snapshotFile } from './export-snapshot';
import { ImportJob } from './import.svelte';
import type { ImporterPort, SnapshotStorePort } from './ports';
import { SnapshotLibrary } from './snapshots.svelte';
import type { OpenedLink } from './url-state';
import { Theme } from './theme.svelte';

/** What the app runs on (the real store and worker in the browser; fakes in tests). */
export interface AtlasServices {
	store: SnapshotStorePort;
	importer: ImporterPort;
	demoFiles: () => Promise<InputFile[]>;
}

/** Which view of the open snapshot the main area shows. */
export type MainView = 'graph' | 'outline';

/** The app's state. */
export class AtlasApp {
	readonly theme: Theme;
	readonly library: SnapshotLibrary;
	readonly importJob: ImportJob;
	readonly device = new DeviceStatus();
	view = $state<MainView>('graph');
	/** True once the outline has been shown: it is built on first view, then kept. */
	outlineVisited = $state(false);
	/** Whether the snapshot sidebar shows (hide it to give the graph the whole width on a projector). */
	sidebarOpen = $state(true);

	constructor(services: AtlasServices) {
		this.theme = new Theme(services.store);
		this.library = new SnapshotLibrary(services.store, services.importer, services.demoFiles);
		this.importJob = new ImportJob(services.importer, async (id) => {
			const name = await this.library.nameDistinctly(id);
			await this.library.openById(id);
			// The user now has data of their own here: ask the browser not to evict it.
			await this.device.persist();
			await this.device.refreshStorage();
			return name;
		});
	}

	#link: OpenedLink | null = null;

	/** Load the theme and open a snapshot (the one `link` names, or the demo on first start). */
	async start(link: OpenedLink | null): Promise<void> {
		this.#link = link;
		await Promise.all([this.theme.load(), this.library.start(link?.snapshot ?? null)]);
	}

	/** The view the page was opened with, handed once to the first explorer (null afterwards). */
	takeLink(): OpenedLink | null {
		const link = this.#link;
		this.#link = null;
		return link;
	}

	/** Delete a stored snapshot and update the storage figure. */
	async deleteSnapshot(id: string): Promise<boolean> {
		const done = await this.library.remove(id);
		void this.device.refreshStorage();
		return done;
	}

	/** Switch the main area between the graph and the outline. */
	show(view: MainView): void {
		this.view = view;
		if (view === 'outline') this.outlineVisited = true;
	}

	/** Show or hide the snapshot sidebar. */
	toggleSidebar(): void {
		this.sidebarOpen = !this.sidebarOpen;
	}

	/** Download a stored snapshot as `<name>.iam-atlas.json`. */
	async exportSnapshot(id: string): Promise<void> {
		const snapshot = await this.library.forExport(id);
		if (!snapshot) return;
		const name = this.library.list.current.find((s) => s.id === id)?.name ?? snapshot.meta.name;
		const { fileName, text } = snapshotFile(snapshot, name);
		downloadText(fileName, text);
	}
}
