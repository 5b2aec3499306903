/**
 * Export of a stored snapshot as a download: the native snapshot file (serializeSnapshot) named
 * `<name>.iam-atlas.json`, handed to the browser through a Blob URL (CSP allows blob:, and nothing
 * leaves the machine).
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

/** Make the browser download `text` as `fileName`. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	// Give the download a moment to start before the URL is revoked.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
