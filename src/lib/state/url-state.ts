/** The shell's part of the URL: `?snapshot=<id>` names the open snapshot (other params are left to their owners). */

/** The URL parameter naming the open snapshot. */
export const SNAPSHOT_PARAM = 'snapshot';

/** The search-and-hash of `url` with the snapshot param set to `id` (other params kept). */
export function withSnapshotParam(url: URL, id: string): string {
	const next = new URL(url);
	next.searchParams.set(SNAPSHOT_PARAM, id);
	return `${next.search}${next.hash}`;
}
