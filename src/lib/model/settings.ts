/**
 * The app's small settings (kept by src/lib/store next to the snapshots): every key and the type of
 * its value, in one place, so the store, the state classes and their tests name them alike.
 */

/** Every setting and its type. */
export interface Settings {
	/** The snapshot opened last (reopened on start; cleared when it is deleted). */
	lastOpenedSnapshotId: string;
	/** The colour scheme chosen in the header. */
	theme: 'light' | 'dark' | 'system';
	/** The built-in demo's store id. */
	demoSnapshotId: string;
	/** The user deleted the demo: it is not re-imported on start. */
	demoDeleted: boolean;
}

/** The settings keys by what they hold. */
export const SETTING_KEYS = {
	lastOpened: 'lastOpenedSnapshotId',
	theme: 'theme',
	demoId: 'demoSnapshotId',
	demoDeleted: 'demoDeleted'
} as const satisfies Record<string, keyof Settings>;
