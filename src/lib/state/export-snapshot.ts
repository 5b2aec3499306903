/**
 * Export of a stored snapshot as a download: the native snapshot file (serializeSnapshot) named
 * `<name>.iam-atlas.json`; download.ts hands it to the browser.
 */
import { serializeSnapshot } from '../import/snapshot-file/serialize-snapshot';
import type { Snapshot } from '../model/snapshot';

/** The download's file name: the snapshot name made safe for file systems, plus `.iam-atlas.json`. */
export function snapshotFileName(name: string): string {
	const safe = name
		.normalize('NFKC')
		.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^\.+/, '');
	return `${safe || 'snapshot'}.iam-atlas.json`;
}

/** The exported file: the snapshot under its current (possibly renamed) name. */
export function snapshotFile(snapshot: Snapshot, name: string): { fileName: string; text: string } {
	const named =
		snapshot.meta.name === name ? snapshot : { ...snapshot, meta: { ...snapshot.meta, name } };
	return { fileName: snapshotFileName(name), text: serializeSnapshot(named) };
}
