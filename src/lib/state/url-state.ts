/**
 * The shell's part of the URL: the link the page was opened with (graph/view-link.ts) — which
 * snapshot it names (`?snapshot=<fingerprint>`, or a store id in older links) and the view to
 * reopen — read once at start and handed to the first explorer. The explorer then keeps the URL
 * in step with its view.
 */
import { decodeViewLink } from '../graph/view-link';
import type { ExplorerViewState } from '../graph/view-hash';

/** The URL parameter naming the snapshot (by content fingerprint; older links: by store id). */
export const SNAPSHOT_PARAM = 'snapshot';

/** A link's view, as read at start. */
export type OpenedLink = ExplorerViewState & { legacy: boolean };

/** The snapshot a URL asks for: its fingerprint (or an older link's store id), or null. */
export function requestedSnapshotId(url: URL): string | null {
	return decodeViewLink(url).snapshot;
}

/** The view a URL opens, or null when it carries none. */
export function openedLink(url: URL): OpenedLink | null {
	const v = decodeViewLink(url);
	const any =
		v.snapshot ||
		v.principal ||
		v.resource ||
		v.action ||
		v.selected ||
		v.expanded.length ||
		Object.keys(v.context).length;
	return any ? v : null;
}
