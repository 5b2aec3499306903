/**
 * The migrator the app hands to SnapshotStore: lifts a stored body of an older format version to
 * the current one. The parser, its migrations and the ajv validator load on first use only, so
 * they stay out of the first-paint bundle (issue 9); storage itself is left to src/lib/store.
 */
import type { Result } from '../../model/result';
import type { Snapshot } from '../../model/snapshot';

/** A stored body of any known version → the current Snapshot (validated), or why not. */
export async function migrateStoredSnapshot(
	body: unknown,
	name: string
): Promise<Result<Snapshot>> {
	const { snapshotFromJson } = await import('./parse-snapshot-file');
	return snapshotFromJson(body, name);
}
