/** Small key-value settings kept in IndexedDB next to the snapshots (last opened snapshot, theme). */
import type { Result } from '../model/result';
import type { AtlasDb } from './atlas-db';
import { storeError } from './store-error';

/** Every setting and its type. */
export interface Settings {
	lastOpenedSnapshotId: string;
	theme: 'light' | 'dark' | 'system';
	/** The built-in demo's store id, and whether the user deleted it (then it is not re-imported on start). */
	demoSnapshotId: string;
	demoDeleted: boolean;
}

/** The key of the last opened snapshot's id (cleared when that snapshot is deleted). */
export const LAST_OPENED = 'lastOpenedSnapshotId' satisfies keyof Settings;

/** Read one setting; undefined when never set. */
export async function getSetting<K extends keyof Settings>(
	db: AtlasDb,
	key: K
): Promise<Settings[K] | undefined> {
	return (await db.settings.get(key))?.value as Settings[K] | undefined;
}

/** Write one setting (undefined removes it). */
export async function setSetting<K extends keyof Settings>(
	db: AtlasDb,
	key: K,
	value: Settings[K] | undefined
): Promise<Result<void>> {
	try {
		if (value === undefined) await db.settings.delete(key);
		else await db.settings.put({ key, value });
		return { ok: true, value: undefined };
	} catch (e) {
		return { ok: false, error: storeError(e, 'save the setting') };
	}
}
