/**
 * The shell's part of the URL: `?snapshot=<id>` names the open snapshot. The graph explorer keeps
 * its own view (including the snapshot id, as `s`) in the hash; a link carrying either reopens it.
 */
import { decodeViewHash } from '../graph/view-hash';

/** The URL parameter naming the open snapshot. */
export const SNAPSHOT_PARAM = 'snapshot';

/** The search-and-hash of `url` with the snapshot param set to `id` (other params and the hash kept). */
export function withSnapshotParam(url: URL, id: string): string {
	const next = new URL(url);
	next.searchParams.set(SNAPSHOT_PARAM, id);
	return `${next.search}${next.hash}`;
}

/** The snapshot a URL asks for: the explorer's hash view first (it is the more specific link), then the query. */
export function requestedSnapshotId(url: URL): string | null {
	return decodeViewHash(url.hash).snapshot ?? url.searchParams.get(SNAPSHOT_PARAM);
}
